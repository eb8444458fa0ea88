/**
 * For the synced store's tests: a "computer" (an app-data folder and its copy of the library's folder) with a
 * SyncedLibraryStore on it, the changes a user makes, made as the library service makes them, and files carried
 * between two copies as a sync tool carries them (in any order, as conflicted copies, half-written).
 */

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

import type { ParsedDigest } from '../../core/import/types.js';
import { mergeDigest } from '../../core/merge.js';
import { readingStateOf, type ReadingState, type ReadingStatus } from '../../core/model.js';
import { addTags, setNote, setStatus } from '../../core/reading.js';
import type { Prng } from '../../core/sync/simulation/prng.js';
import { openSyncedLibraryStore, type SyncedLibraryStore } from './synced-library-store.js';

export interface Computer {
  readonly name: string;
  readonly appData: string;
  readonly folder: string;
  store: SyncedLibraryStore;
}

export async function startComputer(root: string, name: string, folder = join(root, `${name}-folder`)) {
  const appData = join(root, `${name}-app-data`, 'Shelfmark');
  await mkdir(folder, { recursive: true });
  const store = await openSyncedLibraryStore(join(folder, 'library.json'), { appData });
  return { name, appData, folder, store } satisfies Computer;
}

/** The computer's Shelfmark started again (its app-data and folder kept). */
export async function restart(computer: Computer): Promise<void> {
  await computer.store.close();
  computer.store = await openSyncedLibraryStore(join(computer.folder, 'library.json'), {
    appData: computer.appData,
  });
}

export function digest(title: string, works: readonly string[]): ParsedDigest {
  return {
    format: 'bibtex',
    title,
    date: null,
    papers: works.map((work) => ({
      title: `On ${work}`,
      abstract: `What ${work} found.`,
      authors: [`Ada ${work}`],
      arxivId: null,
      doi: null,
      year: 2024,
      links: [],
      categories: [],
    })),
    skipped: [],
  };
}

/** Imports the digest as `importText` does; gives the ids of its papers. */
export function importDigest(store: SyncedLibraryStore, parsed: ParsedDigest): Promise<readonly string[]> {
  return store.transact((library) => {
    const merged = mergeDigest(library.catalogue, parsed, 'digest.bib', new Date().toISOString());
    const ids = [...merged.summary.added, ...merged.summary.merged].map((paper) => paper.id);
    return { catalogue: merged.catalogue, result: ids };
  });
}

type StateChange = (state: ReadingState | undefined, now: string) => ReadingState | undefined;

/** Changes one paper's reading state as the service does; acknowledged once this resolves. */
export function changeState(store: SyncedLibraryStore, id: string, change: StateChange): Promise<void> {
  return store.transact((library) => {
    const after = change(readingStateOf(library.states, id), new Date().toISOString());
    return { ...(after === undefined ? {} : { states: { [id]: after } }), result: undefined };
  });
}

export const tag = (store: SyncedLibraryStore, id: string, name: string) =>
  changeState(store, id, (state, now) => addTags(state, [name], now));
export const note = (store: SyncedLibraryStore, id: string, text: string) =>
  changeState(store, id, (state, now) => setNote(state, text, now));
export const mark = (store: SyncedLibraryStore, id: string, status: ReadingStatus) =>
  changeState(store, id, (state, now) => setStatus(state, status, now));

/** Every file below `folder` (sync tools' own aside), by `/`-separated relative path. */
export async function filesOf(folder: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = new Map<string, Buffer>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (/(^|\/)(\.st|\.git|library\.backups)/.test(path)) continue;
    files.set(path, await readFile(join(folder, path)));
  }
  return files;
}

async function put(folder: string, path: string, bytes: Buffer): Promise<void> {
  await mkdir(dirname(join(folder, path)), { recursive: true });
  await writeFile(join(folder, path), bytes);
}

/**
 * Carries the device files of `from` to `to` as a sync tool may: each file or not, in a random order, some half
 * (a sync in progress), some as a conflicted copy beside `to`'s own, and the derived files now and then. With
 * `prng` null, everything, whole.
 */
export async function carry(from: Computer, to: Computer, prng: Prng | null): Promise<void> {
  const files = [...(await filesOf(from.folder))];
  if (prng !== null) files.sort(() => prng.next() - 0.5);
  for (const [path, bytes] of files) {
    const own = path.startsWith(`devices/${to.store.device.id}/`);
    const derived = !path.startsWith('devices/');
    if (prng === null) {
      if (!own) await put(to.folder, path, bytes);
      continue;
    }
    if (prng.chance(0.3)) continue;
    // A copy a tool left travels as it is: a tool does not make conflicted copies of its own conflicted copies.
    if (path.includes('.sync-conflict-')) {
      await put(to.folder, path, bytes);
      continue;
    }
    if (own || (derived && prng.chance(0.5))) {
      // The other side's version of this computer's own file: only ever as a conflicted copy.
      if (prng.chance(0.3)) await put(to.folder, conflicted(path), bytes);
      continue;
    }
    if (prng.chance(0.15)) await put(to.folder, path, bytes.subarray(0, prng.below(bytes.length + 1)));
    else if (prng.chance(0.1)) await put(to.folder, conflicted(path), bytes);
    else await put(to.folder, path, bytes);
  }
}

/** Every file of each carried to the other, whole. */
export async function exchange(a: Computer, b: Computer): Promise<void> {
  await carry(a, b, null);
  await carry(b, a, null);
}

/** Every file of each carried to the other, whole, then each folds what it read (library.json made again); twice. */
export async function fullExchange(a: Computer, b: Computer): Promise<void> {
  for (let round = 0; round < 2; round++) {
    await exchange(a, b);
    await a.store.compact();
    await b.store.compact();
  }
}

function conflicted(path: string): string {
  const dot = path.lastIndexOf('.');
  return `${path.slice(0, dot)}.sync-conflict-20250311-101112-ABCDEFG${path.slice(dot)}`;
}
