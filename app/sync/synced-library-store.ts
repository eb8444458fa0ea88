/**
 * The library store of a folder that a sync tool copies between computers (ARCHITECTURE.md, "Many devices, one
 * folder"): the same LibraryStore as app/store's, over every device's files. It reads each device's files again only
 * where they changed (folder-reader.ts) and joins them (core/sync/replica.ts); a change is written to this device's
 * own files only (its log, appended and fdatasynced; an import, whole), under a lock between this computer's
 * processes kept in app-data; `library.json` is a derived cache any device makes again when it names other imports.
 */

import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';

import type { LibrarySnapshot } from '../../core/import/types.js';
import type { Catalogue } from '../../core/model.js';
import type { CatalogueOutline } from '../../core/outline.js';
import { foldsOnwardAfter, type ImportOp } from '../../core/sync/catalogue-fold.js';
import { canonicalJson } from '../../core/sync/canonical-json.js';
import { planCompaction } from '../../core/sync/compaction.js';
import { encodeChangeLine, importDocument } from '../../core/sync/device-documents.js';
import { classifyPath, devicePath, importFileName, IMPORTS_FOLDER, opsFileName } from '../../core/sync/device-files.js';
import { clockAfter, encodeStamp, receive, tick, ZERO_STAMP, type Stamp } from '../../core/sync/hlc.js';
import { opId } from '../../core/sync/ops.js';
import type { DeviceContribution, LibraryFiles } from '../../core/sync/library-files.js';
import type { SyncOp } from '../../core/sync/ops.js';
import type { ShelvedImport } from '../bounded-import/shelved-import.js';
import {
  importDocumentPieces,
  isShelved,
  oneImportHead,
  shelvedPapers,
  withShelfTexts,
  writeShelfOutline,
} from '../bounded-import/shelved-documents.js';
import { readCacheDigests } from '../bounded-import/cache-file.js';
import type { NoteConflict } from '../../core/sync/paper-registers.js';
import { catalogueChange, opsForStates, resolveNote, type Writer } from '../../core/sync/record.js';
import {
  journalOf,
  openReplica,
  recordWritten,
  refreshReplica,
  replicaWithFold,
  replicaWithImports,
  refoldReplica,
  type LocalJournal,
  type Replica,
} from '../../core/sync/replica.js';
import { compareCodePoints } from '../../core/sync/canonical-json.js';
import { EMPTY_SYNC_STATE, joinStates, type SyncState } from '../../core/sync/sync-state.js';
import type { LegacyBase } from '../../core/sync/legacy.js';
import { checkedCatalogue } from '../store/checked-catalogue.js';
import { isErrorCode, LibraryReadOnlyError, READ_ONLY_CODES } from '../store/errors.js';
import { sameStamp, stampOf, type FileStamp } from '../store/file-stamp.js';
import { libraryPaths, type LibraryPaths } from '../store/library-paths.js';
import { checkedStates, type LibraryChange, type LibraryStore, type OutlineSnapshot } from '../store/library-store.js';
import { readOnlyError, withLock } from '../store/lock.js';
import { outlineOfLibraryCatalogue, readOutlineFile, writeOutlineFile } from '../store/outline-file.js';
import {
  cacheDocumentPieces,
  FOREIGN,
  foldOfCache,
  headWithImport,
  importSetOf,
  readCacheHead,
  isConflictedCache,
  readCachedCatalogue,
  removeDerivedCopies,
  writeDerivedCatalogue,
  type CacheHead,
} from './derived-catalogue.js';
import { writeCanonicalDocument, writeDocumentPieces } from './canonical-document.js';
import type { Digest } from '../../core/model.js';
import { deviceIdentity, type DeviceIdentity } from './device-identity.js';
import { frameKey, readFirstFrame, writeFirstFrame } from './first-frame.js';
import { deviceFolderPaths } from './device-folder.js';
import { deviceFileStamps, DeviceFolderReader } from './folder-reader.js';
import { JournalFolder, libraryAppDataOf, type KnownFiles } from './local-journal.js';
import { appendDurably, endsWithWholeLine, inFolder, writeDocument } from './own-files.js';
import { StoreJobs } from '../store/store-jobs.js';

/** This device's log is folded into a snapshot once it passes either (as app/store's log is). */
const COMPACT_AFTER_BYTES = 1024 * 1024;
const COMPACT_AFTER_LINES = 2_000;

export interface SyncedStoreOptions {
  /** Shelfmark's app-data folder (app/library-location.ts appDataDirectory): the device, the lock, the journal. */
  readonly appData: string;
  /** This computer's device; made or read in `appData` when not given. */
  readonly device?: DeviceIdentity;
  /** The wall clock in milliseconds (tests move it). */
  readonly now?: () => number;
}

/** The cache an import can be merged onto by place (SyncedLibraryStore.shelfBase). */
export interface ShelfBase {
  readonly file: string;
  readonly stamp: FileStamp;
  readonly digests: readonly Digest[];
  /** The outline saved with it, in app-data (used only while it names the cache's stamp). */
  readonly outline: string;
}

