/**
 * The morning triage end to end, in Chromium against browser mode's server: one key per decision (`e` read, `d`
 * dismiss, `s` snooze with its chooser), each undone by Ctrl/Cmd+Z; a paper decided on stays in place, dimmed and
 * marked, while the list's header and every view's count in the sidebar agree after each decision; a snooze comes
 * back on its day by itself (the page's clock is set, then moved past midnight); and after an import, the report's
 * "Show these papers" opens the digest.
 */

import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  openApp,
  openLibrary,
  screenshot,
  startE2eRig,
  tempDir,
  type E2eRig,
  type Session,
} from './harness.js';

/** A Hugging Face page of Mar 11, 2025, as its API gives it. */
const HF_PAGE = JSON.stringify([
  { paper: { id: '2503.08001', title: 'Retrieval Without Indexes', submittedOnDailyAt: '2025-03-11T02:00:00.000Z' } },
]);
const HF_TITLE = 'Hugging Face Daily Papers, Mar 11, 2025';
const BIB =
  '@article{a, title = {Attention Is All You Need}, author = {Vaswani, Ashish}, year = {2017}}\n' +
  '@article{b, title = {Deep Residual Learning for Image Recognition}, author = {He, Kaiming}, year = {2016}}\n';

const VIEWS = ['Unread', 'Reading', 'Read', 'Snoozed', 'Dismissed'] as const;
type View = (typeof VIEWS)[number];

const unexpectedErrors = (session: Session): string[] =>
  session.errors.filter((message) => !message.includes("'frame-ancestors' is ignored"));

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const viewButton = (page: Page, view: View | 'All papers') =>
  sidebar(page).getByRole('button', { name: new RegExp(`^${view} [\\d,]+ papers?$`) });
const listbox = (page: Page) => page.getByRole('listbox', { name: /^Papers:/ });
const row = (page: Page, title: string) =>
  listbox(page)
    .locator('.row')
    .filter({ has: page.getByRole('option').filter({ hasText: title }) });

/** How many rows the list has (it draws only those in view; each says how many there are in all). */
async function listRows(page: Page): Promise<number> {
  const first = listbox(page).getByRole('option').first();
  return (await first.count()) === 0 ? 0 : Number(await first.getAttribute('aria-setsize'));
}

const number = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, ''));

/** What the screen says of the view shown and of every view: the header's counts, and the sidebar's. */
async function counts(page: Page) {
  const summary = (await page.locator('.list-summary-count').textContent()) ?? '';
  const [, held = '', decided = '0'] = /^([\d,]+) papers?(?: · ([\d,]+) decided)?/.exec(summary) ?? [];
  const views = Object.fromEntries(
    await Promise.all(
      VIEWS.map(async (view) => [view, number(await viewButton(page, view).locator('.nav-count').textContent())]),
    ),
  ) as Record<View, number>;
  const all = number(await viewButton(page, 'All papers').locator('.nav-count').textContent());
  return {
    held: number(held),
    decided: number(decided),
    rows: await listRows(page),
    views,
    all,
  };
}

/**
 * Every count on the screen agrees: the header's with the shown view's in the sidebar, the rows with the header
 * (the papers decided on here counted apart), and the views with All papers (each paper is in one view).
 */
async function expectCountsAgree(page: Page, shown: View, expected: Partial<Record<View, number>>, decided: number) {
  await expect.poll(async () => (await counts(page)).decided).toBe(decided);
  const seen = await counts(page);
  expect(seen.views).toMatchObject(expected);
  expect(seen.held).toBe(seen.views[shown]);
  expect(seen.rows).toBe(seen.held + seen.decided);
  expect(VIEWS.reduce((sum, view) => sum + seen.views[view], 0)).toBe(seen.all);
}

const cursorTitle = (page: Page): Promise<string | null> => page.locator('.row.is-cursor .row-title').textContent();

