/**
 * Notes synced with a folder end to end, in Chromium against browser mode's server: the folder typed in the
 * dialog (a browser has no folder picker), the report shown file by file, the folder remembered, and a note edited
 * in the folder taken into the library and shown in the app.
 */

import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryService } from '../../app/library-service.js';
import { bundledSampleDigest } from '../../app/resources.js';
import { CHROMIUM, openApp, openLibrary, screenshot, startE2eRig, tempDir, type E2eRig } from './harness.js';

const PARD = 'Pard: Permutation-Invariant Autoregressive Diffusion for Graph Generation';
const PARD_FILE = 'Pard Permutation-Invariant Autoregressive Diffusion for Graph Generation.md';

const row = (page: Page, title: string) =>
  page
    .getByRole('listbox', { name: /^Papers:/ })
    .getByRole('option')
    .filter({ hasText: title });
const syncButton = (page: Page) =>
  page.getByRole('toolbar', { name: 'Library actions' }).getByRole('button', { name: 'Sync', exact: true });

describe.skipIf(!existsSync(CHROMIUM))('notes synced with a folder, in Chromium', () => {
  let rig: E2eRig;

  beforeAll(async () => {
    rig = await startE2eRig('shelfmark-notes-sync-');
  }, 120_000);

  afterAll(() => rig.close());

  it('syncs from the app, shows the report, and takes in a note edited in the folder', async () => {
    const library = await openLibrary(rig.rendererDir);
    const vault = await tempDir('shelfmark-vault-');
    try {
      const session = await openApp(rig.browser, library, 'light');
      const { page } = session;
      await page.getByRole('button', { name: 'Import the sample digest' }).click();
      await row(page, PARD).waitFor();
      // A note written elsewhere (the command line, say), and a file of the user's own in the folder.
      const other = new LibraryService(library.dbPath, { sampleDigest: bundledSampleDigest() });
      const pard = (await other.listPapers({})).find((paper) => paper.title === PARD);
      await other.setNote(pard?.id ?? '', 'Read section 3 again.');
      await other.close();
      const own = '# My reading list\n\nNot Shelfmark’s.\n';
      await writeFile(join(vault.path, 'Reading list.md'), own);

      await syncButton(page).click();
      const dialog = page.getByRole('dialog', { name: 'Sync Notes with Folder' });
      await dialog.getByText('a browser cannot show its folders').waitFor();
      await dialog.getByRole('textbox', { name: 'Folder' }).fill(vault.path);
      await dialog.getByRole('checkbox', { name: /Sync on every change/ }).waitFor();
      await screenshot(page, 'notes-sync-dialog-light');
      await dialog.getByRole('button', { name: 'Sync Now' }).click();

      const report = page.getByRole('dialog', { name: 'Notes synced with the folder' });
      await report.getByRole('heading', { name: 'Written (1)' }).waitFor();
      await report.getByText(PARD_FILE).waitFor();
      await screenshot(page, 'notes-sync-report-light');
      await report.getByRole('button', { name: 'Done' }).click();

      expect((await readdir(vault.path)).sort()).toEqual([PARD_FILE, 'Reading list.md']);
      expect(await readFile(join(vault.path, 'Reading list.md'), 'utf8')).toBe(own);
      const file = join(vault.path, PARD_FILE);
      const text = await readFile(file, 'utf8');
      expect(text).toContain(`\nshelfmark: "${pard?.id ?? ''}"\n---\n\nRead section 3 again.`);

      // Edited in the folder (Obsidian, say); the folder is remembered, so Sync syncs at once.
      await writeFile(file, `${text}\nAnd section 4, twice.`);
      await syncButton(page).click();
      await report.getByRole('heading', { name: 'Taken in from the folder (1)' }).waitFor();
      await report.getByText('(note)').waitFor();
      await report.getByRole('button', { name: 'Done' }).click();
      await row(page, PARD).click();
      await page.getByRole('main', { name: 'Paper' }).getByText('And section 4, twice.').waitFor();

      // Remembered across a reload: the toolbar's Sync names the folder.
      await page.reload();
      await row(page, PARD).waitFor();
      await expect.poll(() => syncButton(page).getAttribute('title')).toBe(`Sync notes with ${vault.path}`);

      expect(session.errors.filter((message) => !message.includes("'frame-ancestors' is ignored"))).toEqual([]);
      await session.context.close();
    } finally {
      await vault.remove();
      await library.close();
    }
  }, 120_000);
});
