import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ReadingState } from '../../core/model.js';
import { openLegacyLibraryStore } from './legacy-library-store.js';
import type { LibraryStore } from './library-store.js';
import { mergeDigest } from '../../core/merge.js';
import { openLibraryStore } from '../sync/open-library-store.js';
import { digest } from '../sync/synced-test-rig.js';
import { libraryPaths } from './library-paths.js';
import { watchLibrary, type LibraryWatcher } from './library-watcher.js';

const run = promisify(execFile);
const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));
const STORE = fileURLToPath(new URL('./legacy-library-store.ts', import.meta.url));
const DEBOUNCE_MS = 100;
const POLL_MS = 300;
/** Longer than a debounce, a poll and a check together: what has not come by then is not coming. */
const SETTLE_MS = 1_000;

function state(note: string): ReadingState {
  return { status: 'reading', tags: [], note, readAt: null, updatedAt: '2025-03-12T10:00:00.000Z' };
}

let root: string;
let directory: string;
let file: string;
let store: LibraryStore;
let watcher: LibraryWatcher | null;
let events: number;

/** Another process: a note set through its own store, as the command line would. */
async function writeFromAnotherProcess(id: string, note: string): Promise<void> {
  const script = path.join(root, 'set-note.mjs');
  await fs.writeFile(
    script,
    `const [catalogue, store, id, note] = process.argv.slice(2);
const { openLegacyLibraryStore } = await import(store);
const library = openLegacyLibraryStore(catalogue);
await library.transact(() => ({
  states: { [id]: { status: 'read', tags: [], note, readAt: null, updatedAt: '2025-03-12T10:00:00.000Z' } },
  result: null,
}));
await library.close();
`,
  );
  await run(process.execPath, ['--import', 'tsx', script, file, STORE, id, note], { cwd: REPOSITORY });
}

async function startWatching(): Promise<void> {
  await store.follow();
  watcher = watchLibrary(libraryPaths(file), {
    changed: () => store.follow(),
    notify: () => (events += 1),
    debounceMs: DEBOUNCE_MS,
    pollMs: POLL_MS,
  });
}

/** Resolves once `events` reaches `count`, or fails after `ms`. */
async function eventsReach(count: number, ms: number): Promise<number> {
  const start = performance.now();
  while (events < count) {
    if (performance.now() - start > ms) throw new Error(`${events} events after ${ms} ms, not ${count}`);
    await sleep(10);
  }
  return performance.now() - start;
}

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'shelfmark-watch-'));
  directory = path.join(root, 'library');
  file = path.join(directory, 'library.json');
  store = openLegacyLibraryStore(file);
  await store.transact(() => ({ states: { a: state('first') }, result: null }));
  watcher = null;
  events = 0;
});

afterEach(async () => {
  await watcher?.close();
  await store.close();
  await fs.rm(root, { recursive: true, force: true });
});

describe('following the library’s folder', () => {
  it('tells of another process’s change once, within the debounce of the change', async () => {
    await startWatching();
    await writeFromAnotherProcess('b', 'from the command line');
    // The folder's watch sees it at once; the poll would within POLL_MS.
    expect(await eventsReach(1, DEBOUNCE_MS + POLL_MS + 500)).toBeLessThan(DEBOUNCE_MS + POLL_MS + 500);
    await sleep(SETTLE_MS);
    expect(events).toBe(1);
    expect((await store.read()).states['b']?.note).toBe('from the command line');
  });

  it('says nothing of this process’s own writes', async () => {
    await startWatching();
    for (let n = 0; n < 5; n++) await store.transact(() => ({ states: { a: state(`own ${n}`) }, result: null }));
    await store.compact();
    await sleep(SETTLE_MS);
    expect(events).toBe(0);
  });

  it('tells of a file replaced whole by a rename, as sync tools and atomic writes do', async () => {
    await startWatching();
    const snapshot = libraryPaths(file).stateSnapshot;
    const temp = path.join(directory, '.library.state.json.sync-tmp');
    const states = { a: state('from the other computer') };
    await fs.writeFile(temp, JSON.stringify({ schemaVersion: 2, states }));
    await fs.rename(temp, snapshot);
    await eventsReach(1, SETTLE_MS);
    await sleep(SETTLE_MS);
    expect(events).toBe(1);
  });

  it('catches by its poll what the watch misses', async () => {
    // A folder that cannot be watched (a network share, say) is watched by its stamps alone: here, no folder at first.
    await store.close();
    await fs.rm(directory, { recursive: true });
    store = openLegacyLibraryStore(file);
    await startWatching();
    await writeFromAnotherProcess('b', 'into a new folder');
    await eventsReach(1, POLL_MS + DEBOUNCE_MS + SETTLE_MS);
  });

  it('tells nothing once closed, and leaves no watch or timer behind', async () => {
    const before = process.getActiveResourcesInfo();
    await startWatching();
    const during = process.getActiveResourcesInfo();
    expect(count(during, 'FSEventWrap')).toBe(count(before, 'FSEventWrap') + 1);
    expect(count(during, 'Timeout')).toBeGreaterThan(count(before, 'Timeout'));
    await watcher?.close();
    watcher = null;
    await writeFromAnotherProcess('b', 'after closing');
    await sleep(SETTLE_MS);
    expect(events).toBe(0);
    const after = process.getActiveResourcesInfo();
    expect(count(after, 'FSEventWrap')).toBe(count(before, 'FSEventWrap'));
    expect(count(after, 'Timeout')).toBeLessThanOrEqual(count(before, 'Timeout'));
  });
});

function count(resources: readonly string[], kind: string): number {
  return resources.filter((resource) => resource === kind).length;
}

const NOW = '2025-03-11T09:00:00.000Z';
const LATER = '2025-03-12T11:00:00.000Z';

describe('following a synced folder', () => {
  /** Another computer's device: its own app-data folder, writing its own files into the same folder. */
  async function otherDevice(name: string): Promise<LibraryStore> {
    return openLibraryStore(file, { appData: path.join(root, name, 'Shelfmark') });
  }

  it('tells of another device’s new folder and log, then of each line it appends', async () => {
    await store.close();
    await fs.rm(directory, { recursive: true });
    store = await openLibraryStore(file, { appData: path.join(root, 'this', 'Shelfmark') });
    // A synced library keeps reading states of the papers it has.
    const [a = '', b = ''] = await store.transact((library) => {
      const { catalogue } = mergeDigest(library.catalogue, digest('Reading group', ['graphs', 'agents']), 'a.bib', NOW);
      return { catalogue, states: {}, result: catalogue.papers.map((paper) => paper.id) };
    });
    await store.transact(() => ({ states: { [a]: state('here') }, result: null }));
    await startWatching();
    const laptop = await otherDevice('laptop');
    try {
      await laptop.transact(() => ({ states: { [b]: state('from the laptop') }, result: null }));
      await eventsReach(1, DEBOUNCE_MS + POLL_MS + SETTLE_MS);
      expect((await store.read()).states[b]?.note).toBe('from the laptop');
      // Once its folder is there, a line appended to its log, which changes nothing but that file.
      await laptop.transact(() => ({ states: { [b]: { ...state('again'), updatedAt: LATER } }, result: null }));
      await eventsReach(2, DEBOUNCE_MS + POLL_MS + SETTLE_MS);
      expect((await store.read()).states[b]?.note).toBe('again');
      await sleep(SETTLE_MS);
      expect(events).toBe(2);
    } finally {
      await laptop.close();
    }
  });
});
