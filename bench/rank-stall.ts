/**
 * How long Up next holds up the thread that asks for it (Electron's main process, browser mode's server, which answer
 * every other call meanwhile), ranking in that thread and in a worker thread (app/rank-thread.ts): the longest the
 * asking thread's event loop stalls, and the whole call, on a synthetic library (generate.ts) with its papers with a
 * reading state kept and as many others dismissed. The first call of a process (the index read from the cache file),
 * then one after a decision (learnt again).
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LibrarySnapshot } from '../core/import/types.js';
import type { ReadingState } from '../core/model.js';
import { inThisThread, inWorkerThread, type RankRunner } from '../app/rank-thread.js';
import { Ranking } from '../app/ranking.js';
import type { SyntheticLibrary } from './generate.js';

export interface RankStallFigures {
  readonly metric: 'rank-stall';
  readonly papers: number;
  readonly decisions: number;
  /** The longest stall of the asking thread, ranking in it: the first call of a process, then after a decision. */
  readonly here_first_stall_ms: number;
  readonly here_again_stall_ms: number;
  /** The same, ranking in a worker thread. */
  readonly worker_first_stall_ms: number;
  readonly worker_again_stall_ms: number;
  /** The whole call after a decision, in a worker thread. */
  readonly worker_again_ms: number;
}

const TODAY = '2026-03-11';
const DISMISSED: ReadingState = { status: 'dismissed', tags: [], note: '', readAt: null, updatedAt: TODAY };

/** The library with as many papers dismissed as it has with a reading state (kept). */
function withDismissals(library: SyntheticLibrary): LibrarySnapshot {
  const states: Record<string, ReadingState> = { ...library.states };
  let dismissals = Object.keys(library.states).length;
  for (const paper of library.catalogue.papers) {
    if (dismissals === 0) break;
    if (states[paper.id] !== undefined) continue;
    states[paper.id] = DISMISSED;
    dismissals -= 1;
  }
  return { catalogue: library.catalogue, states };
}

/** The longest the event loop stalled while `work` ran, and how long it took. */
async function stalls(work: () => Promise<unknown>): Promise<{ stall: number; total: number }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 2);
  const start = performance.now();
  await work();
  clearInterval(timer);
  const end = performance.now();
  return { stall: Math.max(stall, end - last), total: end - start };
}

async function measure(
  library: LibrarySnapshot,
  cacheFile: string,
  runner: () => RankRunner,
): Promise<{ first: number; again: number; againTotal: number }> {
  const ranking = new Ranking(cacheFile, runner());
  try {
    const first = await stalls(() => ranking.upNext(library, { limit: 500 }, TODAY));
    const undecided = library.catalogue.papers.find((paper) => library.states[paper.id] === undefined);
    const decided = { ...library, states: { ...library.states, [undecided?.id ?? '']: DISMISSED } };
    const again = await stalls(() => ranking.upNext(decided, { limit: 500 }, TODAY));
    return { first: first.stall, again: again.stall, againTotal: again.total };
  } finally {
    await ranking.close();
  }
}

export async function measureRankStall(synthetic: SyntheticLibrary): Promise<RankStallFigures> {
  const library = withDismissals(synthetic);
  const folder = await mkdtemp(join(tmpdir(), 'shelfmark-rank-stall-'));
  try {
    const cacheFile = join(folder, 'library.rank-cache');
    // The cache file made first, as a library used before has it.
    await new Ranking(cacheFile, inThisThread()).upNext(library, { limit: 1 }, TODAY);
    const here = await measure(library, cacheFile, inThisThread);
    const worker = await measure(library, cacheFile, inWorkerThread);
    return {
      metric: 'rank-stall',
      papers: library.catalogue.papers.length,
      decisions: Object.keys(library.states).length,
      here_first_stall_ms: here.first,
      here_again_stall_ms: here.again,
      worker_first_stall_ms: worker.first,
      worker_again_stall_ms: worker.again,
      worker_again_ms: worker.againTotal,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
