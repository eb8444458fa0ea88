/**
 * The last-sync record on disk: `library.notes-sync.json` beside `library.json` (core/notes-sync/sync-record.ts says
 * what it holds). Written atomically and durably; read and written under a lock of its own, so that two syncs (the
 * app's, the command line's) take turns rather than each keeping half a record.
 */

import { mkdir, readFile } from 'node:fs/promises';
import {
  EMPTY_SYNC_RECORD,
  parseSyncRecord,
  syncRecordJson,
  type NotesSyncRecord,
} from '../../core/notes-sync/sync-record.js';
import { writeFileAtomically } from '../store/atomic-write.js';
import { corruptFileError, isErrorCode, LibraryReadOnlyError, READ_ONLY_CODES } from '../store/errors.js';
import type { LibraryPaths } from '../store/library-paths.js';
import { withLock } from '../store/lock.js';

/** `library.notes-sync.json` for `library.json`, as the store's other files are named (library-paths.ts). */
export function syncRecordPath(paths: LibraryPaths): string {
  const { catalogue } = paths;
  return `${catalogue.endsWith('.json') ? catalogue.slice(0, -'.json'.length) : catalogue}.notes-sync.json`;
}

/** The record, or an empty one where there is none yet (every library before notes sync). */
export async function readSyncRecord(file: string): Promise<NotesSyncRecord> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return EMPTY_SYNC_RECORD;
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

export async function writeSyncRecord(file: string, record: NotesSyncRecord): Promise<void> {
  await writeFileAtomically(file, syncRecordJson(record));
}

/**
 * Runs `work` holding the record's lock: one sync (or settings change) at a time, across this computer's processes.
 * The record's own lock (`library.notes-sync.json.lock`), taken as the library's is (store/lock.ts): a sync that
 * was killed holding it is taken over at once.
 */
export async function withSyncRecordLock<T>(paths: LibraryPaths, work: (file: string) => Promise<T>): Promise<T> {
  const file = syncRecordPath(paths);
  try {
    await mkdir(paths.directory, { recursive: true });
  } catch (error) {
    if (isErrorCode(error, ...READ_ONLY_CODES)) throw new LibraryReadOnlyError(paths.directory, error);
    throw error;
  }
  return withLock({ ...paths, catalogue: file, lock: `${file}.lock` }, () => work(file));
}
