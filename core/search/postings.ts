/**
 * Which documents hold each term, and in which fields: per term a list of entries `slot * 32 + fieldMask`.
 * Built all at once into one packed array (4 bytes an entry), with later additions in small per-term lists until
 * the next rebuild; entries of documents since removed or replaced stay until then, and readers skip them.
 */

const MASK_BITS = 5;
const MASK = (1 << MASK_BITS) - 1;

export const postingEntry = (slot: number, fieldMask: number): number => (slot << MASK_BITS) | fieldMask;
export const entrySlot = (entry: number): number => entry >>> MASK_BITS;
export const entryMask = (entry: number): number => entry & MASK;

/** Term and entry pairs as they are found, before they are grouped by term. */
export class PostingPairs {
  #terms = new Int32Array(1024);
  #entries = new Int32Array(1024);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(termId: number, entry: number): void {
    if (this.#length === this.#terms.length) {
      this.#terms = grow(this.#terms);
      this.#entries = grow(this.#entries);
    }
    this.#terms[this.#length] = termId;
    this.#entries[this.#length] = entry;
    this.#length++;
  }

  termAt(index: number): number {
    return this.#terms[index] ?? -1;
  }

  entryAt(index: number): number {
    return this.#entries[index] ?? 0;
  }
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

export class Postings {
  readonly #entries: Int32Array;
  /** Entries of term t are #entries[#offsets[t] .. #offsets[t + 1]). */
  readonly #offsets: Int32Array;
  readonly #added: (number[] | undefined)[] = [];
  #addedCount = 0;

  constructor(pairs: PostingPairs, termCount: number) {
    const offsets = new Int32Array(termCount + 1);
    for (let index = 0; index < pairs.length; index++) {
      const nextTerm = pairs.termAt(index) + 1;
      offsets[nextTerm] = (offsets[nextTerm] ?? 0) + 1;
    }
    for (let term = 0; term < termCount; term++) offsets[term + 1] = (offsets[term + 1] ?? 0) + (offsets[term] ?? 0);
    const next = offsets.slice(0, termCount);
    const entries = new Int32Array(pairs.length);
    for (let index = 0; index < pairs.length; index++) {
      const term = pairs.termAt(index);
      entries[next[term] ?? 0] = pairs.entryAt(index);
      next[term] = (next[term] ?? 0) + 1;
    }
    this.#entries = entries;
    this.#offsets = offsets;
  }

  get packedCount(): number {
    return this.#entries.length;
  }

  get addedCount(): number {
    return this.#addedCount;
  }

  add(termId: number, entry: number): void {
    const list = this.#added[termId];
    if (list === undefined) this.#added[termId] = [entry];
    else list.push(entry);
    this.#addedCount++;
  }

  /**
   * Every entry of the term, live or not, as runs `entries[start .. end)`: callers loop over them themselves, as
   * this is the innermost loop of a search.
   */
  forEachRun(
    termId: number,
    visit: (entries: Int32Array | readonly number[], start: number, end: number) => void,
  ): void {
    const start = this.#offsets[termId] ?? 0;
    const end = this.#offsets[termId + 1] ?? 0;
    if (end > start) visit(this.#entries, start, end);
    const added = this.#added[termId];
    if (added !== undefined) visit(added, 0, added.length);
  }
}
