import * as fsp from 'node:fs/promises';
import path from 'node:path';

import { Low } from 'lowdb';

import type { LibrarySnapshot } from '../../core/import/types.js';
import type { Catalogue, ReadingState, ReadingStateMap } from '../../core/model.js';
import type { CatalogueOutline } from '../../core/outline.js';
import { DurableJsonFile } from './durable-json-file.js';
import { sameStamp, stampOf, type FileStamp } from './file-stamp.js';
import {
  appendToWriteAheadLog,
  LOG_START,
  readWriteAheadLog,
  replaceWithEmptyWriteAheadLog,
  type LogPosition,
} from './write-ahead-log.js';
import { libraryPaths, type LibraryPaths } from './library-paths.js';
import { withLock, withReadLock } from './lock.js';
import { isErrorCode, LibraryReadOnlyError, READ_ONLY_CODES } from './errors.js';
import { checkedStates, type LibraryChange, type LibraryStore, type OutlineSnapshot } from './library-store.js';
import { outlineOfLibraryCatalogue, readOutlineFile, writeOutlineFile } from './outline-file.js';
import { CATALOGUE_FORMAT, STATE_FORMAT, type CatalogueFile, type StateFile } from './schema.js';
import { statesView } from './states-view.js';
import { checkedCatalogue, markChecked } from './checked-catalogue.js';
import { StoreJobs } from './store-jobs.js';

/** The log is folded into the snapshot once it passes either size. */
const COMPACT_AFTER_BYTES = 1024 * 1024;
export const COMPACT_AFTER_LINES = 2_000;

/**
 * Reads and writes a library as Shelfmark wrote it before devices (library.json, library.state.json and its log;
 * ARCHITECTURE.md, "The store"): what the migration to a synced folder reads (app/sync/migrate.ts), what opens a
 * read-only folder that was never migrated, and what checks a backup. `lockHeld`: the caller holds the folder's lock
 * (the migration), so reading takes none.
 */
export function openLegacyLibraryStore(
  catalogue: string | LibraryPaths,
  options: { readonly lockHeld?: boolean } = {},
): LibraryStore {
  const paths = typeof catalogue === 'string' ? libraryPaths(catalogue) : catalogue;
  return new LegacyLibraryStore(paths, options.lockHeld === true);
}

/** Whether the folder holds a library written before devices: its catalogue, its state snapshot or its log. */
export async function legacyLibraryExists(paths: LibraryPaths): Promise<boolean> {
  return !isMissing(await stampLibrary(paths));
}

const EMPTY_CATALOGUE: Catalogue = Object.freeze({ papers: [], digests: [] });
const EMPTY_OUTLINE: CatalogueOutline = outlineOfLibraryCatalogue(EMPTY_CATALOGUE);
const EMPTY_CATALOGUE_FILE: CatalogueFile = { schemaVersion: CATALOGUE_FORMAT.version, ...EMPTY_CATALOGUE };
const EMPTY_STATE_FILE: StateFile = { schemaVersion: STATE_FORMAT.version, states: {} };

interface DiskStamps {
  readonly catalogue: FileStamp | null;
  readonly snapshot: FileStamp | null;
  readonly log: FileStamp | null;
}

/** What the library in memory was last read from or written to. */
interface Loaded {
  readonly catalogue: FileStamp | null;
  readonly snapshot: FileStamp | null;
  readonly log: LogPosition | null;
}

const NOTHING_LOADED: Loaded = { catalogue: null, snapshot: null, log: null };

class LegacyLibraryStore implements LibraryStore {
  readonly paths: LibraryPaths;
  /** library.json, the catalogue: a lowdb document, its data the file as last read or written. */
  readonly #catalogueFile: Low<CatalogueFile>;
  /** library.state.json, the reading-state snapshot: a lowdb document, its data the file as last read or written. */
  readonly #snapshotFile: Low<StateFile>;
  /** The catalogue document's papers and digests, as read() hands them out. */
  #catalogue: Catalogue = EMPTY_CATALOGUE;
  /**
   * The snapshot with the write-ahead log (library.state.log, write-ahead-log.ts) replayed over it: the reading states now.
   * A Map, changed in place, so that a state change costs O(changed entries) rather than a copy of every state.
   */
  readonly #states = new Map<string, ReadingState>();
  #loaded: Loaded = NOTHING_LOADED;
  /** What read() hands out, built from #states when first asked for after a change. */
  #snapshot: LibrarySnapshot | null = null;
  /** The outline of the catalogue file with `stamp`, which may not be the one in memory. */
  #outline: { readonly stamp: FileStamp; readonly outline: CatalogueOutline } | null = null;
  readonly #jobs: StoreJobs;
  /** Bumped whenever the library in memory changes by reading the disk, never by this store's own writes. */
  #readFromDisk = 0;
  /** #readFromDisk as the last follow() found it. */
  #followed: number | null = null;

