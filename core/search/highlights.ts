/** Where a document's text matched the query: ranges of its matched words, for showing them marked. */

import { fieldText, SEARCH_FIELDS } from './fields.js';
import type { TermCandidates, TermShape } from './term-candidates.js';
import { forEachPhraseOccurrence } from './phrase-matches.js';
import { foldTerm, forEachWord } from './tokenize.js';
import type { SearchDocument, SearchHit, TextRange } from './types.js';
import type { Vocabulary } from './vocabulary.js';

/** The terms each query word matched (and what they look like together), and each phrase's words' terms in order. */
export interface HighlightTerms {
  readonly words: readonly TermCandidates[];
  readonly wordShape: TermShape;
  /**
   * For text whose words are all ASCII, unless the words have too many patterns: one regular expression for the
   * patterns of three letters or more, and the shorter ones to find as they are.
   */
  readonly asciiSearch: { readonly pattern: RegExp | null; readonly shortWords: readonly string[] } | null;
  readonly phrases: readonly (readonly TermCandidates[])[];
}

const MAX_PATTERNS = 64;
/** Below this length a word is found with `indexOf` in lower-cased text, faster than by a pattern. */
const MIN_PATTERN_WORD = 3;
const ASCII_TERM = /^[a-z0-9]+$/;

function asciiSearchFor(words: readonly TermCandidates[]): HighlightTerms['asciiSearch'] {
  if (words.reduce((count, word) => count + word.patterns.length, 0) > MAX_PATTERNS) return null;
  const alternatives: string[] = [];
  const shortWords: string[] = [];
  for (const { patterns } of words) {
    for (const { text, prefix } of patterns) {
      if (text.length < MIN_PATTERN_WORD && prefix) shortWords.push(text);
      else if (ASCII_TERM.test(text)) alternatives.push(prefix ? `${text}[A-Za-z0-9]*` : `${text}(?![A-Za-z0-9])`);
    }
  }
  // Without the u flag, case-insensitive matching never takes a non-ASCII letter for an ASCII one.
  const pattern = alternatives.length > 0 ? new RegExp(`(?<![A-Za-z0-9])(?:${alternatives.join('|')})`, 'gi') : null;
  return { pattern, shortWords };
}

export function highlightTerms(
  words: readonly TermCandidates[],
  phrases: readonly (readonly TermCandidates[])[],
): HighlightTerms {
  const asciiFirsts = new Uint8Array(128);
  for (const word of words) {
    word.shape.asciiFirsts.forEach((is, code) => (asciiFirsts[code] = is | (asciiFirsts[code] ?? 0)));
  }
  const wordShape = {
    minLength: Math.min(...words.map((word) => word.shape.minLength)),
    maxLength: Math.max(0, ...words.map((word) => word.shape.maxLength)),
    asciiFirsts,
  };
  return { words, wordShape, asciiSearch: words.length > 0 ? asciiSearchFor(words) : null, phrases };
}

const isAsciiWordCode = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);

/**
 * In text whose words are all ASCII, every word is its own term in lower case, so a query word's matches are the
 * words matching its patterns, which a regular expression or `indexOf` finds far faster than the text can be split
 * into words.
 */
function searchedRanges(text: string, search: NonNullable<HighlightTerms['asciiSearch']>): [number, number][] {
  const ranges: [number, number][] = [];
  const { pattern, shortWords } = search;
  if (pattern !== null) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      ranges.push([match.index, match.index + match[0].length]);
    }
  }
  if (shortWords.length === 0) return ranges;
  // Lower case keeps the length of every character but a few non-ASCII letters, which this text has none of.
  const lower = text.toLowerCase();
  for (const word of shortWords) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      if (at > 0 && isAsciiWordCode(lower.charCodeAt(at - 1))) continue;
      let end = at + word.length;
      while (end < lower.length && isAsciiWordCode(lower.charCodeAt(end))) end++;
      ranges.push([at, end]);
      at = end;
    }
  }
  return ranges;
}

/**
 * Elsewhere the text is split into words; one whose length or first letter no matched term has is passed over
 * without being folded and looked up.
 */
function scannedRanges(text: string, terms: HighlightTerms, vocabulary: Vocabulary): [number, number][] {
  const ranges: [number, number][] = [];
  const { words, wordShape } = terms;
  const { minLength, maxLength, asciiFirsts } = wordShape;
  forEachWord(text, (start, end, ascii) => {
    if (ascii) {
      if (end - start < minLength || end - start > maxLength) return;
      const first = text.charCodeAt(start);
      if (asciiFirsts[first >= 65 && first <= 90 ? first + 32 : first] !== 1) return;
    }
    const id = vocabulary.idOf(foldTerm(text.slice(start, end), ascii)) ?? -1;
    if (words.some((word) => word.byTerm.has(id))) ranges.push([start, end]);
  });
  return ranges;
}

function phraseRanges(text: string, phrase: readonly TermCandidates[], vocabulary: Vocabulary): [number, number][] {
  const ranges: [number, number][] = [];
  forEachPhraseOccurrence(text, phrase, vocabulary, (start, end) => ranges.push([start, end]));
  return ranges;
}

/** Sorted, with overlapping or repeated ranges joined into one. */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function rangesIn(text: string, asciiWords: boolean, terms: HighlightTerms, vocabulary: Vocabulary): TextRange[] {
  const search = asciiWords ? terms.asciiSearch : null;
  const words =
    terms.words.length === 0
      ? []
      : search !== null
        ? searchedRanges(text, search)
        : scannedRanges(text, terms, vocabulary);
  if (terms.phrases.length === 0 && (search === null || search.shortWords.length === 0)) return words;
  // Several searches' ranges may interleave and overlap; a single search's come in order and apart.
  const ranges = [...words];
  for (const phrase of terms.phrases) ranges.push(...phraseRanges(text, phrase, vocabulary));
  return mergeRanges(ranges);
}

/**
 * `fieldMask`: the fields the query matched in, the only ones that can have anything to mark; `notAsciiFields`: the
 * fields with a word that is not all ASCII.
 */
export function highlightsOf(
  document: SearchDocument,
  fieldMask: number,
  notAsciiFields: number,
  terms: HighlightTerms,
  vocabulary: Vocabulary,
): SearchHit['highlights'] {
  const highlights: Partial<Record<(typeof SEARCH_FIELDS)[number], readonly TextRange[]>> = {};
  for (const [bit, field] of SEARCH_FIELDS.entries()) {
    if ((fieldMask & (1 << bit)) === 0) continue;
    const ascii = (notAsciiFields & (1 << bit)) === 0;
    const ranges = rangesIn(fieldText(document, field), ascii, terms, vocabulary);
    if (ranges.length > 0) highlights[field] = ranges;
  }
  return highlights;
}
