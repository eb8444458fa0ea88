/**
 * TF-IDF vectors of indexed papers: each term weighs (1 + ln count) × idf², idf = ln((1 + n) / (1 + df)) + 1 over the
 * n papers of the library, and each vector has length 1. The idf is squared so that specific terms outweigh the
 * words half the library uses (arxiv-sanity-lite drops every term more than a tenth of papers hold instead): on
 * the benchmark's readers (bench/rank.ts) it lifts the broad reader most. A term only one paper
 * holds is left out: nothing learnt from it can apply to another paper. Pure.
 */

import type { TermIndex } from './term-index.js';

/** Rows of TF-IDF vectors: row r's entries are `starts[r]` to `starts[r + 1]`. */
export interface SparseRows {
  readonly starts: Uint32Array;
  readonly indices: Uint32Array;
  readonly values: Float32Array;
}

/** Per bucket, its idf; 0 for a bucket fewer than two papers hold. */
export function inverseDocumentFrequency(index: TermIndex): Float32Array {
  const { documentFrequency } = index;
  const papers = index.ids.length;
  const idf = new Float32Array(documentFrequency.length);
  for (let bucket = 0; bucket < documentFrequency.length; bucket++) {
    const df = documentFrequency[bucket] ?? 0;
    if (df >= 2) idf[bucket] = (Math.log((1 + papers) / (1 + df)) + 1) ** 2;
  }
  return idf;
}

/** Term counts paper by paper, as a term index holds them: paper p's are `starts[p]` to `starts[p + 1]`. */
export interface TermRows {
  readonly starts: Uint32Array;
  readonly buckets: Uint32Array;
  readonly counts: Uint16Array;
}

const SUBLINEAR = Float64Array.from({ length: 256 }, (_, count) => (count === 0 ? 0 : 1 + Math.log(count)));

/** 1 + ln count, from a table for the counts nearly every term has. */
export const sublinear = (count: number): number => SUBLINEAR[count] ?? 1 + Math.log(count);

/** The TF-IDF vectors of the papers at `papers` in `terms`, one row each, in that order. */
export function vectorsOf(terms: TermRows, papers: ArrayLike<number>, idf: Float32Array): SparseRows {
  let total = 0;
  for (let row = 0; row < papers.length; row++) {
    const paper = papers[row] ?? 0;
    total += (terms.starts[paper + 1] ?? 0) - (terms.starts[paper] ?? 0);
  }
  const starts = new Uint32Array(papers.length + 1);
  const indices = new Uint32Array(total);
  const values = new Float32Array(total);
  const { buckets, counts } = terms;
  let at = 0;
  for (let row = 0; row < papers.length; row++) {
    const paper = papers[row] ?? 0;
    const start = at;
    let squares = 0;
    for (let k = terms.starts[paper] ?? 0; k < (terms.starts[paper + 1] ?? 0); k++) {
      const bucket = buckets[k] ?? 0;
      const weight = idf[bucket] ?? 0;
      if (weight === 0) continue;
      const value = sublinear(counts[k] ?? 1) * weight;
      indices[at] = bucket;
      values[at++] = value;
      squares += value * value;
    }
    const norm = squares > 0 ? 1 / Math.sqrt(squares) : 0;
    for (let i = start; i < at; i++) values[i] = (values[i] ?? 0) * norm;
    starts[row + 1] = at;
  }
  return { starts, indices: indices.subarray(0, at), values: values.subarray(0, at) };
}
