/**
 * Rotating backups of a library, kept by each computer for itself in the library's app-data folder (a synced folder
 * holds only files each device writes for itself, and two computers pruning each other's backups there would not
 * be): a folder per backup holding the library's files gzipped. A backup of the library as Shelfmark shows it holds
 * its catalogue and reading states in the files of a library written before devices (`library.json`,
 * `library.state.json`), so that it reads as any older backup; the migration's backs the files it replaces up byte
 * for byte, so that even those Shelfmark cannot read are kept. The backups kept beside the library before
 * (`library.backups/`) are still listed and restored, never pruned.
 */

import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Transform } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import type { LibrarySnapshot } from '../../core/import/types.js';
import type { Catalogue, ReadingStateMap } from '../../core/model.js';
import { DurableJsonFile } from './durable-json-file.js';
import { isErrorCode, namesIn } from './errors.js';
import { libraryPaths, type LibraryPaths } from './library-paths.js';
import { openLegacyLibraryStore } from './legacy-library-store.js';
import { withLock } from './lock.js';
import { removeAbandonedTempFiles, syncDirectory } from './atomic-write.js';
import { CATALOGUE_FORMAT, STATE_FORMAT } from './schema.js';

const BACKUPS_KEPT = 10;

type BackupReason = 'daily' | 'before-restore';

export interface BackupInfo {
  /** The folder name, which is also what `restore` takes: "2026-11-27T17-50-03Z-daily". */
  readonly name: string;
  readonly path: string;
  readonly createdAt: string;
  readonly reason: BackupReason;
  /** Compressed size on disk. */
  readonly bytes: number;
}

/** Where a library's backups are. */
export interface BackupPlace {
  /** The library's files. */
  readonly paths: LibraryPaths;
  /** Where this computer keeps the library's backups: in the library's app-data folder. */
  readonly folder: string;
}

const NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:\.(\d{3}))?Z-(daily|before-restore)$/;

/** Where backups were kept before: beside the library. */
function backupsDirectory(paths: LibraryPaths): string {
  const stem = path.basename(paths.catalogue).replace(/\.json$/, '');
  return path.join(paths.directory, `${stem}.backups`);
}

/** The library's files that exist, as [file, name inside a backup]. */
function libraryFiles(paths: LibraryPaths): (readonly [string, string])[] {
  return [paths.catalogue, paths.stateSnapshot, paths.writeAheadLog].map(
    (file) => [file, `${path.basename(file)}.gz`] as const,
  );
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file);
    return true;
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return false;
    throw error;
  }
}

function parseName(name: string): { readonly createdAt: string; readonly reason: BackupReason } | null {
  const match = NAME.exec(name);
  if (match === null) return null;
  const [, day, hours, minutes, seconds, millis = '000', reason] = match;
  return { createdAt: `${day}T${hours}:${minutes}:${seconds}.${millis}Z`, reason: reason as BackupReason };
}

/** Newest first: this computer's, and those kept beside the library before (a name in both is this computer's). */
export async function listBackups(place: BackupPlace): Promise<BackupInfo[]> {
  const own = await backupsIn(place.folder);
  const names = new Set(own.map((backup) => backup.name));
  const before = (await backupsIn(backupsDirectory(place.paths))).filter((backup) => !names.has(backup.name));
  return [...own, ...before].sort((a, b) => b.name.localeCompare(a.name));
}

async function backupsIn(directory: string): Promise<BackupInfo[]> {
  const names = await namesIn(directory);
  const backups = await Promise.all(
    names.map(async (name): Promise<BackupInfo | null> => {
      const parsed = parseName(name);
      if (parsed === null) return null;
      const folder = path.join(directory, name);
      const files = await fsp.readdir(folder);
      const sizes = await Promise.all(files.map(async (file) => (await fsp.stat(path.join(folder, file))).size));
      return { name, path: folder, ...parsed, bytes: sizes.reduce((sum, size) => sum + size, 0) };
    }),
  );
  return backups.filter((backup) => backup !== null);
}

/** A new file written from `source`, on disk (fsynced) once this resolves. */
async function writeDurably(source: NodeJS.ReadableStream, transform: Transform, to: string): Promise<void> {
  await pipeline(source, transform, createWriteStream(to, { flags: 'wx', flush: true }));
}

/**
 * Copies the library's files as they are (those of a library written before devices) into a new backup. With
 * `library` (state files found beside a synced folder's cache, which no backup is read with), the backup's catalogue
 * is the library's, and its state snapshot too where there is no such file: the state files are read over them.
 */
