/**
 * Merging two papers, undoing it, and a restore that takes papers out, through the synced store as the library
 * service makes them (LibraryService.mergePapers, unmergePapers; a restore as a change to the backup's catalogue):
 * two computers, each with its own copy of the folder, files carried between them.
 */

import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { LibrarySnapshot } from '../../core/import/types.js';
import { DEFAULT_READING_STATE, emptyStateMap, readingStateOf, type Catalogue } from '../../core/model.js';
import { mergePapers, unmergePapers, type PaperMerge, type PaperMergeUndo } from '../../core/paper-merge.js';
import { restoreState } from '../../core/reading.js';
import type { SyncedLibraryStore } from './synced-library-store.js';
import { digest, fullExchange, importDigest, restart, startComputer, tag, type Computer } from './synced-test-rig.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'shelfmark-synced-merges-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const now = (): string => new Date().toISOString();

function merge(store: SyncedLibraryStore, keep: string, merged: string): Promise<PaperMerge> {
  return store.transact((library) => mergePapers(library, keep, merged, now()));
}

function unmerge(store: SyncedLibraryStore, undo: PaperMergeUndo): Promise<unknown> {
  return store.transact((library) => unmergePapers(library, undo, now()));
}

/**
 * The library as a backup had it, as one change: its catalogue, and every reading state that is not as the backup
 * had it put back (to none where it had none).
 */
function restore(store: SyncedLibraryStore, backup: LibrarySnapshot): Promise<void> {
  return store.transact((library) => {
    const states = emptyStateMap();
    for (const id of new Set([...Object.keys(library.states), ...Object.keys(backup.states)])) {
      const current = readingStateOf(library.states, id);
      const restored = restoreState(current, readingStateOf(backup.states, id) ?? DEFAULT_READING_STATE, now());
      if (restored !== undefined && restored !== current) states[id] = restored;
    }
    return { catalogue: backup.catalogue, states, result: undefined };
  });
}

function ids(catalogue: Catalogue): string[] {
  return catalogue.papers.map((paper) => paper.id);
}

async function expectSameLibrary(a: Computer, b: Computer): Promise<void> {
  expect(await b.store.read()).toEqual(await a.store.read());
  expect(await readFile(join(b.folder, 'library.json'))).toEqual(await readFile(join(a.folder, 'library.json')));
}

/** Two computers with one library of three papers, read on both. */
async function twoComputers(): Promise<{ laptop: Computer; desktop: Computer; papers: readonly string[] }> {
  const laptop = await startComputer(root, 'laptop');
  const desktop = await startComputer(root, 'desktop');
  const papers = await importDigest(laptop.store, digest('Reading group', ['graphs', 'graph networks', 'proteins']));
  await fullExchange(laptop, desktop);
  return { laptop, desktop, papers };
}

describe('two papers merged on one computer', () => {
  it('while the other tags both and imports a digest listing the merged one: one library, as paper-merge gives it', async () => {
    const { laptop, desktop, papers } = await twoComputers();
    const [kept = '', merged = ''] = papers;
    await tag(laptop.store, merged, 'gnn');
    await fullExchange(laptop, desktop);

    const done = await merge(laptop.store, kept, merged);
    expect(ids((await laptop.store.read()).catalogue)).not.toContain(merged);
    await tag(desktop.store, merged, 'survey');
    await tag(desktop.store, kept, 'classic');
    await importDigest(desktop.store, digest('Weekly', ['graph networks', 'transformers']));
    const expected = mergePapers(await desktop.store.read(), kept, merged, now()).catalogue;

    await fullExchange(laptop, desktop);
    await expectSameLibrary(laptop, desktop);
    const library = await laptop.store.read();
    expect(library.catalogue).toEqual(expected);
    expect(new Set(readingStateOf(library.states, kept)?.tags)).toEqual(new Set(['gnn', 'survey', 'classic']));
    expect(done.paper.aliases).toContain(merged);

    // Started again from its files: the same.
    await restart(desktop);
    expect(await desktop.store.read()).toEqual(library);
  });

  it('is undone on the other computer, with the undo the first gave, and both have both papers again', async () => {
    const { laptop, desktop, papers } = await twoComputers();
    const [kept = '', merged = ''] = papers;
    await tag(laptop.store, merged, 'gnn');
    await fullExchange(laptop, desktop);
    const before = await desktop.store.read();

    const done = await merge(laptop.store, kept, merged);
    await fullExchange(laptop, desktop);
    expect(ids((await desktop.store.read()).catalogue)).toEqual(ids(before.catalogue).filter((id) => id !== merged));

    await unmerge(desktop.store, done.undo);
    await fullExchange(laptop, desktop);
    await expectSameLibrary(laptop, desktop);
    const library = await laptop.store.read();
    expect(library.catalogue).toEqual(before.catalogue);
    expect(readingStateOf(library.states, merged)?.tags).toEqual(['gnn']);
    // Undone already: refused as it is today.
    await expect(unmerge(laptop.store, done.undo)).rejects.toThrow(/no merge to undo/);
  });
});

describe('a restore that takes papers out', () => {
  it('takes them out on every computer, and an import of them afterwards brings them back', async () => {
    const { laptop, desktop, papers } = await twoComputers();
    const backup = await laptop.store.read();
    const [, , proteins = ''] = papers;
    const [added = ''] = await importDigest(laptop.store, digest('Weekly', ['transformers']));
    await tag(laptop.store, proteins, 'later');
    await fullExchange(laptop, desktop);
    expect(ids((await desktop.store.read()).catalogue)).toContain(added);

    await restore(desktop.store, backup);
    await fullExchange(laptop, desktop);
    await expectSameLibrary(laptop, desktop);
    const library = await laptop.store.read();
    expect(library.catalogue).toEqual(backup.catalogue);
    expect(readingStateOf(library.states, proteins)?.tags ?? []).toEqual([]);

    await importDigest(laptop.store, digest('Monthly', ['transformers']));
    await fullExchange(laptop, desktop);
    await expectSameLibrary(laptop, desktop);
    expect(ids((await desktop.store.read()).catalogue)).toContain(added);
  });

  it('undoes a merge made since the backup, on every computer', async () => {
    const { laptop, desktop, papers } = await twoComputers();
    const backup = await laptop.store.read();
    const [kept = '', merged = ''] = papers;
    await merge(laptop.store, kept, merged);
    await fullExchange(laptop, desktop);

    await restore(desktop.store, backup);
    await fullExchange(laptop, desktop);
    await expectSameLibrary(laptop, desktop);
    expect((await laptop.store.read()).catalogue).toEqual(backup.catalogue);
  });
});

describe('a folder the synced store wrote before merges were synced', () => {
  const fixture = fileURLToPath(new URL('../../tests/fixtures/synced-folder-v1', import.meta.url));

  it('reads as that store read it, and its papers can be merged now', async () => {
    const folder = join(root, 'folder');
    await cp(fixture, folder, { recursive: true });
    const expected = JSON.parse(await readFile(join(folder, 'expected-library.json'), 'utf8')) as LibrarySnapshot;
    const desktop = await startComputer(root, 'desktop', folder);
    const library = await desktop.store.read();
    expect(JSON.parse(JSON.stringify(library))).toEqual(expected);

    // That store merged "On graph networks" into "On graphs" as an import, and the merged paper stayed.
    const [kept = '', merged = ''] = ids(library.catalogue);
    await merge(desktop.store, kept, merged);
    await restart(desktop);
    expect(ids((await desktop.store.read()).catalogue)).toEqual([kept, ids(library.catalogue)[2]]);
  });
});
