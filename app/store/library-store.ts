/**
 * What every front end asks of a library's store (ARCHITECTURE.md, "The store"). The store of every library is the
 * synced folder's (app/sync/synced-library-store.ts), opened by app/sync/open-library-store.ts, which migrates a
 * library written before devices first; legacy-library-store.ts reads those.
 */

import type { LibrarySnapshot } from '../../core/import/types.js';
import type { Catalogue, ReadingState, ReadingStateMap } from '../../core/model.js';
import type { CatalogueOutline } from '../../core/outline.js';
import type { LibraryPaths } from './library-paths.js';
import { describeIssues, readingStateSchema } from './schema.js';

export interface LibraryChange<T> {
  /** The whole new catalogue, when papers or digests changed. */
  readonly catalogue?: Catalogue;
  /** Only the entries that changed. */
  readonly states?: ReadingStateMap;
  /**
   * Of a note changed, the text its writer made the change on (the note as a window last had it): a note the
   * library has otherwise by then (written meanwhile by another process or computer) is kept beside the change as
   * another version, not lost unseen. A synced library's; the legacy store has no versions.
   */
  readonly noteBases?: ReadonlyMap<string, string>;
  readonly result: T;
}

/** The library with its catalogue outlined (core/outline.ts). */
export interface OutlineSnapshot {
  readonly outline: CatalogueOutline;
  readonly states: ReadingStateMap;
}

export interface LibraryStore {
  readonly paths: LibraryPaths;
  /** The library as it is on disk now (refreshed cheaply if another process changed it). */
  read(): Promise<LibrarySnapshot>;
  /**
   * The library with its catalogue outlined: from the outline file beside the catalogue when it is up to date,
   * which spares reading every abstract; else from the catalogue, saving the outline for the next time.
   */
  readOutline(): Promise<OutlineSnapshot>;
  /**
   * Under the lock: refresh, call `change` with the fresh library, persist what it returns durably, then resolve.
   * `library.states` is a read-only view that is valid only while `change` runs; copy what you need to keep.
   * When `change` throws, nothing is written.
   */
  transact<T>(change: (library: LibrarySnapshot) => LibraryChange<T>): Promise<T>;
  /**
   * Brings the library in memory in step with the disk, as readOutline would, and says whether it found changes
   * this store did not write itself since the last call (another process's, another computer's): the first call
   * only sets where to start from.
   */
  follow(): Promise<boolean>;
  /** Folds the log into the state snapshot and empties it. */
  compact(): Promise<void>;
  /** Releases the store; later calls fail. Does not compact. */
  close(): Promise<void>;
}

export function checkedStates(states: ReadingStateMap): ReadonlyMap<string, ReadingState> {
  const checked = new Map<string, ReadingState>();
  for (const [id, state] of Object.entries(states)) {
    const parsed = readingStateSchema.safeParse(state);
    if (id === '' || !parsed.success) {
      const problem = parsed.success ? 'the paper id is empty' : describeIssues(parsed.error);
      throw new TypeError(`The reading state to save for "${id}" is not valid: ${problem}`);
    }
    checked.set(id, parsed.data);
  }
  return checked;
}
