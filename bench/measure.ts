/** Timing helpers for the benchmarks. */

import { performance } from 'node:perf_hooks';

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export async function time(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The median of `runs` runs of `run`, by `key` (the middle one of an odd number). */
export async function medianRun<T>(runs: number, run: () => Promise<T>, key: (one: T) => number): Promise<T> {
  const done: T[] = [];
  for (let n = 0; n < runs; n++) done.push(await run());
  done.sort((a, b) => key(a) - key(b));
  const median = done[Math.floor(runs / 2)];
  if (median === undefined) throw new Error('nothing was measured');
  return median;
}
