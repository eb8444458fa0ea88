/**
 * What a paper's source said of it, end to end in Chromium against browser mode's server: a DBLP bibliography
 * imported through the page shows each paper's venue, volume and pages, publisher, date and DOI in the detail
 * pane, the DOI a link to doi.org that opens outside the app; an arXiv listing's paper its categories (the primary
 * one first) and comments; at 200 % zoom too. Saves screenshots, light and dark, to test-results/screenshots/.
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, openApp, openLibrary, screenshot, startE2eRig, type E2eRig, type Library } from './harness.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../core/import/fixtures/${name}`, import.meta.url));

const listbox = (page: Page) => page.getByRole('listbox', { name: /^Papers:/ });
const option = (page: Page, title: string) => listbox(page).getByRole('option').filter({ hasText: title });
/** The detail pane's facts: each label's value, in the order shown. */
const facts = (page: Page) =>
  page.evaluate<(string | null)[][]>(
    `[...document.querySelectorAll('.source-facts dt')].map((term) => [term.textContent, term.nextElementSibling?.textContent ?? null])`,
  );

describe.skipIf(!existsSync(CHROMIUM))('what the source says of a paper, in Chromium', () => {
  let rig: E2eRig;
  let library: Library;

  beforeAll(async () => {
    rig = await startE2eRig('shelfmark-facts-renderer-');
    library = await openLibrary(rig.rendererDir);
  }, 120_000);

  afterAll(async () => {
    await library.close();
    await rig.close();
  });

  it('shows the venue, date and DOI of an imported BibTeX paper, and the categories and comments of an arXiv one', async () => {
    const session = await openApp(rig.browser, library, 'light');
    const { page } = session;
    await page.getByRole('button', { name: 'Import files…' }).waitFor();
    await page.locator('input[type=file]').setInputFiles([fixture('dblp.bib'), fixture('arxiv-listing.txt')]);
    const report = page.getByRole('dialog');
    await report.getByText('11 added').waitFor();
    await report.getByRole('button', { name: 'Done' }).click();

    await option(page, 'Mastering the game of Go').click();
    await expect
      .poll(() => facts(page))
      .toEqual([
        ['Venue', 'Nat., vol. 529, no. 7587, pp. 484–489'],
        ['Published', 'Jan 2016'],
        ['DOI', '10.1038/NATURE16961 (opens in your browser)'],
      ]);
    const doi = page.locator('.source-facts').getByRole('link', { name: /10\.1038\/NATURE16961/ });
    expect(await doi.getAttribute('href')).toBe('https://doi.org/10.1038/NATURE16961');
    expect(await doi.getAttribute('target')).toBe('_blank');
    // Once: not again among the links.
    expect(
      await page
        .locator('.paper')
        .getByRole('link', { name: /NATURE16961/ })
        .count(),
    ).toBe(1);
    await screenshot(page, 'source-facts-bibtex-light');

    await option(page, 'Denoising Diffusion Probabilistic Models').click();
    await expect
      .poll(() => facts(page))
      .toEqual([
        [
          'Venue',
          'Advances in Neural Information Processing Systems 33: Annual Conference on Neural Information Processing ' +
            'Systems 2020, NeurIPS 2020, December 6-12, 2020, virtual, pp. 6840–6851 · Curran Associates, Inc.',
        ],
        ['Published', 'Dec 2020'],
      ]);

    await option(page, 'Random Walks on Graphs').click();
    await expect
      .poll(() => facts(page))
      .toEqual([
        ['Published', 'Mar 2, 2024'],
        ['Categories', 'math.PR (primary)cs.LG'],
        ['Comments', '30 pages'],
      ]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'source-facts-arxiv-dark');

    // At 200 % zoom of a 1280×800 window the paper is over the list, its facts within the width.
    await page.setViewportSize({ width: 640, height: 400 });
    await option(page, 'Denoising Diffusion Probabilistic Models').click();
    await page.locator('.source-facts').getByText('Curran Associates, Inc.').waitFor();
    const widths = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
      '({ scrollWidth: document.documentElement.scrollWidth, innerWidth })',
    );
    expect(widths.scrollWidth).toBeLessThanOrEqual(widths.innerWidth);
    await screenshot(page, 'source-facts-zoomed-dark');

    expect(session.errors.filter((message) => !message.includes("'frame-ancestors' is ignored"))).toEqual([]);
    await session.context.close();
  });
});
