import { describe, expect, it } from 'vitest';
import { forEachToken, tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('splits on anything but letters and digits, in lower case', () => {
    expect(tokenize('E(n)-Equivariant Graph Neural Networks (EGNNs), 2021')).toEqual([
      'e',
      'n',
      'equivariant',
      'graph',
      'neural',
      'networks',
      'egnns',
      '2021',
    ]);
  });

  it('folds diacritics, compatibility forms and stroked letters', () => {
    expect(tokenize('Léon Bottou, Łukasz Kaiser, Søren, ﬁne-tuning, ＧＰＴ, Straße')).toEqual([
      'leon',
      'bottou',
      'lukasz',
      'kaiser',
      'soren',
      'fine',
      'tuning',
      'gpt',
      'strasse',
    ]);
    expect(tokenize('Ve\u0301lic\u030ckovic\u0301')).toEqual(['velickovic']);
  });

  it('keeps other scripts', () => {
    expect(tokenize('Трансформеры 注意力 𝒳-ray')).toEqual(['трансформеры', '注意力', 'x', 'ray']);
  });

  it('tells where each word is in the original text', () => {
    const text = 'Pietro Liò & Petar Veličković';
    const found: string[] = [];
    forEachToken(text, (term, start, end) => found.push(`${term}=${text.slice(start, end)}`));
    expect(found).toEqual(['pietro=Pietro', 'lio=Liò', 'petar=Petar', 'velickovic=Veličković']);
  });
});
