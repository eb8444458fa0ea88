/**
 * The UI's answers to the keyboard and the mouse, in Chromium through the real UI (browser mode, the built app):
 * - a keystroke in the search box until the list shows that query's results and the next frame is drawn;
 * - `j` / `k` until the detail pane shows the next paper and the next frame is drawn;
 * - a click on another view in the sidebar until the list shows it and the next frame is drawn;
 * - a key in the Sort by select (its first letter: another sort) until the list's first row is that sort's and the
 *   next frame is drawn;
 * - frames while `j` is held (a key repeat of 30 a second) and while the list is scrolled with the wheel: the longest
 *   frame and how many took over 50 ms.
 * Each latency is taken in the page, from the event's time to the frame after the change.
 */

import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/harness.js';
import { startServer, stopServer, withLibraryOnDisk } from './browser-mode.js';
import type { SyntheticLibrary } from './generate.js';
import { percentile } from './measure.js';

export interface UiFigures {
  readonly metric: 'ui';
  readonly papers: number;
  readonly search_p50_ms: number;
  readonly search_p95_ms: number;
  readonly move_p50_ms: number;
  readonly move_p95_ms: number;
  readonly view_p50_ms: number;
  readonly view_p95_ms: number;
  readonly sort_p50_ms: number;
  readonly sort_p95_ms: number;
  readonly longest_frame_moving_ms: number;
  readonly frames_over_50ms_moving: number;
  readonly longest_frame_scrolling_ms: number;
  readonly frames_over_50ms_scrolling: number;
}

/** Typed one key at a time, each awaited: the same words the search benchmark types. */
const QUERIES = ['graph diffusion', 'sparse attention', 'molecular generation', 'point cloud'] as const;

/**
 * Injected before the page's scripts. `arm(kind)` waits for the next key or pointer press, then for the DOM change
 * that `kind` names, then for the next frame; `latency` is then the milliseconds from the press. `frames()` starts
 * recording frame intervals; `stopFrames()` returns them. A string, as the DOM is not in this project's Node typings.
 */
const INSTRUMENT = `
  window.__bench = {
    latency: undefined,
    arm(kind) {
      const bench = window.__bench;
      bench.latency = undefined;
      const detailTitle = () => document.querySelector('#paper-title')?.textContent ?? '';
      const listLabel = () => document.querySelector('[role="listbox"]')?.getAttribute('aria-label') ?? '';
      const firstRow = () => document.querySelector('[role="option"]')?.id ?? '';
      const before = { title: detailTitle(), label: listLabel(), first: firstRow() };
      const done = {
        search: () => {
          const pane = document.querySelector('section.list-pane');
          const query = document.querySelector('input[aria-label="Search papers"]')?.value.trim() ?? '';
          if (pane === null || pane.getAttribute('aria-busy') === 'true') return false;
          return listLabel().endsWith(query) || pane.querySelector('.list-empty') !== null;
        },
        detail: () => detailTitle() !== before.title,
        view: () => listLabel() !== before.label,
        sort: () => firstRow() !== before.first,
      }[kind];
      let pressedAt;
      const press = (event) => { pressedAt ??= event.timeStamp; };
      document.addEventListener('keydown', press, { capture: true, once: true });
      document.addEventListener('pointerdown', press, { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (pressedAt === undefined || !done()) return;
        observer.disconnect();
        requestAnimationFrame(() => { bench.latency = performance.now() - pressedAt; });
      });
      observer.observe(document.body, { attributes: true, childList: true, subtree: true, characterData: true });
    },
    frames() {
      const intervals = [];
      let last = performance.now();
      let running = true;
      const tick = (now) => {
        intervals.push(now - last);
        last = now;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      window.__bench.stopFrames = () => { running = false; return intervals; };
    },
  };
`;

interface BenchWindow {
  readonly __bench: {
    readonly latency: number | undefined;
    arm(kind: Timed): void;
    frames(): void;
    stopFrames(): number[];
  };
}

type Timed = 'search' | 'detail' | 'view' | 'sort';

async function timed(page: Page, kind: Timed, act: () => Promise<void>): Promise<number> {
  await page.evaluate((armed) => {
    (globalThis as unknown as BenchWindow).__bench.arm(armed);
  }, kind);
  await act();
  const handle = await page.waitForFunction(
    () => (globalThis as unknown as BenchWindow).__bench.latency ?? false,
    null,
    {
      timeout: 60_000,
    },
  );
  return Number(await handle.jsonValue());
}

