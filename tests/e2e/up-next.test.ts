/**
 * Up next and More like this end to end, in Chromium against browser mode's server, on a Hugging Face day of 32
 * papers with upvotes and authors: with too few decisions the view is in upvotes order and says how many more it
 * needs; with five papers kept and five dismissed, it shows the expected paper first with its reasons; a paper
 * decided on there stays in place, dimmed, every count agreeing, and the order is asked for again only when the view
 * is shown again; a tag's Up next ranks by what is filed under it; More like this lists a paper's neighbours in the
 * list's place and Esc or Back returns.
 */

import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, openApp, screenshot } from './harness.js';
import { GRAPH_PAPERS, hfDayRig, idsOf, STATISTICS_PAPERS } from './hf-day-decisions.js';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const viewButton = (page: Page, view: string) =>
  sidebar(page).getByRole('button', { name: new RegExp(`^${view} [\\d,]+ papers?$`) });
const listbox = (page: Page) => page.getByRole('listbox', { name: /^Papers:/ });
const rowTitles = (page: Page) => listbox(page).locator('.row-title').allTextContents();
const cursorRow = (page: Page) => listbox(page).locator('.row.is-cursor');
const number = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, ''));
const unexpectedErrors = (errors: readonly string[]): string[] =>
  errors.filter((message) => !message.includes("'frame-ancestors' is ignored"));

/** How many rows the list has (it draws only those in view; each says how many there are in all). */
async function listRows(page: Page): Promise<number> {
  const first = listbox(page).getByRole('option').first();
  return (await first.count()) === 0 ? 0 : Number(await first.getAttribute('aria-setsize'));
}

/** The header's counts (held, decided), the rows, and the sidebar's Up next and Unread. */
async function counts(page: Page) {
  const summary = (await page.locator('.list-summary-count').textContent()) ?? '';
  const [, held = '', decided = '0'] = /^([\d,]+) papers?(?: · ([\d,]+) decided)?/.exec(summary) ?? [];
  return {
    held: number(held),
    decided: number(decided),
    rows: await listRows(page),
    upNext: number(await viewButton(page, 'Up next').locator('.nav-count').textContent()),
    unread: number(await viewButton(page, 'Unread').locator('.nav-count').textContent()),
  };
}

/** Every count agrees: Up next holds the unread papers, the header says so, and the rows are those and the decided. */
async function expectCountsAgree(page: Page, unread: number, decided: number): Promise<void> {
  await expect.poll(async () => (await counts(page)).decided).toBe(decided);
  const seen = await counts(page);
  expect(seen).toEqual({ held: unread, decided, rows: unread + decided, upNext: unread, unread });
}

