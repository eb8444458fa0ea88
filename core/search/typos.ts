/**
 * Vocabulary prefixes a query word may be with a typo. The word is compared with the vocabulary's distinct prefixes
 * of about its length (so a typo in a word still being typed is forgiven too). The typo budget is enforced by edit
 * distance, which counts a swap of two letters as one typo where fuse.js counts two, and which fuse.js's substring
 * matching could not enforce; fuse.js then matches and scores the prefixes within it.
 */

import Fuse from 'fuse.js';
import { typoDistance } from './edit-distance.js';
import type { Vocabulary } from './vocabulary.js';

export interface TypoMatch {
  /** A prefix of vocabulary terms (possibly a whole term), `prefix.length` characters. */
  readonly prefix: string;
  /** Sorted vocabulary positions [first, end) of the terms it starts. */
  readonly first: number;
  readonly end: number;
  /** fuse.js's score: 0 perfect, 1 no match. */
  readonly score: number;
  /** Whether only the term that is the whole prefix matches, not the longer terms it starts. */
  readonly wholeTermOnly: boolean;
}

/**
 * How many typos a word of this length may have: none for one or two letters, and for three only a missing letter
 * (see `typoMatches`); one up to seven letters, two from eight.
 */
export function typoBudget(wordLength: number): number {
  if (wordLength < 3) return 0;
  return wordLength < 8 ? 1 : 2;
}

/** Prefixes at least this long; a shorter word may only be a whole term of this length with a letter missing. */
const MIN_PREFIX = 4;

// One typo costs fuse.js up to two errors (a swap), and budgets are at most a quarter of the word's length.
const FUSE_OPTIONS = {
  threshold: 0.5,
  ignoreLocation: true,
  includeScore: true,
  isCaseSensitive: true,
  ignoreFieldNorm: true,
  shouldSort: false,
} as const;

/**
 * A cheap necessary condition for being within `budget` typos: one of the first `budget + 1` characters of the word
 * survives unedited, displaced by at most `budget` positions.
 */
function mayBeWithin(word: string, candidate: string, budget: number): boolean {
  for (let i = 0; i <= budget && i < word.length; i++) {
    const code = word.charCodeAt(i);
    const last = Math.min(candidate.length - 1, i + budget);
    for (let j = Math.max(0, i - budget); j <= last; j++) if (candidate.charCodeAt(j) === code) return true;
  }
  return false;
}

/** Vocabulary prefixes within the word's typo budget, other than the word itself. */
export function typoMatches(word: string, vocabulary: Vocabulary): TypoMatch[] {
  const budget = typoBudget(word.length);
  if (budget === 0) return [];
  const candidates: { readonly prefix: string; readonly first: number; readonly end: number }[] = [];
  const shortest = Math.max(MIN_PREFIX, word.length - budget);
  const wholeTermOnly = word.length < MIN_PREFIX;
  for (let length = shortest; length <= word.length + budget; length++) {
    const bucket = vocabulary.prefixBucket(length);
    bucket.prefixes.forEach((prefix, index) => {
      if (prefix !== word && mayBeWithin(word, prefix, budget)) {
        candidates.push({ prefix, first: bucket.first[index] ?? 0, end: bucket.end[index] ?? 0 });
      }
    });
  }
  if (candidates.length === 0) return [];
  // fuse.js costs about a microsecond a string, so it matches only what the edit distance lets through.
  const close = candidates.filter((candidate) => typoDistance(word, candidate.prefix, budget) <= budget);
  if (close.length === 0) return [];
  const fuse = new Fuse(
    close.map((candidate) => candidate.prefix),
    FUSE_OPTIONS,
  );
  return fuse.search(word).flatMap(({ refIndex, score }) => {
    const candidate = close[refIndex];
    return candidate === undefined ? [] : [{ ...candidate, score: score ?? 1, wholeTermOnly }];
  });
}
