/**
 * A digest's date end to end, in Chromium against browser mode's server: an import that had to guess a Hugging
 * Face page's day says so in its report, and the sidebar's digest changes its date, warned when another digest
 * has that day, and keeps it after a reload.
 */

import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, openApp, openLibrary, screenshot, startE2eRig, tempDir, type E2eRig } from './harness.js';

/** The page of Mar 11, 2025, as the API gives it. */
const LISTED_PAGE = JSON.stringify([
  { paper: { id: '2503.08001', title: 'Retrieval Without Indexes', submittedOnDailyAt: '2025-03-11T02:00:00.000Z' } },
]);

/** A day's page saved without the day it was listed on: its papers were published on Mar 10 and 9. */
const UNDATED_PAGE = JSON.stringify([
  { paper: { id: '2503.07001', title: 'Planning With Maps', publishedAt: '2025-03-10T09:00:00.000Z' } },
  { paper: { id: '2503.07002', title: 'Tokenizers for Audio', publishedAt: '2025-03-10T17:30:00.000Z' } },
  { paper: { id: '2503.06003', title: 'Sparse Vision Experts', publishedAt: '2025-03-09T12:00:00.000Z' } },
]);

describe.skipIf(!existsSync(CHROMIUM))('a digest’s date in Chromium', () => {
  let rig: E2eRig;

  beforeAll(async () => {
    rig = await startE2eRig('shelfmark-renderer-');
  }, 120_000);

  afterAll(() => rig.close());

  it('says an import guessed the day, and changes a digest’s date from the sidebar', async () => {
    const library = await openLibrary(rig.rendererDir);
    const folder = await tempDir('shelfmark-import-');
    try {
      const session = await openApp(rig.browser, library, 'light');
      const { page } = session;
      await page.getByRole('button', { name: 'Import the sample digest' }).click();
      const sidebar = page.getByRole('navigation', { name: 'Library' });
      await sidebar.getByRole('button', { name: /^Hugging Face Daily Papers, Mar 11/ }).waitFor();

      const listed = join(folder.path, 'mar-11.json');
      const undated = join(folder.path, 'daily_papers.json');
      await writeFile(listed, LISTED_PAGE);
      await writeFile(undated, UNDATED_PAGE);
      await page.locator('input[type=file]').setInputFiles([listed, undated]);
      const report = page.getByRole('dialog');
      await report.getByText('1 note').waitFor();
      await report.getByText(/does not say which day’s page it is: it is dated Mar 10, 2025/).waitFor();
      await screenshot(page, 'import-report-note-light');
      await report.getByRole('button', { name: 'Done' }).click();

      const guessed = 'Hugging Face Daily Papers, Mar 10, 2025';
      await sidebar.getByRole('button', { name: `Change the date of ${guessed}` }).click({ force: true });
      const field = page.getByLabel(`Date of ${guessed}`, { exact: true });
      await expect.poll(() => field.inputValue()).toBe('2025-03-10');
      // Esc leaves it as it was.
      await page.keyboard.press('Escape');
      await expect.poll(() => field.count()).toBe(0);

      await sidebar
        .getByRole('button', { name: new RegExp(guessed) })
        .first()
        .click({ button: 'right' });
      await field.fill('2025-03-11');
      await page
        .getByText('“Hugging Face Daily Papers, Mar 11, 2025” is of that day too; the two stay apart.')
        .waitFor();
      await screenshot(page, 'digest-date-light');
      await field.fill('2025-03-12');
      await page.getByText('Enter to save · Esc to cancel').waitFor();
      await page.keyboard.press('Enter');
      await page.getByText('“Hugging Face Daily Papers, Mar 12, 2025” is dated Mar 12, 2025 now.').waitFor();
      await sidebar.getByRole('button', { name: /^Hugging Face Daily Papers, Mar 12, 2025/ }).waitFor();

      // The library keeps it.
      await page.reload();
      await sidebar.getByRole('button', { name: /^Hugging Face Daily Papers, Mar 12, 2025/ }).waitFor();
      expect(await sidebar.getByRole('button', { name: /^Hugging Face Daily Papers, Mar 10, 2025/ }).count()).toBe(0);
      expect(session.errors.filter((message) => !message.includes("'frame-ancestors' is ignored"))).toEqual([]);
      await session.context.close();
    } finally {
      await folder.remove();
      await library.close();
    }
  }, 120_000);
});
