/**
 * A paper's terms for ranking: the words and two-word phrases of its title and abstract and its authors, each hashed
 * to one of 2^TERM_BITS buckets. Words are search's (core/search/tokenize.ts: folded to lower case without
 * diacritics, math commands as words), less stop words, numbers and single letters, a plural's "s" dropped ("graphs"
 * and "graph" are one term); a phrase is two such words in a row, with no stop word or punctuation between them
 * ("graph generation" in "graph generation, of graphs"); an author is their first initial and last name ("J.
 * Leskovec"), so that "Jure Leskovec" and "J. Leskovec" are one author. Title terms count twice: a title says what
 * a paper is about in fewer words. Hashing keeps no vocabulary: the words a bucket stands for are found again in
 * the paper's own text when they are shown (termLabels). Pure.
 */

import { foldTerm, forEachWord } from '../search/tokenize.js';
import { STOP_WORDS } from './stop-words.js';

export const TERM_BITS = 21;
/** Changes whenever what a paper's terms are does: an index cached under another version is made again. */
export const TERMS_VERSION = 3;
const BUCKET_MASK = (1 << TERM_BITS) - 1;
const TITLE_WEIGHT = 2;
/** Authors beyond these (a collaboration's thousand) say nothing more of what the paper is about. */
const MAX_AUTHORS = 50;

/** What ranking reads of a paper. */
export interface PaperText {
  readonly title: string;
  readonly abstract: string;
  readonly authors: readonly string[];
}

