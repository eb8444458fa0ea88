import { describe, expect, it } from 'vitest';

import { canonicalJson } from './canonical-json.js';
import { canonicalJsonPieces, elementText } from './canonical-json-parts.js';

function canonicalJsonParts(value: unknown): string[] {
  return [...canonicalJsonPieces(value)].map((piece) =>
    typeof piece === 'string' ? piece : elementText(piece.element),
  );
}

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['b', 'a', '10', '2', 'é', 'Z', 'ab', '01', '-1', 'papers', 'digests', '__proto__', 'toString', ''];

function randomValue(random: () => number, depth: number): unknown {
  const kind = Math.floor(random() * (depth > 2 ? 5 : 9));
  switch (kind) {
    case 0:
      return Math.floor(random() * 1000) - 500;
    case 1:
      return ['x', 'ü', '"q"', '\n', '𝔸'][Math.floor(random() * 5)];
    case 2:
      return [null, true, false][Math.floor(random() * 3)];
    case 3:
      return undefined;
    case 4:
      return [Number.NaN, 0.25, new Date(0)][Math.floor(random() * 3)];
    case 5:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
    default: {
      // Keys in the order given, or already in order (as a canonical file read back has them); __proto__ as its own.
      const object: Record<string, unknown> = {};
      for (const key of kind === 6 ? [...KEYS].sort() : KEYS) {
        const field = { value: randomValue(random, depth + 1), enumerable: true };
        if (random() < 0.4) Object.defineProperty(object, key, field);
      }
      return object;
    }
  }
}

/** canonicalJson's definition: every object copied with its keys sorted by code point, then JSON.stringify. */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Readonly<Record<string, unknown>>;
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (record[key] !== undefined) sorted[key] = sortedCopy(record[key]);
  }
  return sorted;
}

describe('canonicalJson', () => {
  it('writes every object with its keys in code-point order, however it was built', () => {
    const random = prng(20261207);
    for (let round = 0; round < 3000; round++) {
      const value = randomValue(random, 0);
      expect(canonicalJson(value)).toBe(JSON.stringify(sortedCopy(value)));
    }
  });

  it('leaves the value it is given as it was', () => {
    const value = { b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } };
    const before = JSON.stringify(value);
    expect(canonicalJson(value)).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
    expect(JSON.stringify(value)).toBe(before);
  });
});

describe('canonicalJsonPieces', () => {
  it('joins to exactly canonicalJson’s text, whatever the value', () => {
    const random = prng(12);
    for (let run = 0; run < 2000; run++) {
      const value = randomValue(random, 0);
      expect(canonicalJsonParts(value).join('')).toBe((canonicalJson(value) as string | undefined) ?? '');
    }
  });

  it('gives an import’s papers one at a time', () => {
    const document = {
      v: 1,
      papers: [
        { id: 'b', title: 'B' },
        { title: 'A', id: 'a' },
      ],
      digests: [],
      format: 'f',
    };
    const parts = canonicalJsonParts(document);
    expect(parts).toContain('{"id":"a","title":"A"}');
    expect(parts.join('')).toBe(canonicalJson(document));
  });
});