async function framesWhile(page: Page, act: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    (globalThis as unknown as BenchWindow).__bench.frames();
  });
  await act();
  // The last presses' work may still be under way: let it draw.
  await page.waitForTimeout(300);
  // The first interval counts from before the first frame was asked for.
  return (await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.stopFrames())).slice(1);
}

const p = (samples: readonly number[], q: number): number => percentile(samples, q);

async function measurePage(page: Page, papers: number): Promise<UiFigures> {
  const search: number[] = [];
  const box = page.getByRole('searchbox', { name: 'Search papers' });
  for (const query of QUERIES) {
    await box.fill('');
    await box.focus();
    for (const key of query) search.push(await timed(page, 'search', () => page.keyboard.press(key)));
  }
  await box.fill('');

  const list = page.getByRole('listbox');
  await list.focus();
  const move: number[] = [];
  for (let step = 0; step < 40; step++) {
    move.push(await timed(page, 'detail', () => page.keyboard.press(step % 10 < 7 ? 'j' : 'k')));
  }

  const moving = await framesWhile(page, async () => {
    for (let press = 0; press < 90; press++) {
      await page.keyboard.press('j');
      await page.waitForTimeout(33);
    }
  });
  const box2 = await list.boundingBox();
  if (box2 === null) throw new Error('the list is not on the screen');
  await page.mouse.move(box2.x + box2.width / 2, box2.y + box2.height / 2);
  const scrolling = await framesWhile(page, async () => {
    for (let turn = 0; turn < 90; turn++) {
      await page.mouse.wheel(0, turn < 60 ? 240 : -240);
      await page.waitForTimeout(16);
    }
  });

  const view: number[] = [];
  const sidebar = page.getByRole('navigation', { name: 'Library' });
  for (let switchTo = 0; switchTo < 12; switchTo++) {
    const name = ['Unread', 'Reading', 'Read', 'All papers'][switchTo % 4] ?? 'All papers';
    view.push(await timed(page, 'view', () => sidebar.getByRole('button', { name, exact: false }).first().click()));
  }

  // Each sort's first letter, in an order in which the first row always changes: title, year, upvotes, published
  // date, date added. A second apart, so that the select takes each as a letter of its own, not one word typed.
  const sort: number[] = [];
  const sortBy = page.getByRole('combobox', { name: 'Sort by' });
  await sidebar.getByRole('button', { name: 'All papers', exact: false }).first().click();
  await sortBy.focus();
  for (let turn = 0; turn < 15; turn++) {
    await page.waitForTimeout(1_100);
    const key = ['t', 'y', 'u', 'p', 'd'][turn % 5] ?? 'd';
    sort.push(await timed(page, 'sort', () => page.keyboard.press(key)));
  }

  return {
    metric: 'ui',
    papers,
    search_p50_ms: p(search, 50),
    search_p95_ms: p(search, 95),
    move_p50_ms: p(move, 50),
    move_p95_ms: p(move, 95),
    view_p50_ms: p(view, 50),
    view_p95_ms: p(view, 95),
    sort_p50_ms: p(sort, 50),
    sort_p95_ms: p(sort, 95),
    longest_frame_moving_ms: Math.max(...moving),
    frames_over_50ms_moving: moving.filter((interval) => interval > 50).length,
    longest_frame_scrolling_ms: Math.max(...scrolling),
    frames_over_50ms_scrolling: scrolling.filter((interval) => interval > 50).length,
  };
}

export function measureUi(library: SyntheticLibrary): Promise<UiFigures> {
  return withLibraryOnDisk(library, async (db) => {
    const browser = await launchChromium();
    const server = await startServer(db);
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.addInitScript(INSTRUMENT);
      await page.goto(server.url);
      await page.getByRole('listbox').getByRole('option').first().waitFor({ timeout: 120_000 });
      // Let the search worker take in every paper, and warm up, before the first keystroke is timed.
      await page.waitForTimeout(library.catalogue.papers.length >= 100_000 ? 8_000 : 2_000);
      const box = page.getByRole('searchbox', { name: 'Search papers' });
      await box.focus();
      await timed(page, 'search', () => page.keyboard.press('x'));
      await box.fill('');
      return await measurePage(page, library.catalogue.papers.length);
    } finally {
      await browser.close();
      await stopServer(server.child);
    }
  });
}
