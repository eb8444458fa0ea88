import { open, readFile, type FileHandle } from 'node:fs/promises';

import { isErrorCode } from '../store/errors.js';

/** The file's text, or null when it is not there (a sync tool may take a file away at any moment). */
export async function readTextIfThere(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT', 'EISDIR')) return null;
    throw error;
  }
}

/** The file open for reading, or null when it is not there (gone, or a folder in its place). */
export async function openIfThere(file: string): Promise<FileHandle | null> {
  try {
    return await open(file, 'r');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT', 'EISDIR')) return null;
    throw error;
  }
}
