/**
 * The documents of an index by slot: a number that never changes while a document is in the index. Replacing a
 * document gives the new version a new slot (the old one is dead from then on) but keeps its place in the order.
 */

import type { SearchDocument } from './types.js';
import { tagKey } from './qualifiers.js';

export class DocumentTable {
  readonly #documents: (SearchDocument | undefined)[] = [];
  readonly #order: number[] = [];
  readonly #tagKeys: (readonly string[])[] = [];
  /** 1 for a live slot: what the hot loops read. */
  #alive = new Uint8Array(1024);
  /** By slot: the fields with a word that is not all ASCII. */
  readonly #notAsciiFields: number[] = [];
  /** In the order the documents were given, which a replaced id keeps. */
  readonly #slotOf = new Map<string, number>();
  #nextOrder = 0;
  #deadCount = 0;

  get slotCount(): number {
    return this.#documents.length;
  }

  get liveCount(): number {
    return this.#slotOf.size;
  }

  get deadCount(): number {
    return this.#deadCount;
  }

  get alive(): Uint8Array {
    return this.#alive;
  }

  /** Stores the document in a new slot, retiring the one its id had; returns the new slot. */
  put(document: SearchDocument): number {
    const slot = this.#documents.length;
    const previous = this.#slotOf.get(document.id);
    const order = previous === undefined ? this.#nextOrder++ : (this.#order[previous] ?? 0);
    if (previous !== undefined) this.#retire(previous);
    this.#documents.push(document);
    this.#order.push(order);
    this.#tagKeys.push(document.tags.map(tagKey));
    this.#notAsciiFields.push(0);
    if (slot === this.#alive.length) {
      const grown = new Uint8Array(slot * 2);
      grown.set(this.#alive);
      this.#alive = grown;
    }
    this.#alive[slot] = 1;
    this.#slotOf.set(document.id, slot);
    return slot;
  }

  remove(id: string): void {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return;
    this.#retire(slot);
    this.#slotOf.delete(id);
  }

  documentAt(slot: number): SearchDocument | undefined {
    return this.#documents[slot];
  }

  /** Where the document stands among the ones given. */
  orderAt(slot: number): number {
    return this.#order[slot] ?? 0;
  }

  /** The fields of the slot's document with a word that is not all ASCII, as a field mask. */
  notAsciiFieldsAt(slot: number): number {
    return this.#notAsciiFields[slot] ?? 0;
  }

  setNotAsciiFields(slot: number, fieldMask: number): void {
    this.#notAsciiFields[slot] = fieldMask;
  }

  tagKeysAt(slot: number): readonly string[] {
    return this.#tagKeys[slot] ?? [];
  }

  /** Live slots in the order their documents were given. */
  slotsInOrder(): IterableIterator<number> {
    return this.#slotOf.values();
  }

  #retire(slot: number): void {
    this.#documents[slot] = undefined;
    this.#tagKeys[slot] = [];
    this.#alive[slot] = 0;
    this.#deadCount++;
  }
}
