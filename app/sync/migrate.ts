/**
 * A library written before devices (library.json, library.state.json, library.state.log) made a synced folder's
 * (core/sync/legacy.ts): under the folder's lock, which every Shelfmark before took, so that one still running on
 * this computer waits meanwhile; read first (a library that cannot be read is left as it is, and says why), then
 * backed up, then its base written among this device's files (an import, a snapshot; durably), then `library.json`
 * replaced by the derived cache, and only then the old state files removed. Nothing is lost: the base holds every
 * paper, digest and reading state, and the backup holds the files as they were. Legacy files found again later (an
 * older Shelfmark wrote them since) are migrated again the same way.
 */

import { open, rm } from 'node:fs/promises';
import path from 'node:path';

import { legacyBase } from '../../core/sync/legacy.js';
import { backUpNow } from '../store/backups.js';
import { stampOf } from '../store/file-stamp.js';
import { openLegacyLibraryStore } from '../store/legacy-library-store.js';
import type { LibraryPaths } from '../store/library-paths.js';
import { withLock } from '../store/lock.js';
import type { DeviceIdentity } from './device-identity.js';
import { openSyncedLibraryStore, type SyncedLibraryStore } from './synced-library-store.js';
import { CACHE_STARTS, GIT_CONFLICT_START, isConflictedCache } from './derived-catalogue.js';
import { backupPlace } from './local-journal.js';
import { DEVICES_FOLDER, originalOfCopy } from '../../core/sync/device-files.js';
import { namesIn } from '../store/errors.js';

export interface MigrationOptions {
  /** Shelfmark's app-data folder: this device's lock and journal. */
  readonly appData: string;
  readonly now?: Date;
}

/** What of a library written before devices the folder holds: none, or its state files and whether its catalogue. */
export interface LegacyFiles {
  /** `library.json` is today's catalogue, not a synced folder's cache. */
  readonly catalogue: boolean;
}

/**
 * The legacy files in the folder, or null when there are none. A synced folder's cache begins with its head's first
 * key (`{"added":`; one written before the head, as canonical JSON does, `{"digests":`); any other `library.json` is taken for a catalogue written before devices, and one that
 * cannot be read is said so by reading it. Only its first bytes are read.
 */
export async function legacyFilesIn(paths: LibraryPaths): Promise<LegacyFiles | null> {
  const states = (await stampOf(paths.stateSnapshot)) !== null || (await stampOf(paths.writeAheadLog)) !== null;
  const catalogue = await isLegacyCatalogue(paths);
  return states || catalogue ? { catalogue } : null;
}

/** The first `bytes` bytes of `file` as Latin-1 (enough to tell JSON's start), or null when there is no file. */
async function headOf(file: string, bytes: number): Promise<string | null> {
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return buffer.subarray(0, bytesRead).toString('latin1');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Whether `head`, a file's first bytes, begins as a synced folder's cache does. */
const startsAsCache = (head: string): boolean => CACHE_STARTS.some((start) => head.startsWith(start));

/** Enough of a file's first bytes to tell a cache from a library written before devices. */
const HEAD_BYTES = Math.max(...CACHE_STARTS.map((start) => start.length));

async function isLegacyCatalogue(paths: LibraryPaths): Promise<boolean> {
  const head = await headOf(paths.catalogue, HEAD_BYTES);
  if (head === null || startsAsCache(head)) return false;
  // A cache cut short before its first member (a sync in progress) is still a cache where devices wrote.
  if (CACHE_STARTS.some((start) => start.startsWith(head)))
    return (await stampOf(path.join(paths.directory, DEVICES_FOLDER))) === null;
  if (head.startsWith(GIT_CONFLICT_START)) return !(await isConflictedCache(paths.catalogue));
  return true;
}

/**
 * Another library's derived catalogue beside `paths`' where the folder's `devices/` holds a library: its file name,
 * else null. A folder holds one synced library (its devices' files are that library's), so a second catalogue in
 * it, a library written before devices, is neither opened over the first nor migrated into it.
 */
export async function otherLibraryIn(paths: LibraryPaths): Promise<string | null> {
  if ((await stampOf(path.join(paths.directory, DEVICES_FOLDER))) === null) return null;
  const own = await headOf(paths.catalogue, HEAD_BYTES);
  if (own !== null && (startsAsCache(own) || own.startsWith(GIT_CONFLICT_START))) return null;
  for (const name of await namesIn(paths.directory)) {
    if (!name.endsWith('.json') || name.startsWith('.') || name === path.basename(paths.catalogue)) continue;
    if (originalOfCopy(name) !== null) continue;
    const head = await headOf(path.join(paths.directory, name), HEAD_BYTES);
    if (head !== null && startsAsCache(head)) return name;
  }
  return null;
}

/**
 * Migrates the legacy files in `paths`' folder into `store` (this device's synced store of that folder), under the
 * folder's lock; their backup goes among this computer's backups of the library (in app-data). Returns whether there
 * were any. Throws, having written nothing, when they cannot be read.
 */
export async function migrateLegacyFiles(
  paths: LibraryPaths,
  store: SyncedLibraryStore,
  options: MigrationOptions,
): Promise<boolean> {
  const backups = await backupPlace(options.appData, paths);
  return withLock(paths, async () => {
    const found = await legacyFilesIn(paths);
    if (found === null) return false;
    // A catalogue that is already the synced cache: only the state files came back (written by an older Shelfmark
    // since), to be read over the library as it is.
    const legacyPaths = found.catalogue ? paths : { ...paths, catalogue: path.join(paths.directory, '.no-catalogue') };
    const legacy = openLegacyLibraryStore(legacyPaths, { lockHeld: true });
    let read;
    try {
      read = await legacy.read();
    } finally {
      await legacy.close();
    }
    const current = found.catalogue ? null : await store.read();
    const catalogue = current?.catalogue ?? read.catalogue;
    await backUpNow(backups, options.now ?? new Date(), current ?? undefined);
    await store.adoptLegacyBase(legacyBase(catalogue, read.states));
    await rm(paths.stateSnapshot, { force: true });
    await rm(paths.writeAheadLog, { force: true });
    return true;
  });
}

/**
 * Makes the library at `paths` a synced folder's, written as `device`'s; does nothing where there is no library
 * written before devices. Returns whether it migrated one.
 */
export async function migrateToSyncedFolder(
  paths: LibraryPaths,
  device: DeviceIdentity,
  options: MigrationOptions,
): Promise<boolean> {
  if ((await legacyFilesIn(paths)) === null) return false;
  const store = await openSyncedLibraryStore(paths.catalogue, { appData: options.appData, device });
  try {
    return await migrateLegacyFiles(paths, store, options);
  } finally {
    await store.close();
  }
}
