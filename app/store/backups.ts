/**
 * Rotating backups beside the library: a folder per backup holding each library file gzipped, byte for byte.
 * Raw copies, so that even a library Shelfmark cannot read can be backed up before it is replaced.
 */

import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Transform } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { isErrorCode, LibraryReadOnlyError, namesIn, READ_ONLY_CODES } from './errors.js';
import { libraryPaths, type LibraryPaths } from './library-paths.js';
import { openLegacyLibraryStore } from './legacy-library-store.js';
import { withLock } from './lock.js';
import { removeAbandonedTempFiles, syncDirectory } from './atomic-write.js';

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

const NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:\.(\d{3}))?Z-(daily|before-restore)$/;

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

/** Newest first. */
export async function listBackups(paths: LibraryPaths): Promise<BackupInfo[]> {
  const directory = backupsDirectory(paths);
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
  return backups.filter((backup) => backup !== null).sort((a, b) => b.name.localeCompare(a.name));
}

/** A new file written from `source`, on disk (fsynced) once this resolves. */
async function writeDurably(source: NodeJS.ReadableStream, transform: Transform, to: string): Promise<void> {
  await pipeline(source, transform, createWriteStream(to, { flags: 'wx', flush: true }));
}

/** Copies the library's files as they are into a new backup; call it while holding the lock. */
async function copyIntoBackup(paths: LibraryPaths, reason: BackupReason, now: Date): Promise<BackupInfo | null> {
  const present = [];
  for (const entry of libraryFiles(paths)) if (await exists(entry[0])) present.push(entry);
  if (present.length === 0) return null;
  const directory = backupsDirectory(paths);
  await fsp.mkdir(directory, { recursive: true });
  // Daily backups are named to the second; one taken before a restore to the millisecond, as two can come quickly.
  const time = now
    .toISOString()
    .slice(0, reason === 'daily' ? 19 : 23)
    .replace(/:/g, '-');
  const name = `${time}Z-${reason}`;
  const staging = path.join(directory, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
  await fsp.mkdir(staging);
  try {
    for (const [file, inside] of present)
      await writeDurably(createReadStream(file), createGzip(), path.join(staging, inside));
    await syncDirectory(staging);
    await fsp.rename(staging, path.join(directory, name));
    await syncDirectory(directory);
  } catch (error) {
    await fsp.rm(staging, { recursive: true, force: true });
    throw error;
  }
  const backup = (await listBackups(paths)).find((candidate) => candidate.name === name);
  if (backup === undefined) throw new Error(`The backup ${name} vanished as it was made.`);
  return backup;
}

async function prune(paths: LibraryPaths, keep: number): Promise<void> {
  const daily = (await listBackups(paths)).filter((backup) => backup.reason === 'daily');
  for (const old of daily.slice(keep)) await fsp.rm(old.path, { recursive: true, force: true });
}

/**
 * Makes today's backup unless there is one; keeps the newest `keep` daily backups. Once a day is also when the
 * temp files of writes that a crash interrupted are cleared away.
 */
export async function backUpDaily(paths: LibraryPaths, now: Date, keep = BACKUPS_KEPT): Promise<BackupInfo | null> {
  const today = now.toISOString().slice(0, 10);
  const hasToday = (backups: readonly BackupInfo[]): boolean =>
    backups.some((backup) => backup.reason === 'daily' && backup.createdAt.startsWith(today));
  if (hasToday(await listBackups(paths))) return null;
  if (!(await exists(paths.catalogue)) && !(await exists(paths.writeAheadLog))) return null;
  return withLock(paths, async () => {
    if (hasToday(await listBackups(paths))) return null;
    // The files a backup holds, and the outline made from them: the temp files any of them may have left.
    const owners = [...libraryFiles(paths).map(([file]) => file), paths.outline].map((file) => path.basename(file));
    await removeAbandonedTempFiles(paths.directory, now.getTime(), owners);
    await removeAbandonedTempFiles(backupsDirectory(paths), now.getTime());
    const backup = await copyIntoBackup(paths, 'daily', now);
    await prune(paths, keep);
    return backup;
  });
}

/**
 * Backs the library's files up now, as they are, whatever backups today has (before they become a synced folder's,
 * app/sync/migrate.ts, which holds the folder's lock meanwhile); it is kept and listed as a daily one.
 */
export function backUpNow(paths: LibraryPaths, now: Date): Promise<BackupInfo | null> {
  return copyIntoBackup(paths, 'daily', now);
}

/** A backup by its name (as `listBackups` gives it) or by its folder's path. */
async function findBackup(paths: LibraryPaths, nameOrPath: string): Promise<BackupInfo> {
  const wanted = path.basename(nameOrPath.replace(/[/\\]+$/, ''));
  const backup = (await listBackups(paths)).find((candidate) => candidate.name === wanted);
  if (backup === undefined) {
    throw new NotFoundError(
      `There is no backup "${nameOrPath}" of ${paths.catalogue}; "shelfmark backups" lists them.`,
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

/** Unpacks a backup into `folder` and reads it as a library would be read; throws if it cannot be. */
export async function unpackAndCheck(backup: BackupInfo, folder: string, paths: LibraryPaths): Promise<LibraryPaths> {
  const restored = await gunzipInto(backup, folder, paths);
  const check = openLegacyLibraryStore(restored.catalogue);
  try {
    await check.read();
  } finally {
    await check.close();
  }
  return restored;
}

/**
 * Replaces the library with a backup, after checking the backup reads cleanly and after backing up the
 * library as it is now (even if it cannot be read). Returns that safety backup.
 */
export async function restoreBackup(paths: LibraryPaths, nameOrPath: string, now: Date): Promise<BackupInfo | null> {
  const backup = await findBackup(paths, nameOrPath);
  const staging = path.join(
    paths.directory,
    `.${path.basename(paths.catalogue)}.restore-${randomBytes(6).toString('hex')}.tmp`,
  );
  await fsp.mkdir(staging).catch((error: unknown) => {
    throw isErrorCode(error, ...READ_ONLY_CODES) ? new LibraryReadOnlyError(paths.directory, error) : error;
  });
  try {
    let restored: LibraryPaths;
    try {
      restored = await unpackAndCheck(backup, staging, paths);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InvalidInputError(`The backup ${backup.name} cannot be read, so nothing was restored: ${reason}`);
    }
    return await withLock(paths, async () => {
      const safety = await copyIntoBackup(paths, 'before-restore', now);
      // The log first: a crash part-way then leaves the old catalogue with the backup's (older) states at worst,
      // never the backup's catalogue replayed with today's write-ahead log.
      const pairs = [
        [restored.writeAheadLog, paths.writeAheadLog],
        [restored.stateSnapshot, paths.stateSnapshot],
        [restored.catalogue, paths.catalogue],
      ] as const;
      for (const [from, to] of pairs) {
        if (await exists(from)) await fsp.rename(from, to);
        else await fsp.rm(to, { force: true });
      }
      await syncDirectory(paths.directory);
      return safety;
    });
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}
