/**
 * TF-IDF vectors of indexed papers: each term weighs (1 + ln count) × idf², idf = ln((1 + n) / (1 + df)) + 1 over the
 * n papers of the library, and each vector has length 1. The idf is squared so that specific terms outweigh the
 * words half the library uses (arxiv-sanity-lite drops every term more than a tenth of papers hold instead): on
 * the benchmark's readers (bench/rank.ts) it lifts the broad reader most. A term only one paper
 * holds is left out: nothing learnt from it can apply to another paper. Pure.
 */

import type { DocumentTerms } from './terms.js';
import type { TermIndex } from './term-index.js';

/** Rows of TF-IDF vectors: row r's entries are `starts[r]` to `starts[r + 1]`. */
export interface SparseRows {
  readonly starts: Uint32Array;
  readonly indices: Uint32Array;
  readonly values: Float32Array;
}

export interface SparseVector {
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

/** The TF-IDF vectors of `terms`, one row each. */
export function vectorsOf(terms: readonly DocumentTerms[], idf: Float32Array): SparseRows {
  let total = 0;
  for (const { buckets } of terms) total += buckets.length;
  const starts = new Uint32Array(terms.length + 1);
  const indices = new Uint32Array(total);
  const values = new Float32Array(total);
  let at = 0;
  for (const [row, { buckets, counts }] of terms.entries()) {
    const start = at;
    let squares = 0;
    for (let i = 0; i < buckets.length; i++) {
      const bucket = buckets[i] ?? 0;
      const weight = idf[bucket] ?? 0;
      if (weight === 0) continue;
      const value = (1 + Math.log(counts[i] ?? 1)) * weight;
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

/** Row `row` of `rows`. */
export function rowOf(rows: SparseRows, row: number): SparseVector {
  const start = rows.starts[row] ?? 0;
  const end = rows.starts[row + 1] ?? start;
  return { indices: rows.indices.subarray(start, end), values: rows.values.subarray(start, end) };
}