/** What the synced library says beyond the LibraryStore's snapshot, for the API to reach (ARCHITECTURE.md). */
export interface SyncedView {
  /** Papers whose note has versions written apart on several devices: the note shows one, these the others. */
  readonly conflicts: ReadonlyMap<string, readonly NoteConflict[]>;
  /** Devices whose clock is too far ahead of this computer's to adopt their stamps. */
  readonly aheadDevices: readonly string[];
  /** Changes to papers whose import has not arrived yet. */
  readonly waiting: number;
  /** Files or lines that cannot be read (yet), said rather than fatal. */
  readonly problems: LibraryFiles['problems'];
  /** Per device whose files are in the folder, the latest stamp among them: when it last wrote. */
  readonly latest: ReadonlyMap<string, Stamp>;
  /** This computer's device. */
  readonly device: DeviceIdentity;
}

/** Opens the synced library whose folder holds `catalogue` (its derived `library.json`). Reads nothing yet. */
export async function openSyncedLibraryStore(
  catalogue: string,
  options: SyncedStoreOptions,
): Promise<SyncedLibraryStore> {
  const device = options.device ?? (await deviceIdentity(options.appData));
  return new SyncedLibraryStore(libraryPaths(catalogue), device, options);
}

const EMPTY_CONTRIBUTION = (device: string): DeviceContribution => ({
  device,
  state: EMPTY_SYNC_STATE,
  imports: [],
  latest: ZERO_STAMP,
  generations: [],
  files: [],
  copies: [],
});

/** The note conflicts in the order of their papers' ids: the same however the library was moved on to them. */
function byPaper(conflicts: SyncedView['conflicts']): SyncedView['conflicts'] {
  return new Map([...conflicts].sort(([a], [b]) => compareCodePoints(a, b)));
}