async function copyIntoBackup(
  place: BackupPlace,
  reason: BackupReason,
  now: Date,
  library?: LibrarySnapshot,
): Promise<BackupInfo | null> {
  const { paths } = place;
  const present: (readonly [string, string])[] = [];
  for (const entry of libraryFiles(paths)) {
    if (library !== undefined && entry[0] === paths.catalogue) continue;
    if (await exists(entry[0])) present.push(entry);
  }
  if (present.length === 0 && library === undefined) return null;
  return makeBackup(place, reason, now, async (staging) => {
    if (library !== undefined) {
      await writeCatalogue(staging, paths, library.catalogue);
      if (!present.some(([file]) => file === paths.stateSnapshot)) await writeStates(staging, paths, library.states);
    }
    for (const [file, inside] of present)
      await writeDurably(createReadStream(file), createGzip(), path.join(staging, inside));
  });
}

async function writeStates(staging: string, paths: LibraryPaths, states: ReadingStateMap): Promise<void> {
  const file = path.join(staging, path.basename(paths.stateSnapshot));
  await new DurableJsonFile(file, STATE_FORMAT).write({ schemaVersion: STATE_FORMAT.version, states });
  await gzipInPlace(file);
}

/** Writes `catalogue` gzipped into a backup being made in `staging`, as a library written before devices has it. */
async function writeCatalogue(staging: string, paths: LibraryPaths, catalogue: Catalogue): Promise<void> {
  const file = path.join(staging, path.basename(paths.catalogue));
  // In pieces, as the library's own files are written: a catalogue can reach 150 MB.
  await new DurableJsonFile(file, CATALOGUE_FORMAT).write({
    schemaVersion: CATALOGUE_FORMAT.version,
    papers: catalogue.papers,
    digests: catalogue.digests,
  });
  await gzipInPlace(file);
}

async function gzipInPlace(file: string): Promise<void> {
  await writeDurably(createReadStream(file), createGzip(), `${file}.gz`);
  await fsp.rm(file);
}

/**
 * Backs up the library as Shelfmark shows it: its catalogue and reading states, in the files of a library written
 * before devices (library.json, library.state.json), gzipped.
 */
async function writeLibraryBackup(
  place: BackupPlace,
  library: LibrarySnapshot,
  reason: BackupReason,
  now: Date,
): Promise<BackupInfo | null> {
  return makeBackup(place, reason, now, async (staging) => {
    await writeCatalogue(staging, place.paths, library.catalogue);
    await writeStates(staging, place.paths, library.states);
  });
}

