/**
 * Author names decoded, by how a BibTeX file writes them: a bibliography names most of its authors again and again
 * (100,000 entries of DBLP's name 850,000 authors, 70,000 of them different). A name is found by a hash of how it is
 * written, worked out by the reader of the author field as it goes (hashStep, from HASH_START), so that a name seen
 * before is neither cut out of the field nor read again but to check that it is the same. The table is open-addressed
 * in one typed array, each slot a name's hash beside its number, so that a look-up mostly touches one slot and the
 * name it finds: a Map, and an object or array per name, took most of the time of reading authors. Pure.
 */

import { detached } from './detached.js';

/** FNV-1a: the hash before any character… */
export const HASH_START = 0x811c9dc5 | 0;

/** …and after one more. */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/** Slots in the first table: a power of two. */
const FIRST_CAPACITY = 1 << 12;

export class NameCache {
  /**
   * Pairs of a hash and the number of the name that has it (1-based; 0: an empty slot), at the slot the hash picks
   * or the first empty one after it. At most half full.
   */
  #slots = new Int32Array(2 * FIRST_CAPACITY);
  /** By name number − 1, two by two: how the name is written (a copy, not a slice that would keep the file's text), and decoded. */
  readonly #names: string[] = [];

  /**
   * The name written in `field` from `start` to `end`, whose hash (hashStep over its characters) is `hash`, decoded
   * by `decode` the first time it is seen.
   */
  decoded(field: string, start: number, end: number, hash: number, decode: (written: string) => string): string {
    const slots = this.#slots;
    const mask = slots.length - 2;
    let slot = (hash << 1) & mask;
    for (let found = slots[slot + 1] ?? 0; found !== 0; found = slots[slot + 1] ?? 0) {
      if (slots[slot] === hash) {
        const written = this.#names[2 * found - 2] ?? '';
        if (written.length === end - start && field.startsWith(written, start)) return this.#names[2 * found - 1] ?? '';
      }
      slot = (slot + 2) & mask;
    }
    const written = detached(field.slice(start, end));
    const decoded = detached(decode(written));
    this.#names.push(written, decoded);
    const count = this.#names.length / 2;
    slots[slot] = hash;
    slots[slot + 1] = count;
    if (count * 4 > slots.length) this.#grow();
    return decoded;
  }

  /** Twice the slots, every name put in again. */
  #grow(): void {
    const old = this.#slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length - 2;
    for (let at = 0; at < old.length; at += 2) {
      const number = old[at + 1] ?? 0;
      if (number === 0) continue;
      const hash = old[at] ?? 0;
      let slot = (hash << 1) & mask;
      while (slots[slot + 1] !== 0) slot = (slot + 2) & mask;
      slots[slot] = hash;
      slots[slot + 1] = number;
    }
    this.#slots = slots;
  }
}
