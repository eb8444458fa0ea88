/** Which documents a phrase (words that must be adjacent, in order, in one field) matches, and what it is worth. */

import type { DocumentTable } from './documents.js';
import { fieldText, SEARCH_FIELDS } from './fields.js';
import { fieldWeight, wordWorth } from './scoring.js';
import type { TermCandidates } from './term-candidates.js';
import { forEachToken } from './tokenize.js';
import type { Vocabulary } from './vocabulary.js';
import type { WordMatches } from './word-matches.js';

export interface PhraseWord {
  readonly candidates: TermCandidates;
  readonly matches: WordMatches;
}

/**
 * Each place in `text` where the phrase's words stand next to each other, in order: the first word's start, the
 * last word's end, and the closeness of the occurrence (the least close of its words, always above 0).
 */
export function forEachPhraseOccurrence(
  text: string,
  phrase: readonly TermCandidates[],
  vocabulary: Vocabulary,
  visit: (start: number, end: number, closeness: number) => void,
): void {
  const ids: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  forEachToken(text, (term, start, end) => {
    ids.push(vocabulary.idOf(term) ?? -1);
    starts.push(start);
    ends.push(end);
  });
  for (let first = 0; first + phrase.length <= ids.length; first++) {
    let closeness = 1;
    for (let offset = 0; offset < phrase.length && closeness > 0; offset++) {
      closeness = Math.min(closeness, phrase[offset]?.byTerm.get(ids[first + offset] ?? -1) ?? 0);
    }
    if (closeness > 0) visit(starts[first] ?? 0, ends[first + phrase.length - 1] ?? 0, closeness);
  }
}

/** The closeness of the phrase's best occurrence in the text, or 0 for none. */
function phraseCloseness(text: string, phrase: readonly TermCandidates[], vocabulary: Vocabulary): number {
  let best = 0;
  forEachPhraseOccurrence(text, phrase, vocabulary, (_start, _end, closeness) => {
    best = Math.max(best, closeness);
  });
  return best;
}

export function phraseMatches(
  phrase: readonly PhraseWord[],
  documents: DocumentTable,
  vocabulary: Vocabulary,
): WordMatches {
  const slotCount = documents.slotCount;
  const worth = new Float32Array(slotCount);
  const fields = new Uint8Array(slotCount);
  const slots: number[] = [];
  const words = phrase.map((word) => word.candidates);
  const driver = phrase.reduce((a, b) => (b.matches.slots.length < a.matches.slots.length ? b : a));
  for (const slot of driver.matches.slots) {
    const document = documents.documentAt(slot);
    let common = phrase.reduce((mask, word) => mask & (word.matches.fields[slot] ?? 0), 0xff);
    if (document === undefined || common === 0) continue;
    let best = 0;
    let sum = 0;
    for (let bit = 0; common !== 0; bit++, common >>= 1) {
      if ((common & 1) === 0) continue;
      const field = SEARCH_FIELDS[bit];
      const closeness = field === undefined ? 0 : phraseCloseness(fieldText(document, field), words, vocabulary);
      if (closeness === 0) continue;
      const value = fieldWeight(bit) * closeness;
      best = Math.max(best, value);
      sum += value;
      fields[slot] = (fields[slot] ?? 0) | (1 << bit);
    }
    if (best === 0) continue;
    worth[slot] = wordWorth(best, sum);
    slots.push(slot);
  }
  return { worth, fields, slots: Int32Array.from(slots) };
}
