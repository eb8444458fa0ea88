/** Browser mode as a benchmark runs it: a library written to disk, the built server in a process of its own. */

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { openLibraryStore } from '../app/sync/open-library-store.js';
import { REPO_ROOT } from '../tests/e2e/harness.js';
import type { SyntheticLibrary } from './generate.js';
import type { SyncedFolder } from './synced-library.js';

export async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** Chromium's renderer processes (one page open: that page's), by their command lines. */
export async function rendererPids(): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = await readFile(`/proc/${entry}/cmdline`, 'utf8');
      if (command.includes('--type=renderer') && !command.includes('--extension-process')) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** `work` with `library` stored in a new folder (its catalogue's path given), removed afterwards. */
export async function withLibraryOnDisk<T>(library: SyntheticLibrary, work: (db: string) => Promise<T>): Promise<T> {
  const directory = await mkdtemp(join(tmpdir(), 'shelfmark-bench-'));
  try {
    const db = join(directory, 'library.json');
    // The app-data folder browser mode finds by XDG_CONFIG_HOME (startServer): in the benchmark's folder.
    const store = await openLibraryStore(db, { appData: join(directory, 'config', 'Shelfmark') });
    await store.transact(() => ({ catalogue: library.catalogue, states: library.states, result: null }));
    await store.close();
    return await work(db);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * The built browser-mode server (`dist/`, or the build `SHELFMARK_BENCH_DIST` names, to compare two builds); over a
 * synced library of the fixture's, with its app-data folder (XDG_CONFIG_HOME).
 */
export function startServer(
  db: string,
  synced?: SyncedFolder,
): Promise<{ readonly child: ChildProcess; readonly url: string }> {
  const dist = process.env['SHELFMARK_BENCH_DIST'] ?? join(REPO_ROOT, 'dist');
  // A synced library is opened as any library is, with the fixture's app-data folder (its device the one measuring).
  const configHome = synced === undefined ? join(dirname(db), 'config') : synced.configHome;
  const env = { ...process.env, XDG_CONFIG_HOME: configHome };
  const child = spawn(process.execPath, [join(dist, 'app', 'web.js'), '--db', db, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'ignore'],
    env,
  });
  const { stdout } = child;
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code ?? 'a signal'}`)));
    createInterface({ input: stdout }).once('line', (url) => resolve({ child, url }));
  });
}

export function stopServer(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) resolve();
    else {
      server.once('exit', () => resolve());
      // Not SIGKILL: a server killed while it holds the library's lock would make the next start wait it out.
      server.kill('SIGTERM');
    }
  });
}