/** A paper's terms: its buckets in increasing order, each with how often its terms occur (title terms twice). */
export interface DocumentTerms {
  readonly buckets: Uint32Array;
  readonly counts: Uint16Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const AUTHOR_SEED = 0x27d4eb2f;
const PHRASE_SEED = 0x9e3779b1;

/** murmur3's finaliser: every bit of the hash moves the bucket. */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hashString(text: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

const wordBucket = (hash: number): number => mix(hash) & BUCKET_MASK;
const phraseBucket = (first: number, second: number): number =>
  mix(Math.imul(first ^ PHRASE_SEED, FNV_PRIME) ^ second) & BUCKET_MASK;

const isLetter = (code: number): boolean => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
const lower = (code: number): number => (code >= 0x41 && code <= 0x5a ? code | 0x20 : code);

/** Where a word ends once a plural's "s" is dropped: not from "ss", "us" or "is" ("process", "status", "analysis"). */
function singularEnd(text: string, start: number, end: number): number {
  if (end - start < 4 || lower(text.charCodeAt(end - 1)) !== 0x73) return end;
  const before = lower(text.charCodeAt(end - 2));
  return before === 0x73 || before === 0x75 || before === 0x69 ? end : end - 1;
}

const STOP_HASHES: ReadonlySet<number> = new Set(STOP_WORDS.map((word) => hashString(word)));

/** Punctuation that ends a phrase: what lies between two words of one phrase is only space, hyphens and quotes. */
const PHRASE_BREAKS = new Uint8Array(128);
for (const character of '.,;:!?()[]{}/|') PHRASE_BREAKS[character.charCodeAt(0)] = 1;

function breaksPhrase(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (PHRASE_BREAKS[text.charCodeAt(i)] === 1) return true;
  return false;
}

/** Called with each term's bucket, as often as it counts. */
type TermSink = (bucket: number) => void;

/**
 * The labels wanted of a paper's terms, found as its text is read: of the buckets `wanted` (every bucket when
 * null), each the first word, phrase or author found in it. Once every bucket wanted has its label, the rest of the
 * text is not read.
 */
class Labels {
  readonly found = new Map<number, string>();
  /** The buckets wanted, in a small open-addressed table (-1 empty): asked of every word read. */
  readonly #table: Int32Array | null;
  #missing: number;
  constructor(wanted: ReadonlySet<number> | null) {
    this.#missing = wanted?.size ?? Infinity;
    if (wanted === null) {
      this.#table = null;
      return;
    }
    const table = new Int32Array(Math.max(16, 1 << Math.ceil(Math.log2(wanted.size * 2)))).fill(-1);
    const mask = table.length - 1;
    for (const bucket of wanted) {
      let slot = bucket & mask;
      while (table[slot] !== -1) slot = (slot + 1) & mask;
      table[slot] = bucket;
    }
    this.#table = table;
  }
  wants(bucket: number): boolean {
    const table = this.#table;
    if (table !== null) {
      const mask = table.length - 1;
      let slot = bucket & mask;
      for (let entry = table[slot] ?? -1; entry !== bucket; entry = table[slot] ?? -1) {
        if (entry === -1) return false;
        slot = (slot + 1) & mask;
      }
    }
    return !this.found.has(bucket);
  }
  set(bucket: number, label: string): void {
    this.found.set(bucket, label);
    this.#missing--;
  }
  get done(): boolean {
    return this.#missing === 0;
  }
}

/**
 * Reads `text`'s terms: counted into `sink` (each `weight` times), or, given `labels`, labelled where wanted. Labels
 * are made only for the terms wanted: this runs for every word of a library, and again for every ranked paper's
 * reasons.
 */
function visitText(text: string, weight: number, sink: TermSink | null, labels: Labels | null): void {
  let previous = -1;
  let previousStart = 0;
  let previousEnd = 0;
  let previousFolded = '';
  let lastEnd = 0;
  // A word as it is said: as written, in lower case ("series", not the "serie" it is counted as), or folded.
  const said = (start: number, end: number, folded: string): string =>
    folded === '' ? text.slice(start, end).toLowerCase() : folded;
  forEachWord(text, (start, wordEnd, ascii) => {
    if (labels?.done === true) return;
    if (breaksPhrase(text, lastEnd, start)) previous = -1;
    lastEnd = wordEnd;
    let hash: number;
    let folded = '';
    if (ascii) {
      const end = singularEnd(text, start, wordEnd);
      let h = FNV_OFFSET;
      let letters = false;
      for (let i = start; i < end; i++) {
        const code = text.charCodeAt(i);
        letters ||= isLetter(code);
        h = Math.imul(h ^ lower(code), FNV_PRIME);
      }
      if (!letters || wordEnd - start < 2) {
        previous = -1;
        return;
      }
      hash = h >>> 0;
    } else {
      folded = foldTerm(text.slice(start, wordEnd));
      const term = folded.length >= 4 && /[^sui]s$/.test(folded) ? folded.slice(0, -1) : folded;
      if (term.length < 2 || !/\p{L}/u.test(term)) {
        previous = -1;
        return;
      }
      hash = hashString(term);
    }
    if (STOP_HASHES.has(hash)) {
      previous = -1;
      return;
    }
    const bucket = wordBucket(hash);
    // "graph graph" is no phrase: a word said twice.
    const phrase = previous === -1 || previous === hash ? -1 : phraseBucket(previous, hash);
    if (sink !== null) {
      for (let n = 0; n < weight; n++) {
        sink(bucket);
        if (phrase !== -1) sink(phrase);
      }
    }
    if (labels !== null) {
      if (labels.wants(bucket)) labels.set(bucket, said(start, wordEnd, folded));
      if (phrase !== -1 && labels.wants(phrase)) {
        labels.set(phrase, `${said(previousStart, previousEnd, previousFolded)} ${said(start, wordEnd, folded)}`);
      }
    }
    previous = hash;
    previousStart = start;
    previousEnd = wordEnd;
    previousFolded = folded;
  });
}

/**
 * "J. Leskovec" for "Jure Leskovec", "Leskovec, Jure" or "J. Leskovec"; what an author is known by here. A name that
 * ends in initials ("Akhil V", "Santhosh G S") is known by all of it, never by a bare initial; "et al." and "others"
 * name no one, nor does a name of initials only.
 */
export function authorKey(name: string): { readonly key: string; readonly label: string } | null {
  const commaAt = name.indexOf(',');
  const ordered = commaAt === -1 ? name : `${name.slice(commaAt + 1)} ${name.slice(0, commaAt)}`;
  const words = ordered.split(/[\s.]+/).filter((word) => /\p{L}/u.test(word));
  if (words.length >= 2 && /^et$/i.test(words.at(-2) ?? '') && /^al$/i.test(words.at(-1) ?? '')) words.length -= 2;
  if (words.length === 1 && /^others$/i.test(words[0] ?? '')) return null;
  const isInitial = (word: string): boolean => /^\p{L}\p{M}*$/u.test(word);
  const last = words.at(-1);
  if (last === undefined || words.every(isInitial)) return null;
  let label: string;
  if (isInitial(last)) {
    label = words.join(' ');
  } else {
    const first = words.length > 1 ? words[0] : undefined;
    const initial =
      first === undefined ? '' : String.fromCodePoint(first.codePointAt(0) ?? 0x20).toLocaleUpperCase('en');
    label = initial === '' ? last : `${initial}. ${last}`;
  }
  return { key: foldTerm(label), label };
}

function visitAuthors(paper: PaperText, sink: TermSink | null, labels: Labels | null): void {
  const seen = new Set<number>();
  for (const name of paper.authors.slice(0, MAX_AUTHORS)) {
    const author = authorKey(name);
    if (author === null) continue;
    const bucket = wordBucket(hashString(author.key, AUTHOR_SEED));
    if (seen.has(bucket)) continue;
    seen.add(bucket);
    sink?.(bucket);
    if (labels?.wants(bucket) === true) labels.set(bucket, author.label);
  }
}

let scratch = new Uint32Array(1024);

/**
 * Counts the paper's terms and hands them to `add` in increasing bucket order, each with its count; returns how many
 * distinct buckets it has. Nothing is allocated per paper.
 */
export function countTermsInto(paper: PaperText, add: (bucket: number, count: number) => void): number {
  let length = 0;
  const sink = (bucket: number): void => {
    if (length === scratch.length) {
      const grown = new Uint32Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    scratch[length++] = bucket;
  };
  visitText(paper.title, TITLE_WEIGHT, sink, null);
  visitText(paper.abstract, 1, sink, null);
  visitAuthors(paper, sink, null);
  const sorted = scratch.subarray(0, length).sort();
  let distinct = 0;
  let run = 0;
  for (let i = 0; i < length; i++) {
    run++;
    const bucket = sorted[i] ?? 0;
    if (i + 1 === length || sorted[i + 1] !== bucket) {
      add(bucket, Math.min(0xffff, run));
      distinct++;
      run = 0;
    }
  }
  return distinct;
}

/** The paper's terms, counted. */
export function countTerms(paper: PaperText): DocumentTerms {
  const buckets: number[] = [];
  const counts: number[] = [];
  countTermsInto(paper, (bucket, count) => {
    buckets.push(bucket);
    counts.push(count);
  });
  return { buckets: Uint32Array.from(buckets), counts: Uint16Array.from(counts) };
}

/**
 * What the paper's buckets stand for: the first word, phrase or author found in each, of every bucket or only of
 * those `wanted` (its text is then read only until each has its label; authors before the abstract, as they take
 * no time to read).
 */
export function termLabels(paper: PaperText, wanted: ReadonlySet<number> | null = null): ReadonlyMap<number, string> {
  const labels = new Labels(wanted);
  visitText(paper.title, 1, null, labels);
  visitAuthors(paper, null, labels);
  visitText(paper.abstract, 1, null, labels);
  return labels.found;
}

/**
 * A hash of what ranking reads of a paper, to tell whether its cached terms still hold: the title, the authors,
 * and the abstract's length and every 16th character of it (a record merged with a fuller one changes its length).
 */
export function fingerprintOf(paper: PaperText): number {
  let h = hashString(paper.title);
  for (const author of paper.authors) h = hashString(author, Math.imul(h ^ 0x1f, FNV_PRIME));
  const { abstract } = paper;
  h = Math.imul(h ^ abstract.length, FNV_PRIME);
  for (let i = 0; i < abstract.length; i += 16) h = Math.imul(h ^ abstract.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}
