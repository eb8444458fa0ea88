/**
 * A library written by today's Shelfmark (main's store: library.json, library.state.json, library.state.log) opened
 * by this one through the command line: it reads exactly as it did, and it has become a synced folder's, the files
 * as they were kept in a backup.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { BackupSummary } from '../core/api.js';
import { redateDigest } from '../core/digest-date.js';
import type { LibrarySnapshot } from '../core/import/types.js';
import { mergeDigest } from '../core/merge.js';
import { readingStateOf, type Paper, type ReadingState } from '../core/model.js';
import { mergePapers } from '../core/paper-merge.js';
import { digestProgress, matchesFilter, papersOf, type DigestProgress } from '../core/query.js';
import { addTags, setNote, setStatus, snooze } from '../core/reading.js';
import { appDataDirectory } from '../app/library-location.js';
import { openLegacyLibraryStore } from '../app/store/legacy-library-store.js';
import { libraryPaths } from '../app/store/library-paths.js';
import type { LibraryStore } from '../app/store/library-store.js';
import { backupPlace } from '../app/sync/local-journal.js';
import { digest } from '../app/sync/synced-test-rig.js';
import { CliHarness } from './cli-harness.js';

const NOW = '2025-03-11T09:00:00.000Z';
/** The day the command line runs on: the snooze below has not ended. */
const TODAY = new Date('2025-03-12T12:00:00.000Z');

let cli: CliHarness;
beforeEach(async () => {
  cli = await CliHarness.create();
});
afterEach(async () => {
  await cli.remove();
});

/** Every kind of thing a library of today holds: notes, tags, statuses, a dismissal, a snooze, a redated digest, a merge. */
async function writeTodaysLibrary(store: LibraryStore): Promise<readonly string[]> {
  const ids = await store.transact((library) => {
    let { catalogue } = mergeDigest(
      library.catalogue,
      digest('Reading group', ['graphs', 'proteins', 'agents', 'memory']),
      'a.bib',
      NOW,
    );
    catalogue = mergeDigest(
      catalogue,
      digest('Daily', ['diffusion', 'retrieval', 'memory again']),
      'b.bib',
      NOW,
    ).catalogue;
    const daily = catalogue.digests.at(-1);
    if (daily !== undefined) catalogue = redateDigest(catalogue, daily.id, '2025-03-10');
    return { catalogue, result: catalogue.papers.map((paper) => paper.id) };
  });
  const [read = '', reading = '', dismissed = '', kept = '', , , merged = ''] = ids;
  const change = (id: string, make: (state: ReadingState | undefined, at: string) => ReadingState | undefined) =>
    store.transact((library) => {
      const after = make(readingStateOf(library.states, id), new Date().toISOString());
      return { ...(after === undefined ? {} : { states: { [id]: after } }), result: undefined };
    });
  await change(read, (state, at) => setStatus(state, 'read', at));
  await change(read, (state, at) => addTags(state, ['ml', 'Graphs'], at));
  await change(reading, (state, at) => setStatus(state, 'reading', at));
  await change(reading, (state, at) => setNote(state, 'Read §3 first.', at));
  await change(dismissed, (state, at) => setStatus(state, 'dismissed', at));
  await change(kept, (state, at) => snooze(state, '2025-04-01', at));
  await change(merged, (state, at) => setNote(state, 'The same work, found twice.', at));
  await store.transact((library) => mergePapers(library, kept, merged, new Date().toISOString()));
  await store.compact();
  // And changes in the log after the snapshot.
  await change(read, (state, at) => setNote(state, 'Good.', at));
  await change(reading, (state, at) => addTags(state, ['later'], at));
  return ids;
}

/** What `list --json` and `digests --json` showed of the library, as main's store read it. */
function shown(library: LibrarySnapshot): { readonly papers: Paper[]; readonly digests: DigestProgress[] } {
  const today = '2025-03-12';
  return {
    papers: papersOf(library).filter((paper) => matchesFilter(paper, {}, today)),
    digests: [...digestProgress(library.catalogue.digests, library.states)],
  };
}

describe('a library written by today’s Shelfmark, opened by the command line', () => {
  it('reads exactly as it did, and has become a synced folder’s, its files kept in a backup', async () => {
    const paths = libraryPaths(cli.db);
    const today = openLegacyLibraryStore(paths);
    const ids = await writeTodaysLibrary(today);
    const before = await today.read();
    await today.close();
    const files = {
      catalogue: await readFile(paths.catalogue),
      snapshot: await readFile(paths.stateSnapshot),
      log: await readFile(paths.writeAheadLog),
    };
    const expected = shown(before);
    expect(expected.papers.some((paper) => paper.aliases?.includes(ids[6] ?? '') === true)).toBe(true);

    expect(await cli.json<Paper[]>(['list'], { now: () => TODAY })).toEqual(expected.papers);
    expect(await cli.json<DigestProgress[]>(['digests'], { now: () => TODAY })).toEqual(expected.digests);
    // The merged paper's id still names the paper it was merged into.
    expect((await cli.json<Paper>(['show', ids[6] ?? ''], { now: () => TODAY })).id).toBe(ids[3]);
    expect((await cli.json<Paper[]>(['list', '--status', 'snoozed'], { now: () => TODAY })).map((p) => p.id)).toEqual([
      ids[3],
    ]);

    // Migrated: the old state files are gone, the catalogue is the synced folder's, and the backup holds them all.
    const names = [...(await cli.files()).keys()].map((file) => file.slice(cli.directory.length + 1));
    expect(names).not.toContain('library.state.json');
    expect(names).not.toContain('library.state.log');
    expect(names.some((name) => name.startsWith('devices/'))).toBe(true);
    expect(JSON.parse(await readFile(paths.catalogue, 'utf8'))).toMatchObject({ schemaVersion: 4 });
    const backups = await cli.json<BackupSummary[]>(['backups']);
    expect(backups).toHaveLength(1);
    const folder = join((await backupPlace(appDataDirectory(), paths)).folder, backups[0]?.name ?? '');
    const kept = async (name: string) => gunzipSync(await readFile(join(folder, `${name}.gz`)));
    expect(await kept('library.json')).toEqual(files.catalogue);
    expect(await kept('library.state.json')).toEqual(files.snapshot);
    expect(await kept('library.state.log')).toEqual(files.log);

    // Opened again, it is read as the synced folder it is now: the same, and not migrated twice.
    expect(await cli.json<Paper[]>(['list'], { now: () => TODAY })).toEqual(expected.papers);
    expect(await cli.json<BackupSummary[]>(['backups'])).toHaveLength(1);
  });
});