export class SyncedLibraryStore implements LibraryStore {
  readonly paths: LibraryPaths;
  readonly device: DeviceIdentity;
  readonly #appData: string;
  readonly #now: () => number;
  readonly #reader: DeviceFolderReader;
  #journal: JournalFolder | null = null;
  #localPaths: LibraryPaths | null = null;
  #replica: Replica | null = null;
  /** The generation of this device's log that changes are appended to. */
  #generation = 0;
  /** The derived library.json as last read or written: its stamp, the imports it names, and its head. */
  #cache: { readonly stamp: FileStamp | null; readonly set: string | null; readonly head: CacheHead | null } | null =
    null;
  /**
   * While the replica was opened for a first frame from the cache's head and the outline file, before the cache's
   * papers were read: that outline. The replica's catalogue then has the digests only; #full() reads the papers.
   */
  #firstFrame: CatalogueOutline | null = null;
  /** The first frame saved, as handed out while the library is not read yet, and the key it was made for. */
  #savedFrame: {
    readonly key: string;
    readonly snapshot: OutlineSnapshot;
    readonly conflicts: SyncedView['conflicts'];
  } | null = null;
  /** The key (first-frame.ts frameKey) of the first frame saved in app-data, as read or written. */
  #frameKey: string | null = null;
  /** The cache's stamp that the outline file was last saved for by this store. */
  #outlineSaved: FileStamp | null = null;
  #snapshot: { readonly library: Replica['library']; readonly snapshot: LibrarySnapshot } | null = null;
  #outline: { readonly catalogue: object; readonly outline: CatalogueOutline } | null = null;
  readonly #jobs: StoreJobs;
  /** Bumped whenever reading the folder found files changed that this store did not write. */
  #readFromDisk = 0;
  /** #readFromDisk as the last follow() found it. */
  #followed: number | null = null;
  /** The files this store wrote or removed since the folder was last read: no news when it reads them. */
  readonly #ownWrites = new Set<string>();

  constructor(paths: LibraryPaths, device: DeviceIdentity, options: SyncedStoreOptions) {
    this.paths = paths;
    this.#jobs = new StoreJobs(paths.catalogue);
    this.device = device;
    this.#appData = options.appData;
    this.#now = options.now ?? Date.now;
    this.#reader = new DeviceFolderReader(paths.directory);
  }

  read(): Promise<LibrarySnapshot> {
    return this.#jobs.run(async () => {
      await this.#full();
      await this.#settleConflictedCache();
      return this.#library();
    });
  }

  follow(): Promise<boolean> {
    return this.#jobs.run(async () => {
      // Shown from the saved first frame: the library is read only once a file changed (or another call needs it).
      const saved = this.#replica === null ? this.#savedFrame : null;
      if (saved !== null && saved.key !== (await this.#currentFrameKey())) {
        this.#savedFrame = null;
        this.#readFromDisk += 1;
      }
      if (this.#replica !== null || this.#savedFrame === null) {
        await this.#refresh();
        await this.#settleConflictedCache();
      }
      const changed = this.#followed !== null && this.#followed !== this.#readFromDisk;
      this.#followed = this.#readFromDisk;
      return changed;
    });
  }

  readOutline(): Promise<OutlineSnapshot> {
    return this.#jobs.run(async () => {
      if (this.#replica === null) {
        const frame = await this.#savedFirstFrame();
        if (frame !== null) return frame;
      }
      await this.#refresh(true);
      await this.#settleConflictedCache();
      const library = this.#current().library;
      if (this.#outline?.catalogue !== library.catalogue) {
        const outline = this.#firstFrame ?? (await this.#outlineOf(library.catalogue));
        this.#outline = {
          catalogue: library.catalogue,
          // The outline file's digests are the cache's: their days are the library's.
          outline: Object.freeze({ papers: outline.papers, digests: library.catalogue.digests }),
        };
      }
      return { outline: this.#outline.outline, states: this.#library().states };
    });
  }

  /** The catalogue's outline; saved beside the cache when the catalogue is the cache's, for the next first frame. */
  async #outlineOf(catalogue: Catalogue): Promise<CatalogueOutline> {
    const outline = outlineOfLibraryCatalogue(catalogue);
    const cache = this.#cache;
    const stamp = cache?.stamp ?? null;
    const { fold } = this.#current().library;
    if (
      stamp !== null &&
      catalogue.papers === fold.catalogue.papers &&
      cache?.set === importSetOf(fold) &&
      !sameStamp(stamp, this.#outlineSaved)
    ) {
      this.#outlineSaved = stamp;
      // Only speeds up the next start: failing to save it (a read-only folder) changes nothing else.
      await this.#saveOutline(outline, stamp);
    }
    return outline;
  }

  /**
   * The note conflicts and what else the synced library says (see SyncedView), as the folder is now. With
   * `firstFrame`, while the list is shown from the saved first frame (the library not read yet): its conflicts, and
   * of the rest only what needs nothing read (no device's latest stamp, no problems, nothing waiting).
   */
  view(firstFrame = false): Promise<SyncedView> {
    return this.#jobs.run(async () => {
      const saved = firstFrame && this.#replica === null ? this.#savedFrame : null;
      if (saved !== null) {
        return {
          conflicts: saved.conflicts,
          aheadDevices: [],
          waiting: 0,
          problems: [],
          latest: new Map(),
          device: this.device,
        };
      }
      const replica = await this.#refresh();
      return {
        conflicts: byPaper(replica.library.conflicts),
        aheadDevices: replica.aheadDevices,
        waiting: replica.library.waiting,
        problems: this.#reader.files().problems,
        latest: this.#latestStamps(),
        device: this.device,
      };
    });
  }

  /** Per device, the latest stamp among its files: those read, and the imports put off (named by their stamps). */
  #latestStamps(): Map<string, Stamp> {
    const latest = new Map([...this.#reader.files().devices].map(([id, files]) => [id, files.latest]));
    for (const id of this.#reader.importIds()) {
      const at = id.indexOf('@');
      const [stamp, device] = [id.slice(0, at), id.slice(at + 1)];
      if (stamp > (latest.get(device) ?? ZERO_STAMP)) latest.set(device, stamp);
    }
    return latest;
  }

  transact<T>(change: (library: LibrarySnapshot) => LibraryChange<T>): Promise<T> {
    return this.#jobs.run(() =>
      this.#underLock(async () => {
        let replica = await this.#full();
        let library = replica.library;
        // The states as a view over the library's own map: a change copies none of the states it does not touch.
        let outcome = change(Object.freeze({ catalogue: library.catalogue, states: library.states }));
        const onward = foldsOnwardAfter(library.fold, encodeStamp(replica.clock));
        if (outcome.catalogue !== undefined && this.#reader.deferring && !onward) {
          // A new import that cannot be folded onto the cache's fold is folded with every other: they are read now.
          // Should that bring a catalogue other than the one the change was made on (an import arrived meanwhile),
          // the change is made again on it.
          replica = await this.#readAllImports();
          if (replica.library.catalogue !== library.catalogue) {
            library = replica.library;
            outcome = change(Object.freeze({ catalogue: library.catalogue, states: library.states }));
          }
        }
        // Checked before anything is written, so that nothing Shelfmark could not read back is.
        if (outcome.catalogue !== undefined) checkedCatalogue(outcome.catalogue);
        const states = checkedStates(outcome.states ?? {});
        if (outcome.catalogue === undefined && states.size === 0) return outcome.result;
        await this.#compactIfDue();
        let clock = replica.clock;
        const ops: SyncOp[] = [];
        let imported: ImportOp | null = null;
        let named = replica;
        if (outcome.catalogue !== undefined) {
          const recorded = catalogueChange(library, this.#writer(clock), outcome.catalogue);
          ({ clock } = recorded);
          imported = recorded.value.import;
          ops.push(...recorded.value.ops);
          // Papers new in this import are named by it: their states' changes are made on the library with it.
          if (imported !== null) named = recordWritten(replica, clock, [], imported);
        }
        if (states.size > 0) {
          const recorded = opsForStates(
            named.library,
            this.#writer(clock),
            Object.fromEntries(states),
            outcome.noteBases,
          );
          ({ clock } = recorded);
          ops.push(...recorded.value);
        }
        await this.#written(clock, ops, imported);
        return outcome.result;
      }),
    );
  }

  /**
   * Whether the library has no import yet, as its files' names tell (nothing is read): no import file of a device in
   * the folder, nor in this computer's journal. importShelved asks again, having read the library.
   */
  async hasNoImport(): Promise<boolean> {
    const paths = await deviceFolderPaths(this.paths.directory);
    return !paths.some((path) => classifyPath(path)?.role.kind === 'import') && (await this.#journalHasNoImport());
  }

  async #hasNoImport(replica: Replica): Promise<boolean> {
    const none = replica.imports.size === 0 && this.#reader.importIds().size === 0;
    return none && replica.library.stateMap.size === 0 && (await this.#journalHasNoImport());
  }

  async #journalHasNoImport(): Promise<boolean> {
    return (await (await this.#journalFolder()).importIds()).size === 0;
  }

  /**
   * What an import can be merged onto without the library's papers in memory (app/bounded-import, `onto`): the
   * cache, with its stamp and the library's digests (their days as the user gave them), when it is the library as
   * folded (it names every import there is), the library has no merges or removals, no device's clock is ahead, and
   * this store has not read the library (the desktop app's has it in memory, and merges there); else null.
   */
  shelfBase(): Promise<ShelfBase | null> {
    return this.#jobs.run(async () => (this.#replica === null ? ((await this.#cachedLibrary())?.base ?? null) : null));
  }

  /**
   * The library as its cache names it, none of its papers read (shelfBase): nothing is kept, and the store opens as
   * before when next asked.
   */
  async #cachedLibrary(): Promise<{
    readonly base: ShelfBase;
    readonly head: CacheHead;
    readonly replica: Replica;
  } | null> {
    const { journal, found, all, stamp, read } = await this.#folderAndCache();
    if (stamp === null || all === '' || read?.set !== all || read.head === null) return null;
    const digests = readCacheDigests(this.paths.catalogue, stamp);
    if (digests === null) return null;
    const kept = await journal.load({ skip: found, snapshot: (text) => this.#reader.snapshotOf(text) });
    const fold = foldOfCache(read.head, { papers: [], digests }, new Set(), false);
    const replica = openReplica(this.device.id, this.#reader.files(), this.#now(), kept, fold);
    const { state, library } = replica;
    if ((state.merges?.size ?? 0) > 0 || (state.removed?.size ?? 0) > 0) return null;
    // The clock as it is once the imports are read (transact reads them to stamp an import): past their stamps.
    if (replica.aheadDevices.length > 0) return null;
    let clock = replica.clock;
    for (const id of read.head.imports) {
      const [stamp = '', device] = id.split('@');
      if (device === this.device.id) clock = clockAfter([stamp, encodeStamp(clock)]);
      else {
        const received = receive(clock, stamp, this.#now());
        if (received.ahead) return null;
        clock = received.clock;
      }
    }
    return {
      base: {
        file: this.paths.catalogue,
        stamp,
        digests: library.catalogue.digests,
        outline: await this.#outlineFile(),
      },
      head: read.head,
      replica: { ...replica, clock },
    };
  }

  /**
   * Writes an import made on a shelf (app/bounded-import: the command line's import of large files) as `transact`
   * writes an import, byte for byte: its document, `library.json` and the outline, from the shelf's texts, none of its
   * papers in memory. Into a library that has no import yet (so no paper, state or register either), whose fold is
   * then that one import; or onto the cache the import was merged onto (`shelved.change`), still the library as
   * shelfBase found it, whose fold the import is folded onto. False, having written nothing, for any other (the
   * caller imports the usual way). The library is read again from its files when next asked.
   */
  importShelved(shelved: ShelvedImport): Promise<boolean> {
    return this.#jobs.run(() =>
      this.#underLock(async () => {
        const { change } = shelved;
        if (change === null) return true;
        // A library.json that is not a synced folder's cache is never written over (#writeCacheIfStale).
        if (change === undefined && (await readCacheHead(this.paths.catalogue))?.set === FOREIGN) return false;
        const onto = change === undefined ? null : await this.#cachedLibrary();
        if (change === undefined) {
          if (!(await this.#hasNoImport(await this.#refresh()))) return false;
          await this.#compactIfDue();
        } else if (
          onto === null ||
          !sameStamp(onto.base.stamp, change.stamp) ||
          canonicalJson(onto.base.digests) !== canonicalJson(change.before) ||
          (await this.#compactionDue())
        ) {
          return false;
        }
        const { stamp } = tick(onto === null ? this.#current().clock : onto.replica.clock, this.#now());
        const { shelf } = shelved;
        const papers = shelvedPapers(shelf);
        const records =
          change === undefined ? papers : change.records.map((position) => papers[position]).filter(isShelved);
        const op = { stamp, device: this.device.id, digests: change === undefined ? shelved.digests : change.digests };
        const relative = devicePath(this.device.id, IMPORTS_FOLDER, importFileName(stamp));
        const file = inFolder(this.paths.directory, relative);
        await mkdir(path.dirname(file), { recursive: true });
        this.#ownWrites.add(relative);
        await writeDocumentPieces(file, importDocumentPieces(op, records, shelf));
        await (await this.#journalFolder()).record([], { ...op, papers: [] }, file);
        await this.#writeDeviceFile();
        const head =
          onto === null || change === undefined
            ? oneImportHead(opId(op), papers, shelved.digests)
            : headWithImport(onto.head, opId(op), {
                records: records.map((paper) => paper.id),
                added: change.added,
                digests: change.digests.map((digest) => digest.id),
              });
        await writeDocumentPieces(
          this.paths.catalogue,
          withShelfTexts(cacheDocumentPieces(head, { digests: change?.folded ?? shelved.digests, papers }), shelf),
        );
        const cacheStamp = await stampOf(this.paths.catalogue);
        if (cacheStamp !== null) {
          this.#outlineSaved = cacheStamp;
          const outline = await this.#outlineFile();
          await mkdir(path.dirname(outline), { recursive: true })
            .then(() =>
              writeShelfOutline(outline, shelf, change?.folded ?? shelved.digests, cacheStamp, shelved.onto?.outline),
            )
            .catch(() => undefined);
        }
        // Read again from its files when next asked (the clock too, which the import's stamp moved on).
        this.#replica = null;
        this.#cache = null;
        this.#firstFrame = null;
        this.#snapshot = null;
        return true;
      }),
    );
  }

  /** Resolves the note's conflicts: `text` is the note, and the versions beside it are gone, on every device. */
  resolveNote(id: string, text: string): Promise<void> {
    return this.#jobs.run(() =>
      this.#underLock(async () => {
        const replica = await this.#full();
        const recorded = resolveNote(replica.library, this.#writer(replica.clock), id, text);
        await this.#written(recorded.clock, [recorded.value], null);
      }),
    );
  }

  compact(): Promise<void> {
    return this.#jobs.run(() =>
      this.#underLock(async () => {
        await this.#full();
        await this.#compact();
        await this.#writeCacheIfStale();
        await removeDerivedCopies(this.paths);
      }).catch((error: unknown) => {
        // A folder that cannot be written is read as it is.
        if (!(error instanceof LibraryReadOnlyError)) throw error;
      }),
    );
  }

  /**
   * Takes a library written before devices in (migrate.ts): the base's import written among this device's imports,
   * its states folded into this device's next snapshot, and `library.json` made again from the imports, whatever it
   * held (the caller has backed it up).
   */
  adoptLegacyBase(base: LegacyBase): Promise<void> {
    return this.#jobs.run(() =>
      this.#underLock(async () => {
        await this.#full();
        await this.#readAllImports();
        await this.#writeImport(base.import);
        await this.#refresh();
        await this.#compact(base.state);
        await this.#writeCacheIfStale(true);
      }),
    );
  }

  async close(): Promise<void> {
    // What the list shows, for the next start's first frame; a store closed already has nothing to save.
    await this.#jobs.run(() => this.#saveFirstFrame()).catch(() => undefined);
    return this.#jobs.close();
  }

  /**
   * The first frame saved when this computer last closed the library (first-frame.ts), with the outline of the cache
   * there now, when neither the device files nor the cache changed since: no snapshot or log is read.
   */
  async #savedFirstFrame(): Promise<OutlineSnapshot | null> {
    const key = await this.#currentFrameKey();
    if (this.#savedFrame?.key === key) return this.#savedFrame.snapshot;
    const frame = await readFirstFrame(await this.#firstFrameFile(), key);
    const stamp = frame === null ? null : await stampOf(this.paths.catalogue);
    const outline = stamp === null ? null : await readOutlineFile(await this.#outlineFile(), stamp);
    if (frame === null || outline === null) return null;
    this.#frameKey = key;
    const snapshot = {
      outline: Object.freeze({ papers: outline.papers, digests: frame.digests }),
      states: frame.states,
    };
    this.#savedFrame = { key, snapshot, conflicts: frame.conflicts };
    return snapshot;
  }

  /** The key of the files a first frame is made from, as they are now (a listing and a stat each, nothing read). */
  async #currentFrameKey(): Promise<string> {
    const journal = await this.#journalFolder();
    return frameKey(new Map([...(await deviceFileStamps(this.paths.directory)), ...(await journal.stamps())]));
  }

  /** Saves the first frame of the library as read, unless the one saved was made from the same files. */
  async #saveFirstFrame(): Promise<void> {
    const replica = this.#replica;
    // The saved frame's papers are the cache's outline: a library whose merges or removals took papers out has none.
    if (replica === null || replica.library.catalogue.papers !== replica.library.fold.catalogue.papers) return;
    const stamps = new Map([...this.#reader.stamps(), ...(await (await this.#journalFolder()).stamps())]);
    const key = frameKey(stamps);
    if (key === this.#frameKey) return;
    const file = await this.#firstFrameFile();
    const states = Object.fromEntries(replica.library.stateMap);
    await mkdir(path.dirname(file), { recursive: true })
      .then(() =>
        writeFirstFrame(file, key, {
          states,
          digests: replica.library.catalogue.digests,
          conflicts: byPaper(replica.library.conflicts),
        }),
      )
      .catch(() => undefined);
    this.#frameKey = key;
  }

  async #firstFrameFile(): Promise<string> {
    return path.join(await this.#libraryAppData(), 'first-frame.json');
  }

  #writer(clock: Replica['clock']): Writer {
    return { device: this.device.id, clock, now: this.#now() };
  }

  /** Writes a change (its import whole, then its line in the log, on disk before this resolves), then keeps it. */
  async #written(clock: Replica['clock'], ops: readonly SyncOp[], imported: ImportOp | null): Promise<void> {
    const replica = this.#current();
    const importFile = imported === null ? undefined : await this.#writeImport(imported);
    if (ops.length > 0) await this.#append(ops);
    await (await this.#journalFolder()).record(ops, imported, importFile);
    this.#replica = recordWritten(replica, clock, ops, imported);
    await this.#writeDeviceFile();
    await this.#writeCacheIfStale();
  }

  /** Writes the import's document, a paper at a time, taken as read; gives where. */
  async #writeImport(op: ImportOp): Promise<string> {
    const relative = devicePath(this.device.id, IMPORTS_FOLDER, importFileName(op.stamp));
    const file = inFolder(this.paths.directory, relative);
    await mkdir(path.dirname(file), { recursive: true });
    this.#ownWrites.add(relative);
    const { stamp } = await writeCanonicalDocument(file, importDocument(op));
    if (stamp !== null) this.#reader.wrote(relative, stamp, op);
    return file;
  }

  /**
   * Appends one change to this device's log. A log that is not as this computer's processes left it (a sync tool
   * took it away or put an older one back; a crash cut its last line short) is left alone: the change goes to a new
   * log, so that nothing in either is overwritten or hidden.
   */
  async #append(ops: readonly SyncOp[]): Promise<void> {
    const journal = await this.#journalFolder();
    const known = await journal.logPosition();
    let generation = Math.max(this.#generation, known?.generation ?? 0);
    const file = () => inFolder(this.paths.directory, devicePath(this.device.id, opsFileName(generation)));
    const now = await stampOf(file());
    const asLeft =
      known === null || known.generation !== generation
        ? await endsWithWholeLine(file())
        : (now?.size ?? 0) === known.end;
    let lines = known?.generation === generation ? known.lines : 0;
    if (!asLeft) [generation, lines] = [generation + 1, 0];
    const line = encodeChangeLine(this.device.id, ops);
    const stamp = await appendDurably(file(), line);
    this.#reader.appended(devicePath(this.device.id, opsFileName(generation)), stamp, line);
    this.#generation = generation;
    await journal.keepLogPosition({ generation, end: stamp.size, lines: lines + 1 });
  }

  async #compactIfDue(): Promise<void> {
    if (await this.#compactionDue()) await this.#compact();
  }

  async #compactionDue(): Promise<boolean> {
    const known = await (await this.#journalFolder()).logPosition();
    return known !== null && (known.end >= COMPACT_AFTER_BYTES || known.lines >= COMPACT_AFTER_LINES);
  }

  /**
   * Folds this device's files (and what it wrote itself, from its journal) into the next generation's snapshot,
   * written whole before anything is removed: then the generation before the last and the copies a sync tool left
   * of its own files go. Its imports that went missing are written again.
   */
  async #compact(adopted: SyncState = EMPTY_SYNC_STATE): Promise<void> {
    const replica = this.#current();
    const own = this.#reader.files().devices.get(this.device.id) ?? EMPTY_CONTRIBUTION(this.device.id);
    for (const op of replica.imports.values()) {
      const file = devicePath(this.device.id, IMPORTS_FOLDER, importFileName(op.stamp));
      if (op.device === this.device.id && !own.files.includes(file)) await this.#writeImport(op);
    }
    const memory = adopted === EMPTY_SYNC_STATE ? replica.own : joinStates([replica.own, adopted]);
    const plan = planCompaction(this.device.id, own, encodeStamp(replica.clock), memory);
    for (const file of [plan.snapshot.path, ...plan.remove]) this.#ownWrites.add(file);
    await writeDocument(inFolder(this.paths.directory, plan.snapshot.path), plan.snapshot.text);
    // The snapshot holds all this device wrote (what it had in memory, and its files): the journal keeps its text.
    await (await this.#journalFolder()).fold({ ...journalOf(replica), own: memory }, plan.snapshot.text);
    this.#generation = plan.generation;
    await (await this.#journalFolder()).keepLogPosition({ generation: plan.generation, end: 0, lines: 0 });
    for (const file of plan.remove) await rm(inFolder(this.paths.directory, file), { force: true });
    await this.#refresh();
  }

  /** `devices/<id>/device.json`: the device's name, for `shelfmark devices`; written once. */
  async #writeDeviceFile(): Promise<void> {
    const file = inFolder(this.paths.directory, devicePath(this.device.id, 'device.json'));
    // Said, not relied on: not waited for on the disk (a first import waited on two more syncs); one that a crash
    // lost or left empty is written again.
    if (((await stampOf(file))?.size ?? 0) > 0) return;
    this.#ownWrites.add(devicePath(this.device.id, 'device.json'));
    await writeDocument(file, canonicalJson({ name: this.device.name, since: this.device.since }), { durable: false });
  }

  /**
   * Makes `library.json` again at once where git left it with conflict markers between two computers' caches: a
   * user who opens the library (any command, the app) after a merge stopped on it finds it settled, ready to commit.
   * Any other stale cache waits for the next change, as a cut-short one may be a sync tool's write in progress.
   */
  async #settleConflictedCache(): Promise<void> {
    if (this.#cache?.set !== '' || !(await isConflictedCache(this.paths.catalogue))) return;
    await this.#underLock(() => this.#writeCacheIfStale()).catch((error: unknown) => {
      // A folder that cannot be written is read as it is.
      if (!(error instanceof LibraryReadOnlyError)) throw error;
    });
  }

  /**
   * Makes `library.json` again when it names other imports than the library's (or is missing). A file there that is
   * not a synced folder's cache (a library not migrated yet) is never written over.
   */
  async #writeCacheIfStale(overLegacy = false): Promise<void> {
    const wanted = importSetOf(this.#current().library.fold);
    const stamp = await stampOf(this.paths.catalogue);
    if (!overLegacy) {
      if (this.#cache === null || !sameStamp(this.#cache.stamp, stamp)) {
        const read = stamp === null ? null : await readCacheHead(this.paths.catalogue);
        this.#cache = { stamp, set: read?.set ?? null, head: read?.head ?? null };
      }
      const { set, head } = this.#cache;
      // A cache of the older layout (no head) is made again once, so that the next start can open from it.
      if (set === FOREIGN || ((set ?? '') === wanted && head !== null)) return;
    }
    // Written from the fold's placements: the imports a cache's fold spared need not be read, unless for a first frame.
    const replica = this.#firstFrame === null ? this.#current() : await this.#readAllImports();
    await writeDerivedCatalogue(this.paths.catalogue, replica.library.fold);
    const written = await readCacheHead(this.paths.catalogue);
    this.#cache = { stamp: await stampOf(this.paths.catalogue), set: wanted, head: written?.head ?? null };
    const outlineStamp = this.#cache.stamp;
    if (outlineStamp !== null) {
      this.#outlineSaved = outlineStamp;
      const outline = outlineOfLibraryCatalogue(replica.library.fold.catalogue);
      await this.#saveOutline(outline, outlineStamp);
    }
  }

  /**
   * Brings the replica in step with the folder, reading only what changed. Opening, the imports are not read when the
   * cache names exactly those the folder holds: with `firstFrame`, and an outline file made from the cache, not even
   * the cache's papers are (#full() reads them).
   */
  async #refresh(firstFrame = false): Promise<Replica> {
    if (this.#replica === null) return this.#open(firstFrame);
    const changedPaths = await this.#reader.refresh();
    if (changedPaths.length === 0) return this.#replica;
    const folded = new Set(this.#replica.library.fold.imports);
    if (this.#reader.deferring && [...this.#reader.importIds()].some((id) => !folded.has(id))) {
      // An import the cache did not fold arrived: every import is read, and folded.
      await this.#readAllImports();
    } else this.#replica = refreshReplica(this.#replica, this.#reader.files(), this.#now());
    // Another device's files, a sync tool's copies, and this device's own written by another of its processes.
    if (changedPaths.some((path) => !this.#ownWrites.has(path))) this.#readFromDisk += 1;
    this.#ownWrites.clear();
    return this.#afterRead();
  }

  #afterRead(): Replica {
    const generation = this.#reader.files().devices.get(this.device.id)?.generations.at(-1) ?? 0;
    if (generation > this.#generation) this.#generation = generation;
    return this.#current();
  }

  /**
   * The folder read, its imports put off: the ids of those found there, of every import (with this device's journal's),
   * in one order, and the cache's stamp and head.
   */
  async #folderAndCache() {
    const journal = await this.#journalFolder();
    this.#reader.deferImports();
    await this.#reader.refresh();
    const found = this.#reader.importIds();
    const all = [...new Set([...found, ...(await journal.importIds())])].sort(compareCodePoints).join(' ');
    const stamp = await stampOf(this.paths.catalogue);
    const read = stamp === null ? null : await readCacheHead(this.paths.catalogue);
    return { journal, found, all, stamp, read };
  }

  async #open(firstFrame: boolean): Promise<Replica> {
    const { journal, found, all, stamp, read } = await this.#folderAndCache();
    this.#cache = { stamp, set: read?.set ?? null, head: read?.head ?? null };
    const head = read?.set === all ? read.head : null;
    if (head !== null && stamp !== null) {
      const kept = await journal.load({ skip: found, snapshot: (text) => this.#reader.snapshotOf(text) });
      const outline = firstFrame ? await readOutlineFile(await this.#outlineFile(), stamp) : null;
      if (outline !== null) {
        const papers = new Set(outline.papers.id);
        const fold = foldOfCache(head, { papers: [], digests: outline.digests }, papers, false);
        const replica = openReplica(this.device.id, this.#reader.files(), this.#now(), kept, fold);
        // Merges and removals are made over the catalogue's papers: a library with any is opened from them.
        if ((replica.state.merges?.size ?? 0) === 0 && (replica.state.removed?.size ?? 0) === 0) {
          this.#replica = replica;
          this.#firstFrame = outline;
          return this.#afterRead();
        }
      }
      const catalogue = await readCachedCatalogue(this.paths.catalogue);
      if (catalogue !== null) {
        const fold = foldOfCache(head, catalogue, new Set(catalogue.papers.map((paper) => paper.id)));
        this.#replica = openReplica(this.device.id, this.#reader.files(), this.#now(), kept, fold);
        return this.#afterRead();
      }
      // Damaged past its head: made again at the next change.
      this.#cache = { stamp, set: '', head: null };
    }
    this.#reader.readImports();
    await this.#reader.refresh();
    this.#replica = openReplica(this.device.id, this.#reader.files(), this.#now(), await this.#loadJournal());
    return this.#afterRead();
  }

  /** The replica with the cache's papers read, when it was opened for a first frame only. */
  async #full(): Promise<Replica> {
    const replica = await this.#refresh();
    if (this.#firstFrame === null) return replica;
    const head = this.#cache?.head ?? null;
    const stamp = await stampOf(this.paths.catalogue);
    const catalogue =
      head !== null && sameStamp(stamp, this.#cache?.stamp ?? null)
        ? await readCachedCatalogue(this.paths.catalogue)
        : null;
    if (head !== null && catalogue !== null) {
      const fold = foldOfCache(head, catalogue, new Set(catalogue.papers.map((paper) => paper.id)));
      this.#replica = replicaWithFold(replica, fold);
      this.#firstFrame = null;
      return this.#replica;
    }
    // The cache changed or went since the first frame: the imports are read and folded.
    return this.#readAllImports();
  }

  /** Every import read (those the cache spared, in the folder and in app-data), and folded if the cache's fold is not theirs. */
  async #readAllImports(): Promise<Replica> {
    if (!this.#reader.deferring) return this.#current();
    this.#reader.readImports();
    await this.#reader.refresh();
    const journal = await this.#loadJournal();
    const files = this.#reader.files();
    const imports = [...journal.imports, ...[...files.devices.values()].flatMap((device) => device.imports)];
    let replica = replicaWithImports(this.#current(), imports);
    // A first frame's fold has no papers: folded again.
    if (this.#firstFrame !== null) replica = refoldReplica(replica);
    this.#firstFrame = null;
    this.#replica = refreshReplica(replica, files, this.#now());
    return this.#afterRead();
  }

  /** This device's journal, its imports that are the folder's own files (hard links) taken from the folder's reading. */
  async #loadJournal(known: KnownFiles = {}): Promise<LocalJournal> {
    return (await this.#journalFolder()).load({
      ...known,
      importAt: (name, stamp) => this.#reader.importWritten(devicePath(this.device.id, IMPORTS_FOLDER, name), stamp),
    });
  }

  #current(): Replica {
    if (this.#replica === null) throw new Error('The synced library was used before it was read.');
    return this.#replica;
  }

  #library(): LibrarySnapshot {
    const library = this.#current().library;
    if (this.#snapshot?.library !== library) {
      this.#snapshot = {
        library,
        snapshot: Object.freeze({
          catalogue: library.catalogue,
          states: Object.freeze(Object.fromEntries(library.stateMap)),
        }),
      };
    }
    return this.#snapshot.snapshot;
  }

  /** This library's folder in app-data, named by the library folder's real path (made when first needed). */
  #libraryAppData(): Promise<string> {
    return libraryAppDataOf(this.#appData, this.paths.directory);
  }

  /**
   * The outline of the cache, for a first frame: in app-data, not in the folder, as it is made from this computer's
   * copy of the cache (it names that file's stamp) and would be of no use on another, only carried there and back.
   */
  async #outlineFile(): Promise<string> {
    return path.join(await this.#libraryAppData(), 'library.outline.json');
  }

  /** Only speeds up the next start: failing to save it changes nothing else. */
  async #saveOutline(outline: CatalogueOutline, stamp: FileStamp): Promise<void> {
    const file = await this.#outlineFile();
    await mkdir(path.dirname(file), { recursive: true })
      .then(() => writeOutlineFile(file, outline, stamp))
      .catch(() => undefined);
  }

  async #journalFolder(): Promise<JournalFolder> {
    this.#journal ??= new JournalFolder(await this.#libraryAppData(), this.device.id);
    return this.#journal;
  }

  /** Runs `work` holding the lock between this computer's processes, which lives in app-data. */
  async #underLock<T>(work: () => Promise<T>): Promise<T> {
    await mkdir(this.paths.directory, { recursive: true }).catch((error: unknown) => {
      throw isErrorCode(error, ...READ_ONLY_CODES) ? new LibraryReadOnlyError(this.paths.directory, error) : error;
    });
    // The lock is in app-data, so nothing above has tried the folder itself: a folder there but not writable is said
    // so before anything is written, as every write of this store comes here.
    const readOnly = await readOnlyError(this.paths);
    if (readOnly !== null) throw readOnly;
    if (this.#localPaths === null) {
      const folder = await this.#libraryAppData();
      await mkdir(folder, { recursive: true });
      this.#localPaths = { ...this.paths, lock: path.join(folder, 'library.lock') };
    }
    return withLock(this.#localPaths, work);
  }
}
