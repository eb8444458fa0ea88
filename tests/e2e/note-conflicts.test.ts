/**
 * A note written on two computers at once, in Chromium against browser mode's server: the laptop (the server, and
 * the command line on its computer) and the desktop (an app-data folder and a copy of the library's folder of its
 * own) each write the note, then the files are carried across as a sync tool carries them. The page shows the other
 * version under the note, one click keeps it, and it is gone on both computers; the Devices dialog lists both.
 * axe-core finds nothing in either theme. Screenshots in test-results/screenshots/.
 */

import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperDetail } from '../../core/api.js';
import { appDataDirectory } from '../../app/library-location.js';
import { deviceIdentity } from '../../app/sync/device-identity.js';
import { openSyncedLibraryStore } from '../../app/sync/synced-library-store.js';
import { carry, note, type Computer } from '../../app/sync/synced-test-rig.js';
import { CliHarness } from '../cli-harness.js';
import { checkBothThemes } from './axe.js';
import { CHROMIUM, openApp, openLibrary, screenshot, startE2eRig, type E2eRig } from './harness.js';

const PARD = 'Pard: Permutation-Invariant Autoregressive Diffusion for Graph Generation';
const ON_THE_TRAIN = 'Read on the train: the *permutation* argument is the heart of it.';
const AT_MY_DESK = 'At my desk: compare with GDSS, and check the ablation in table 3.';
/** The server follows its folder within a quarter of a second by watching, within 2 s by polling; room for a busy machine. */
const FEW_SECONDS = 8_000;

const listbox = (page: Page) => page.getByRole('listbox', { name: /^Papers:/ });
const option = (page: Page, title: string) => listbox(page).getByRole('option').filter({ hasText: title });
const paperPane = (page: Page) => page.getByRole('main', { name: 'Paper' });

let rig: E2eRig;

