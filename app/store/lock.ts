import { constants } from 'node:fs';
import { access } from 'node:fs/promises';

import { lock } from 'proper-lockfile';

import { isErrorCode, LibraryReadOnlyError, READ_ONLY_CODES } from './errors.js';
import type { LibraryPaths } from './library-paths.js';

/*
 * Reading a 150 MB catalogue or writing one blocks the event loop for a second or two, and with it the timer
 * that keeps the lock fresh: `stale` must be well above that, or another process would take the lock over.
 * A crashed holder's lock is taken over after `stale`, so a waiter keeps trying for longer than that.
 */
const STALE_MS = 10_000;
const REFRESH_MS = 2_000;
const RETRIES = { retries: 400, factor: 1.2, minTimeout: 2, maxTimeout: 150, randomize: true } as const;

/**
 * Runs `work` while holding the library's lock: no other process reads, changes or writes it meanwhile.
 * Throws LibraryReadOnlyError when the lock cannot be made because the library's folder cannot be written.
 */
export async function withLock<T>(paths: LibraryPaths, work: () => Promise<T>): Promise<T> {
  return underLock(paths, await acquireLock(paths), work);
}

/**
 * Runs `work` under the lock, or without it when the library's folder cannot be written: reading needs no lock file
 * there, and no process of this computer can change the library meanwhile.
 */
export async function withReadLock<T>(paths: LibraryPaths, work: () => Promise<T>): Promise<T> {
  let lock: HeldLock;
  try {
    lock = await acquireLock(paths);
  } catch (error) {
    if (error instanceof LibraryReadOnlyError) return work();
    throw error;
  }
  return underLock(paths, lock, work);
}

interface HeldLock {
  readonly release: () => Promise<void>;
  /** Why the lock was lost while held (its file was removed or went stale), in the order it happened. */
  readonly lost: readonly Error[];
}

/** Why the library's folder cannot be written, or null when it can (or does not exist yet). */
export async function readOnlyReason(paths: LibraryPaths): Promise<string | null> {
  try {
    await access(paths.directory, constants.W_OK);
    return null;
  } catch (error) {
    if (isErrorCode(error, ...READ_ONLY_CODES)) return new LibraryReadOnlyError(paths.directory, error).reason;
    return null;
  }
}

async function acquireLock(paths: LibraryPaths): Promise<HeldLock> {
  const lost: Error[] = [];
  try {
    // proper-lockfile retries every failure for as long as it would wait for a held lock: find out at once instead.
    await access(paths.directory, constants.W_OK);
    const release = await lock(paths.catalogue, {
      realpath: false,
      lockfilePath: paths.lock,
      stale: STALE_MS,
      update: REFRESH_MS,
      retries: RETRIES,
      onCompromised: (error) => lost.push(error),
    });
    return { release, lost };
  } catch (error) {
    if (isErrorCode(error, ...READ_ONLY_CODES)) throw new LibraryReadOnlyError(paths.directory, error);
    if (!isErrorCode(error, 'ELOCKED')) throw error;
    throw new Error(`Another Shelfmark process has held ${paths.lock} for too long; try again.`, { cause: error });
  }
}

async function underLock<T>(paths: LibraryPaths, { release, lost }: HeldLock, work: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await work();
  } finally {
    if (lost.length === 0) await release();
  }
  if (lost.length > 0) {
    throw new Error(
      `Lost the lock ${paths.lock} while changing the library (${lost[0]?.message}); another process may have changed it at the same time.`,
      { cause: lost[0] },
    );
  }
  return result;
}
