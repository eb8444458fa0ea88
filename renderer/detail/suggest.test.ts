import { describe, expect, it } from 'vitest';
import { suggestTags } from './suggest.js';

const tags = [
  { tag: 'graphs', count: 9 },
  { tag: 'equivariance', count: 5 },
  { tag: 'lie-groups', count: 3 },
  { tag: 'diffusion', count: 2 },
  { tag: 'to-read', count: 1 },
];

describe('suggestTags', () => {
  it('offers prefix matches (of the tag or of a word in it) before inner matches', () => {
    expect(suggestTags('gr', tags, [], 5).map((tag) => tag.tag)).toEqual(['graphs', 'lie-groups']);
    expect(suggestTags('iff', tags, [], 5).map((tag) => tag.tag)).toEqual(['diffusion']);
    expect(suggestTags('GRAPHS', tags, [], 5).map((tag) => tag.tag)).toEqual(['graphs']);
  });

  it('leaves out tags the paper has, and stops at the limit', () => {
    expect(suggestTags('', tags, ['Graphs'], 2).map((tag) => tag.tag)).toEqual(['equivariance', 'lie-groups']);
    expect(suggestTags('zzz', tags, [], 5)).toEqual([]);
  });
});
