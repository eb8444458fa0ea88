/**
 * Browser mode from launch to the first screen of the list, in Chromium: the server is started as `npm run web`
 * starts it (a process of its own, on a library on disk), the page opened, the first row awaited. Memory is the
 * resident size of the server process and of the page's renderer process (its search worker included) then.
 * The median of five starts, each with a new server and a new page on the same library.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openLibraryStore } from '../app/store/index.js';
import type { Browser } from 'playwright-core';
import { launchChromium, REPO_ROOT } from '../tests/e2e/harness.js';
import type { SyntheticLibrary } from './generate.js';

export interface StartupFigures {
  readonly metric: 'startup';
  readonly papers: number;
  readonly first_list_ms: number;
  readonly memory_mb: number;
  readonly server_mb: number;
  readonly renderer_mb: number;
}

async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** Chromium's renderer processes (one page open: that page's), by their command lines. */
async function rendererPids(): Promise<number[]> {
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

function startServer(db: string): Promise<{ readonly child: ChildProcess; readonly url: string }> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'app', 'web.js'), '--db', db, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const { stdout } = child;
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code ?? 'a signal'}`)));
    createInterface({ input: stdout }).once('line', (url) => resolve({ child, url }));
  });
}

/**
 * Injected into the page before its own scripts: notes the time of the first frame after the first row of the list
 * is in the DOM, as milliseconds since the Unix epoch (the clock this process reads too). In a string, as the page's
 * DOM is not in this project's Node typings; an init script is not subject to the page's CSP.
 */
const NOTE_FIRST_ROW = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('[role="option"]') === null) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__firstRowAt = performance.timeOrigin + performance.now(); });
  }).observe(document, { childList: true, subtree: true });
`;

/** Runs per size; the figures are the median run's (on a shared machine single start-up times vary by a third). */
const RUNS = 5;

interface StartupRun {
  readonly firstListMs: number;
  readonly serverMb: number;
  readonly rendererMb: number;
}

async function startOnce(browser: Browser, db: string): Promise<StartupRun> {
  const page = await browser.newPage();
  await page.addInitScript(NOTE_FIRST_ROW);
  let server: ChildProcess | undefined;
  try {
    const start = Date.now();
    const started = await startServer(db);
    server = started.child;
    await page.goto(started.url);
    const firstRowAt = await page
      .waitForFunction(() => (globalThis as { __firstRowAt?: number }).__firstRowAt ?? false, null, {
        timeout: 60_000,
      })
      .then((handle) => handle.jsonValue());
    if (typeof firstRowAt !== 'number') throw new Error('the page did not note when its first row showed');
    const firstListMs = firstRowAt - start;
    const serverMb = await residentMb(started.child.pid ?? 0);
    let rendererMb = 0;
    for (const pid of await rendererPids()) rendererMb += await residentMb(pid).catch(() => 0);
    return { firstListMs, serverMb, rendererMb };
  } finally {
    await page.close();
    if (server !== undefined) await stopServer(server);
  }
}

function stopServer(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) resolve();
    else {
      server.once('exit', () => resolve());
      // Not SIGKILL: a server killed while it holds the library's lock would make the next start wait it out.
      server.kill('SIGTERM');
    }
  });
}

export async function measureStartup(library: SyntheticLibrary): Promise<StartupFigures> {
  const directory = await mkdtemp(join(tmpdir(), 'shelfmark-bench-startup-'));
  const browser = await launchChromium();
  try {
    const db = join(directory, 'library.json');
    const store = await openLibraryStore(db);
    await store.transact(() => ({ catalogue: library.catalogue, states: library.states, result: null }));
    await store.close();
    const runs: StartupRun[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await startOnce(browser, db));
    runs.sort((a, b) => a.firstListMs - b.firstListMs);
    const median = runs[Math.floor(RUNS / 2)] ?? runs[0];
    if (median === undefined) throw new Error('no start-up was measured');
    return {
      metric: 'startup',
      papers: library.catalogue.papers.length,
      first_list_ms: median.firstListMs,
      memory_mb: median.serverMb + median.rendererMb,
      server_mb: median.serverMb,
      renderer_mb: median.rendererMb,
    };
  } finally {
    await browser.close();
    await rm(directory, { recursive: true, force: true });
  }
}
