/**
 * One status or note change until it is durable on disk, against rewriting the whole library file; and the same
 * changes in a synced library (app/sync/), of one device or ten (synced-library.ts).
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LibraryService } from '../app/library-service.js';
import { bundledSampleDigest } from '../app/resources.js';
import { writeFileAtomically } from '../app/store/atomic-write.js';
import { openLibraryStore } from '../app/sync/open-library-store.js';
import type { SyntheticLibrary } from './generate.js';
import { percentile, time } from './measure.js';
import type { SyncedFolder, SyncedVariant } from './synced-library.js';

export interface PersistFigures {
  readonly metric: 'persist';
  readonly papers: number;
  readonly p50_ms: number;
  readonly p95_ms: number;
  readonly baseline_p50_ms?: number;
  readonly store?: string;
}

/** `changes` changes through the service, alternately a status and a note, to papers spread over the library. */
async function timedChanges(service: LibraryService, ids: readonly string[], changes: number): Promise<number[]> {
  // The first change of the day also makes the day's backup: measured apart, below, not as a change.
  await service.setStatus([ids[0] ?? ''], 'reading');
  const samples: number[] = [];
  for (let n = 0; n < changes; n++) {
    const id = ids[(n * 7919) % ids.length] ?? '';
    samples.push(
      await time(() =>
        n % 2 === 0
          ? service.setStatus([id], n % 4 === 0 ? 'read' : 'unread')
          : service.setNote(id, `Note ${String(n)}: worth a second look.`),
      ),
    );
  }
  return samples;
}

export async function measurePersist(library: SyntheticLibrary, changes = 200): Promise<PersistFigures> {
  const directory = await mkdtemp(join(tmpdir(), 'shelfmark-bench-persist-'));
  try {
    const db = join(directory, 'library.json');
    const store = await openLibraryStore(db, { appData: join(directory, 'app-data') });
    await store.transact(() => ({ catalogue: library.catalogue, states: library.states, result: null }));
    await store.close();

    const service = new LibraryService(db, {
      sampleDigest: bundledSampleDigest(),
      appData: join(directory, 'app-data'),
    });
    const samples = await timedChanges(
      service,
      library.catalogue.papers.map((paper) => paper.id),
      changes,
    );
    await service.close();

    const whole = join(directory, 'whole-library.json');
    const rewrites = library.catalogue.papers.length >= 100_000 ? 3 : 7;
    const baseline: number[] = [];
    for (let n = 0; n < rewrites; n++) {
      baseline.push(
        await time(() =>
          writeFileAtomically(whole, JSON.stringify({ catalogue: library.catalogue, states: library.states })),
        ),
      );
    }
    return {
      metric: 'persist',
      papers: library.catalogue.papers.length,
      p50_ms: percentile(samples, 50),
      p95_ms: percentile(samples, 95),
      baseline_p50_ms: percentile(baseline, 50),
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * The same changes through the service on a synced library of one device or ten (synced-library.ts), opened by the
 * service itself with the fixture's app-data folder, whose device is the one measuring.
 */
export async function measureSyncedPersist(
  library: SyntheticLibrary,
  { db, appData }: SyncedFolder,
  variant: SyncedVariant,
  changes = 200,
): Promise<PersistFigures> {
  const service = new LibraryService(db, { sampleDigest: bundledSampleDigest(), appData });
  // Opened first: what is timed is a change, not the library's first read.
  await service.listPapers({});
  const samples = await timedChanges(
    service,
    library.catalogue.papers.map((paper) => paper.id),
    changes,
  );
  await service.close();
  return {
    metric: 'persist',
    papers: library.catalogue.papers.length,
    p50_ms: percentile(samples, 50),
    p95_ms: percentile(samples, 95),
    store: `synced, ${variant}`,
  };
}