describe.skipIf(!existsSync(CHROMIUM))('a note written on two computers, in Chromium', () => {
  beforeAll(async () => {
    rig = await startE2eRig('shelfmark-conflicts-');
  }, 120_000);

  afterAll(() => rig.close());

  it('shows the other version under the note, keeps it with one click, and lists both devices', async () => {
    const { library, cli, page, errors, id, laptop, desktop, close } = await twoComputers();
    try {
      // Each writes the note, apart; then the desktop's files arrive.
      expect((await cli.run(['note', id, ON_THE_TRAIN], { db: library.dbPath })).code).toBe(0);
      await note(desktop.store, id, AT_MY_DESK);
      await carry(desktop, laptop, null);

      // The sidebar offers the papers with a conflict; the row is marked; the paper shows the other version.
      const conflicts = page.getByRole('button', { name: /^Note conflicts/ });
      await conflicts.waitFor({ timeout: FEW_SECONDS });
      await conflicts.click();
      await expect.poll(() => listbox(page).getByRole('option').count()).toBe(1);
      const row = option(page, PARD);
      const about = (await row.getAttribute('aria-describedby')) ?? '';
      expect(about).not.toBe('');
      expect(await page.locator(`[id="${about}"]`).textContent()).toContain(
        'Its note was also edited on another computer',
      );
      await row.click();
      const versions = paperPane(page).getByRole('region', { name: /other version of this note/i });
      await versions.waitFor();
      // The later text is the note; the other is beside it, named by its computer and time.
      const shown = (await cli.json<PaperDetail>(['show', id], { db: library.dbPath })).note;
      const other = shown === ON_THE_TRAIN ? AT_MY_DESK : ON_THE_TRAIN;
      const otherDevice = other === AT_MY_DESK ? 'desktop' : 'this computer (laptop)';
      await expect
        .poll(() => versions.textContent())
        .toMatch(new RegExp(`This note was also edited on ${otherDevice.replace(/[()]/g, '\\$&')} at \\d\\d:\\d\\d:`));
      expect(await versions.textContent()).toContain(other.replace(/\*/g, ''));
      // The top of the paper says so, and leads to the versions.
      await paperPane(page).getByRole('button', { name: 'Choose which to keep' }).click();
      expect(await page.evaluate('document.activeElement?.id')).toBe('note-versions');
      await screenshot(page, 'note-conflict');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'note-conflict-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      const found: Record<string, string[]> = {};
      await checkBothThemes(page, 'a note with another version', found);
      // At 200 % zoom of a 1280×800 window: the paper over the list, the versions and their buttons within it.
      await page.setViewportSize({ width: 640, height: 400 });
      await option(page, PARD).click();
      await versions.getByRole('button', { name: /^Keep this one/ }).scrollIntoViewIfNeeded();
      expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(
        true,
      );
      const { x, width } = (await versions.boundingBox()) ?? { x: -1, width: 0 };
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x + width).toBeLessThanOrEqual(640);
      await screenshot(page, 'note-conflict-640x400');
      await checkBothThemes(page, 'a note with another version, at 640×400', found);
      await page.setViewportSize({ width: 1440, height: 900 });

      // One click keeps the other version: the note is it, the versions and the sidebar's view are gone.
      await versions.getByRole('button', { name: /^Keep this one/ }).click();
      await versions.waitFor({ state: 'detached' });
      await expect
        .poll(() => paperPane(page).locator('.note-rendered').textContent())
        .toContain(other.replace(/\*/g, ''));
      await page.getByText(/^Kept the note from/).waitFor();
      await conflicts.waitFor({ state: 'detached' });
      const kept = await cli.json<PaperDetail>(['show', id], { db: library.dbPath });
      expect(kept.note).toBe(other);
      expect(kept.noteConflicts).toBeUndefined();
      // And on the desktop, once the files are carried back.
      await carry(laptop, desktop, null);
      expect((await desktop.store.view()).conflicts.size).toBe(0);
      expect((await desktop.store.read()).states).toBeDefined();

      // The Devices dialog: both computers, this one first.
      await page.getByRole('button', { name: 'Devices…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Devices' });
      await dialog.getByText('laptop (this computer)').waitFor();
      await dialog.getByText('desktop', { exact: true }).waitFor();
      expect(await dialog.textContent()).toMatch(/Last wrote at \d\d:\d\d/);
      await screenshot(page, 'devices-dialog');
      await checkBothThemes(page, 'the Devices dialog', found);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(found).toEqual({});
      expect(errors.filter((message) => !message.includes("'frame-ancestors' is ignored"))).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  it('takes nothing from the note being typed when another version arrives', async () => {
    const { library, cli, page, errors, id, laptop, desktop, close } = await twoComputers();
    try {
      await note(desktop.store, id, AT_MY_DESK);
      await option(page, PARD).click();
      await paperPane(page)
        .getByRole('button', { name: /^Write/ })
        .click();
      const input = page.getByRole('textbox', { name: 'Note on this paper, in Markdown' });
      await input.pressSequentially('Typed on the laptop');
      await paperPane(page).getByText('Saved', { exact: true }).waitFor();
      await input.pressSequentially(', and still typing');
      // The desktop's files arrive while the note is typed: its version appears under the editor.
      await carry(desktop, laptop, null);
      const versions = paperPane(page).getByRole('region', { name: /other version of this note/i });
      await versions.waitFor({ timeout: FEW_SECONDS });
      expect(await input.inputValue()).toBe('Typed on the laptop, and still typing');
      expect(await page.evaluate('document.activeElement?.id')).toBe('note-input');
      await input.pressSequentially('.');
      expect(await input.inputValue()).toBe('Typed on the laptop, and still typing.');
      // Keep mine keeps what was typed, on this computer and, once the files are carried, the desktop.
      await versions.getByRole('button', { name: /^Keep mine/ }).click();
      await versions.waitFor({ state: 'detached' });
      await expect
        .poll(async () => (await cli.json<PaperDetail>(['show', id], { db: library.dbPath })).note)
        .toBe('Typed on the laptop, and still typing.');
      expect((await cli.json<PaperDetail>(['show', id], { db: library.dbPath })).noteConflicts).toBeUndefined();
      await carry(laptop, desktop, null);
      expect((await desktop.store.view()).conflicts.size).toBe(0);
      expect(errors.filter((message) => !message.includes("'frame-ancestors' is ignored"))).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);
});

/**
 * The laptop (browser mode's server, this test file's app-data) with the sample imported in the page, and the
 * desktop (an app-data folder and a copy of the library's folder of its own) with the laptop's files: both have
 * Pard (`id`), neither has written its note yet.
 */
async function twoComputers() {
  // This computer (the server's, and the command line's here) is the laptop.
  await deviceIdentity(appDataDirectory(), { name: 'laptop' });
  const library = await openLibrary(rig.rendererDir);
  const cli = await CliHarness.create();
  const { page, errors } = await openApp(rig.browser, library, 'light', { viewport: { width: 1440, height: 900 } });
  await page.getByRole('button', { name: 'Import the sample digest' }).click();
  await option(page, PARD).waitFor();
  const papers = await cli.json<{ id: string; title: string }[]>(['list'], { db: library.dbPath });
  const id = papers.find((paper) => paper.title === PARD)?.id ?? '';
  const laptop: Computer = {
    name: 'laptop',
    appData: appDataDirectory(),
    folder: library.dir,
    store: await openSyncedLibraryStore(library.dbPath, { appData: appDataDirectory() }),
  };
  const desktopAppData = join(cli.directory, 'desktop-app-data', 'Shelfmark');
  await deviceIdentity(desktopAppData, { name: 'desktop' });
  const desktopFolder = join(cli.directory, 'desktop-folder');
  await mkdir(desktopFolder, { recursive: true });
  const desktop: Computer = {
    name: 'desktop',
    appData: desktopAppData,
    folder: desktopFolder,
    store: await openSyncedLibraryStore(join(desktopFolder, 'library.json'), { appData: desktopAppData }),
  };
  await carry(laptop, desktop, null);
  const close = async (): Promise<void> => {
    await page.context().close();
    await Promise.all([laptop.store.close(), desktop.store.close()]);
    await library.close();
    await cli.remove();
  };
  return { library, cli, page, errors, id, laptop, desktop, close };
}
