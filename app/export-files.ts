/** Writing an export to disk: never over something that exists unless asked, never half-written. */

import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InvalidInputError } from '../core/errors.js';
import type { ExportedFile } from '../core/export/markdown.js';
import { syncDirectory, writeFileAtomically } from './store/atomic-write.js';

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function refuseToOverwrite(path: string, force: boolean): Promise<void> {
  if (!force && (await exists(path))) {
    throw new InvalidInputError(`${path} already exists; choose another name, or replace it with --force.`);
  }
}

export async function writeExportFile(path: string, content: string, force: boolean): Promise<void> {
  await refuseToOverwrite(path, force);
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomically(path, content);
}

/**
 * Writes every file into a temporary folder beside `path`, then renames it into place, so the folder appears
 * whole or not at all. With `force`, an existing folder is swapped out and removed only once the new one is in.
 */
export async function writeExportFolder(path: string, files: readonly ExportedFile[], force: boolean): Promise<void> {
  await refuseToOverwrite(path, force);
  const parent = dirname(path);
  await mkdir(parent, { recursive: true });
  const suffix = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const staging = join(parent, `.${basename(path)}.${suffix}.tmp`);
  const previous = join(parent, `.${basename(path)}.${suffix}.old`);
  await mkdir(staging);
  let replaced = false;
  try {
    for (const file of files) await writeFileAtomically(join(staging, file.name), file.content);
    if (await exists(path)) {
      await rename(path, previous);
      replaced = true;
    }
    await rename(staging, path);
    await syncDirectory(parent);
  } catch (error) {
    if (replaced && !(await exists(path))) await rename(previous, path).catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (replaced) await rm(previous, { recursive: true, force: true });
}
