/**
 * Restoring a backup of a synced library: one change, made now, that takes the library to the backup's (every
 * paper's reading state as the backup has it, or as new where it has none; its catalogue imported again), so that
 * every device takes it as it takes any change: papers imported since are removed, merges made since undone. The
 * library as it was is backed up first.
 */

import { DEFAULT_READING_STATE, readingStateOf, type ReadingState } from '../../core/model.js';
import { restoreState } from '../../core/reading.js';
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

/**
 * The change from `library` to `restored`: its catalogue, and the state of every paper whose state differs from the
 * backup's (a paper the backup has no state for is as new), so that a restore writes only what it changes.
 */
function restoration(library: LibrarySnapshot, restored: LibrarySnapshot, now: Date): LibraryChange<void> {
  const states: Record<string, ReadingState> = {};
  const ids = new Set([...Object.keys(library.states), ...restored.catalogue.papers.map((paper) => paper.id)]);
  for (const id of ids) {
    const current = readingStateOf(library.states, id);
    const state = restoreState(
      current,
      readingStateOf(restored.states, id) ?? DEFAULT_READING_STATE,
      now.toISOString(),
    );
    if (state !== undefined && state !== current) states[id] = state;
  }
  return { catalogue: restored.catalogue, states, result: undefined };
}
