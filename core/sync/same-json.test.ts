import { describe, expect, it } from 'vitest';

import { canonicalJson } from './canonical-json.js';
import { sameJson } from './same-json.js';

const holey = [undefined];

const values: unknown[] = [
  holey,
  null,
  0,
  1,
  'a',
  'b',
  true,
  [],
  [1, 2],
  [2, 1],
  [null],
  {},
  { a: 1 },
  { a: 1, b: undefined },
  { b: undefined, a: 1 },
  { a: 2 },
  { a: [1, { c: 'x' }] },
  { a: [1, { c: 'y' }] },
  { a: [1, { c: 'x', d: undefined }] },
  { 10: 'x', 2: 'y' },
  { 2: 'y', 10: 'x' },
  { papers: [{ id: 'p', title: 'T', authors: ['A'] }], digests: [] },
  { digests: [], papers: [{ authors: ['A'], title: 'T', id: 'p' }] },
  { digests: [], papers: [{ authors: ['B'], title: 'T', id: 'p' }] },
];

describe('sameJson', () => {
  it('says two values are the same only when their canonical texts are', () => {
    for (const a of values) {
      for (const b of values) {
        const same = canonicalJson(a) === canonicalJson(b);
        if (sameJson(a, b)) expect(same).toBe(true);
        // Plain data, as imports are (no undefined in an array, which is written null): it always knows.
        if (a !== holey && b !== holey) expect(sameJson(a, b)).toBe(same);
      }
    }
  });
});
