import { readFile } from 'node:fs/promises';

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