describe.skipIf(!existsSync(CHROMIUM))('Up next and More like this in Chromium', () => {
  const day = hfDayRig('shelfmark-up-next-');

  it('orders by upvotes until there are enough decisions, then by what was kept, each paper with why', async () => {
    const graphs = await idsOf(day.api, GRAPH_PAPERS);
    const statistics = await idsOf(day.api, STATISTICS_PAPERS);
    // Two papers kept and one dismissed: too few to learn from.
    await day.api.addTags(graphs.slice(0, 2), ['graphs']);
    await day.api.setStatus(statistics.slice(0, 1), 'dismissed');

    const session = await openApp(day.rig.browser, day.library, 'light', { now: new Date(2026, 2, 11, 9, 0) });
    const { page } = session;
    const rankRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/rankPapers')) rankRequests.push(request.url());
    });

    // Up next is the first view in the sidebar.
    await viewButton(page, 'Up next').waitFor();
    expect(await sidebar(page).locator('.nav-item .nav-label').first().textContent()).toBe('All papers');
    expect(await sidebar(page).locator('.nav-item .nav-label').nth(1).textContent()).toBe('Up next');
    await viewButton(page, 'Up next').click();
    const basis = page.locator('.ranked-basis');
    await expect
      .poll(() => basis.textContent())
      .toBe(
        'In order of Hugging Face upvotes, then as listed: too few decisions to learn from yet. To have Up next ' +
          'learn what you read first, keep 3 more papers and dismiss 4 more (a paper is kept when you tag it, ' +
          'note it, or read it).',
      );
    expect((await rowTitles(page)).slice(0, 2)).toEqual([
      'AdamP: Slowing Down the Slowdown for Momentum Optimizers on Scale-invariant Weights',
      'Crystal Diffusion Variational Autoencoder for Periodic Material Generation',
    ]);
    expect(await cursorRow(page).locator('.row-reasons').textContent()).toBe('Why: 60 upvotes');
    await expectCountsAgree(page, 31, 0);
    await screenshot(page, 'up-next-by-upvotes-light');

    // Five kept, five dismissed: the order is learnt.
    await day.api.addTags(graphs, ['graphs']);
    await day.api.setStatus(graphs, 'read');
    await day.api.setStatus(statistics, 'dismissed');
    await page.reload();
    await viewButton(page, 'Up next').click();
    await expect
      .poll(() => basis.textContent())
      .toBe('Ranked by what you kept (5 papers) against what you dismissed (5), learnt on this computer.');
    const [first = '', second = ''] = await rowTitles(page);
    expect(first).toBe(
      'Fast, Expressive SE(n) Equivariant Networks through Weight-Sharing in Position-Orientation Space',
    );
    expect(await cursorRow(page).locator('.row-reasons').textContent()).toBe(
      'Why: homogeneous, equivariant networks, se',
    );
    // Said to a screen reader too, first in the row's description (its facts follow).
    const option = cursorRow(page).getByRole('option');
    expect(await page.locator(`#${(await option.getAttribute('aria-describedby')) ?? ''}`).textContent()).toMatch(
      /^Why: homogeneous, equivariant networks, se\. /,
    );
    await expectCountsAgree(page, 22, 0);
    await screenshot(page, 'up-next-learnt-light');

    // Deciding on a paper there leaves it in place, dimmed, the cursor on the next; nothing is ranked again.
    const asked = rankRequests.length;
    await page.keyboard.press('d');
    await expect.poll(() => listbox(page).locator('.row').first().getAttribute('class')).toMatch(/\bis-decided\b/);
    expect(await cursorRow(page).locator('.row-title').textContent()).toBe(second);
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expectCountsAgree(page, 21, 1);
    expect((await rowTitles(page))[0]).toBe(first);
    expect(rankRequests.length).toBe(asked);

    // Shown again: ranked again, learnt from one more dismissal, the paper gone.
    await viewButton(page, 'Up next').click();
    await expect
      .poll(() => basis.textContent())
      .toBe('Ranked by what you kept (5 papers) against what you dismissed (6), learnt on this computer.');
    expect(rankRequests.length).toBe(asked + 1);
    expect(await rowTitles(page)).not.toContain(first);
    await expectCountsAgree(page, 21, 0);

    // Per tag: from the tag in the sidebar, by what is filed under it.
    await sidebar(page).getByRole('button', { name: 'Up next for the tag graphs' }).click();
    await expect.poll(() => page.locator('.list-summary-name').textContent()).toBe('Up next for #graphs');
    await expect
      .poll(() => basis.textContent())
      .toBe(
        'Ranked by what you filed under #graphs (5 papers) against what you dismissed or filed under other tags (6).',
      );
    expect(await page.getByRole('combobox', { name: 'Rank by' }).inputValue()).toBe('graphs');
    await expectCountsAgree(page, 21, 0);
    // And back to everything kept, from the header's choice.
    await page.getByRole('combobox', { name: 'Rank by' }).selectOption('');
    await expect.poll(() => page.locator('.list-summary-name').textContent()).toBe('Up next');

    expect(unexpectedErrors(session.errors)).toEqual([]);
    await session.context.close();
  }, 120_000);

  it('lists the papers nearest a paper in the list’s place, with what they share, until Esc or Back', async () => {
    const session = await openApp(day.rig.browser, day.library, 'light');
    const { page } = session;
    await viewButton(page, 'Up next').click();
    await listbox(page).locator('.row.is-cursor').waitFor();
    // The second paper up next: coming back, the cursor is on it again, not on the first.
    await page.keyboard.press('j');
    await expect.poll(() => listbox(page).locator('.row').nth(1).getAttribute('class')).toMatch(/\bis-cursor\b/);
    const subject = (await cursorRow(page).locator('.row-title').textContent()) ?? '';

    // By key: m.
    await page.keyboard.press('m');
    await expect.poll(() => page.locator('.list-summary-name').textContent()).toBe(`More like “${subject}”`);
    await expect.poll(() => listRows(page)).toBe(20);
    expect(await page.locator('.list-summary-count').textContent()).toBe('20 papers');
    expect(await rowTitles(page)).not.toContain(subject);
    expect(await cursorRow(page).locator('.row-reasons').textContent()).toMatch(/^In common: \S/);
    const nearest = (await rowTitles(page))[0] ?? '';
    await screenshot(page, 'more-like-this-light');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.list-summary-name').textContent()).toBe('Up next');
    // Back where it was: on the paper it was about.
    await expect.poll(() => cursorRow(page).locator('.row-title').textContent()).toBe(subject);

    // By the paper's button; Back returns.
    await page.getByRole('main', { name: 'Paper' }).getByRole('button', { name: 'More like this' }).click();
    await expect.poll(() => page.locator('.list-summary-name').textContent()).toBe(`More like “${subject}”`);
    await expect.poll(async () => (await rowTitles(page))[0]).toBe(nearest);
    // A neighbour of a neighbour, then back twice.
    await page.keyboard.press('m');
    await expect.poll(() => page.locator('.list-summary-name').textContent()).toBe(`More like “${nearest}”`);
    await page.getByRole('button', { name: `Back to More like “${subject}”` }).click();
    await expect.poll(() => page.locator('.list-summary-name').textContent()).toBe(`More like “${subject}”`);
    await page.getByRole('button', { name: 'Back to Up next' }).click();
    await expect.poll(() => page.locator('.list-summary-name').textContent()).toBe('Up next');
    await expect.poll(() => cursorRow(page).locator('.row-title').textContent()).toBe(subject);

    // The shortcut is in the ? sheet.
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.getByText('More like this: the papers nearest the paper (Esc goes back)').waitFor();
    await page.keyboard.press('Escape');

    expect(unexpectedErrors(session.errors)).toEqual([]);
    await session.context.close();
  }, 120_000);
});
