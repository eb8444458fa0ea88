/** The distinct terms of a document, each with the fields it appears in. */

import { fieldText, SEARCH_FIELDS } from './fields.js';
import { foldTerm, forEachJoinedTerm, forEachWord } from './tokenize.js';
import type { SearchDocument } from './types.js';
import type { Vocabulary } from './vocabulary.js';

export class DocumentTerms {
  readonly #vocabulary: Vocabulary;
  /** Scratch, by term id: the fields the term was seen in so far in the current document. */
  #masks = new Uint8Array(4096);
  readonly #seen: number[] = [];

  constructor(vocabulary: Vocabulary) {
    this.#vocabulary = vocabulary;
  }

  /**
   * Calls `visit` once for every distinct term, adding new terms to the vocabulary. Returns the mask of the fields
   * with a word that is not all ASCII.
   */
  forEachTerm(document: SearchDocument, visit: (termId: number, fieldMask: number) => void): number {
    let notAscii = 0;
    SEARCH_FIELDS.forEach((field, bit) => {
      const fieldBit = 1 << bit;
      const text = fieldText(document, field);
      forEachWord(text, (start, end, ascii) => {
        if (!ascii) notAscii |= fieldBit;
        this.#add(foldTerm(text.slice(start, end), ascii), fieldBit);
      });
      if (text.includes('$')) forEachJoinedTerm(text, (term) => this.#add(term, fieldBit));
    });
    for (const id of this.#seen) {
      visit(id, this.#masks[id] ?? 0);
      this.#masks[id] = 0;
    }
    this.#seen.length = 0;
    return notAscii;
  }

  /** Notes that the term is in the field. */
  #add(term: string, fieldBit: number): void {
    if (term === '') return;
    const id = this.#vocabulary.intern(term);
    if (id >= this.#masks.length) this.#growTo(id);
    const mask = this.#masks[id] ?? 0;
    if (mask === 0) this.#seen.push(id);
    this.#masks[id] = mask | fieldBit;
  }

  #growTo(id: number): void {
    const grown = new Uint8Array(Math.max(id + 1, this.#masks.length * 2));
    grown.set(this.#masks);
    this.#masks = grown;
  }
}
