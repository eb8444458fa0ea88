/**
 * Sort by relevance end to end, in Chromium against browser mode's server, on a Hugging Face day of 32 papers: in
 * the digest's view, "Relevance" in the Sort by select has the library rank the day's papers up next as Up next
 * does (learnt from five papers kept and five dismissed), the list busy meanwhile; the best comes first with its
 * reasons, the papers decided on after; the other way round puts the least relevant first; with too few decisions
 * it says so and is by upvotes; and the view remembers its sort after a reload.
 */

import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, openApp, screenshot } from './harness.js';
import { GRAPH_PAPERS, hfDayRig, idsOf, STATISTICS_PAPERS } from './hf-day-decisions.js';

const BEST = 'Fast, Expressive SE(n) Equivariant Networks through Weight-Sharing in Position-Orientation Space';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const listbox = (page: Page) => page.getByRole('listbox', { name: /^Papers:/ });
const sortBy = (page: Page) => page.getByRole('combobox', { name: 'Sort by' });
const rowTitles = (page: Page) => listbox(page).locator('.row-title').allTextContents();
const note = (page: Page) => page.locator('.list-sort-note');
const shownSort = (page: Page) =>
  sortBy(page).evaluate((select: { selectedOptions: { label: string }[] }) => select.selectedOptions[0]?.label);

describe.skipIf(!existsSync(CHROMIUM))('Sort by relevance in Chromium', () => {
  const day = hfDayRig('shelfmark-relevance-');

  it('ranks a digest’s papers as Up next does, best first with why, and remembers it', async () => {
    const graphs = await idsOf(day.api, GRAPH_PAPERS);
    const statistics = await idsOf(day.api, STATISTICS_PAPERS);
    // One kept: too few decisions to learn from.
    await day.api.addTags(graphs.slice(0, 1), ['graphs']);

    // Tall enough for most rows of the day to be drawn.
    const session = await openApp(day.rig.browser, day.library, 'light', {
      now: new Date(2026, 2, 11, 9, 0),
      viewport: { width: 1280, height: 2600 },
    });
    const { page } = session;
    const rankRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/rankPapers')) rankRequests.push(request.url());
    });
    await sidebar(page)
      .getByRole('button', { name: /^Hugging Face Daily Papers, Mar 11/ })
      .click();
    await expect.poll(() => shownSort(page)).toBe('Date added, newest first');
    const listed = await rowTitles(page);

    await sortBy(page).selectOption({ label: 'Relevance, most relevant first' });
    await expect
      .poll(() => note(page).textContent(), { timeout: 15_000 })
      .toBe(
        'By Hugging Face upvotes, then as listed: too few decisions to learn from yet. To sort by what you read ' +
          'first, keep 4 more papers and dismiss 5 more.',
      );
    expect((await rowTitles(page))[0]).toBe(
      'AdamP: Slowing Down the Slowdown for Momentum Optimizers on Scale-invariant Weights',
    );
    expect(await listbox(page).locator('.row.is-cursor .row-reasons').textContent()).toBe('Why: 60 upvotes');
    expect(rankRequests).toHaveLength(1);

    // Five kept, five dismissed: the view shown afresh is ranked again, learnt; the decided papers follow.
    await day.api.addTags(graphs, ['graphs']);
    await day.api.setStatus(graphs, 'read');
    await day.api.setStatus(statistics, 'dismissed');
    await page.reload();
    await listbox(page).waitFor();
    await sidebar(page)
      .getByRole('button', { name: /^Hugging Face Daily Papers, Mar 11/ })
      .click();
    await expect
      .poll(() => note(page).textContent(), { timeout: 15_000 })
      .toBe(
        'Ranked by what you kept (5 papers) against what you dismissed (5), as Up next is; papers decided on follow as listed.',
      );
    await expect.poll(async () => (await rowTitles(page))[0]).toBe(BEST);
    await expect.poll(() => listbox(page).getAttribute('aria-busy')).toBeNull();
    expect(await listbox(page).locator('.row.is-cursor .row-reasons').textContent()).toBe(
      'Why: homogeneous, equivariant networks, se',
    );
    const ranked = await rowTitles(page);
    // The 22 papers up next ranked, then the ten decided on as the day lists them (the rows drawn of them).
    const isDecided = (title: string) => [...GRAPH_PAPERS, ...STATISTICS_PAPERS].some((re) => re.test(title));
    const upNext = 22;
    expect(ranked.slice(0, upNext).some(isDecided)).toBe(false);
    const decidedShown = ranked.slice(upNext);
    expect(decidedShown.length).toBeGreaterThan(0);
    expect(decidedShown).toEqual(listed.filter(isDecided).slice(0, decidedShown.length));
    await screenshot(page, 'relevance-sort-learnt-light');

    // Deciding on a paper leaves the order as it is: nothing is ranked again on a key press.
    const second = ranked[1];
    const before = rankRequests.length;
    await listbox(page).getByRole('option').first().click();
    await page.keyboard.press('e');
    await expect.poll(() => listbox(page).locator('.row').first().getAttribute('class')).toMatch(/status-read/);
    expect((await rowTitles(page))[0]).toBe(BEST);
    expect(rankRequests).toHaveLength(before);

    // The other way round: the least relevant of the ranked first, the decided papers still after; the same order
    // read backwards, not asked for again.
    await sortBy(page).selectOption({ label: 'Relevance, least relevant first' });
    await expect.poll(async () => (await rowTitles(page))[upNext - 1]).toBe(BEST);
    expect(rankRequests).toHaveLength(before);

    // Remembered by the view, after a reload too; another view keeps its own sort.
    await page.reload();
    await listbox(page).waitFor();
    await sidebar(page)
      .getByRole('button', { name: /^All papers/ })
      .click();
    await expect.poll(() => shownSort(page)).toBe('Date added, newest first');
    await sidebar(page)
      .getByRole('button', { name: /^Hugging Face Daily Papers, Mar 11/ })
      .click();
    await expect.poll(() => shownSort(page)).toBe('Relevance, least relevant first');
    await sortBy(page).selectOption({ label: 'Relevance, most relevant first' });
    // Ranked again when shown again: the paper read is among the decided now.
    await expect.poll(async () => (await rowTitles(page))[0], { timeout: 15_000 }).toBe(second);

    expect(session.errors.filter((message) => !message.includes("'frame-ancestors' is ignored"))).toEqual([]);
    await session.context.close();
  });
});
