/**
 * A linear model of what the user keeps: an L2-regularised linear SVM with squared hinge loss, both classes weighed
 * alike (each example by n / (2 × its class's size)), solved by dual coordinate descent (Hsieh et al., 2008, as
 * liblinear does) in an order fixed by a seeded shuffle, so that the same decisions always learn the same model.
 * Pure.
 */

import { seededRandom } from '../seeded-random.js';
import type { SparseRows } from './vectors.js';

export interface LinearModel {
  /** Per bucket. */
  readonly weights: Float64Array;
  readonly bias: number;
}

export interface LearnOptions {
  /** Inverse regularisation strength. */
  readonly c: number;
  /** The widest spread of projected gradients that counts as converged. */
  readonly tolerance?: number;
  readonly maxEpochs?: number;
}

/** Learns from `rows`, the first `positives` of them kept, the others dismissed. */
export function learnLinearModel(
  rows: SparseRows,
  positives: number,
  dimensions: number,
  options: LearnOptions,
): LinearModel {
  const { starts, values } = rows;
  const n = starts.length - 1;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return { weights: new Float64Array(dimensions), bias: 0 };
  // The examples use few of the buckets: their weights, numbered densely, stay in the processor's cache.
  const dense = new Int32Array(dimensions).fill(-1);
  const used: number[] = [];
  const indices = new Uint32Array(rows.indices.length);
  for (let k = 0; k < indices.length; k++) {
    const bucket = rows.indices[k] ?? 0;
    let column = dense[bucket] ?? -1;
    if (column === -1) {
      column = used.length;
      dense[bucket] = column;
      used.push(bucket);
    }
    indices[k] = column;
  }
  const weights = new Float64Array(used.length);
  let bias = 0;
  const diagonal = new Float64Array(n);
  const curvature = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const classC = (options.c * n) / (2 * (i < positives ? positives : negatives));
    diagonal[i] = 1 / (2 * classC);
    let squares = 1; // the bias feature's
    for (let k = starts[i] ?? 0; k < (starts[i + 1] ?? 0); k++) squares += (values[k] ?? 0) ** 2;
    curvature[i] = squares + (diagonal[i] ?? 0);
  }
  const alpha = new Float64Array(n);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(0x5eed);
  const tolerance = options.tolerance ?? 0.1;
  const maxEpochs = options.maxEpochs ?? 100;
  for (let epoch = 0; epoch < maxEpochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swap = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = swap;
    }
    let highest = -Infinity;
    let lowest = Infinity;
    for (const i of order) {
      const label = i < positives ? 1 : -1;
      const start = starts[i] ?? 0;
      const end = starts[i + 1] ?? start;
      let margin = bias;
      for (let k = start; k < end; k++) margin += (values[k] ?? 0) * (weights[indices[k] ?? 0] ?? 0);
      const a = alpha[i] ?? 0;
      const gradient = label * margin - 1 + (diagonal[i] ?? 0) * a;
      const projected = a === 0 ? Math.min(gradient, 0) : gradient;
      if (projected > highest) highest = projected;
      if (projected < lowest) lowest = projected;
      if (Math.abs(projected) <= 1e-12) continue;
      const next = Math.max(a - gradient / (curvature[i] ?? 1), 0);
      alpha[i] = next;
      const step = (next - a) * label;
      for (let k = start; k < end; k++) {
        const bucket = indices[k] ?? 0;
        weights[bucket] = (weights[bucket] ?? 0) + step * (values[k] ?? 0);
      }
      bias += step;
    }
    if (highest - lowest <= tolerance) break;
  }
  const byBucket = new Float64Array(dimensions);
  for (const [column, bucket] of used.entries()) byBucket[bucket] = weights[column] ?? 0;
  return { weights: byBucket, bias };
}
