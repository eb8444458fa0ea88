import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateLibrary } from '../bench/generate.js';
import type { LibrarySnapshot } from '../core/import/types.js';
import type { ReadingState } from '../core/model.js';
import { inThisThread, inWorkerThread } from './rank-thread.js';
import { Ranking } from './ranking.js';

const TODAY = '2026-03-11';

/** 600 synthetic papers: some kept (as the generator leaves them), as many dismissed. */
function library(): LibrarySnapshot {
  const { catalogue, states } = generateLibrary(600, 7);
  const decided: Record<string, ReadingState> = { ...states };
  const kept = Object.keys(states).length;
  for (const paper of catalogue.papers.filter(({ id }) => states[id] === undefined).slice(0, kept)) {
    decided[paper.id] = {
      status: 'dismissed',
      tags: [],
      note: '',
      readAt: null,
      updatedAt: '2026-03-10T08:00:00.000Z',
    };
  }
  return { catalogue, states: decided };
}

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'shelfmark-rank-thread-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('ranking in a worker thread', () => {
  it('ranks as the asking thread does: the same order, scores and reasons, and the same papers like one', async () => {
    const snapshot = library();
    const here = new Ranking(join(folder, 'here.rank-cache'), inThisThread());
    const there = new Ranking(join(folder, 'there.rank-cache'), inWorkerThread());
    try {
      const expected = await here.upNext(snapshot, { limit: 50 }, TODAY);
      expect(expected.basis).toBe('learnt');
      expect(expected.papers[0]?.reasons.length).toBeGreaterThan(0);
      expect(await there.upNext(snapshot, { limit: 50 }, TODAY)).toEqual(expected);
      // Asked again, and by a tag (each learnt once, then kept).
      expect(await there.upNext(snapshot, { limit: 50 }, TODAY)).toEqual(expected);
      expect(await there.upNext(snapshot, { tag: 'theory', limit: 20 }, TODAY)).toEqual(
        await here.upNext(snapshot, { tag: 'theory', limit: 20 }, TODAY),
      );
      // Only the papers named (a view's, sorted by relevance), in the order they have among all.
      const named = expected.papers.slice(5, 15).map(({ id }) => id);
      const only = await there.upNext(snapshot, { ids: [...named].reverse(), limit: 50 }, TODAY);
      expect(only.papers.map(({ id }) => id)).toEqual(named);
      expect(only.total).toBe(named.length);
      const record = snapshot.catalogue.papers[3];
      if (record === undefined) throw new Error('no fourth paper');
      const paper = { ...record, status: 'unread', tags: [], note: '', readAt: null, updatedAt: null } as const;
      expect(await there.similar(snapshot, paper, 5)).toEqual(await here.similar(snapshot, paper, 5));
    } finally {
      await there.close();
      await here.close();
    }
  });

  it('reads the index the cache file holds, and ranks in its own thread once the worker is gone', async () => {
    const snapshot = library();
    const cache = join(folder, 'library.rank-cache');
    const expected = await new Ranking(cache, inThisThread()).upNext(snapshot, { limit: 20 }, TODAY);
    const there = new Ranking(cache, inWorkerThread());
    expect(await there.upNext(snapshot, { limit: 20 }, TODAY)).toEqual(expected);
    await there.close();
    expect(await there.upNext(snapshot, { limit: 20 }, TODAY)).toEqual(expected);
  });
});
