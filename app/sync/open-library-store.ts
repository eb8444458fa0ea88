/**
 * The one way to open a library: every library is a synced folder's (ARCHITECTURE.md, "Many devices, one folder"),
 * read and written by this computer's device (its id in app-data). A library written before devices is migrated
 * the first time it is opened, before anything reads it, and again whenever legacy files turn up later (an older
 * Shelfmark wrote them since); a folder that cannot be written is never migrated: its legacy files are read as they
 * are, and changes refused as read-only.
 */

import { stat } from 'node:fs/promises';
import path from 'node:path';

import type { ShelvedImport } from '../bounded-import/shelved-import.js';
import type { LibrarySnapshot } from '../../core/import/types.js';
import { DEVICES_FOLDER } from '../../core/sync/device-files.js';
import { isErrorCode } from '../store/errors.js';
import { legacyLibraryExists, openLegacyLibraryStore } from '../store/legacy-library-store.js';
import { libraryPaths, type LibraryPaths } from '../store/library-paths.js';
import type { LibraryChange, LibraryStore, OutlineSnapshot } from '../store/library-store.js';
import { readOnlyError } from '../store/lock.js';
import type { BackupPlace } from '../store/backups.js';
import { backupPlace } from './local-journal.js';
import { migrateLegacyFiles, legacyFilesIn, otherLibraryIn } from './migrate.js';
import { LibraryFileError } from '../store/errors.js';
import {
  openSyncedLibraryStore,
  type ShelfBase,
  type SyncedLibraryStore,
  type SyncedView,
} from './synced-library-store.js';

export interface OpenLibraryOptions {
  /** Shelfmark's app-data folder (app/library-location.ts appDataDirectory, Electron's userData). */
  readonly appData: string;
  /** The wall clock: the migration's backup is named by it, and changes are stamped by it (a paper's updatedAt). */
  readonly now?: () => Date;
}

/**
 * Opens the library whose catalogue is at `catalogue`. Reads nothing until asked (so a library that cannot be
 * read opens, and says so on its first read), and creates nothing in its folder until the first change is saved.
 */
export async function openLibraryStore(catalogue: string, options: OpenLibraryOptions): Promise<LibraryFolderStore> {
  const { now } = options;
  const synced = await openSyncedLibraryStore(catalogue, {
    appData: options.appData,
    ...(now === undefined ? {} : { now: () => now().getTime() }),
  });
  return new LibraryFolderStore(libraryPaths(catalogue), synced, options);
}

/**
 * Whether there is a library at `catalogue`: its catalogue, its device files (a synced folder), or the files of a
 * library written before devices. Where there is none, opening it gives an empty library, which the first change
 * creates.
 */
export async function libraryExists(catalogue: string): Promise<boolean> {
  const paths: LibraryPaths = libraryPaths(catalogue);
  if (await legacyLibraryExists(paths)) return true;
  try {
    return (await stat(path.join(paths.directory, DEVICES_FOLDER))).isDirectory();
  } catch (error) {
    if (isErrorCode(error, 'ENOENT', 'ENOTDIR')) return false;
    throw error;
  }
}

export class LibraryFolderStore implements LibraryStore {
  readonly paths: LibraryPaths;
  readonly #synced: SyncedLibraryStore;
  readonly #appData: string;
  readonly #now: () => Date;
  /** The legacy files of a folder that cannot be written, read as they are; null while there are none. */
  #legacy: LibraryStore | null = null;
  /** The folder was found to hold no other library. */
  #alone = false;
  /** A migration under way, which every call waits for. */
  #migrating: Promise<boolean> | null = null;

  constructor(paths: LibraryPaths, synced: SyncedLibraryStore, options: OpenLibraryOptions) {
    this.paths = paths;
    this.#synced = synced;
    this.#appData = options.appData;
    this.#now = options.now ?? (() => new Date());
  }

