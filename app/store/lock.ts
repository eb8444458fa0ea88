import { lock } from 'proper-lockfile';

import { isErrorCode } from './errors.js';
import type { LibraryPaths } from './library-paths.js';

/*
 * Reading a 150 MB catalogue or writing one blocks the event loop for a second or two, and with it the timer
 * that keeps the lock fresh: `stale` must be well above that, or another process would take the lock over.
 * A crashed holder's lock is taken over after `stale`, so a waiter keeps trying for longer than that.
 */
const STALE_MS = 10_000;
const REFRESH_MS = 2_000;
const RETRIES = { retries: 400, factor: 1.2, minTimeout: 2, maxTimeout: 150, randomize: true } as const;

/** Runs `work` while holding the library's lock: no other process reads, changes or writes it meanwhile. */
export async function withLock<T>(paths: LibraryPaths, work: () => Promise<T>): Promise<T> {
  const lost: Error[] = [];
  let release: () => Promise<void>;
  try {
    release = await lock(paths.catalogue, {
      realpath: false,
      lockfilePath: paths.lock,
      stale: STALE_MS,
      update: REFRESH_MS,
      retries: RETRIES,
      onCompromised: (error) => lost.push(error),
    });
  } catch (error) {
    if (!isErrorCode(error, 'ELOCKED')) throw error;
    throw new Error(`Another Shelfmark process has held ${paths.lock} for too long; try again.`, { cause: error });
  }
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
