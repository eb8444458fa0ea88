import { describe, expect, it } from 'vitest';
import { typoBudget, typoMatches } from './typos.js';
import { Vocabulary } from './vocabulary.js';

function vocabularyOf(terms: readonly string[]): Vocabulary {
  const vocabulary = new Vocabulary();
  for (const term of terms) vocabulary.intern(term);
  return vocabulary;
}

const terms = (vocabulary: Vocabulary, first: number, end: number): string[] =>
  Array.from({ length: end - first }, (_, index) => vocabulary.termOf(vocabulary.idAt(first + index)));

describe('typoMatches', () => {
  const vocabulary = vocabularyOf([
    'network',
    'networks',
    'neural',
    'equivariant',
    'equivariance',
    'invariant',
    'graph',
  ]);

  it('gives short words no typo, three to seven letters one, longer ones two', () => {
    expect([2, 3, 4, 7, 8, 12].map(typoBudget)).toEqual([0, 1, 1, 1, 2, 2]);
  });

  it('lets a three-letter word only miss a letter of a four-letter term', () => {
    const small = vocabularyOf(['self', 'selfish', 'sea', 'set', 'seat']);
    expect(typoMatches('sef', small).map((match) => [match.prefix, match.wholeTermOnly])).toEqual([['self', true]]);
    expect(typoMatches('sez', small)).toEqual([]);
  });

  it('finds whole terms and prefixes within the budget, with a swap as one typo', () => {
    const found = typoMatches('netwroks', vocabulary).map((match) => match.prefix);
    expect(found).toEqual(expect.arrayContaining(['network', 'networks']));
    expect(typoMatches('equivarant', vocabulary).map((match) => match.prefix)).toContain('equivariant');
    expect(typoMatches('grpah', vocabulary).map((match) => match.prefix)).toEqual(['graph']);
  });

  it('covers every term a matched prefix starts', () => {
    const small = vocabularyOf(['nebula', 'netwrk', 'netwrks']);
    const covered = typoMatches('netwo', small).flatMap((match) => terms(small, match.first, match.end));
    expect([...new Set(covered)].sort()).toEqual(['netwrk', 'netwrks']);
  });

  it('finds nothing beyond the budget', () => {
    expect(typoMatches('equivariant', vocabulary).map((match) => match.prefix)).not.toContain('invariant');
    expect(typoMatches('grph', vocabulary).map((match) => match.prefix)).toEqual(['graph']);
    expect(typoMatches('gph', vocabulary)).toEqual([]);
  });
});
