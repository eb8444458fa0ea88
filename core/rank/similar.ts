/**
 * "More like this": the papers of the library nearest a paper, by the cosine of their TF-IDF vectors (vectors.ts),
 * each with the terms they share that weigh most. Pure.
 */

import { HeaviestTerms, isCommonTerm, reasonsFrom, type WeighedTerm } from './reasons.js';
import { termsAt, type TermIndex } from './term-index.js';
import { termLabels, type PaperText } from './terms.js';
import { inverseDocumentFrequency, sublinear } from './vectors.js';

export interface SimilarPaper {
  readonly id: string;
  /** The cosine, 0 to 1. */
  readonly score: number;
  readonly reasons: readonly string[];
}

/** The `limit` papers most like the one at `position` in `index` (itself left out), most alike first. */
export function similarPapers(
  index: TermIndex,
  paper: PaperText & { readonly id: string },
  limit: number,
): SimilarPaper[] {
  const position = index.positions.get(paper.id);
  if (position === undefined) return [];
  const idf = inverseDocumentFrequency(index);
  const target = new Float64Array(idf.length);
  const own = termsAt(index, position);
  let squares = 0;
  for (let i = 0; i < own.buckets.length; i++) {
    const bucket = own.buckets[i] ?? 0;
    const value = sublinear(own.counts[i] ?? 1) * (idf[bucket] ?? 0);
    target[bucket] = value;
    squares += value * value;
  }
  if (squares === 0) return [];
  const targetNorm = Math.sqrt(squares);
  const best: { position: number; score: number }[] = [];
  const { starts, buckets, counts } = index;
  for (let other = 0; other < index.ids.length; other++) {
    if (other === position) continue;
    let dot = 0;
    let norm = 0;
    for (let k = starts[other] ?? 0; k < (starts[other + 1] ?? 0); k++) {
      const bucket = buckets[k] ?? 0;
      const value = sublinear(counts[k] ?? 1) * (idf[bucket] ?? 0);
      norm += value * value;
      dot += value * (target[bucket] ?? 0);
    }
    if (dot <= 0) continue;
    const score = dot / (Math.sqrt(norm) * targetNorm);
    if (best.length === limit && score <= (best.at(-1)?.score ?? 0)) continue;
    best.splice(insertionPoint(best, score), 0, { position: other, score });
    if (best.length > limit) best.pop();
  }
  const shared = best.map(({ position: other }) => sharedTerms(termsAt(index, other).buckets, target, index));
  const labels = termLabels(paper, new Set(shared.flatMap((terms) => terms.map(({ bucket }) => bucket))));
  return best.map(({ position: other, score }, rank) => ({
    id: index.ids[other] ?? '',
    score,
    reasons: reasonsFrom(shared[rank] ?? [], labels),
  }));
}

/** Where `score` goes in `best`, highest first, after equal scores (the library's order breaks ties). */
function insertionPoint(best: readonly { readonly score: number }[], score: number): number {
  let low = 0;
  let high = best.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((best[middle]?.score ?? 0) >= score) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The terms both papers hold that weigh most in the first one's vector, but for those too common to say anything. */
function sharedTerms(buckets: Uint32Array, target: Float64Array, index: TermIndex): WeighedTerm[] {
  const papers = index.ids.length;
  const heaviest = new HeaviestTerms((bucket) => isCommonTerm(index.documentFrequency[bucket] ?? 0, papers));
  for (const bucket of buckets) heaviest.offer(bucket, target[bucket] ?? 0);
  return heaviest.terms;
}
