/**
 * Follows a library's folder while an app has it open: another process of this computer (the command line), or a
 * sync tool bringing another computer's files, changes the library; the app is told within a few seconds.
 *
 * It watches the folder, not the files: a file replaced by a rename (every atomic write, every sync tool) is a new
 * inode that a watch on the old one would never see. Where watching is unreliable (network and FUSE folders, some
 * sync tools' virtual drives, a watch that fails), a poll of the files' stamps every couple of seconds catches what
 * the watch missed. Either only wakes up `changed`, debounced, which asks the store: the store tells this process's
 * own writes from others' (LibraryStore.follow), so only the others' reach `notify`.
 */

import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

import { sameStamp, stampOf, type FileStamp } from './file-stamp.js';
import type { LibraryPaths } from './library-paths.js';

export interface LibraryWatcherOptions {
  /** Reads what changed on disk; true when another process changed the library (LibraryStore.follow). */
  readonly changed: () => Promise<boolean>;
  /** Another process changed the library: called once per burst of changes. */
  readonly notify: () => void;
  /** A check that failed (an unreadable file, say): the next change tries again. */
  readonly onError?: (error: unknown) => void;
  /** How long the folder must be quiet before the check: a sync tool writes several files in a row. */
  readonly debounceMs?: number;
  /** How often the files' stamps are compared, for what the watch misses. */
  readonly pollMs?: number;
}

export interface LibraryWatcher {
  /** Stops watching and polling; resolves once a check in progress is over. Nothing is notified after it. */
  close(): Promise<void>;
}

const DEBOUNCE_MS = 250;
const POLL_MS = 2_000;

/** The files whose change is the library's: not the lock, the derived caches, or temp files being written. */
function libraryFileNames(paths: LibraryPaths): ReadonlySet<string> {
  return new Set([paths.catalogue, paths.stateSnapshot, paths.writeAheadLog].map((file) => path.basename(file)));
}

export function watchLibrary(paths: LibraryPaths, options: LibraryWatcherOptions): LibraryWatcher {
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const names = libraryFileNames(paths);
  const files = [paths.catalogue, paths.stateSnapshot, paths.writeAheadLog];
  let closed = false;
  let debounce: NodeJS.Timeout | undefined;
  let checking: Promise<void> | null = null;
  let again = false;
  let polled: readonly (FileStamp | null)[] | null = null;
  let polling = false;

  const check = async (): Promise<void> => {
    try {
      if ((await options.changed()) && !closed) options.notify();
    } catch (error) {
      if (!closed) options.onError?.(error);
    }
  };

  const runCheck = (): void => {
    debounce = undefined;
    if (closed) return;
    if (checking !== null) {
      again = true;
      return;
    }
    checking = check().finally(() => {
      checking = null;
      if (again && !closed) {
        again = false;
        schedule();
      }
    });
  };

  const schedule = (): void => {
    if (closed) return;
    clearTimeout(debounce);
    debounce = setTimeout(runCheck, debounceMs);
  };

  let watcher: FSWatcher | null = null;
  const startWatching = (): void => {
    try {
      const started = watch(paths.directory, (_event, name) => {
        // Some platforms do not say which file: then any may have changed.
        if (name === null || names.has(name)) schedule();
      });
      started.on('error', () => {
        // The folder went away or cannot be watched any more: the poll goes on, and watches again when it can.
        started.close();
        if (watcher === started) watcher = null;
      });
      watcher = started;
    } catch {
      // No folder yet, or no watching here (too many watches, a file system without it): the poll does the work.
      watcher = null;
    }
  };
  startWatching();

  const poll = async (): Promise<void> => {
    if (polling || closed) return;
    polling = true;
    try {
      // A folder made since (the library's first change) or back again is watched from now on.
      if (watcher === null) startWatching();
      const stamps = await Promise.all(files.map((file) => stampOf(file).catch(() => null)));
      const moved = polled !== null && stamps.some((stamp, index) => !sameStamp(stamp, polled?.[index] ?? null));
      polled = stamps;
      if (moved) schedule();
    } finally {
      polling = false;
    }
  };
  void poll();
  // Not unref'd, nor is the watch: the process that follows a library is meant to stay, and a leak shows.
  const poller = setInterval(() => void poll(), options.pollMs ?? POLL_MS);

  return {
    async close() {
      closed = true;
      clearTimeout(debounce);
      clearInterval(poller);
      watcher?.close();
      watcher = null;
      await checking;
    },
  };
}
