import { describe, expect, it } from 'vitest';
import { typoDistance } from './edit-distance.js';

describe('typoDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one typo each', () => {
    expect(typoDistance('networks', 'networks', 2)).toBe(0);
    expect(typoDistance('netwroks', 'networks', 2)).toBe(1);
    expect(typoDistance('equivarant', 'equivariant', 2)).toBe(1);
    expect(typoDistance('graph', 'grapj', 2)).toBe(1);
    expect(typoDistance('graphs', 'graph', 2)).toBe(1);
    expect(typoDistance('netwrok', 'network', 2)).toBe(1);
  });

  it('stops at the limit', () => {
    expect(typoDistance('equivariant', 'invariant', 2)).toBe(3);
    expect(typoDistance('graph', 'attention', 1)).toBe(2);
    expect(typoDistance('abcdef', 'badcfe', 2)).toBe(3);
  });
});
