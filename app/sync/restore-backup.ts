/**
 * Restoring a backup of a synced library: one change, made now, that takes the library to the backup's (every
 * paper's reading state as the backup has it, or as new where it has none; its catalogue imported again), so that
 * every device takes it as it takes any change. The library as it was is backed up first. Papers added since the
 * backup stay, with no reading state, until the synced library can remove a paper.
 */

import { DEFAULT_READING_STATE, type ReadingState } from '../../core/model.js';
import type { LibrarySnapshot } from '../../core/import/types.js';
import { backUpBeforeRestore, backUpUnreadable, findBackup, readBackup, type BackupInfo } from '../store/backups.js';
import { LibraryFileError } from '../store/errors.js';
import { readOnlyError, withLock } from '../store/lock.js';
import type { LibraryChange } from '../store/library-store.js';
import { rm } from 'node:fs/promises';
import type { LibraryFolderStore } from './open-library-store.js';

/** Restores the backup named `nameOrPath` into `store`'s library; gives the backup of the library as it was. */
export async function restoreBackup(
  store: LibraryFolderStore,
  nameOrPath: string,
  now: Date,
): Promise<BackupInfo | null> {
  const place = await store.backups();
  const backup = await findBackup(place, nameOrPath);
  const readOnly = await readOnlyError(store.paths);
  if (readOnly !== null) throw readOnly;
  const restored = await readBackup(place, backup);
  let safety: BackupInfo | null;
  try {
    safety = await backUpBeforeRestore(place, await store.read(), now);
  } catch (error) {
    if (!(error instanceof LibraryFileError)) throw error;
    // Files of a library written before devices that cannot be read (so not migrated): kept in the backup as they
    // are, then taken out of the way of the backup's library.
    const { paths } = store;
    safety = await withLock(paths, async () => {
      const kept = await backUpUnreadable(place, now);
      for (const file of [paths.writeAheadLog, paths.stateSnapshot, paths.catalogue]) await rm(file, { force: true });
      return kept;
    });
  }
  await store.transact((library) => restoration(library, restored, now));
  return safety;
}

/** The change from `library` to `restored`: its catalogue, and every paper's state as it has it. */
function restoration(library: LibrarySnapshot, restored: LibrarySnapshot, now: Date): LibraryChange<void> {
  const cleared: ReadingState = { ...DEFAULT_READING_STATE, updatedAt: now.toISOString() };
  const states: Record<string, ReadingState> = {};
  for (const id of Object.keys(library.states)) states[id] = cleared;
  for (const paper of restored.catalogue.papers) states[paper.id] = restored.states[paper.id] ?? cleared;
  return { catalogue: restored.catalogue, states, result: undefined };
}
