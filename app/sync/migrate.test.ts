import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { redateDigest } from '../../core/digest-date.js';
import { mergeDigest } from '../../core/merge.js';
import { readingStateOf, type ReadingState } from '../../core/model.js';
import { addTags, setNote, setStatus, snooze } from '../../core/reading.js';
import { listBackups } from '../store/backups.js';
import type { LibrarySnapshot } from '../../core/import/types.js';
import { stampOf } from '../store/file-stamp.js';
import { withLock } from '../store/lock.js';
import { libraryPaths } from '../store/library-paths.js';
import { openLegacyLibraryStore } from '../store/legacy-library-store.js';
import type { LibraryStore } from '../store/library-store.js';
import { deviceIdentity } from './device-identity.js';
import { backupPlace } from './local-journal.js';
import { migrateToSyncedFolder } from './migrate.js';
import { openLibraryStore } from './open-library-store.js';
import { openSyncedLibraryStore } from './synced-library-store.js';
import { carry, digest, startComputer, tag } from './synced-test-rig.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'shelfmark-migrate-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const NOW = '2025-03-11T09:00:00.000Z';

/** A library as today's store writes it: two digests (one dated), and every kind of reading state. */
async function writeTodaysLibrary(store: LibraryStore): Promise<string[]> {
  const ids = await store.transact((library) => {
    let { catalogue } = mergeDigest(
      library.catalogue,
      digest('Reading group', ['graphs', 'proteins', 'agents']),
      'a.bib',
      NOW,
    );
    catalogue = mergeDigest(catalogue, digest('Daily', ['diffusion', 'retrieval']), 'b.bib', NOW).catalogue;
    const [daily] = catalogue.digests.slice(-1);
    if (daily !== undefined) catalogue = redateDigest(catalogue, daily.id, '2025-03-10');
    return { catalogue, result: catalogue.papers.map((paper) => paper.id) };
  });
  const [read = '', reading = '', dismissed = '', snoozed = '', noted = ''] = ids;
  const change = (id: string, make: (state: ReadingState | undefined) => ReadingState | undefined) =>
    store.transact((library) => {
      const after = make(readingStateOf(library.states, id));
      return { ...(after === undefined ? {} : { states: { [id]: after } }), result: undefined };
    });
  await change(read, (state) => setStatus(state, 'read', '2025-03-11T10:00:00.000Z'));
  await change(read, (state) => addTags(state, ['ml', 'Graphs'], '2025-03-11T10:01:00.000Z'));
  await change(reading, (state) => setStatus(state, 'reading', '2025-03-11T10:02:00.000Z'));
  await change(dismissed, (state) => setStatus(state, 'dismissed', '2025-03-11T10:03:00.000Z'));
  await change(snoozed, (state) => snooze(state, '2025-04-01', '2025-03-11T10:04:00.000Z'));
  await change(noted, (state) => setNote(state, 'Read §3 first.', '2025-03-11T10:05:00.000Z'));
  await store.compact();
  // And a change in the log after the snapshot.
  await change(noted, (state) => addTags(state, ['later'], '2025-03-11T10:06:00.000Z'));
  return ids;
}

describe("a library written by today's store", () => {
  it('becomes a synced folder with nothing lost, backed up first', async () => {
    const folder = join(root, 'library');
    const paths = libraryPaths(join(folder, 'library.json'));
    const today = openLegacyLibraryStore(paths.catalogue);
    const ids = await writeTodaysLibrary(today);
    const before = await today.read();
    await today.close();
    expect(Object.keys(before.states)).toHaveLength(5);
    expect(before.catalogue.digests.map((d) => d.date)).toContain('2025-03-10');

    const appData = join(root, 'laptop', 'Shelfmark');
    const device = await deviceIdentity(appData);
    expect(await migrateToSyncedFolder(paths, device, { appData })).toBe(true);

    const synced = await openSyncedLibraryStore(paths.catalogue, { appData, device });
    const after = await synced.read();
    expect(after.catalogue).toEqual(before.catalogue);
    expect({ ...after.states }).toEqual({ ...before.states });
    expect(readingStateOf(after.states, ids[3] ?? '')?.snoozedUntil).toBe('2025-04-01');

    expect(await stampOf(paths.stateSnapshot)).toBeNull();
    expect(await stampOf(paths.writeAheadLog)).toBeNull();
    expect(JSON.parse(await readFile(paths.catalogue, 'utf8'))).toMatchObject({ schemaVersion: 4 });
    expect(await listBackups(await backupPlace(appData, paths))).toHaveLength(1);
    // Today's store refuses the derived cache rather than writing over it.
    await expect(openLegacyLibraryStore(paths.catalogue).read()).rejects.toThrow(/newer version of Shelfmark/);
    expect(await migrateToSyncedFolder(paths, device, { appData })).toBe(false);

    // Another computer with a copy of the folder reads the same library, and goes on from it.
    await synced.close();
    const laptop = { name: 'laptop', appData, folder, store: synced };
    laptop.store = await openSyncedLibraryStore(paths.catalogue, { appData, device });
    const desktop = await startComputer(root, 'desktop');
    await carry(laptop, desktop, null);
    expect(await desktop.store.read()).toEqual(after);
    await tag(desktop.store, ids[0] ?? '', 'from-desktop');
    expect(readingStateOf((await desktop.store.read()).states, ids[0] ?? '')?.tags).toEqual([
      'ml',
      'Graphs',
      'from-desktop',
    ]);
  });
});