/** A new backup in `place`'s folder whose files `write` puts in the folder it is given, made whole or not at all. */
async function makeBackup(
  place: BackupPlace,
  reason: BackupReason,
  now: Date,
  write: (staging: string) => Promise<void>,
): Promise<BackupInfo | null> {
  const directory = place.folder;
  await fsp.mkdir(directory, { recursive: true });
  // Daily backups are named to the second; one taken before a restore to the millisecond, as two can come quickly
  // (so can two migrations of legacy files found again, the second then named to the millisecond too).
  const named = (digits: number): string => `${now.toISOString().slice(0, digits).replace(/:/g, '-')}Z-${reason}`;
  let name = named(reason === 'daily' ? 19 : 23);
  if (await exists(path.join(directory, name))) name = named(23);
  const staging = path.join(directory, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
  await fsp.mkdir(staging);
  try {
    await write(staging);
    await syncDirectory(staging);
    await fsp.rename(staging, path.join(directory, name));
    await syncDirectory(directory);
  } catch (error) {
    await fsp.rm(staging, { recursive: true, force: true });
    throw error;
  }
  const backup = (await backupsIn(directory)).find((candidate) => candidate.name === name);
  if (backup === undefined) throw new Error(`The backup ${name} vanished as it was made.`);
  return backup;
}

/** Keeps this computer's newest `keep` daily backups (those beside the library may be another computer's). */
async function prune(place: BackupPlace, keep: number): Promise<void> {
  const daily = (await backupsIn(place.folder))
    .filter((backup) => backup.reason === 'daily')
    .sort((a, b) => b.name.localeCompare(a.name));
  for (const old of daily.slice(keep)) await fsp.rm(old.path, { recursive: true, force: true });
}

/** The lock between this computer's processes over the library's backups, in their folder. */
async function withBackupsLock<T>(place: BackupPlace, work: () => Promise<T>): Promise<T> {
  await fsp.mkdir(place.folder, { recursive: true });
  const lock = path.join(place.folder, 'backups.lock');
  return withLock({ ...place.paths, directory: place.folder, catalogue: lock, lock }, work);
}

/**
 * Makes today's backup of the library `read` gives unless there is one; keeps the newest `keep` daily backups. An
 * empty library (none yet) is not backed up. Once a day is also when the temp files of writes that a crash
 * interrupted are cleared away.
 */
export async function backUpDaily(
  place: BackupPlace,
  now: Date,
  read: () => Promise<LibrarySnapshot>,
  keep = BACKUPS_KEPT,
): Promise<BackupInfo | null> {
  const today = now.toISOString().slice(0, 10);
  const hasToday = (backups: readonly BackupInfo[]): boolean =>
    backups.some((backup) => backup.reason === 'daily' && backup.createdAt.startsWith(today));
  if (hasToday(await backupsIn(place.folder))) return null;
  const library = await read();
  if (isEmpty(library)) return null;
  return withBackupsLock(place, async () => {
    if (hasToday(await backupsIn(place.folder))) return null;
    const { paths } = place;
    // The files a backup holds, and the outline made from them: the temp files any of them may have left.
    const owners = [...libraryFiles(paths).map(([file]) => file), paths.outline].map((file) => path.basename(file));
    await removeAbandonedTempFiles(paths.directory, now.getTime(), owners).catch(() => []);
    await removeAbandonedTempFiles(place.folder, now.getTime());
    const backup = await writeLibraryBackup(place, library, 'daily', now);
    await prune(place, keep);
    return backup;
  });
}

function isEmpty(library: LibrarySnapshot): boolean {
  const { papers, digests } = library.catalogue;
  return papers.length === 0 && digests.length === 0 && Object.keys(library.states).length === 0;
}

/**
 * Backs the files of a library written before devices up now, byte for byte, whatever backups today has (before
 * they become a synced folder's, app/sync/migrate.ts, which holds the folder's lock meanwhile); it is kept and listed
 * as a daily one. With `library`, the state files are backed up over it rather than over the catalogue file (state
 * files found again beside a synced folder's cache).
 */
export function backUpNow(place: BackupPlace, now: Date, library?: LibrarySnapshot): Promise<BackupInfo | null> {
  return withBackupsLock(place, () => copyIntoBackup(place, 'daily', now, library));
}

/** Backs the library up as Shelfmark shows it now, before it is replaced by a backup's (restore). */
export function backUpBeforeRestore(
  place: BackupPlace,
  library: LibrarySnapshot,
  now: Date,
): Promise<BackupInfo | null> {
  return withBackupsLock(place, () => writeLibraryBackup(place, library, 'before-restore', now));
}

/**
 * Backs the files of a library written before devices that cannot be read up as they are, before a restore
 * replaces them; the caller then removes them (they are in this backup).
 */
export function backUpUnreadable(place: BackupPlace, now: Date): Promise<BackupInfo | null> {
  return withBackupsLock(place, () => copyIntoBackup(place, 'before-restore', now));
}

/** A backup by its name (as `listBackups` gives it) or by its folder's path. */
export async function findBackup(place: BackupPlace, nameOrPath: string): Promise<BackupInfo> {
  const wanted = path.basename(nameOrPath.replace(/[/\\]+$/, ''));
  const backup = (await listBackups(place)).find((candidate) => candidate.name === wanted);
  if (backup === undefined) {
    throw new NotFoundError(
      `There is no backup "${nameOrPath}" of ${place.paths.catalogue}; "shelfmark backups" lists them.`,
    );
  }
  return backup;
}

async function gunzipInto(backup: BackupInfo, folder: string, paths: LibraryPaths): Promise<LibraryPaths> {
  const restored = libraryPaths(path.join(folder, path.basename(paths.catalogue)));
  const targets = [restored.catalogue, restored.stateSnapshot, restored.writeAheadLog];
  for (const [index, [, inside]] of libraryFiles(paths).entries()) {
    const source = path.join(backup.path, inside);
    const target = targets[index];
    if (target === undefined || !(await exists(source))) continue;
    await writeDurably(createReadStream(source), createGunzip(), target);
  }
  return restored;
}

/** Unpacks a backup into `folder` and reads it as a library written before devices is read; throws if it cannot be. */
export async function unpackAndCheck(
  backup: BackupInfo,
  folder: string,
  paths: LibraryPaths,
): Promise<LibrarySnapshot> {
  const restored = await gunzipInto(backup, folder, paths);
  const check = openLegacyLibraryStore(restored);
  try {
    return await check.read();
  } finally {
    await check.close();
  }
}

/** The library a backup holds, read in a staging folder beside this computer's backups; refused when unreadable. */
export async function readBackup(place: BackupPlace, backup: BackupInfo): Promise<LibrarySnapshot> {
  await fsp.mkdir(place.folder, { recursive: true });
  const staging = path.join(place.folder, `.restore-${randomBytes(6).toString('hex')}.tmp`);
  await fsp.mkdir(staging);
  try {
    return await unpackAndCheck(backup, staging, place.paths);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidInputError(`The backup ${backup.name} cannot be read, so nothing was restored: ${reason}`);
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}
