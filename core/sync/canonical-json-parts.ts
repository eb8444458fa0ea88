/**
 * canonicalJson's text (canonical-json.ts) in pieces, for a document too large to be one string: a library's
 * catalogue, an import of 100,000 papers. The arrays of the top-level value are given an element at a time; joined
 * (each element as its elementText), the pieces are exactly canonicalJson's text. Pure.
 */

import { canonicalJson, compareCodePoints } from './canonical-json.js';

/** canonicalJson, which gives undefined (as JSON.stringify does) for undefined and functions. */
const canonicalText = canonicalJson as (value: unknown) => string | undefined;

/** An element of a top-level array, whose text is canonicalJson's of it (elementText), for the writer to make. */
export interface Element {
  readonly element: unknown;
}

/**
 * The pieces of `value`'s canonical text, each element of a top-level array as itself: the text is its elementText
 * (or the bytes that text was written as), for the writer to make or copy.
 */
export function* canonicalJsonPieces(value: unknown): Generator<string | Element, void, undefined> {
  if (Array.isArray(value)) {
    yield* arrayParts(value);
    return;
  }
  if (typeof value !== 'object' || value === null) {
    const text = canonicalText(value);
    if (text !== undefined) yield text;
    return;
  }
  const record = value as Readonly<Record<string, unknown>>;
  yield '{';
  let separator = '';
  for (const key of enumerationOrder(Object.keys(record).sort(compareCodePoints))) {
    const field = record[key];
    if (Array.isArray(field)) {
      yield `${separator}${JSON.stringify(key)}:`;
      yield* arrayParts(field);
    } else {
      // As canonicalJson leaves out undefined and functions.
      const text = canonicalText(field);
      if (text === undefined) continue;
      yield `${separator}${JSON.stringify(key)}:${text}`;
    }
    separator = ',';
  }
  yield '}';
}

function* arrayParts(array: readonly unknown[]): Generator<string | Element, void, undefined> {
  yield '[';
  for (let index = 0; index < array.length; index++) {
    // Apart: joined, the two would be copied into one string for every element.
    if (index > 0) yield ',';
    yield { element: array[index] };
  }
  yield ']';
}

/** An array element's canonical text: JSON writes `null` for what it cannot write. */
export function elementText(element: unknown): string {
  return canonicalText(element) ?? 'null';
}

/**
 * The keys in the order JSON.stringify writes an object made with them in this order, as canonicalJson's is: keys
 * that are array indices first, in numeric order, then the others as given.
 */
function enumerationOrder(sorted: readonly string[]): string[] {
  const object = Object.create(null) as Record<string, true>;
  for (const key of sorted) object[key] = true;
  return Object.keys(object);
}
