/**
 * A library written before devices (library.json, library.state.json, library.state.log) made a synced folder's
 * (core/sync/legacy.ts): backed up first, then its base written among this device's files (an import, a snapshot;
 * durably), then `library.json` replaced by the derived cache, and only then the old state files removed. Nothing is
 * lost: the base holds every paper, digest and reading state, and the backup holds the files as they were.
 */

import { rm } from 'node:fs/promises';

import { legacyBase } from '../../core/sync/legacy.js';
import { backUpNow } from '../store/backups.js';
import { libraryExists, openLibraryStore } from '../store/library-store.js';
import type { LibraryPaths } from '../store/library-paths.js';
import { cachedImportSet, FOREIGN } from './derived-catalogue.js';
import type { DeviceIdentity } from './device-identity.js';
import { openSyncedLibraryStore } from './synced-library-store.js';
import { stampOf } from '../store/file-stamp.js';

export interface MigrationOptions {
  /** Shelfmark's app-data folder: this device's lock and journal. */
  readonly appData: string;
  readonly now?: Date;
}

/** Whether the folder holds a library written before devices (its catalogue or its state files). */
async function hasLegacyLibrary(paths: LibraryPaths): Promise<boolean> {
  if ((await stampOf(paths.stateSnapshot)) !== null || (await stampOf(paths.writeAheadLog)) !== null) return true;
  return (await stampOf(paths.catalogue)) !== null && (await cachedImportSet(paths.catalogue)) === FOREIGN;
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
  if (!(await libraryExists(paths.catalogue)) || !(await hasLegacyLibrary(paths))) return false;
  await backUpNow(paths, options.now ?? new Date());
  const legacy = await openLibraryStore(paths.catalogue);
  const { catalogue, states } = await legacy.read();
  await legacy.close();
  const store = await openSyncedLibraryStore(paths.catalogue, { appData: options.appData, device });
  try {
    await store.adoptLegacyBase(legacyBase(catalogue, states));
  } finally {
    await store.close();
  }
  await rm(paths.stateSnapshot, { force: true });
  await rm(paths.writeAheadLog, { force: true });
  return true;
}
