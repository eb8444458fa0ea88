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

/**
 * The library's folder cannot be written: a read-only mount, a synced folder without write access. The library can
 * still be read, searched and exported; nothing was changed.
 */
export class LibraryReadOnlyError extends Error {
  override readonly name = 'LibraryReadOnlyError';
  /** "/media/backup/papers cannot be written (it is on a read-only file system)" */
  readonly reason: string;
  constructor(
    readonly directory: string,
    cause: unknown,
  ) {
    const why = isErrorCode(cause, 'EROFS') ? 'it is on a read-only file system' : 'Shelfmark may not write there';
    const reason = `${directory} cannot be written (${why})`;
    super(`The library is read-only: ${reason}. It can be read, searched and exported; nothing was changed.`, {
      cause,
    });
    this.reason = reason;
  }
}

/** The codes whose meaning is "this folder cannot be written", for a lock or a new file in it. */
export const READ_ONLY_CODES = ['EROFS', 'EACCES', 'EPERM'] as const;

/** A file-system failure, said in words with the path it concerns and what to do. Nothing was changed. */
export class FileSystemError extends Error {
  override readonly name = 'FileSystemError';
  constructor(message: string, cause: unknown) {
    super(message, { cause });
  }
}

const FILE_SYSTEM_PROBLEMS: Readonly<Record<string, (file: string) => string>> = {
  ENOSPC: (file) => `No space left on the disk holding ${file}: nothing was changed. Free some space, then try again.`,
  EDQUOT: (file) =>
    `The disk quota is used up on the disk holding ${file}: nothing was changed. Free some space, then try again.`,
  EROFS: (file) => `${file} is on a read-only file system: nothing was changed. Choose a place that can be written.`,
  EACCES: (file) =>
    `Shelfmark may not use ${file} (permission denied): nothing was changed. Check the file's permissions.`,
  EPERM: (file) =>
    `Shelfmark may not use ${file} (operation not permitted): nothing was changed. Check the file's permissions.`,
  ENOENT: (file) => `There is no file or folder ${file}. Check the name and the folder.`,
  ENOTDIR: (file) => `A part of ${file} is a file, not a folder: nothing was changed. Choose another location.`,
  EISDIR: (file) => `${file} is a folder, not a file: nothing was changed. Choose a file.`,
  EEXIST: (file) => `${file} already exists: nothing was changed. Choose another name.`,
  EBUSY: (file) =>
    `${file} is busy (another program is using it): nothing was changed. Close that program, then try again.`,
  EMFILE: (file) => `Too many files are open to use ${file}: nothing was changed. Close some programs, then try again.`,
  ENFILE: (file) => `Too many files are open to use ${file}: nothing was changed. Close some programs, then try again.`,
  ENAMETOOLONG: (file) =>
    `The name ${file} is too long for the file system: nothing was changed. Choose a shorter one.`,
  ELOOP: (file) => `${file} leads through too many symbolic links: nothing was changed. Check where its links lead.`,
  EIO: (file) => `The disk holding ${file} reported an input/output error: nothing was changed. Check the disk.`,
};

/** The code of a file-system error Shelfmark can put in words, or null. */
function knownCode(error: unknown): string | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return null;
  return Object.hasOwn(FILE_SYSTEM_PROBLEMS, error.code) ? error.code : null;
}

function inWords(error: unknown, code: string, file: string): FileSystemError | null {
  const problem = FILE_SYSTEM_PROBLEMS[code];
  return problem === undefined ? null : new FileSystemError(problem(file), error);
}

/**
 * `error` in words when it is a file-system error Shelfmark knows (ENOSPC, ENOTDIR, EBUSY, …); else null.
 * `where` names the place when the error does not carry its path (a write through an open file).
 */
export function fileSystemError(error: unknown, where = 'a file of the library'): FileSystemError | null {
  if (error instanceof FileSystemError) return error;
  const code = knownCode(error);
  if (code === null) return null;
  const file = error instanceof Error && 'path' in error && typeof error.path === 'string' ? error.path : where;
  return inWords(error, code, file);
}

/**
 * `error` in words, naming `file`, a file or folder the user named (a note to read, an export to write), whatever
 * path the error carries: the temp file written beside it is none of the user's business.
 */
export function userFileError(error: unknown, file: string): FileSystemError | null {
  if (error instanceof FileSystemError) return error;
  const code = knownCode(error);
  return code === null ? null : inWords(error, code, file);
}

export function isErrorCode(error: unknown, ...codes: readonly string[]): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && codes.includes(error.code);
}
