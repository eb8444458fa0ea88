/**
 * A second copy of a file this device wrote, made without writing its bytes again: a hard link where both folders
 * are on one file system (the usual case: app-data and the library both in the home folder), else a copy (a clone
 * where the file system can). Atomic and durable, as writeFileAtomically is.
 */

import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { syncDirectory } from '../store/atomic-write.js';
import { isErrorCode } from '../store/errors.js';

/** Puts a copy of `from` (written whole and durably, never changed) at `to`. */
export async function copyDurably(from: string, to: string): Promise<void> {
  const directory = dirname(to);
  const temp = join(directory, `.${basename(to)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    try {
      await link(from, temp);
    } catch (error) {
      if (!isErrorCode(error, 'EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK')) throw error;
      await copyFile(from, temp, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
      const handle = await open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    await rename(temp, to);
  } finally {
    // Renaming a link onto another link of the same file leaves both (POSIX): the temp name goes either way.
    await rm(temp, { force: true });
  }
  await syncDirectory(directory);
}
