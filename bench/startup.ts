/**
 * Browser mode from launch to the first screen of the list, in Chromium: the server is started as `npm run web`
 * starts it (a process of its own, on a library on disk), the page opened, the first row awaited. Memory is the
 * resident size of the server process and of the page's renderer process (its search worker included) then.
 * The median of five starts, each with a new server and a new page on the same library.
 */

import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tests/e2e/harness.js';
import { rendererPids, residentMb, startServer, stopServer, withLibraryOnDisk } from './browser-mode.js';
import type { SyntheticLibrary } from './generate.js';
import { medianRun } from './measure.js';
import type { SyncedFolder, SyncedVariant } from './synced-library.js';

export interface StartupFigures {
  readonly metric: 'startup';
  readonly papers: number;
  readonly first_list_ms: number;
  readonly memory_mb: number;
  readonly server_mb: number;
  readonly renderer_mb: number;
  readonly store?: string;
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

async function startOnce(browser: Browser, db: string, synced?: SyncedFolder): Promise<StartupRun> {
  const page = await browser.newPage();
  await page.addInitScript(NOTE_FIRST_ROW);
  let server: ChildProcess | undefined;
  try {
    const start = Date.now();
    const started = await startServer(db, synced);
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

/** Start-up over `library` saved as today's store saves it, or over a synced folder of it (`synced`). */
export function measureStartup(
  library: SyntheticLibrary,
  synced?: { readonly folder: SyncedFolder; readonly variant: SyncedVariant },
): Promise<StartupFigures> {
  if (synced === undefined) return withLibraryOnDisk(library, (db) => startRuns(library, db));
  return startRuns(library, synced.folder.db, synced.folder, `synced, ${synced.variant}`);
}

async function startRuns(
  library: SyntheticLibrary,
  db: string,
  synced?: SyncedFolder,
  store?: string,
): Promise<StartupFigures> {
  const browser = await launchChromium();
  try {
    const median = await medianRun(
      RUNS,
      () => startOnce(browser, db, synced),
      (run) => run.firstListMs,
    );
    return {
      metric: 'startup',
      papers: library.catalogue.papers.length,
      first_list_ms: median.firstListMs,
      memory_mb: median.serverMb + median.rendererMb,
      server_mb: median.serverMb,
      renderer_mb: median.rendererMb,
      ...(store === undefined ? {} : { store }),
    };
  } finally {
    await browser.close();
  }
}
