/**
 * The vocabulary terms a query word matches, each with how closely: exactly, as a prefix, in the other number, or
 * with a typo.
 */

import { otherNumberForms } from './inflections.js';
import { EXACT_CLOSENESS, OTHER_NUMBER_CLOSENESS, prefixCloseness, typoCloseness } from './scoring.js';
import { typoMatches } from './typos.js';
import type { Vocabulary } from './vocabulary.js';

export interface TermCandidates {
  /** Closest first, each term once. */
  readonly termIds: Int32Array;
  readonly closeness: Float64Array;
  /** Term id → closeness. */
  readonly byTerm: ReadonlyMap<number, number>;
  /** What the terms look like, for skipping words of a text that cannot be any of them without folding them. */
  readonly shape: TermShape;
  /**
   * The same candidates as a few patterns: the word, the typo prefixes, the prefixes or whole terms matching
   * every term starting with them, or only themselves.
   */
  readonly patterns: readonly TermPattern[];
}

interface TermPattern {
  readonly text: string;
  readonly prefix: boolean;
}

export interface TermShape {
  readonly minLength: number;
  readonly maxLength: number;
  /** By ASCII code: 1 if a term starts with it. */
  readonly asciiFirsts: Uint8Array;
}

function shapeOf(terms: readonly string[]): TermShape {
  const asciiFirsts = new Uint8Array(128);
  let minLength = Infinity;
  let maxLength = 0;
  for (const term of terms) {
    minLength = Math.min(minLength, term.length);
    maxLength = Math.max(maxLength, term.length);
    const first = term.charCodeAt(0);
    if (first < 128) asciiFirsts[first] = 1;
  }
  return { minLength, maxLength, asciiFirsts };
}

export function termCandidates(word: string, vocabulary: Vocabulary): TermCandidates {
  const byTerm = new Map<number, number>();
  const offer = (termId: number, closeness: number): void => {
    if ((byTerm.get(termId) ?? 0) < closeness) byTerm.set(termId, closeness);
  };
  const [first, end] = vocabulary.prefixRange(word);
  for (let position = first; position < end; position++) {
    const termId = vocabulary.idAt(position);
    const term = vocabulary.termOf(termId);
    offer(termId, term === word ? EXACT_CLOSENESS : prefixCloseness(word.length, term.length));
  }
  const patterns: TermPattern[] = [{ text: word, prefix: true }];
  for (const form of otherNumberForms(word)) {
    const termId = vocabulary.idOf(form);
    if (termId !== undefined) offer(termId, OTHER_NUMBER_CLOSENESS);
    if (termId !== undefined && !form.startsWith(word)) patterns.push({ text: form, prefix: false });
  }
  for (const typo of typoMatches(word, vocabulary)) {
    if (!typo.prefix.startsWith(word)) patterns.push({ text: typo.prefix, prefix: !typo.wholeTermOnly });
    for (let position = typo.first; position < typo.end; position++) {
      const termId = vocabulary.idAt(position);
      const wholeTerm = vocabulary.termOf(termId).length === typo.prefix.length;
      if (wholeTerm || !typo.wholeTermOnly) offer(termId, typoCloseness(typo.score, wholeTerm));
    }
  }
  const ranked = [...byTerm].sort((a, b) => b[1] - a[1]);
  return {
    termIds: Int32Array.from(ranked, ([termId]) => termId),
    closeness: Float64Array.from(ranked, ([, closeness]) => closeness),
    byTerm,
    shape: shapeOf(ranked.map(([termId]) => vocabulary.termOf(termId))),
    patterns,
  };
}
