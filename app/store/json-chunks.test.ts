import { describe, expect, it } from 'vitest';
import { jsonChunks } from './json-chunks.js';

/** The pieces, each copied as it comes: the next one is written into the same buffer. */
function pieces(value: unknown, chunkBytes?: number): Buffer[] {
  const copies: Buffer[] = [];
  for (const chunk of jsonChunks(value, chunkBytes)) copies.push(Buffer.from(chunk));
  return copies;
}

const joined = (value: unknown, chunkBytes?: number): string =>
  Buffer.concat(pieces(value, chunkBytes)).toString('utf8');

describe('jsonChunks', () => {
  it('writes what JSON.stringify writes', () => {
    const values: unknown[] = [
      { schemaVersion: 1, papers: [{ id: 'a', authors: ['Ada', 'Ω'], year: null }, { id: 'b' }], digests: [] },
      { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('s'), 1], d: { nested: [1, 2] }, e: 'x\u2028"' },
      { date: new Date(0), empty: {}, list: [[1], { two: 2 }] },
      [1, 2, 3],
      'text',
      null,
      Object.assign(Object.create(null) as object, { noPrototype: [true] }),
      { toJSON: () => 'itself' },
    ];
    for (const value of values) {
      expect(joined(value)).toBe(JSON.stringify(value));
      // Pieces of a few bytes: every part, and every character of UTF-8, split between pieces or alone in one.
      for (const chunkBytes of [1, 2, 3, 5]) expect(joined(value, chunkBytes)).toBe(JSON.stringify(value));
    }
  });

  it('writes a large array in pieces of about a megabyte', () => {
    const papers = Array.from({ length: 30_000 }, (_, index) => ({
      id: `paper-${index}`,
      abstract: 'word '.repeat(20),
    }));
    const chunks = pieces({ papers });
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.slice(0, -1).every((chunk) => chunk.length > 1024 * 1024 - 200 && chunk.length <= 1024 * 1024)).toBe(
      true,
    );
    expect(Buffer.concat(chunks).toString('utf8')).toBe(JSON.stringify({ papers }));
  });
});
