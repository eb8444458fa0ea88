/** The distinct terms of an index: each with a number, and all of them in sorted order for prefix look-ups. */

/** The distinct `length`-character prefixes of the terms, sorted, each with the sorted positions it covers. */
export interface PrefixBucket {
  readonly prefixes: readonly string[];
  readonly first: Int32Array;
  readonly end: Int32Array;
}

export class Vocabulary {
  readonly #ids = new Map<string, number>();
  readonly #terms: string[] = [];
  #sorted = new Int32Array(0);
  #unsorted: number[] = [];
  #buckets = new Map<number, PrefixBucket>();
  #version = 0;

  get size(): number {
    return this.#terms.length;
  }

  /** Changes whenever the sorted order does, i.e. when a term was added. */
  get version(): number {
    this.sortAddedTerms();
    return this.#version;
  }

  idOf(term: string): number | undefined {
    return this.#ids.get(term);
  }

  termOf(id: number): string {
    return this.#terms[id] ?? '';
  }

  /** The term's number, giving it the next one if it is new. */
  intern(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.#terms.length;
      this.#ids.set(term, id);
      this.#terms.push(term);
      this.#unsorted.push(id);
    }
    return id;
  }

  /** The id of the term at a sorted position. */
  idAt(position: number): number {
    this.sortAddedTerms();
    return this.#sorted[position] ?? -1;
  }

  /** Sorted positions [first, end) of the terms that start with `prefix` (the prefix itself included). */
  prefixRange(prefix: string): readonly [first: number, end: number] {
    this.sortAddedTerms();
    const first = this.#firstPosition((term) => term >= prefix);
    const end = this.#firstPosition((term) => term >= prefix && !term.startsWith(prefix));
    return [first, end];
  }

  prefixBucket(length: number): PrefixBucket {
    this.sortAddedTerms();
    let bucket = this.#buckets.get(length);
    if (bucket === undefined) {
      bucket = this.#buildBucket(length);
      this.#buckets.set(length, bucket);
    }
    return bucket;
  }

  /** The first sorted position whose term passes `isAtOrAfter`, which must be false then true along the order. */
  #firstPosition(isAtOrAfter: (term: string) => boolean): number {
    let low = 0;
    let high = this.#sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (isAtOrAfter(this.termOf(this.#sorted[middle] ?? -1))) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  #buildBucket(length: number): PrefixBucket {
    const prefixes: string[] = [];
    const first: number[] = [];
    const end: number[] = [];
    for (let position = 0; position < this.#sorted.length; position++) {
      const term = this.termOf(this.#sorted[position] ?? -1);
      if (term.length < length) continue;
      const prefix = term.slice(0, length);
      // Terms sharing a prefix are contiguous in sorted order, and shorter terms cannot fall between them.
      if (prefixes[prefixes.length - 1] === prefix) {
        end[end.length - 1] = position + 1;
      } else {
        prefixes.push(prefix);
        first.push(position);
        end.push(position + 1);
      }
    }
    return { prefixes, first: Int32Array.from(first), end: Int32Array.from(end) };
  }

  /** Merges the terms added since the last look-up into the sorted order (look-ups do it when they must). */
  sortAddedTerms(): void {
    if (this.#unsorted.length === 0) return;
    const terms = this.#terms;
    const added = this.#unsorted.sort((a, b) => compare(terms[a] ?? '', terms[b] ?? ''));
    const old = this.#sorted;
    const merged = new Int32Array(old.length + added.length);
    let i = 0;
    let j = 0;
    for (let k = 0; k < merged.length; k++) {
      const fromOld = old[i];
      const fromAdded = added[j];
      if (fromAdded === undefined || (fromOld !== undefined && (terms[fromOld] ?? '') < (terms[fromAdded] ?? ''))) {
        merged[k] = fromOld ?? -1;
        i++;
      } else {
        merged[k] = fromAdded;
        j++;
      }
    }
    this.#sorted = merged;
    this.#unsorted = [];
    this.#buckets = new Map();
    this.#version++;
  }
}

/** UTF-16 code unit order, the one `startsWith` ranges are contiguous in (not `localeCompare`'s). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
