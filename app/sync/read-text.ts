import { open, readFile, type FileHandle } from 'node:fs/promises';

import { isErrorCode } from '../store/errors.js';

/** The file's text, or null when it is not there (a sync tool may take a file away at any moment). */
export function readTextIfThere(file: string): Promise<string | null> {
  return nullIfNotThere(() => readFile(file, 'utf8'));
}

/** The file open for reading, or null when it is not there (gone, or a folder in its place). */
export function openIfThere(file: string): Promise<FileHandle | null> {
  return nullIfNotThere(() => open(file, 'r'));
}

async function nullIfNotThere<T>(access: () => Promise<T>): Promise<T | null> {
  try {
    return await access();
  } catch (error) {
    if (isErrorCode(error, 'ENOENT', 'EISDIR')) return null;
    throw error;
  }
}