  /** Whether the caller holds the folder's lock while this store is used (the migration does). */
  readonly #lockHeld: boolean;

  constructor(paths: LibraryPaths, lockHeld: boolean) {
    this.paths = paths;
    this.#lockHeld = lockHeld;
    this.#jobs = new StoreJobs(paths.catalogue);
    this.#catalogueFile = new Low(new DurableJsonFile(paths.catalogue, CATALOGUE_FORMAT), EMPTY_CATALOGUE_FILE);
    this.#snapshotFile = new Low(new DurableJsonFile(paths.stateSnapshot, STATE_FORMAT), EMPTY_STATE_FILE);
  }

  read(): Promise<LibrarySnapshot> {
    return this.#jobs.run(async () => {
      await this.#sync(await stampLibrary(this.paths));
      return this.#library();
    });
  }

  readOutline(): Promise<OutlineSnapshot> {
    return this.#jobs.run(() => this.#readOutline());
  }

  follow(): Promise<boolean> {
    return this.#jobs.run(async () => {
      await this.#readOutline();
      const changed = this.#followed !== null && this.#followed !== this.#readFromDisk;
      this.#followed = this.#readFromDisk;
      return changed;
    });
  }

  async #readOutline(): Promise<OutlineSnapshot> {
    const disk = await stampLibrary(this.paths);
    if (disk.catalogue === null || sameStamp(disk.catalogue, this.#loaded.catalogue)) {
      await this.#sync(disk);
      return { outline: this.#outlineInMemory(), states: this.#library().states };
    }
    let outline = sameStamp(this.#outline?.stamp ?? null, disk.catalogue) ? this.#outline?.outline : undefined;
    outline ??= (await readOutlineFile(this.paths.outline, disk.catalogue)) ?? undefined;
    if (outline === undefined) {
      await this.#readLocked(() => this.#refresh());
      outline = this.#outlineInMemory();
      const stamp = this.#loaded.catalogue;
      // Only speeds up the next start: failing to save it (a read-only folder) changes nothing else.
      if (stamp !== null) await writeOutlineFile(this.paths.outline, outline, stamp).catch(() => undefined);
    } else {
      if (!sameStamp(this.#outline?.stamp ?? null, disk.catalogue)) this.#readFromDisk += 1;
      this.#outline = { stamp: disk.catalogue, outline };
      if (!this.#statesLoaded(disk)) await this.#readLocked(() => this.#refreshStates());
    }
    return { outline, states: this.#library().states };
  }

  #readLocked(work: () => Promise<void>): Promise<void> {
    return this.#lockHeld ? work() : withReadLock(this.paths, work);
  }

  /** Brings the library in memory in step with the disk as `disk` found it. */
  async #sync(disk: DiskStamps): Promise<void> {
    if (this.#isLoaded(disk)) return;
    if (isMissing(disk)) {
      this.#readFromDisk += 1;
      this.#forget();
    } else await this.#readLocked(() => this.#refresh());
  }

  /** The library in memory, as read() hands it out. */
  #library(): LibrarySnapshot {
    this.#snapshot ??= Object.freeze({
      catalogue: this.#catalogue,
      states: Object.freeze(Object.fromEntries(this.#states)),
    });
    return this.#snapshot;
  }

  /** The outline of the catalogue in memory, made once per catalogue. */
  #outlineInMemory(): CatalogueOutline {
    const stamp = this.#loaded.catalogue;
    if (stamp === null) return EMPTY_OUTLINE;
    if (this.#outline === null || !sameStamp(this.#outline.stamp, stamp)) {
      this.#outline = { stamp, outline: Object.freeze(outlineOfLibraryCatalogue(this.#catalogue)) };
    }
    return this.#outline.outline;
  }

  transact<T>(change: (library: LibrarySnapshot) => LibraryChange<T>): Promise<T> {
    return this.#jobs.run(async () => {
      // The lock lives beside the library, so its directory must exist before anything else can happen.
      const created = await fsp.mkdir(this.paths.directory, { recursive: true }).catch((error: unknown) => {
        throw isErrorCode(error, ...READ_ONLY_CODES) ? new LibraryReadOnlyError(this.paths.directory, error) : error;
      });
      try {
        return await withLock(this.paths, async () => {
          await this.#refresh();
          const { catalogue, states, result } = this.#apply(change);
          if (catalogue === undefined && states.size === 0) return result;
          await this.#compactIfDue();
          if (catalogue !== undefined) await this.#writeCatalogue(catalogue);
          if (states.size > 0) await this.#appendStates(states);
          return result;
        });
      } finally {
        // When nothing was written, the directories made above are empty: remove them, leaving the disk as it was.
        if (created !== undefined) await removeEmptyDirectories(this.paths.directory, created);
      }
    });
  }

  compact(): Promise<void> {
    return this.#jobs.run(async () => {
      const log = await stampOf(this.paths.writeAheadLog);
      if (log === null || log.size === 0) return;
      await withLock(this.paths, async () => {
        await this.#refresh();
        if ((this.#loaded.log?.stamp.size ?? 0) > 0) await this.#compact();
      }).catch((error: unknown) => {
        // A library that cannot be written is read as it is: its log stays as another computer left it.
        if (!(error instanceof LibraryReadOnlyError)) throw error;
      });
    });
  }

  close(): Promise<void> {
    // No compaction here: the log is folded in when it passes its thresholds (or when a long-lived
    // process calls compact()), so that one CLI command never pays for rewriting a large library's states.
    return this.#jobs.close();
  }

  /** Calls `change` and checks what it returns, so that nothing Shelfmark could not read back is ever written. */
  #apply<T>(change: (library: LibrarySnapshot) => LibraryChange<T>): {
    readonly catalogue: CatalogueFile | undefined;
    readonly states: ReadonlyMap<string, ReadingState>;
    readonly result: T;
  } {
    const { view, revoke } = statesView(this.#states);
    try {
      const outcome = change(Object.freeze({ catalogue: this.#catalogue, states: view }));
      return {
        catalogue: outcome.catalogue === undefined ? undefined : checkedCatalogue(outcome.catalogue),
        states: checkedStates(outcome.states ?? {}),
        result: outcome.result,
      };
    } finally {
      revoke();
    }
  }

  /** Brings the library in memory up to date with the disk, reading only what changed. Only under the lock. */
  async #refresh(): Promise<void> {
    const disk = await stampLibrary(this.paths);
    if (!sameStamp(disk.catalogue, this.#loaded.catalogue)) {
      // A catalogue whose outline was read already (readOutline) is no news.
      if (!sameStamp(disk.catalogue, this.#outline?.stamp ?? null)) this.#readFromDisk += 1;
      this.#catalogue = await this.#readCatalogue(disk.catalogue);
      this.#loaded = { ...this.#loaded, catalogue: disk.catalogue };
      this.#snapshot = null;
    }
    await this.#refreshStates(disk);
  }

  /** Brings the reading states in memory up to date with the disk. Only under the lock. */
  async #refreshStates(stamps?: DiskStamps): Promise<void> {
    const disk = stamps ?? (await stampLibrary(this.paths));
    if (this.#statesLoaded(disk)) return;
    this.#readFromDisk += 1;
    let log = this.#loaded.log;
    const logChanged = !sameStamp(disk.log, log?.stamp ?? null);
    if (!sameStamp(disk.snapshot, this.#loaded.snapshot) || (logChanged && !grewInPlace(disk.log, log))) {
      const snapshot = disk.snapshot === null ? EMPTY_STATE_FILE : await this.#readSnapshot();
      const replay = await readWriteAheadLog(this.paths.writeAheadLog, LOG_START);
      this.#states.clear();
      applyChange(this.#states, snapshot.states);
      for (const change of replay?.changes ?? []) applyChange(this.#states, change);
      log = replay?.position ?? null;
    } else if (log !== null && logChanged) {
      const replay = await readWriteAheadLog(this.paths.writeAheadLog, log);
      for (const change of replay?.changes ?? []) applyChange(this.#states, change);
      log = replay?.position ?? null;
    }
    this.#loaded = { ...this.#loaded, snapshot: disk.snapshot, log };
    this.#snapshot = null;
  }

  #statesLoaded(disk: DiskStamps): boolean {
    return sameStamp(disk.snapshot, this.#loaded.snapshot) && sameStamp(disk.log, this.#loaded.log?.stamp ?? null);
  }

  #isLoaded(disk: DiskStamps): boolean {
    return sameStamp(disk.catalogue, this.#loaded.catalogue) && this.#statesLoaded(disk);
  }

  #forget(): void {
    this.#catalogueFile.data = EMPTY_CATALOGUE_FILE;
    this.#snapshotFile.data = EMPTY_STATE_FILE;
    this.#catalogue = EMPTY_CATALOGUE;
    this.#states.clear();
    this.#loaded = NOTHING_LOADED;
    this.#snapshot = null;
  }

  async #readCatalogue(stamp: FileStamp | null): Promise<Catalogue> {
    if (stamp === null) this.#catalogueFile.data = EMPTY_CATALOGUE_FILE;
    else await readLow(this.#catalogueFile, EMPTY_CATALOGUE_FILE);
    const catalogue = catalogueOf(this.#catalogueFile.data);
    // Checked as it was read: a change keeps most of it, and what it keeps need not be checked again.
    markChecked(catalogue);
    return catalogue;
  }

  async #readSnapshot(): Promise<StateFile> {
    await readLow(this.#snapshotFile, EMPTY_STATE_FILE);
    return this.#snapshotFile.data;
  }

  async #writeCatalogue(file: CatalogueFile): Promise<void> {
    this.#catalogueFile.data = file;
    await this.#catalogueFile.write();
    this.#catalogue = catalogueOf(file);
    this.#loaded = { ...this.#loaded, catalogue: await stampOf(this.paths.catalogue) };
    this.#snapshot = null;
    const { catalogue: stamp } = this.#loaded;
    // The outline is made again from the catalogue if this is cut short, so the import stands whatever happens here.
    if (stamp !== null)
      await writeOutlineFile(this.paths.outline, this.#outlineInMemory(), stamp).catch(() => undefined);
  }

  async #appendStates(states: ReadonlyMap<string, ReadingState>): Promise<void> {
    const log = this.#loaded.log;
    const stamp = await appendToWriteAheadLog(this.paths.writeAheadLog, states, log?.end ?? 0);
    for (const [id, state] of states) this.#states.set(id, state);
    this.#loaded = { ...this.#loaded, log: { stamp, end: stamp.size, lines: (log?.lines ?? 0) + 1 } };
    this.#snapshot = null;
  }

  async #compactIfDue(): Promise<void> {
    const log = this.#loaded.log;
    if (log !== null && (log.end >= COMPACT_AFTER_BYTES || log.lines >= COMPACT_AFTER_LINES)) {
      await this.#compact();
    }
  }

  /** Folds the log into the snapshot. A crash between the two steps is harmless: replaying the log again changes nothing. */
  async #compact(): Promise<void> {
    this.#snapshotFile.data = { schemaVersion: STATE_FORMAT.version, states: Object.fromEntries(this.#states) };
    await this.#snapshotFile.write();
    this.#loaded = { ...this.#loaded, snapshot: await stampOf(this.paths.stateSnapshot) };
    await replaceWithEmptyWriteAheadLog(this.paths.writeAheadLog);
    const log = await stampOf(this.paths.writeAheadLog);
    this.#loaded = { ...this.#loaded, log: log && { stamp: log, end: 0, lines: 0 } };
  }
}

function isMissing(disk: DiskStamps): boolean {
  return disk.catalogue === null && disk.snapshot === null && disk.log === null;
}

async function stampLibrary(paths: LibraryPaths): Promise<DiskStamps> {
  const [catalogue, snapshot, log] = await Promise.all([
    stampOf(paths.catalogue),
    stampOf(paths.stateSnapshot),
    stampOf(paths.writeAheadLog),
  ]);
  return { catalogue, snapshot, log };
}

/** The log is the one read before, with lines added after it: only the new bytes need reading. */
function grewInPlace(now: FileStamp | null, read: LogPosition | null): boolean {
  return now !== null && read !== null && now.ino === read.stamp.ino && now.size >= read.end;
}

function applyChange(states: Map<string, ReadingState>, change: ReadingStateMap): void {
  for (const [id, state] of Object.entries(change)) states.set(id, state);
}

/** Reads `low`'s file into `low.data`; a file that vanished since it was stamped reads as `empty`. */
async function readLow<T>(low: Low<T>, empty: T): Promise<void> {
  // Low.read() keeps the data it had when its adapter finds no file; start from `empty` so that cannot leak through.
  low.data = empty;
  await low.read();
}

function catalogueOf(file: CatalogueFile): Catalogue {
  return Object.freeze({ papers: file.papers, digests: file.digests });
}

/** Removes `deepest` and its parents up to `first`, the directories mkdir created, as long as they are empty. */
async function removeEmptyDirectories(deepest: string, first: string): Promise<void> {
  for (let directory = deepest; ; directory = path.dirname(directory)) {
    try {
      await fsp.rmdir(directory);
    } catch {
      return;
    }
    if (directory === first || directory === path.dirname(directory)) return;
  }
}
