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

const KEYS = ['b', 'a', '10', '2', 'é', 'Z', 'ab', '01', '-1', 'papers', 'digests', ''];

function randomValue(random: () => number, depth: number): unknown {
  const kind = Math.floor(random() * (depth > 2 ? 5 : 8));
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
      return random() < 0.5 ? Number.NaN : 0.25;
    case 5:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (const key of KEYS) if (random() < 0.4) object[key] = randomValue(random, depth + 1);
      return object;
    }
  }
}

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
