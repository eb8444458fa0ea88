import { readdir } from 'node:fs/promises';

/** A library file exists but Shelfmark cannot use it. Nothing has been written to it, and nothing will be. */
export class LibraryFileError extends Error {
  override readonly name = 'LibraryFileError';
  readonly file: string;
  /** What is wrong, e.g. "it is not valid JSON (Unexpected end of JSON input)". */
  readonly problem: string;
  /** What the user can do about it. */
  readonly recovery: string;

  constructor(file: string, problem: string, recovery: string) {
    super(`Cannot read ${file}: ${problem}. ${recovery}`);
    this.file = file;
    this.problem = problem;
    this.recovery = recovery;
  }
}

const UNCHANGED = 'Shelfmark has not changed it.';

export function corruptFileError(file: string, problem: string): LibraryFileError {
  return new LibraryFileError(
    file,
    problem,
    `Restore a backup (in the app, or "shelfmark backups" then "shelfmark restore NAME"), or move the file aside to open the library without it; ${UNCHANGED}`,
  );
}

export function newerFileError(file: string, problem: string): LibraryFileError {
  return new LibraryFileError(
    file,
    problem,
    `Open the library with that version of Shelfmark, or restore an older copy from a backup; ${UNCHANGED}`,
  );
}

/** The names in `directory`, or none when there is no such directory. */
export async function namesIn(directory: string): Promise<string[]> {
  try {
    return await readdir(directory);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return [];
    throw error;
  }
}

export function isErrorCode(error: unknown, ...codes: readonly string[]): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && codes.includes(error.code);
}
