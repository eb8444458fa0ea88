/**
 * The last-sync record on disk: `library.notes-sync.json` in the library's app-data folder (core/notes-sync/
 * sync-record.ts says what it holds: folders of this computer, so each computer keeps its own; the one kept beside
 * `library.json` before is read where there is none yet). Written atomically and durably; read and written under a
 * lock of its own, so that two syncs (the app's, the command line's) take turns rather than each keeping half a
 * record.
 */

import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  EMPTY_SYNC_RECORD,
  parseSyncRecord,
  syncRecordJson,
  type NotesSyncRecord,
} from '../../core/notes-sync/sync-record.js';
import { writeFileAtomically } from '../store/atomic-write.js';
import { corruptFileError, isErrorCode } from '../store/errors.js';
import type { LibraryPaths } from '../store/library-paths.js';
import { readOnlyError, withLock } from '../store/lock.js';
import { libraryAppDataOf } from '../sync/local-journal.js';

/** `library.notes-sync.json` for `library.json`, as the store's other files are named (library-paths.ts). */
function syncRecordName(paths: LibraryPaths): string {
  const name = basename(paths.catalogue);
  return `${name.endsWith('.json') ? name.slice(0, -'.json'.length) : name}.notes-sync.json`;
}

/** Where the record of a library's notes syncs is. */
export interface SyncRecordPlace {
  readonly paths: LibraryPaths;
  /** In the library's app-data folder: the record describes folders of this computer. */
  readonly file: string;
  /** Beside the library, where it was kept before: read while there is none in app-data, never written. */
  readonly before: string;
}

export async function syncRecordPlace(paths: LibraryPaths, appData: string): Promise<SyncRecordPlace> {
  const name = syncRecordName(paths);
  return {
    paths,
    file: join(await libraryAppDataOf(appData, paths.directory), name),
    before: join(paths.directory, name),
  };
}

/** The record, or an empty one where there is none yet (every library before notes sync). */
export async function readSyncRecord(place: SyncRecordPlace): Promise<NotesSyncRecord> {
  return (await readRecordFile(place.file)) ?? (await readRecordFile(place.before)) ?? EMPTY_SYNC_RECORD;
}

async function readRecordFile(file: string): Promise<NotesSyncRecord | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return null;
    throw error;
  }
  const record = parseSyncRecord(text);
  if (record === null) {
    throw corruptFileError(
      file,
      'it is not a record of notes synced with a folder that this version of Shelfmark reads',
    );
  }
  return record;
}

export async function writeSyncRecord(place: SyncRecordPlace, record: NotesSyncRecord): Promise<void> {
  await writeFileAtomically(place.file, syncRecordJson(record));
}

/**
 * Runs `work` holding the record's lock: one sync (or settings change) at a time, across this computer's processes.
 * The record's own lock (`library.notes-sync.json.lock` beside it), taken as the library's is (store/lock.ts): a
 * sync that was killed holding it is taken over at once. A library that cannot be written is refused, as before.
 */
export async function withSyncRecordLock<T>(
  place: SyncRecordPlace,
  work: (place: SyncRecordPlace) => Promise<T>,
): Promise<T> {
  const readOnly = await readOnlyError(place.paths);
  if (readOnly !== null) throw readOnly;
  const { file } = place;
  await mkdir(dirname(file), { recursive: true });
  return withLock({ ...place.paths, directory: dirname(file), catalogue: file, lock: `${file}.lock` }, () =>
    work(place),
  );
}
