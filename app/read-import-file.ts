/**
 * Reading a file the user asked to import, wherever they ask (the command line, the desktop app's dialog): only a
 * regular file, and at most the size limit, however large the file says it is or grows while it is read. A named
 * pipe would wait for a writer forever and a device (a link to `/dev/zero`) never ends: both are refused.
 */

import { constants, fstatSync, readSync, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { MAX_DIGEST_BYTES } from '../core/import/decode.js';
import type { WantedBytes } from '../core/import/wanted-bytes.js';

/** Why a file was not read. */
export type UnreadFile =
  | { readonly problem: 'missing' }
  | { readonly problem: 'permission' }
  | { readonly problem: 'folder' }
  /** A named pipe, a device, a socket: what it is, in words. */
  | { readonly problem: 'not-regular'; readonly what: string }
  /** `size`: what the file says, or null when it grew past the limit while it was read. */
  | { readonly problem: 'too-large'; readonly size: number | null; readonly limit: number }
  | { readonly problem: 'failed'; readonly message: string };

/**
 * Opening does not wait for a named pipe's writer, nor makes a terminal the process's own. (Windows has neither
 * flag, nor named pipes in its file system.)
 */
const OPEN_FLAGS = ((flags: Partial<typeof constants>) =>
  constants.O_RDONLY | (flags.O_NONBLOCK ?? 0) | (flags.O_NOCTTY ?? 0))(constants);

/** How much is read at first when the file says it is empty (as files of /proc do): it may still hold text. */
const FIRST_READ = 64 * 1024;

/**
 * The file's bytes, or why they were not read. The path is looked at before it is opened (opening some devices
 * does something), and what was opened is looked at again, as it may not be what was looked at before.
 */
export async function readImportFile(path: string, limit: number = MAX_DIGEST_BYTES): Promise<Uint8Array | UnreadFile> {
  return withImportFile(path, limit, async (handle, info) => {
    const read = await readAtMost(handle, limit, info.size, null);
    return isUnreadFile(read) ? read : read.bytes;
  });
}

/**
 * Reads the files of an import one after the other into one buffer, so that reading each file twice, and a BibTeX
 * file a window at a time, as an import of many large files does, does not leave a large buffer behind for every
 * read until the garbage collector gets to it: the bytes a read gives are valid only until the next read.
 */
export class ImportFileReader {
  #buffer: Buffer | null = null;
  /**
   * The file a piece was read of last, kept open for the next: a large BibTeX file is read a window at a time, and
   * each window read on its own (look, open, look again, read, close) left the import waiting on the disk for each.
   */
  #kept: { readonly path: string; readonly handle: FileHandle } | null = null;

  /**
   * As readImportFile, with the file's stats as it was read: what tells that it changed since an earlier read.
   * `wanted`: the piece of it to read (fewer bytes at its end), else all of it; either way within `limit`.
   */
  async read(
    path: string,
    limit: number = MAX_DIGEST_BYTES,
    wanted: WantedBytes = { from: 0, length: null },
  ): Promise<{ readonly bytes: Uint8Array; readonly stats: Stats } | UnreadFile> {
    if (wanted.length === null) {
      await this.close();
      return withImportFile(path, limit, async (handle, stats) => {
        const read = await readAtMost(handle, limit, stats.size, this.#buffer);
        if (isUnreadFile(read)) return read;
        this.#buffer = read.buffer;
        return { bytes: read.bytes, stats };
      });
    }
    const kept = this.#kept?.path === path ? this.#kept : await this.#open(path, limit);
    if (isUnreadFile(kept)) return kept;
    try {
      // At once, not through the thread pool: a piece is a window of a file the system has just read, or reads ahead.
      const stats = fstatSync(kept.handle.fd);
      const refused = refusal(stats, limit);
      if (refused !== null) return refused;
      const read = readPiece(kept.handle.fd, limit, wanted.from, wanted.length, this.#buffer);
      if (isUnreadFile(read)) return read;
      this.#buffer = read.buffer;
      return { bytes: read.bytes, stats };
    } catch (error) {
      await this.close();
      return unreadFile(error);
    }
  }

  /** Closes the file kept open, if any. */
  async close(): Promise<void> {
    const kept = this.#kept;
    this.#kept = null;
    await kept?.handle.close();
  }

  /** Opens `path` to keep it open, as withImportFile opens a file: when the path is a regular file within `limit`. */
  async #open(
    path: string,
    limit: number,
  ): Promise<{ readonly path: string; readonly handle: FileHandle } | UnreadFile> {
    await this.close();
    try {
      const refused = refusal(await stat(path), limit);
      if (refused !== null) return refused;
      this.#kept = { path, handle: await open(path, OPEN_FLAGS) };
      return this.#kept;
    } catch (error) {
      return unreadFile(error);
    }
  }
}

/** Whether the file would be read, and its stats; the file is opened (so that permissions are tried) but not read. */
export async function checkImportFile(path: string, limit: number = MAX_DIGEST_BYTES): Promise<Stats | UnreadFile> {
  return withImportFile(path, limit, (_handle, stats) => Promise.resolve(stats));
}

/** Calls `use` with the file open, when it is a regular file within `limit`; else says why not. */
async function withImportFile<T>(
  path: string,
  limit: number,
  use: (handle: FileHandle, stats: Stats) => Promise<T | UnreadFile>,
): Promise<T | UnreadFile> {
  let handle: FileHandle;
  try {
    const refused = refusal(await stat(path), limit);
    if (refused !== null) return refused;
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    return unreadFile(error);
  }
  try {
    const info = await handle.stat();
    return refusal(info, limit) ?? (await use(handle, info));
  } catch (error) {
    return unreadFile(error);
  } finally {
    await handle.close();
  }
}

function refusal(info: Stats, limit: number): UnreadFile | null {
  if (info.isDirectory()) return { problem: 'folder' };
  if (!info.isFile()) return { problem: 'not-regular', what: kindOf(info) };
  if (info.size > limit) return { problem: 'too-large', size: info.size, limit };
  return null;
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The file's bytes, read until its end, or too-large as soon as there are more than `limit`; with the buffer they are
 * in, which is `reuse` when it is large enough.
 */
async function readAtMost(
  handle: FileHandle,
  limit: number,
  expected: number,
  reuse: Buffer | null,
): Promise<{ readonly bytes: Uint8Array; readonly buffer: Buffer } | UnreadFile> {
  // One byte more than expected: a file that grew is noticed without a second buffer when it is small.
  const wanted = Math.min(limit + 1, expected > 0 ? expected + 1 : FIRST_READ);
  let buffer = reuse !== null && reuse.length >= wanted ? reuse : Buffer.allocUnsafe(wanted);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      const larger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) return { bytes: buffer.subarray(0, length), buffer };
    length += bytesRead;
    if (length > limit) return { problem: 'too-large', size: null, limit };
  }
}

/**
 * `length` bytes of the file from `from` on, fewer at its end, or too-large when they run past `limit`; with the
 * buffer they are in, which is `reuse` when it is large enough.
 */
function readPiece(
  fd: number,
  limit: number,
  from: number,
  length: number,
  reuse: Buffer | null,
): { readonly bytes: Uint8Array; readonly buffer: Buffer } | UnreadFile {
  // One byte past the limit at most: enough to tell that the file grew past it.
  const wanted = Math.max(0, Math.min(length, limit + 1 - from));
  const buffer = reuse !== null && reuse.length >= wanted ? reuse : Buffer.allocUnsafe(wanted);
  let read = 0;
  while (read < wanted) {
    const bytesRead = readSync(fd, buffer, read, wanted - read, from + read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  if (from + read > limit) return { problem: 'too-large', size: null, limit };
  return { bytes: buffer.subarray(0, read), buffer };
}

function unreadFile(error: unknown): UnreadFile {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { problem: 'missing' };
  if (code === 'EACCES' || code === 'EPERM') return { problem: 'permission' };
  if (code === 'EISDIR') return { problem: 'folder' };
  // Opening a socket, or a device without its driver.
  if (code === 'ENXIO' || code === 'ENODEV') return { problem: 'not-regular', what: 'not a regular file' };
  return { problem: 'failed', message: error instanceof Error ? error.message : String(error) };
}

const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** The reason a file was not read, in the words both front ends use for it. */
export function unreadReason(file: UnreadFile): string {
  switch (file.problem) {
    case 'missing':
      return 'no such file';
    case 'permission':
      return 'permission denied';
    case 'folder':
      return 'it is a folder, not a file';
    case 'not-regular':
      return `it is ${file.what.startsWith('not ') ? file.what : `${file.what}, not a regular file`}; Shelfmark imports only regular files`;
    case 'too-large':
      return file.size === null
        ? `the file is too large (it grew past the limit of ${megabytes(file.limit)} MB while it was read)`
        : `the file is too large (${megabytes(file.size)} MB; the limit is ${megabytes(file.limit)} MB)`;
    case 'failed':
      return `it could not be read (${file.message})`;
  }
}

export function isUnreadFile(read: object): read is UnreadFile {
  return !(read instanceof Uint8Array) && 'problem' in read;
}
