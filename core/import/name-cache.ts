/**
 * Author names decoded, by how a BibTeX file writes them: a bibliography names most of its authors again and again
 * (100,000 entries of DBLP's name 850,000 authors, 70,000 of them different). A name is found by a hash of how it is
 * written, worked out by the reader of the author field as it goes (hashStep, from HASH_START), so that a name seen
 * before is neither cut out of the field nor read again but to check that it is the same. The table is open-addressed
 * in one typed array, each slot a name's hash, number, and where its characters are in another typed array: a look-up
 * touches the slot and the characters, which a Map, and a string and an object or array per name, scatter about.
 * Pure.
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

/** A slot: the hash, the name's number (1-based; 0: an empty slot), where its characters start, how many. */
const SLOT = 4;

export class NameCache {
  /** The slot the hash picks, or the first empty one after it. At most half full. */
  #slots = new Int32Array(SLOT * FIRST_CAPACITY);
  /** Every name's characters as written, one after the other. */
  #characters = new Uint16Array(16 * FIRST_CAPACITY);
  #charactersUsed = 0;
  /** By name number − 1: the name decoded. */
  readonly #decoded: string[] = [];

  /**
   * The name written in `field` from `start` to `end`, whose hash (hashStep over its characters) is `hash`, decoded
   * by `decode` the first time it is seen.
   */
  decoded(field: string, start: number, end: number, hash: number, decode: (written: string) => string): string {
    const slots = this.#slots;
    const characters = this.#characters;
    const mask = slots.length - SLOT;
    const length = end - start;
    let slot = (hash << 2) & mask;
    for (let found = slots[slot + 1] ?? 0; found !== 0; found = slots[slot + 1] ?? 0) {
      if (slots[slot] === hash && slots[slot + 3] === length) {
        const at = (slots[slot + 2] ?? 0) - start;
        let index = start;
        while (index < end && characters[at + index] === field.charCodeAt(index)) index++;
        if (index === end) return this.#decoded[found - 1] ?? '';
      }
      slot = (slot + SLOT) & mask;
    }
    // A copy, not a slice that would keep the file's text.
    const decoded = detached(decode(field.slice(start, end)));
    this.#decoded.push(decoded);
    slots[slot] = hash;
    slots[slot + 1] = this.#decoded.length;
    slots[slot + 2] = this.#store(field, start, end);
    slots[slot + 3] = length;
    if (this.#decoded.length * 2 * SLOT > slots.length) this.#grow();
    return decoded;
  }

  /** Where the characters of `field` from `start` to `end` are put. */
  #store(field: string, start: number, end: number): number {
    const at = this.#charactersUsed;
    if (at + end - start > this.#characters.length) {
      const characters = new Uint16Array(Math.max(2 * this.#characters.length, at + end - start));
      characters.set(this.#characters);
      this.#characters = characters;
    }
    const characters = this.#characters;
    for (let index = start; index < end; index++) characters[at + index - start] = field.charCodeAt(index);
    this.#charactersUsed = at + end - start;
    return at;
  }

  /** Twice the slots, every name put in again. */
  #grow(): void {
    const old = this.#slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length - SLOT;
    for (let from = 0; from < old.length; from += SLOT) {
      if (old[from + 1] === 0) continue;
      let slot = ((old[from] ?? 0) << 2) & mask;
      while (slots[slot + 1] !== 0) slot = (slot + SLOT) & mask;
      for (let field = 0; field < SLOT; field++) slots[slot + field] = old[from + field] ?? 0;
    }
    this.#slots = slots;
  }
}
