/**
 * Author names decoded, by how a BibTeX file writes them: a bibliography names most of its authors again and again
 * (100,000 entries of DBLP's name 850,000 authors, 23,000 of them different). A name is found by a hash of how it is
 * written, worked out over its author field, so that a name seen before is not first cut out of the field: a string
 * made for every name, and a hash table keyed by strings, took most of the time of reading authors. Pure.
 */

import { detached } from './detached.js';

interface Entry {
  /** As written: a copy, not a slice that would keep the file's text. */
  readonly written: string;
  readonly decoded: string;
}

export class NameCache {
  /** By hash: an entry, or the entries of names that share it. */
  readonly #entries = new Map<number, Entry | Entry[]>();

  /** The name written in `field` from `start` to `end`, decoded by `decode` the first time it is seen. */
  decoded(field: string, start: number, end: number, decode: (written: string) => string): string {
    const hash = hashOf(field, start, end);
    const found = this.#entries.get(hash);
    if (found !== undefined) {
      for (const entry of Array.isArray(found) ? found : [found]) {
        if (entry.written.length === end - start && field.startsWith(entry.written, start)) return entry.decoded;
      }
    }
    const written = detached(field.slice(start, end));
    const entry = { written, decoded: detached(decode(written)) };
    if (found === undefined) this.#entries.set(hash, entry);
    else if (Array.isArray(found)) found.push(entry);
    else this.#entries.set(hash, [found, entry]);
    return entry.decoded;
  }
}

/** FNV-1a over the characters, kept to 30 bits: a small integer, the quickest kind of key a Map has. */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash & 0x3fffffff;
}
