/**
 * How good a match is. A word's match in one field is worth the field's weight times how closely the term matched
 * the word; a document's score is 1 minus what its words are worth, the weakest counting most. The numbers are
 * chosen so that a match without a typo in any field outweighs a typo in every field, a title beats tags beats
 * authors beats note beats abstract, and among equals a word found in more fields ranks higher.
 */

import { ALL_FIELDS_MASK, SEARCH_FIELDS } from './fields.js';

const FIELD_WEIGHTS: Readonly<Record<(typeof SEARCH_FIELDS)[number], number>> = {
  title: 1,
  tags: 0.9,
  authors: 0.8,
  note: 0.7,
  abstract: 0.6,
};

const BEST_FIELD_SHARE = 0.85;
const WEAKEST_WORD_SHARE = 0.7;
const TOTAL_FIELD_WEIGHT = SEARCH_FIELDS.reduce((total, field) => total + FIELD_WEIGHTS[field], 0);

function maskTable(combine: (weights: readonly number[]) => number): Float64Array {
  const table = new Float64Array(ALL_FIELDS_MASK + 1);
  for (let mask = 1; mask <= ALL_FIELDS_MASK; mask++) {
    table[mask] = combine(SEARCH_FIELDS.filter((_, bit) => (mask & (1 << bit)) !== 0).map((f) => FIELD_WEIGHTS[f]));
  }
  return table;
}

/** By field mask: the largest weight of its fields, and their sum. */
export const MASK_BEST_WEIGHT = maskTable((weights) => Math.max(...weights));
export const MASK_WEIGHT_SUM = maskTable((weights) => weights.reduce((total, weight) => total + weight, 0));

export function fieldWeight(bit: number): number {
  const field = SEARCH_FIELDS[bit];
  return field === undefined ? 0 : FIELD_WEIGHTS[field];
}

/** How closely a term matches a query word, from 1 (the same) down. */
export const EXACT_CLOSENESS = 1;

/** A noun in the other number ("network" for "networks"). */
export const OTHER_NUMBER_CLOSENESS = 0.9;

export function prefixCloseness(wordLength: number, termLength: number): number {
  return 0.8 + (0.1 * wordLength) / termLength;
}

/** `typoScore` is fuse.js's, 0 (perfect) to 1; `wholeTerm` says the typo matched all of the term, not a prefix. */
export function typoCloseness(typoScore: number, wholeTerm: boolean): number {
  return (wholeTerm ? 0.4 : 0.35) * (1 - Math.min(1, typoScore));
}

/** What a word's matches in a document are worth: mostly its best field, plus a little for every other one. */
export function wordWorth(best: number, sum: number): number {
  return BEST_FIELD_SHARE * best + ((1 - BEST_FIELD_SHARE) * sum) / TOTAL_FIELD_WEIGHT;
}

/**
 * A document must match every word, so its weakest word counts most; the mean of all of them breaks near ties.
 */
export function documentScore(weakestWorth: number, totalWorth: number, wordCount: number): number {
  const worth = WEAKEST_WORD_SHARE * weakestWorth + ((1 - WEAKEST_WORD_SHARE) * totalWorth) / wordCount;
  return Math.min(1, Math.max(0, 1 - worth));
}
