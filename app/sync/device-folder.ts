/**
 * The device files of a library's folder (`devices/<id>/…`, core/sync/device-files.ts), read as core/sync reads
 * them: paths relative to the folder, `/`-separated, with their texts. A file a sync tool removes while they are
 * read is left out; it is read again, if it comes back, the next time.
 */

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { classifyPath } from '../../core/sync/device-files.js';
import type { FileText } from '../../core/sync/library-files.js';
import { isErrorCode } from '../store/errors.js';
import { readTextIfThere } from './read-text.js';

const DEVICES = 'devices';

/** The names in `directory`, and which are folders; none when it is gone. */
async function entries(directory: string): Promise<{ readonly name: string; readonly folder: boolean }[]> {
  try {
    const found = await readdir(directory, { withFileTypes: true });
    return found.map((entry) => ({ name: entry.name, folder: entry.isDirectory() }));
  } catch (error) {
    if (isErrorCode(error, 'ENOENT', 'ENOTDIR')) return [];
    throw error;
  }
}

/** The paths (relative, `/`-separated, sorted) of every file of `libraryDirectory`'s devices that core/sync reads. */
export async function deviceFolderPaths(libraryDirectory: string): Promise<string[]> {
  const paths: string[] = [];
  for (const device of await entries(join(libraryDirectory, DEVICES))) {
    if (!device.folder) continue;
    for (const entry of await entries(join(libraryDirectory, DEVICES, device.name))) {
      const path = `${DEVICES}/${device.name}/${entry.name}`;
      if (!entry.folder) paths.push(path);
      else
        for (const inner of await entries(join(libraryDirectory, path)))
          if (!inner.folder) paths.push(`${path}/${inner.name}`);
    }
  }
  return paths.filter((candidate) => classifyPath(candidate) !== null).sort();
}

/** Every file of `libraryDirectory`'s devices that core/sync reads (copies a sync tool left included). */
export async function readDeviceFolder(libraryDirectory: string): Promise<FileText[]> {
  const files: FileText[] = [];
  for (const path of await deviceFolderPaths(libraryDirectory)) {
    const text = await readTextIfThere(join(libraryDirectory, ...path.split('/')));
    if (text !== null) files.push({ path, text });
  }
  return files;
}