describe('legacy files found again in a migrated folder', () => {
  it('are migrated again: what an older Shelfmark wrote since is taken in, and nothing of the synced library lost', async () => {
    const folder = join(root, 'library');
    const paths = libraryPaths(join(folder, 'library.json'));
    const old = openLegacyLibraryStore(paths.catalogue);
    const ids = await writeTodaysLibrary(old);
    await old.close();
    // A copy of the old files, as a sync tool may bring them back from a computer whose Shelfmark is older.
    const elsewhere = join(root, 'elsewhere');
    await mkdir(elsewhere);
    for (const file of [paths.catalogue, paths.stateSnapshot, paths.writeAheadLog])
      await copyFile(file, join(elsewhere, basename(file)));

    const appData = join(root, 'laptop', 'Shelfmark');
    const store = await openLibraryStore(paths.catalogue, { appData });
    try {
      await store.transact((library) => {
        const after = addTags(readingStateOf(library.states, ids[1] ?? ''), ['synced'], new Date().toISOString());
        return { states: after === undefined ? {} : { [ids[1] ?? '']: after }, result: undefined };
      });
      expect(await stampOf(paths.writeAheadLog)).toBeNull();

      // The older Shelfmark goes on writing its copy, which comes back whole: catalogue, snapshot and log.
      const older = openLegacyLibraryStore(join(elsewhere, 'library.json'));
      await older.transact((library) => {
        const after = setNote(
          readingStateOf(library.states, ids[2] ?? ''),
          'Written by the older one.',
          new Date().toISOString(),
        );
        return { states: after === undefined ? {} : { [ids[2] ?? '']: after }, result: undefined };
      });
      await older.close();
      for (const name of ['library.state.log', 'library.state.json', 'library.json'])
        await copyFile(join(elsewhere, name), join(folder, name));

      const library = await store.read();
      expect(readingStateOf(library.states, ids[2] ?? '')?.note).toBe('Written by the older one.');
      expect(readingStateOf(library.states, ids[1] ?? '')?.tags).toContain('synced');
      expect(await stampOf(paths.writeAheadLog)).toBeNull();
      expect(JSON.parse(await readFile(paths.catalogue, 'utf8'))).toMatchObject({ schemaVersion: 4 });
      expect(await listBackups(await backupPlace(appData, paths))).toHaveLength(2);

      // Only a log this time, beside the synced folder's catalogue: read over the library as it is.
      await writeFile(
        paths.writeAheadLog,
        `${JSON.stringify({ schemaVersion: 2, states: { [ids[0] ?? '']: { status: 'reading', tags: [], note: 'From a log alone.', readAt: null, updatedAt: new Date().toISOString() } } })}\n`,
      );
      expect(readingStateOf((await store.read()).states, ids[0] ?? '')?.note).toBe('From a log alone.');
      expect(readingStateOf((await store.read()).states, ids[1] ?? '')?.tags).toContain('synced');
      expect(await stampOf(paths.writeAheadLog)).toBeNull();
    } finally {
      await store.close();
    }
  });
});

describe('an older Shelfmark running on this computer', () => {
  it('keeps the migration waiting while it holds the folder’s lock, and finds the library migrated after', async () => {
    const folder = join(root, 'library');
    const paths = libraryPaths(join(folder, 'library.json'));
    const old = openLegacyLibraryStore(paths.catalogue);
    await writeTodaysLibrary(old);
    const before = await old.read();
    await old.close();
    const store = await openLibraryStore(paths.catalogue, { appData: join(root, 'laptop', 'Shelfmark') });
    try {
      let release: () => void = () => undefined;
      const held = withLock(paths, () => new Promise<void>((resolve) => (release = resolve)));
      await sleep(50);
      let read: LibrarySnapshot | null = null;
      const reading = store.read().then((library) => (read = library));
      await sleep(400);
      // Waiting: nothing read, nothing migrated, while the older one may still write its files.
      expect(read).toBeNull();
      expect(await stampOf(paths.writeAheadLog)).not.toBeNull();
      release();
      await held;
      expect({ ...(await reading).states }).toEqual({ ...before.states });
      expect(await stampOf(paths.writeAheadLog)).toBeNull();
      // The older one, reading again, refuses the library rather than writing over it.
      await expect(openLegacyLibraryStore(paths.catalogue).read()).rejects.toThrow(/newer version of Shelfmark/);
    } finally {
      await store.close();
    }
  });
});

describe('two libraries written by today’s store in one folder', () => {
  it('opens the first as the folder’s synced library and refuses the second, changing nothing of it', async () => {
    const folder = join(root, 'papers');
    const appData = join(root, 'laptop', 'Shelfmark');
    const writeLegacy = async (name: string) => {
      const store = openLegacyLibraryStore(join(folder, name));
      await writeTodaysLibrary(store);
      await store.close();
    };
    await writeLegacy('ml.json');
    await writeLegacy('bio.json');
    const bioBytes = await readFile(join(folder, 'bio.json'));

    const ml = await openLibraryStore(join(folder, 'ml.json'), { appData });
    expect((await ml.read()).catalogue.papers).toHaveLength(5);
    await ml.close();

    const bio = await openLibraryStore(join(folder, 'bio.json'), { appData });
    await expect(bio.read()).rejects.toThrow(
      `Cannot read ${join(folder, 'bio.json')}: its folder already holds the library ml.json, and a folder holds one library (the devices/ folder beside them is ml.json's). Move bio.json into a folder of its own and open it there; nothing was changed.`,
    );
    await bio.close();
    expect(await readFile(join(folder, 'bio.json'))).toEqual(bioBytes);
    expect(await stampOf(join(folder, 'bio.state.json'))).not.toBeNull();
  });
});
