import { describe, expect, it } from 'vitest';
import { saysNothing } from './weak-words.js';

describe('words that say nothing as a reason', () => {
  it('are the prose of abstracts, its connectives and the prefixes a hyphen leaves, in any number', () => {
    for (const label of [
      'systems',
      'extensive experiments',
      'lastly',
      'moreover',
      'sub',
      'multi',
      'sizes',
      'observations',
    ])
      expect(saysNothing(label)).toBe(true);
  });

  it('are not a subject, nor a phrase with one word of a subject', () => {
    for (const label of ['graph generation', 'language models', 'se', 'global illumination', 'sub graphs', 'proteins'])
      expect(saysNothing(label)).toBe(false);
  });
});
