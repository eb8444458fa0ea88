import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';

import { isErrorCode, namesIn } from './errors.js';
import type { ReadableFile as ReadableFileBytes } from './json-pieces.js';

/** The part of an open file a durable write uses. */
interface WritableFile {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The part of a file open for reading that reading one in pieces uses (json-pieces.ts). */
interface ReadableFile extends ReadableFileBytes {
  close(): Promise<void>;
}

/** The file operations durable writes use: node:fs/promises, or a stand-in that fails on cue in tests. */
export interface DurableFs {
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  openForReading(file: string): Promise<ReadableFile>;
  open(file: string, flags: string): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { readonly force: boolean }): Promise<void>;
}

export const nodeFs: DurableFs = {
  readFile: (file, encoding) => fsp.readFile(file, encoding),
  openForReading: (file) => fsp.open(file, 'r'),
  open: (file, flags) => fsp.open(file, flags),
  rename: (from, to) => fsp.rename(from, to),
  rm: (file, options) => fsp.rm(file, options),
};

export interface AtomicWriteOptions {
  readonly fs?: DurableFs;
  /** False for data that can be made again: the write is still all or nothing, but it does not wait for the disk. */
  readonly durable?: boolean;
}

/**
 * What is written: text or bytes, or text or UTF-8 bytes in pieces (written one after the other, so the whole is
 * never one string nor one buffer). A piece is written while the next is made: its maker may fill its buffer again
 * once the piece after the next is asked for, not before.
 */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>;

/**
 * Replaces `file` with `data` so that a crash leaves either the old or the new content, never a mix,
 * and once this resolves the new content survives a power cut. A failed write leaves no temp file.
 */
export async function writeFileAtomically(
  file: string,
  data: FileContent,
  { fs = nodeFs, durable = true }: AtomicWriteOptions = {},
): Promise<void> {
  await viaTempFile(file, data, fs, durable, (temp) => fs.rename(temp, file));
}

/**
 * Writes `file` as writeFileAtomically does, but only when nothing is at that name: when something is, even if it
 * appeared a moment before, this fails with EEXIST and leaves it as it is. A hard link puts the file in place
 * without replacing anything; where the disk has no hard links (FAT), a check just before the rename does.
 */
export async function writeNewFileAtomically(file: string, data: string): Promise<void> {
  await viaTempFile(file, data, nodeFs, true, async (temp) => {
    try {
      await fsp.link(temp, file);
    } catch (error) {
      if (!isErrorCode(error, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK')) throw error;
      if (await pathExists(file))
        throw Object.assign(new Error(`EEXIST: file already exists, ${file}`), { code: 'EEXIST' });
      await fsp.rename(temp, file);
      return;
    }
    await fsp.rm(temp, { force: true });
  });
}

/** Whether anything is at `file`: a file, a folder, or a link (even one to nothing). */
export async function pathExists(file: string): Promise<boolean> {
  try {
    await fsp.lstat(file);
    return true;
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return false;
    throw error;
  }
}

/** Writes `data` to a temp file beside `file`, then has `place` put it in place; no temp file is left behind. */
async function viaTempFile(
  file: string,
  data: FileContent,
  fs: DurableFs,
  durable: boolean,
  place: (temp: string) => Promise<void>,
): Promise<void> {
  const directory = path.dirname(file);
  const temp = path.join(directory, `.${path.basename(file)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      // Each writeFile writes on from where the last one ended.
      if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
      else await writeInTurn(handle, data);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await place(temp);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  if (durable) await syncDirectory(directory, fs);
}

/**
 * Writes the pieces in order, each while the next is made (the disk's time and the making's overlap, rather than
 * adding up); only one write is ever waiting.
 */
async function writeInTurn(handle: WritableFile, pieces: Iterable<string | Uint8Array>): Promise<void> {
  let writing: Promise<void> | null = null;
  try {
    for (const piece of pieces) {
      await writing;
      writing = handle.writeFile(piece);
    }
  } catch (error) {
    // A piece that failed to be made: the write in progress ends before the file is closed and removed.
    await writing?.catch(() => undefined);
    throw error;
  }
  await writing;
}

/** Makes a rename or a new file in `directory` durable. */
export async function syncDirectory(directory: string, fs: DurableFs = nodeFs): Promise<void> {
  let handle: WritableFile;
  try {
    handle = await fs.open(directory, 'r');
  } catch (error) {
    if (isUnsupportedDirectorySync(error)) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!isUnsupportedDirectorySync(error)) throw error;
  } finally {
    await handle.close();
  }
}

// Windows cannot open a directory, and some file systems refuse to fsync one; there the rename is as durable as it gets.
function isUnsupportedDirectorySync(error: unknown): boolean {
  return isErrorCode(error, 'EISDIR', 'EPERM', 'EINVAL');
}

/** Temp files and folders older than this are left over from a process that died mid-write. */
export const ABANDONED_AFTER_MS = 10 * 60 * 1000;

/**
 * Removes the temp files and folders (".name.….tmp") that a process killed mid-write left in `directory`. Only old
 * ones: a live write never takes ten minutes, so nothing in progress is touched. In a folder Shelfmark shares with
 * other files (a library can live in Documents), `of` names the files whose temp files (".NAME.….tmp") may go.
 */
export async function removeAbandonedTempFiles(
  directory: string,
  now = Date.now(),
  of?: readonly string[],
): Promise<string[]> {
  return removeOldEntries(
    directory,
    now,
    (name) =>
      name.startsWith('.') &&
      name.endsWith('.tmp') &&
      (of === undefined || of.some((owner) => name.startsWith(`.${owner}.`))),
  );
}

/** A temp file of a write made here (".NAME.PID-RANDOM.tmp"). */
const WRITE_TEMP_FILE = /^\.(.+)\.\d+-[0-9a-f]{12}\.tmp$/;

/** The name of the file a temp file of a write made here was to become; undefined for any other name. */
export function writeTempTarget(name: string): string | undefined {
  return WRITE_TEMP_FILE.exec(name)?.[1];
}

async function removeOldEntries(
  directory: string,
  now: number,
  abandoned: (name: string) => boolean,
): Promise<string[]> {
  const names = await namesIn(directory);
  const removed: string[] = [];
  for (const name of names) {
    if (abandoned(name) && (await removeIfAbandoned(path.join(directory, name), now))) removed.push(name);
  }
  return removed;
}

/** Removes a temp file or folder left by a write that died: only an old one, none in progress. */
export async function removeIfAbandoned(file: string, now = Date.now()): Promise<boolean> {
  try {
    const stats = await fsp.lstat(file);
    if (now - stats.mtimeMs < ABANDONED_AFTER_MS) return false;
    await fsp.rm(file, { recursive: true, force: true });
    return true;
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return false;
    throw error;
  }
}
