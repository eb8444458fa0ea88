import { describe, expect, it } from 'vitest';
import { jsonChunks } from './json-chunks.js';

const joined = (value: unknown): string => [...jsonChunks(value)].join('');

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
    for (const value of values) expect(joined(value)).toBe(JSON.stringify(value));
  });

  it('writes a large array in pieces of about a megabyte', () => {
    const papers = Array.from({ length: 30_000 }, (_, index) => ({
      id: `paper-${index}`,
      abstract: 'word '.repeat(20),
    }));
    const chunks = [...jsonChunks({ papers })];
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.slice(0, -1).every((chunk) => chunk.length >= 1024 * 1024 && chunk.length < 1024 * 1024 + 200)).toBe(
      true,
    );
    expect(chunks.join('')).toBe(JSON.stringify({ papers }));
  });
});