describe.skipIf(!existsSync(CHROMIUM))('the morning triage in Chromium', () => {
  let rig: E2eRig;

  beforeAll(async () => {
    rig = await startE2eRig('shelfmark-triage-');
  }, 120_000);

  afterAll(() => rig.close());

  it('dismisses, marks read and snoozes by key, undoes each, keeps every count in step, and brings a snooze back', async () => {
    const library = await openLibrary(rig.rendererDir);
    try {
      // Wednesday, Mar 11, 2026, at nine in the morning, in the page's own time zone.
      const session = await openApp(rig.browser, library, 'light', { now: new Date(2026, 2, 11, 9, 0) });
      const { page } = session;
      await page.getByRole('button', { name: 'Import the sample digest' }).click();
      await expect.poll(() => viewButton(page, 'All papers').locator('.nav-count').textContent()).toBe('32');
      await viewButton(page, 'Unread').click();
      await expectCountsAgree(page, 'Unread', { Unread: 32, Dismissed: 0 }, 0);
      const [first = '', second = '', third = '', fourth = ''] = await listbox(page)
        .locator('.row-title')
        .allTextContents();
      expect(await cursorTitle(page)).toBe(first);

      // d: not for me. The paper stays where it was, dimmed and marked; the cursor moves on.
      await page.keyboard.press('d');
      await expect.poll(() => row(page, first).getAttribute('class')).toMatch(/\bis-decided\b/);
      expect(await row(page, first).locator('.status-pill').textContent()).toBe('Dismissed');
      expect(await cursorTitle(page)).toBe(second);
      await expectCountsAgree(page, 'Unread', { Unread: 31, Dismissed: 1 }, 1);
      // One undo brings it back.
      await page.keyboard.press('ControlOrMeta+z');
      await expectCountsAgree(page, 'Unread', { Unread: 32, Dismissed: 0 }, 0);
      expect(await row(page, first).getAttribute('class')).not.toMatch(/\bis-decided\b/);
      await page.keyboard.press('k');
      await page.keyboard.press('d');
      await expectCountsAgree(page, 'Unread', { Unread: 31, Dismissed: 1 }, 1);

      // e: read, at once.
      expect(await cursorTitle(page)).toBe(second);
      await page.keyboard.press('e');
      await expectCountsAgree(page, 'Unread', { Unread: 30, Read: 1, Dismissed: 1 }, 2);
      expect(await row(page, second).locator('.status-pill').textContent()).toBe('Read');

      // s: later, in a chooser that opens on "Tomorrow".
      expect(await cursorTitle(page)).toBe(third);
      await page.keyboard.press('s');
      const chooser = page.getByRole('dialog', { name: 'Snooze this paper' });
      await chooser.getByRole('button', { name: /^Tomorrow/ }).waitFor();
      expect(await chooser.getByRole('button', { name: /^Next week/ }).textContent()).toContain('Mon, Mar 16');
      await screenshot(page, 'snooze-chooser-light');
      await page.keyboard.press('Enter');
      await expect.poll(() => chooser.count()).toBe(0);
      await expectCountsAgree(page, 'Unread', { Unread: 29, Read: 1, Snoozed: 1, Dismissed: 1 }, 3);
      expect(await row(page, third).locator('.status-pill').textContent()).toBe('Snoozed until Thu, Mar 12');
      expect(await cursorTitle(page)).toBe(fourth);
      await screenshot(page, 'triage-decided-light');
      await page.keyboard.press('ControlOrMeta+z');
      await expectCountsAgree(page, 'Unread', { Unread: 30, Snoozed: 0 }, 2);
      // Snoozed again, with a day picked.
      await page.keyboard.press('k');
      await page.keyboard.press('s');
      await chooser.getByLabel('Pick a date').fill('2026-03-13');
      await chooser.getByRole('button', { name: 'Snooze', exact: true }).click();
      await expectCountsAgree(page, 'Unread', { Unread: 29, Snoozed: 1 }, 3);

      // Refreshed, the view lets the decided papers go; the counts stay.
      await viewButton(page, 'Unread').click();
      await expectCountsAgree(page, 'Unread', { Unread: 29, Read: 1, Snoozed: 1, Dismissed: 1 }, 0);
      await expect.poll(() => row(page, first).count()).toBe(0);

      // A dismissed paper stays in the library and in search, marked.
      await viewButton(page, 'All papers').click();
      expect(await row(page, first).locator('.status-pill').textContent()).toBe('Dismissed');
      await page.keyboard.press('/');
      await page.keyboard.type(first.split(':')[0] ?? first);
      await expect.poll(() => row(page, first).locator('.status-pill').textContent()).toBe('Dismissed');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');

      // The snooze comes back on its day by itself, while the app stays open: Friday, past midnight.
      await viewButton(page, 'Snoozed').click();
      await expectCountsAgree(page, 'Snoozed', { Snoozed: 1 }, 0);
      await page.clock.fastForward('24:00:00');
      await expectCountsAgree(page, 'Snoozed', { Unread: 29, Snoozed: 1 }, 0);
      await page.clock.fastForward('24:00:00');
      await expectCountsAgree(page, 'Snoozed', { Unread: 30, Snoozed: 0 }, 0);
      await page.getByText('Nothing snoozed.').waitFor();
      await viewButton(page, 'Unread').click();
      expect(await row(page, third).locator('.status-pill').textContent()).toBe('Back from snooze');

      // And the library keeps every decision.
      await page.reload();
      await expect.poll(() => viewButton(page, 'Dismissed').locator('.nav-count').textContent()).toBe('1');
      await viewButton(page, 'Unread').click();
      await expectCountsAgree(page, 'Unread', { Read: 1, Dismissed: 1 }, 0);
      expect(unexpectedErrors(session)).toEqual([]);
      await session.context.close();
    } finally {
      await library.close();
    }
  }, 120_000);

  it('opens the papers an import brought in from its report, and lists digests by month', async () => {
    const library = await openLibrary(rig.rendererDir);
    const folder = await tempDir('shelfmark-triage-files-');
    try {
      const session = await openApp(rig.browser, library, 'light');
      const { page } = session;
      const report = page.getByRole('dialog');

      // A Hugging Face page of Mar 11, 2025, then a BibTeX file (of no day: the day it is imported).
      const hfPage = join(folder.path, 'mar-11.json');
      await writeFile(hfPage, HF_PAGE);
      await page.getByRole('button', { name: 'Import files…' }).waitFor();
      await page.locator('input[type=file]').setInputFiles([hfPage]);
      await report.getByText('1 added').waitFor();
      await report.getByRole('button', { name: 'Show this paper' }).click();
      await expect.poll(() => page.locator('.list-summary-name').textContent()).toBe(HF_TITLE);

      const bib = join(folder.path, 'classics.bib');
      await writeFile(bib, BIB);
      await page.locator('input[type=file]').setInputFiles([bib]);
      await report.getByText('2 added').waitFor();
      await screenshot(page, 'import-report-show-light');
      await report.getByRole('button', { name: 'Show these 2 papers' }).click();
      await expect.poll(() => report.count()).toBe(0);
      await expect.poll(() => page.locator('.list-summary-name').textContent()).toBe('BibTeX: classics.bib');
      expect(await page.locator('.list-summary-count').textContent()).toBe('2 papers');
      expect(await listbox(page).locator('.row-title').allTextContents()).toEqual([
        'Attention Is All You Need',
        'Deep Residual Learning for Image Recognition',
      ]);
      const shown = sidebar(page).getByRole('button', { name: /^BibTeX: classics\.bib/ });
      expect(await shown.getAttribute('aria-current')).toBe('true');

      // Digests by month of their day, newest first: this month's open, March 2025's closed until opened by key.
      expect(await sidebar(page).locator('.digest-month-name').allTextContents()).toEqual([
        new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date()),
        'March 2025',
      ]);
      const march = sidebar(page).getByRole('button', { name: 'March 2025 1 digest' });
      expect(await march.getAttribute('aria-expanded')).toBe('false');
      const hfDigest = sidebar(page).getByRole('button', { name: new RegExp(`^${HF_TITLE}`) });
      expect(await hfDigest.count()).toBe(0);
      await march.focus();
      await page.keyboard.press('Enter');
      expect(await march.getAttribute('aria-expanded')).toBe('true');
      await hfDigest.click();
      await expect.poll(() => page.locator('.list-summary-count').textContent()).toBe('1 paper');
      await march.click();
      expect(await march.getAttribute('aria-expanded')).toBe('false');
      expect(unexpectedErrors(session)).toEqual([]);
      await session.context.close();
    } finally {
      await folder.remove();
      await library.close();
    }
  }, 120_000);
});