  /** Where this computer keeps the library's backups. */
  backups(): Promise<BackupPlace> {
    return backupPlace(this.#appData, this.paths);
  }

  async read(): Promise<LibrarySnapshot> {
    return (await this.#ready()).read();
  }

  async readOutline(): Promise<OutlineSnapshot> {
    return (await this.#ready()).readOutline();
  }

  async transact<T>(change: (library: LibrarySnapshot) => LibraryChange<T>): Promise<T> {
    return (await this.#ready()).transact(change);
  }

  async follow(): Promise<boolean> {
    await this.#oneLibraryInFolder();
    const migrated = await this.#migrateIfDue();
    return (await this.#current().follow()) || migrated;
  }

  async compact(): Promise<void> {
    // The legacy files are only read where the folder cannot be written: nothing to fold there.
    if ((await this.#ready()) === this.#synced) await this.#synced.compact();
  }

  /** The note conflicts and what else the synced library says (SyncedLibraryStore.view; `firstFrame` as there). */
  async view(firstFrame = false): Promise<SyncedView> {
    await this.#ready();
    return this.#synced.view(firstFrame);
  }

  /** Whether the library is a synced folder with no import yet (SyncedLibraryStore.hasNoImport). */
  async hasNoImport(): Promise<boolean> {
    return (await this.#ready()) === this.#synced && this.#synced.hasNoImport();
  }

  /** What an import can be merged onto without reading the library's papers (SyncedLibraryStore.shelfBase). */
  async shelfBase(): Promise<ShelfBase | null> {
    return (await this.#ready()) === this.#synced ? this.#synced.shelfBase() : null;
  }

  /** Writes an import made on a shelf (SyncedLibraryStore.importShelved). */
  async importShelved(shelved: ShelvedImport): Promise<boolean> {
    return (await this.#ready()) === this.#synced && this.#synced.importShelved(shelved);
  }

  /** Resolves a note's conflicts (SyncedLibraryStore.resolveNote). */
  async resolveNote(id: string, text: string): Promise<void> {
    await this.#ready();
    return this.#synced.resolveNote(id, text);
  }

  async close(): Promise<void> {
    await this.#migrating?.catch(() => undefined);
    await this.#legacy?.close();
    await this.#synced.close();
  }

  /** The store to answer from now, the folder's legacy files migrated first where there are any. */
  async #ready(): Promise<LibraryStore> {
    await this.#oneLibraryInFolder();
    await this.#migrateIfDue();
    return this.#current();
  }

  /** The legacy files of a folder that cannot be written, while there are any; else the synced store. */
  #current(): LibraryStore {
    return this.#legacy ?? this.#synced;
  }

  /**
   * Refuses a library whose folder holds another synced library (two catalogues side by side, as `--db` allowed
   * before devices): its devices' files would be taken for this one's, and a migration would mix the two.
   */
  async #oneLibraryInFolder(): Promise<void> {
    if (this.#alone) return;
    const other = await otherLibraryIn(this.paths);
    if (other !== null) {
      throw new LibraryFileError(
        this.paths.catalogue,
        `its folder already holds the library ${other}, and a folder holds one library (the devices/ folder beside them is ${other}'s)`,
        `Move ${path.basename(this.paths.catalogue)} into a folder of its own and open it there; nothing was changed.`,
      );
    }
    this.#alone = true;
  }

  /** Migrates the legacy files in the folder, if any (one migration at a time); says whether it did. */
  async #migrateIfDue(): Promise<boolean> {
    if (this.#migrating !== null) return this.#migrating;
    if ((await legacyFilesIn(this.paths)) === null) {
      if (this.#legacy !== null) await this.#closeLegacy();
      return false;
    }
    if ((await readOnlyError(this.paths)) !== null) {
      this.#legacy ??= openLegacyLibraryStore(this.paths);
      return false;
    }
    if (this.#legacy !== null) await this.#closeLegacy();
    const options = { appData: this.#appData, now: this.#now() };
    this.#migrating ??= migrateLegacyFiles(this.paths, this.#synced, options).finally(() => {
      this.#migrating = null;
    });
    return this.#migrating;
  }

  async #closeLegacy(): Promise<void> {
    const legacy = this.#legacy;
    this.#legacy = null;
    await legacy?.close();
  }
}
