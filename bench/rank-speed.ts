/**
 * Ranking speed on a synthetic library (generate.ts): indexing every paper's terms from nothing and again with
 * nothing changed (the cache), learning from the library's decisions (its papers with a reading state kept, and as
 * many of the rest dismissed), and ranking a day's digest of 500 papers once learnt.
 */

import { performance } from 'node:perf_hooks';
import { learnRanker, rankPapers } from '../core/rank/rank.js';
import { EMPTY_TERM_INDEX, indexPapers } from '../core/rank/term-index.js';
import type { SyntheticLibrary } from './generate.js';
import { percentile } from './measure.js';

export interface RankSpeedFigures {
  readonly metric: 'rank-speed';
  readonly papers: number;
  readonly index_ms: number;
  readonly index_again_ms: number;
  readonly decisions: number;
  readonly learn_ms: number;
  /** Ranking 500 papers, reasons for all of them included. */
  readonly p50_ms: number;
  readonly p95_ms: number;
  /** The same rankings' CPU time: what the wall time is on a machine whose cores are not shared. */
  readonly cpu_p50_ms: number;
  readonly cpu_p95_ms: number;
}

export function measureRankSpeed(library: SyntheticLibrary): RankSpeedFigures {
  const { papers } = library.catalogue;
  let start = performance.now();
  const index = indexPapers(EMPTY_TERM_INDEX, papers);
  const indexMs = performance.now() - start;
  start = performance.now();
  indexPapers(index, papers);
  const indexAgainMs = performance.now() - start;
  const kept = papers.filter((paper) => library.states[paper.id] !== undefined).map(({ id }) => id);
  const dismissed = papers
    .filter((paper) => library.states[paper.id] === undefined)
    .slice(0, kept.length)
    .map(({ id }) => id);
  start = performance.now();
  const ranker = learnRanker(index, { kept, dismissed });
  const learnMs = performance.now() - start;
  const day = papers.slice(-500);
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < 20; run++) {
    const cpuStart = process.cpuUsage();
    start = performance.now();
    rankPapers(ranker, index, day);
    samples.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return {
    metric: 'rank-speed',
    papers: papers.length,
    index_ms: indexMs,
    index_again_ms: indexAgainMs,
    decisions: kept.length + dismissed.length,
    learn_ms: learnMs,
    p50_ms: percentile(samples, 50),
    p95_ms: percentile(samples, 95),
    cpu_p50_ms: percentile(cpu, 50),
    cpu_p95_ms: percentile(cpu, 95),
  };
}
