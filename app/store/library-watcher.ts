/**
 * Follows a library's folder while an app has it open: another process of this computer (the command line), or a
 * sync tool bringing another computer's files, changes the library; the app is told within a few seconds.
 *
 * It watches the folder, not the files: a file replaced by a rename (every atomic write, every sync tool) is a new
 * inode that a watch on the old one would never see. Where watching is unreliable (network and FUSE folders, some
 * sync tools' virtual drives, a watch that fails), a poll of the files' stamps every couple of seconds catches what
 * the watch missed. Either only wakes up `changed`, debounced, which asks the store: the store tells this process's
 * own writes from others' (LibraryStore.follow), so only the others' reach `notify`. A synced folder's devices write
 * under `devices/<id>/`: that folder is watched whole where the platform watches a tree (macOS, Windows), else each
 * device's folder and its imports (a device folder that arrives is watched from then on), and polled as well.
 */

import { watch, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

import { DEVICES_FOLDER, IMPORTS_FOLDER } from '../../core/sync/device-files.js';
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
  return new Set(
    [paths.catalogue, paths.stateSnapshot, paths.writeAheadLog, DEVICES_FOLDER].map((file) => path.basename(file)),
  );
}

/** Where fs.watch follows a whole tree with one watch. */
const WATCHES_TREES = process.platform === 'darwin' || process.platform === 'win32';

/** A name in a device's folder whose change is news: not a temp file being written (ours, a sync tool's). */
function isDeviceFileName(name: string): boolean {
  return !name.startsWith('.') && !name.startsWith('~');
}

/** The names in `folder` that are folders, none when it is not there. */
async function foldersIn(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => path.join(folder, entry.name));
  } catch {
    return [];
  }
}

/** The files of every device's folder (not its imports, each written once: the folder's own stamp tells of one). */
async function deviceFiles(devices: string): Promise<string[]> {
  const files: string[] = [];
  for (const device of await foldersIn(devices)) {
    files.push(path.join(device, IMPORTS_FOLDER));
    try {
      for (const name of await readdir(device)) if (isDeviceFileName(name)) files.push(path.join(device, name));
    } catch {
      // Gone since it was listed: the next poll sees it so.
    }
  }
  return files.sort();
}

export function watchLibrary(paths: LibraryPaths, options: LibraryWatcherOptions): LibraryWatcher {
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const names = libraryFileNames(paths);
  const files = [paths.catalogue, paths.stateSnapshot, paths.writeAheadLog];
  const devices = path.join(paths.directory, DEVICES_FOLDER);
  let closed = false;
  let debounce: NodeJS.Timeout | undefined;
  let checking: Promise<void> | null = null;
  let again = false;
  let polled: ReadonlyMap<string, FileStamp | null> | null = null;
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
  /** The watches of `devices/` (the tree, or each folder in it) by folder. */
  const deviceWatchers = new Map<string, FSWatcher>();

  /** Watches `folder`, scheduling a check when `wanted` says a name that changed is news; false when it cannot. */
  const watchFolder = (
    folder: string,
    wanted: (name: string | null) => boolean,
    recursive = false,
  ): FSWatcher | null => {
    try {
      const started = watch(folder, { recursive }, (_event, name) => {
        // Some platforms do not say which file: then any may have changed.
        if (wanted(name)) schedule();
      });
      started.on('error', () => {
        // The folder went away or cannot be watched any more: the poll goes on, and watches again when it can.
        started.close();
        if (watcher === started) watcher = null;
        for (const [key, value] of deviceWatchers) if (value === started) deviceWatchers.delete(key);
      });
      return started;
    } catch {
      // No folder yet, or no watching here (too many watches, a file system without it): the poll does the work.
      return null;
    }
  };

  const startWatching = (): void => {
    watcher = watchFolder(paths.directory, (name) => {
      if (name === path.basename(devices)) void watchDevices();
      return name === null || names.has(name);
    });
  };
  startWatching();

  /** Watches `devices/` and what is in it, as it is now: every device folder that arrived, none that went. */
  const watchDevices = async (): Promise<void> => {
    const wanted = (name: string | null): boolean => name === null || isDeviceFileName(path.basename(name));
    if (WATCHES_TREES) {
      if (!closed && !deviceWatchers.has(devices)) {
        const started = watchFolder(devices, wanted, true);
        if (started !== null) deviceWatchers.set(devices, started);
      }
      return;
    }
    const folders = [devices];
    for (const device of await foldersIn(devices)) folders.push(device, path.join(device, IMPORTS_FOLDER));
    if (closed) return;
    for (const [folder, started] of deviceWatchers) {
      if (!folders.includes(folder)) {
        started.close();
        deviceWatchers.delete(folder);
      }
    }
    for (const folder of folders) {
      if (deviceWatchers.has(folder)) continue;
      // A new device's folder is watched as soon as `devices/` says it came, before anything is read from it.
      const started = watchFolder(folder, folder === devices ? (name) => (void watchDevices(), wanted(name)) : wanted);
      if (started !== null) deviceWatchers.set(folder, started);
    }
  };
  void watchDevices();

  const poll = async (): Promise<void> => {
    if (polling || closed) return;
    polling = true;
    try {
      // A folder made since (the library's first change) or back again is watched from now on.
      if (watcher === null) startWatching();
      await watchDevices();
      const watched = [...files, ...(await deviceFiles(devices))];
      const stamps = new Map(
        await Promise.all(watched.map(async (file) => [file, await stampOf(file).catch(() => null)] as const)),
      );
      const before = polled;
      const moved =
        before !== null &&
        (before.size !== stamps.size ||
          [...stamps].some(([file, stamp]) => !before.has(file) || !sameStamp(stamp, before.get(file) ?? null)));
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
      for (const started of deviceWatchers.values()) started.close();
      deviceWatchers.clear();
      await checking;
    },
  };
}
