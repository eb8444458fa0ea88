/**
 * How a device writes its own files in a library's folder: a change appended to its log and fdatasynced before it
 * is acknowledged; a document (an import, a snapshot) whole, atomically and durably.
 */

import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { stampOfStats, type FileStamp } from '../store/file-stamp.js';
import { syncDirectory, writeFileAtomically, type AtomicWriteOptions } from '../store/atomic-write.js';
import { isErrorCode } from '../store/errors.js';

/** `relative` (`/`-separated) inside the library's folder. */
export function inFolder(directory: string, relative: string): string {
  return join(directory, ...relative.split('/'));
}

/** Appends `line` to the log at `file` and waits for the disk; gives the log's stamp after. */
export async function appendDurably(file: string, line: string): Promise<FileStamp> {
  await mkdir(dirname(file), { recursive: true });
  const handle = await open(file, 'a');
  let stamp: FileStamp;
  try {
    const before = await handle.stat();
    await writeWhole(handle, Buffer.from(line, 'utf8'), before.size);
    await handle.datasync();
    stamp = stampOfStats(await handle.stat());
    // A log begun here is not there after a power cut until its folder is synced too.
    if (before.size === 0) await syncDirectory(dirname(file));
  } finally {
    await handle.close();
  }
  return stamp;
}

/**
 * Writes all of `bytes` (a write may write part: a disk filling up), or none: what a failure left is cut off again
 * at `start`, the log's length before, so that no half line stays behind.
 */
async function writeWhole(handle: FileHandle, bytes: Buffer, start: number): Promise<void> {
  try {
    for (let done = 0; done < bytes.length;) done += (await handle.write(bytes, done)).bytesWritten;
  } catch (error) {
    await handle.truncate(start).catch(() => undefined);
    throw error;
  }
}

/** Writes the document whole, atomically and durably, making its folder if need be. */
export async function writeDocument(file: string, text: string, options?: AtomicWriteOptions): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomically(file, text, options);
}

/** Whether the file is missing, empty, or ends with a newline: what is appended next begins a line of its own. */
export async function endsWithWholeLine(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return true;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    await handle.close();
  }
}
