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

/**
 * The terms of `indices` by how much `weigh` says each adds, most first, those adding nothing and those `left out`
 * passed over.
 */
export function byWeight(
  indices: ArrayLike<number>,
  weigh: (k: number) => number,
  leftOut: (bucket: number) => boolean = () => false,
): WeighedTerm[] {
  const weighed: WeighedTerm[] = [];
  for (let k = 0; k < indices.length; k++) {
    const weight = weigh(k);
    const bucket = indices[k] ?? 0;
    if (weight > 0 && !leftOut(bucket)) weighed.push({ bucket, weight });
  }
  return weighed.sort((a, b) => b.weight - a.weight || a.bucket - b.bucket);
}
