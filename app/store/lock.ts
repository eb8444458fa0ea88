import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

import { lock } from 'proper-lockfile';

import { writeFileAtomically } from './atomic-write.js';
import { isErrorCode, LibraryReadOnlyError, READ_ONLY_CODES } from './errors.js';
import type { LibraryPaths } from './library-paths.js';
import { lockIdentity, OWNER_RECORD, ownerState, thisProcess, type OwnerRecord } from './lock-owner.js';

/*
 * The lock is proper-lockfile's directory beside the catalogue (library.json.lock), as every Shelfmark before
 * took it, so that they and this one keep out of each other's way; beside it, `library.json.lock-owner.json` says
 * who holds it (lock-owner.ts). A lock whose holder is known to be gone, or that another computer took (a sync
 * tool carried it here), is taken over at once. One with no owner said (an older Shelfmark's, or one being taken
 * or let go this very moment) is taken over by its age alone: reading a 150 MB catalogue or writing one blocks the
 * event loop for a second or two, and with it the timer that keeps the lock fresh, so `stale` is well above that.
 */
const STALE_MS = 10_000;
const REFRESH_MS = 2_000;
/** How long a waiter waits for a holder that is alive before it gives up. */
const WAIT_MS = 60_000;
const FIRST_RETRY_MS = 2;
const LAST_RETRY_MS = 150;

/** Where the lock's holder is said: beside the lock directory, which an older Shelfmark removes with rmdir. */
export function lockOwnerFile(paths: LibraryPaths): string {
  return `${paths.lock}-owner.json`;
}

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
  return (await readOnlyError(paths))?.reason ?? null;
}

/** What a change meets where the library's folder cannot be written; null when it can (or does not exist yet). */
export async function readOnlyError(paths: LibraryPaths): Promise<LibraryReadOnlyError | null> {
  try {
    await access(paths.directory, constants.W_OK);
    return null;
  } catch (error) {
    return isErrorCode(error, ...READ_ONLY_CODES) ? new LibraryReadOnlyError(paths.directory, error) : null;
  }
}

async function acquireLock(paths: LibraryPaths): Promise<HeldLock> {
  const lost: Error[] = [];
  try {
    // proper-lockfile retries every failure for as long as it would wait for a held lock: find out at once instead.
    await access(paths.directory, constants.W_OK);
    const deadline = performance.now() + WAIT_MS;
    for (let wait = FIRST_RETRY_MS; ; wait = Math.min(wait * 1.2, LAST_RETRY_MS)) {
      const release = await tryLock(paths, lost);
      if (release !== null) return { release, lost };
      if (await takeOverAbandoned(paths)) continue;
      if (performance.now() > deadline) {
        throw new Error(`Another Shelfmark process has held ${paths.lock} for too long; try again.`);
      }
      await sleep(wait * (0.5 + Math.random()));
    }
  } catch (error) {
    if (isErrorCode(error, ...READ_ONLY_CODES)) throw new LibraryReadOnlyError(paths.directory, error);
    throw error;
  }
}

/** Takes the lock and says who holds it; null when another holds it. */
async function tryLock(paths: LibraryPaths, lost: Error[]): Promise<(() => Promise<void>) | null> {
  let release: () => Promise<void>;
  try {
    // Named by the lock itself, not the catalogue: proper-lockfile keeps one lock per name in a process, and the
    // migration holds the folder's lock while the synced store takes its own in app-data, both of one catalogue.
    release = await lock(paths.lock, {
      realpath: false,
      lockfilePath: paths.lock,
      stale: STALE_MS,
      update: REFRESH_MS,
      retries: 0,
      onCompromised: (error) => lost.push(error),
    });
  } catch (error) {
    if (isErrorCode(error, 'ELOCKED')) return null;
    throw error;
  }
  const owner = lockOwnerFile(paths);
  try {
    const record: OwnerRecord = { ...(await thisProcess()), lock: lockIdentity(await stat(paths.lock)) };
    await writeFileAtomically(owner, JSON.stringify(record), { durable: false });
  } catch {
    // A full disk, say: the lock holds all the same, and is taken over by its age alone should this process die.
  }
  return async () => {
    await rm(owner, { force: true });
    await release();
  };
}

/**
 * Removes the lock when its holder is known to be gone, or is on another computer; true when the lock may be tried
 * again at once (it was removed, or it went meanwhile). Of several processes that find the same abandoned lock, one
 * takes it over: each first claims the owner's record by renaming it to a name of its own, which only one can.
 */
async function takeOverAbandoned(paths: LibraryPaths): Promise<boolean> {
  let lockDirectory: string;
  try {
    lockDirectory = lockIdentity(await stat(paths.lock));
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return true;
    throw error;
  }
  const owner = lockOwnerFile(paths);
  const text = await readFile(owner, 'utf8').catch(() => null);
  const record = text === null ? null : parseOwner(text);
  // No owner said, or not of this lock: an older Shelfmark's, or one being taken or let go now. Its age decides.
  if (record?.lock !== lockDirectory) return false;
  if ((await ownerState(record, await thisProcess())) === 'alive') return false;
  const claimed = `${owner}.${randomBytes(6).toString('hex')}.claim`;
  try {
    await rename(owner, claimed);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return true;
    throw error;
  }
  if ((await readFile(claimed, 'utf8').catch(() => null)) !== text) {
    // Another took the lock over first, and this is its new holder's: put it back.
    await rename(claimed, owner).catch(() => undefined);
    return false;
  }
  try {
    await rmdir(paths.lock);
    return true;
  } catch (error) {
    // Gone already; or not removable (something was put inside it): then its age decides, as for an older lock.
    return isErrorCode(error, 'ENOENT');
  } finally {
    await rm(claimed, { force: true });
  }
}

function parseOwner(text: string): OwnerRecord | null {
  try {
    const parsed = OWNER_RECORD.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
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
