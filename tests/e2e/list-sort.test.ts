/**
 * A paper's facts at a glance and the list in the order the user chooses, end to end in Chromium against browser
 * mode's server: each row shows its year, venue (or arXiv and its primary category) and Hugging Face upvotes; the
 * Sort by select above the list orders it, by keyboard too, and each view keeps its own sort, after a reload as
 * well. Saves screenshots, light and dark, to test-results/screenshots/.
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, openApp, openLibrary, screenshot, startE2eRig, type E2eRig, type Library } from './harness.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../core/import/fixtures/${name}`, import.meta.url));

const listbox = (page: Page) => page.getByRole('listbox', { name: /^Papers:/ });
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const sortBy = (page: Page) => page.getByRole('combobox', { name: 'Sort by' });

/** The titles of the first `count` rows, top to bottom. */
const firstTitles = (page: Page, count: number) =>
  page.evaluate<string[]>(
    `[...document.querySelectorAll('[role="option"] .row-title')].slice(0, ${String(count)}).map((title) => title.textContent)`,
  );

/** What the row of the paper titled `title` shows of its facts: year, venue, upvotes, as many as it has. */
const rowFacts = (page: Page, title: string) =>
  page.locator('.row').filter({ hasText: title }).locator('.row-facts > *').allTextContents();

/** The page's tests run in Node, without the DOM's types: the element is described by what is used of it. */
interface InPage {
  readonly ownerDocument: { readonly activeElement: unknown };
}

/** The option the Sort by select shows. */
const shownSort = (page: Page) =>
  sortBy(page).evaluate((select: { selectedOptions: { label: string }[] }) => select.selectedOptions[0]?.label);

describe.skipIf(!existsSync(CHROMIUM))('the list’s facts and sorts, in Chromium', () => {
  let rig: E2eRig;
  let library: Library;

  beforeAll(async () => {
    rig = await startE2eRig('shelfmark-sort-renderer-');
    library = await openLibrary(rig.rendererDir);
  }, 120_000);

  afterAll(async () => {
    await library.close();
    await rig.close();
  });

  it('shows each row’s facts, sorts as chosen, and keeps each view’s sort, after a reload too', async () => {
    const session = await openApp(rig.browser, library, 'light');
    const { page } = session;
    await page.getByRole('button', { name: 'Import files…' }).waitFor();
    await page
      .locator('input[type=file]')
      .setInputFiles([fixture('dblp.bib'), fixture('hf-daily-papers.json'), fixture('arxiv-listing.txt')]);
    await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();

    // Year, venue (else arXiv and its primary category) and upvotes, where known.
    await expect.poll(() => rowFacts(page, 'Physics-Inspired Generative Models')).toEqual(['2025', 'arXiv', '42']);
    expect(await rowFacts(page, 'Mastering the game of Go')).toEqual(['2016', 'Nat.']);
    expect(await rowFacts(page, 'Equivariant Neural Networks')).toEqual(['2024', 'arXiv cs.LG']);
    // Heard as the row's description, after its name.
    const physics = listbox(page).getByRole('option', { name: /^Physics-Inspired/ });
    expect(await physics.getAttribute('aria-describedby')).not.toBeNull();
    expect(await page.locator(`#${(await physics.getAttribute('aria-describedby')) ?? ''}`).textContent()).toBe(
      'arXiv. 42 upvotes on Hugging Face.',
    );
    await screenshot(page, 'list-facts-light');

    // By date added until another sort is chosen; chosen by keyboard from the search box.
    expect(await shownSort(page)).toBe('Date added, newest first');
    await page.getByRole('searchbox', { name: 'Search papers' }).focus();
    await page.keyboard.press('Tab');
    await expect
      .poll(() => sortBy(page).evaluate((select: InPage) => select === select.ownerDocument.activeElement))
      .toBe(true);
    await sortBy(page).selectOption({ label: 'Title, A to Z' });
    await expect
      .poll(() => firstTitles(page, 4))
      .toEqual([
        'Adam: A Method for Stochastic Optimization',
        'An Old-Style Identifier',
        'Attention Is All You Need',
        'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      ]);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => shownSort(page)).toBe('Title, Z to A');
    await expect
      .poll(() => firstTitles(page, 2))
      .toEqual(['Zürich Füße: Unicode Everywhere', 'Training Recurrent Neural Networks']);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => shownSort(page)).toBe('Title, A to Z');

    // Another view has its own sort.
    await sidebar(page)
      .getByRole('button', { name: /^Unread/ })
      .click();
    await expect.poll(() => shownSort(page)).toBe('Date added, newest first');
    await sortBy(page).selectOption({ label: 'Upvotes, most first' });
    await expect.poll(() => firstTitles(page, 1)).toEqual(['Physics-Inspired Generative Models, Revisited']);
    await sidebar(page)
      .getByRole('button', { name: /^All papers/ })
      .click();
    await expect.poll(() => shownSort(page)).toBe('Title, A to Z');
    expect(await firstTitles(page, 1)).toEqual(['Adam: A Method for Stochastic Optimization']);

    // Remembered by the page: a reload keeps both.
    await page.reload();
    await listbox(page).waitFor();
    await expect.poll(() => shownSort(page)).toBe('Title, A to Z');
    await expect.poll(() => firstTitles(page, 1)).toEqual(['Adam: A Method for Stochastic Optimization']);
    await sidebar(page)
      .getByRole('button', { name: /^Unread/ })
      .click();
    await expect.poll(() => shownSort(page)).toBe('Upvotes, most first');
    await expect.poll(() => firstTitles(page, 1)).toEqual(['Physics-Inspired Generative Models, Revisited']);

    expect(session.errors.filter((message) => !message.includes("'frame-ancestors' is ignored"))).toEqual([]);
    await session.context.close();
  });

  it('keeps the sort in reach at 200 % zoom, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const session = await openApp(rig.browser, library, colorScheme, {
        viewport: { width: 640, height: 400 },
        deviceScaleFactor: 2,
      });
      const { page } = session;
      await listbox(page).waitFor();
      const box = await sortBy(page).boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 640).toBe(true);
      await sortBy(page).selectOption({ label: 'Year, oldest first' });
      await expect.poll(() => firstTitles(page, 1)).toEqual(['Structured Programming with go to Statements']);
      await screenshot(page, `list-sort-200-${colorScheme}`);
      await session.context.close();
    }
  });
});
