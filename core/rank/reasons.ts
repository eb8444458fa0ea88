/**
 * A ranked paper's reasons: the terms that weigh most for it, in words, leaving out those that say nothing of its
 * subject: words of scientific prose ("systems", "extensive experiments"; weak-words.ts) and terms that a large
 * share of the library holds ("language models" in a library of language papers). A phrase is preferred to a word
 * of it where it weighs nearly as much. Pure.
 */

import { saysNothing, singularForms } from './weak-words.js';

/** Reasons given per paper. */
const REASONS = 3;
/** A term held by more than this share of the library's papers (and more than COMMON_FLOOR of them) is no reason. */
const COMMON_SHARE = 0.1;
const COMMON_FLOOR = 10;
/** A phrase holding a word chosen is said instead of the word when it weighs at least this share of the word. */
const PHRASE_SHARE = 0.5;

/** A term of a paper and how much it adds to why the paper is where it is. */
export interface WeighedTerm {
  readonly bucket: number;
  readonly weight: number;
}

/** Whether a term so many papers hold says too little to be a reason: true of a term in a large share of them. */
export function isCommonTerm(documentFrequency: number, papers: number): boolean {
  return documentFrequency > Math.max(COMMON_SHARE * papers, COMMON_FLOOR);
}

/**
 * The labels of the first terms of `ranked` (best first) that say something new: a label that says nothing, a word
 * already said by a phrase chosen, or a phrase whose words were all said, is passed over; a phrase takes the place
 * of a word of it that was chosen, or that it weighs nearly as much as.
 */
export function reasonsFrom(ranked: readonly WeighedTerm[], labels: ReadonlyMap<number, string>): string[] {
  const reasons: string[] = [];
  // A word is said when it or its singular is ("sketches" once "sketch" is).
  const said = (word: string): boolean =>
    reasons.some((reason) =>
      reason.split(' ').some((other) => singularForms(word).some((form) => singularForms(other).includes(form))),
    );
  const labelled = ranked.flatMap(({ bucket, weight }) => {
    const label = labels.get(bucket);
    return label === undefined || saysNothing(label) ? [] : [{ label, weight, words: label.split(' ') }];
  });
  for (const { label, weight, words } of labelled) {
    if (words.every(said)) continue;
    let chosen = label;
    if (words.length === 1) {
      const [word] = words;
      const phrase = labelled.find(
        (other) => other.words.length > 1 && other.weight >= PHRASE_SHARE * weight && other.words.includes(word ?? ''),
      );
      if (phrase !== undefined && !phrase.words.every(said)) chosen = phrase.label;
    }
    const chosenWords = chosen.split(' ');
    const shorter = chosenWords.length > 1 ? reasons.findIndex((reason) => chosenWords.includes(reason)) : -1;
    if (shorter !== -1) reasons.splice(shorter, 1);
    reasons.push(chosen);
    if (reasons.length === REASONS) break;
  }
  return reasons;
}

/** How many of a paper's heaviest terms are weighed for its reasons: enough to find three that say something. */
const CANDIDATES = 16;

/**
 * A paper's heaviest terms (at most CANDIDATES), offered one by one with how much each adds, kept most first; those
 * adding nothing and those `leftOut` passed over. A paper holds hundreds of terms: they are kept in order as they
 * come, never all sorted.
 */
export class HeaviestTerms {
  readonly terms: WeighedTerm[] = [];
  constructor(private readonly leftOut: (bucket: number) => boolean) {}
  offer(bucket: number, weight: number): void {
    const { terms } = this;
    if (weight <= 0) return;
    const lightest = terms.at(-1);
    if (terms.length === CANDIDATES && lightest !== undefined && weight < lightest.weight) return;
    if (this.leftOut(bucket)) return;
    let at = terms.length;
    while (at > 0 && isHeavier(weight, bucket, terms[at - 1])) at--;
    if (at === CANDIDATES) return;
    terms.splice(at, 0, { bucket, weight });
    if (terms.length > CANDIDATES) terms.pop();
  }
}

/** Heavier, or as heavy and of a lower bucket (an order that never depends on the terms' order). */
const isHeavier = (weight: number, bucket: number, than: WeighedTerm | undefined): boolean =>
  than === undefined || weight > than.weight || (weight === than.weight && bucket < than.bucket);
