import { describe, expect, it } from 'vitest';
import { HASH_START, hashStep, NameCache } from './name-cache.js';

function hashOf(text: string, start: number, end: number): number {
  let hash = HASH_START;
  for (let index = start; index < end; index++) hash = hashStep(hash, text.charCodeAt(index));
  return hash;
}

describe('NameCache', () => {
  it('decodes each name once, and tells apart names however many share a slot or the table grows', () => {
    const cache = new NameCache();
    const decodedOnce: string[] = [];
    const decode = (written: string): string => {
      decodedOnce.push(written);
      return written.toUpperCase();
    };
    const names = Array.from({ length: 20_000 }, (_, index) => `name ${index}`);
    const field = names.join('|');
    const lookUp = (hashed: (start: number, end: number) => number): string[] => {
      const found: string[] = [];
      let start = 0;
      for (const name of names) {
        found.push(cache.decoded(field, start, start + name.length, hashed(start, start + name.length), decode));
        start += name.length + 1;
      }
      return found;
    };
    const upper = names.map((name) => name.toUpperCase());
    expect(lookUp((start, end) => hashOf(field, start, end))).toEqual(upper);
    expect(lookUp((start, end) => hashOf(field, start, end))).toEqual(upper);
    expect(decodedOnce).toEqual(names);
    // Names whose hashes are all the same are still told apart by how they are written.
    const colliding = new NameCache();
    const same = (written: string): string => colliding.decoded(written, 0, written.length, 7, (text) => `<${text}>`);
    expect(['a', 'b', 'a', 'ab', 'b'].map(same)).toEqual(['<a>', '<b>', '<a>', '<ab>', '<b>']);
  });
});
