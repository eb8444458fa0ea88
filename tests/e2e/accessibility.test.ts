/**
 * Usable by everyone (WCAG 2.2 AA), in Chromium: axe-core finds no violation of a WCAG A or AA rule on any view
 * or dialog, light or dark; at 200 % zoom of a 1280×800 window (640×400 CSS pixels) everything works without
 * scrolling sideways; the keyboard reaches everything, with skip links first and focus given back when a dialog
 * closes; a screen reader hears rows by their title, status and year, and changes in a polite live region; a
 * selected row stands apart at 3:1. Saves screenshots of the narrow window to test-results/screenshots/.
 */

import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryService } from '../../app/library-service.js';
import { networkSettings } from '../../app/net/settings.js';
import { bundledSampleDigest } from '../../app/resources.js';
import { backUpDaily } from '../../app/store/backups.js';
import { appDataDirectory } from '../../app/library-location.js';
import { openLibraryStore } from '../../app/sync/open-library-store.js';
import { SAMPLE } from '../cli-harness.js';
import { checkBothThemes, settle } from './axe.js';
import { FakeClock } from '../fake-clock.js';
import { FakeWebApis } from '../fake-web-apis.js';
import { MISSING_ID, WITH_DOI } from '../fixtures/arxiv-papers.js';
import { arxivPaperOf, MAR_11 } from '../fixtures/hf-daily-papers.js';
import {
  CHROMIUM,
  openApp,
  openLibrary,
  REPO_ROOT,
  screenshot,
  startE2eRig,
  tempDir,
  type E2eRig,
  type Library,
  type Session,
} from './harness.js';

/** A Hugging Face day with upvotes and authors: Up next orders it by upvotes until it can learn. */
const HF_DAY = join(REPO_ROOT, 'tests', 'fixtures', 'hf-daily-papers-2025-03-11.json');

const PARD = 'Pard: Permutation-Invariant Autoregressive Diffusion for Graph Generation';
const LIE_GROUPS = 'Lie Group Decompositions for Equivariant Neural Networks';
const LORA = 'Merging LoRAs like Playing LEGO';
const ATTENTION = 'Attention Is All You Need';
const DEEP_RESIDUAL = 'Deep Residual Learning for Image Recognition';
/** Formulas in titles and an abstract, and two works with one title: the possible duplicates. */
const MATH_AND_TWINS_BIB = String.raw`@article{khrabrov2024,
  title = {$\nabla^2$DFT: A Universal Quantum Chemistry Dataset},
  author = {Khrabrov, Kuzma},
  year = {2024},
  abstract = {We bound the $L_2$ error by $\frac{a}{b}$ over $\mathbb{R}^n$. Then $$\sum_{i=1}^n x_i \le \epsilon.$$},
}
@book{baddeley1986,
  title = {Working memory},
  author = {Baddeley, Alan D.},
  year = {1986},
}
@incollection{baddeley1974,
  title = {Working Memory},
  author = {Baddeley, Alan D. and Hitch, Graham},
  year = {1974},
}
`;
const BIB = `@article{vaswani2017,
  title = {${ATTENTION}},
  author = {Vaswani, Ashish},
  year = {2017},
  eprint = {1706.03762},
  archivePrefix = {arXiv},
  primaryClass = {cs.CL},
}
@inproceedings{he2016,
  title = {${DEEP_RESIDUAL}},
  author = {He, Kaiming},
  booktitle = {2016 {IEEE} Conference on Computer Vision and Pattern Recognition, {CVPR} 2016, Las Vegas, NV, USA, June 27-30, 2016},
  pages = {770--778},
  publisher = {{IEEE} Computer Society},
  year = {2016},
  month = jun,
  doi = {10.1109/CVPR.2016.90},
}
`;

/** The CSP's frame-ancestors only works as a header; Chromium says so when it meets it in <meta>. */
const unexpectedErrors = (session: Session): string[] =>
  session.errors.filter((message) => !message.includes("'frame-ancestors' is ignored"));

const listbox = (page: Page) => page.getByRole('listbox', { name: /^Papers:/ });
const option = (page: Page, title: string) => listbox(page).getByRole('option').filter({ hasText: title });
/** A row's whole accessible name: its title, a comma, its status and year (the regular expression is anchored). */
const rowName = (title: string, state: string): RegExp =>
  new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ?, ${state}$`);
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
/** The page's tests run in Node, without the DOM's types: the element is described by what is used of it. */
interface InPage {
  readonly ownerDocument: { readonly activeElement: unknown };
}
const isFocused = (locator: Locator): Promise<boolean> =>
  locator.evaluate((element: InPage) => element === element.ownerDocument.activeElement);
const activeElement = (page: Page): Promise<string> =>
  page.evaluate(`(() => {
    const element = document.activeElement;
    if (element === null || element === document.body) return 'body';
    return element.getAttribute('aria-label') ?? element.getAttribute('role') ?? element.textContent?.trim() ?? element.tagName;
  })()`);

async function search(page: Page, text: string): Promise<void> {
  await page.keyboard.press('/');
  await expect.poll(() => activeElement(page)).toBe('Search papers');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

async function importSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Import the sample digest' }).click();
  await option(page, PARD).waitFor();
}

/** The page scrolls sideways by nothing: WCAG 1.4.10. */
async function expectNoSideScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
    '({ scrollWidth: document.documentElement.scrollWidth, innerWidth })',
  );
  expect(scrollWidth, where).toBeLessThanOrEqual(innerWidth);
}

/** The element is shown whole inside the window. */
function expectInView(page: Page, name: string, box: { x: number; y: number; width: number; height: number } | null) {
  const viewport = page.viewportSize();
  expect(box, name).not.toBeNull();
  if (box === null || viewport === null) return;
  expect(box.x, name).toBeGreaterThanOrEqual(0);
  expect(box.y, name).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, name).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height, name).toBeLessThanOrEqual(viewport.height);
}

const chromiumPresent = existsSync(CHROMIUM);

describe.skipIf(!chromiumPresent)('accessibility in Chromium', () => {
  let rig: E2eRig;
  let browser: Browser;
  let files: { path: string; remove: () => Promise<void> };
  let bib: string;
  let garbage: string;

  beforeAll(async () => {
    files = await tempDir('shelfmark-a11y-files-');
    bib = join(files.path, 'classics.bib');
    garbage = join(files.path, 'not-a-digest.txt');
    await writeFile(bib, BIB);
    await writeFile(garbage, 'Nothing here looks like a digest at all.\n');
    rig = await startE2eRig('shelfmark-a11y-renderer-');
    browser = rig.browser;
  }, 120_000);

  afterAll(async () => {
    await rig.close();
    await files.remove();
  });

  async function withLibrary(run: (library: Library) => Promise<void>): Promise<void> {
    const library = await openLibrary(rig.rendererDir);
    try {
      await run(library);
    } finally {
      await library.close();
    }
  }

  it('breaks no WCAG 2.2 A or AA rule on any view or dialog, light or dark', async () => {
    await withLibrary(async (library) => {
      const session = await openApp(browser, library, 'light', { viewport: { width: 1280, height: 800 } });
      const { page } = session;
      const found: Record<string, string[]> = {};

      await page.getByRole('button', { name: 'Import the sample digest' }).waitFor();
      await checkBothThemes(page, 'welcome', found);
      await importSample(page);
      await page.getByRole('status').filter({ hasText: 'Imported 32 papers' }).waitFor();
      await checkBothThemes(page, 'the list, with a toast', found);

      await search(page, 'equivarant netwroks');
      await option(page, LIE_GROUPS).waitFor();
      await checkBothThemes(page, 'search results', found);

      await option(page, LIE_GROUPS).click();
      await expect.poll(() => page.locator('#paper-title').textContent()).toBe(LIE_GROUPS);
      await checkBothThemes(page, 'a paper', found);

      // Tagged and started (the day's first change makes a backup, offered below when the library breaks).
      await page.keyboard.press('t');
      await page.keyboard.type('graphs');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.keyboard.press('r');
      await page.keyboard.press('n');
      await page.keyboard.type(
        'Handles **non-compact** groups.\n\n- [ ] compare with frame averaging\n- [x] read the proofs',
      );
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      // Every key typed right after `n` is the note's: the editor has the focus as soon as `n` is pressed.
      expect(await page.getByRole('textbox', { name: 'Note on this paper, in Markdown' }).inputValue()).toMatch(
        /^Handles \*\*non-compact\*\* groups\./,
      );
      await page.locator('.note-preview input[type=checkbox]').nth(1).waitFor();
      await checkBothThemes(page, 'editing a note, with its preview', found);
      // The same note changed elsewhere (the command line, say) while it is typed: the editor says so, quietly.
      const elsewhere = new LibraryService(library.dbPath, { sampleDigest: bundledSampleDigest() });
      const typed = (await elsewhere.listPapers({})).find((paper) => paper.title === LIE_GROUPS);
      await elsewhere.setNote(typed?.id ?? '', 'Written on the laptop.');
      await elsewhere.close();
      await page.getByText('This note changed elsewhere while you wrote').waitFor();
      await checkBothThemes(page, 'a note being typed that changed elsewhere', found);
      await page.keyboard.press('Escape'); // leaves the note
      await page.keyboard.press('Escape'); // clears the search
      await checkBothThemes(page, 'a paper with its note', found);

      await option(page, PARD).click();
      await page.keyboard.press('Shift+j');
      await page.keyboard.press('Shift+j');
      await page.getByRole('heading', { name: '3 papers selected' }).waitFor();
      await page.getByRole('combobox', { name: 'Add a tag to the selected papers' }).fill('gnn');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: /Remove the tag gnn from 3 selected papers/ }).waitFor();
      await checkBothThemes(page, 'several papers selected', found);
      await page.keyboard.press('Escape'); // leaves the tag field
      await page.keyboard.press('Escape'); // back to one paper

      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await checkBothThemes(page, 'the shortcuts dialog', found);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Export' }).click();
      const exportDialog = page.getByRole('dialog', { name: 'Export' });
      await exportDialog.getByText('Notes as Markdown').waitFor();
      await checkBothThemes(page, 'the export dialog', found);
      await exportDialog.getByText('Citations as BibTeX').click();
      const downloading = page.waitForEvent('download');
      await exportDialog.getByRole('button', { name: 'Export…' }).click();
      await downloading;
      await page.getByRole('status').filter({ hasText: 'Exported' }).waitFor();
      await checkBothThemes(page, 'after an export, with its toast', found);

      // Notes synced with a folder: its dialog (the folder typed, as in browser mode), then its report.
      const toolbar = page.getByRole('toolbar', { name: 'Library actions' });
      await toolbar.getByRole('button', { name: 'Sync', exact: true }).click();
      const syncDialog = page.getByRole('dialog', { name: 'Sync Notes with Folder' });
      await syncDialog.getByRole('textbox', { name: 'Folder' }).fill(join(files.path, 'vault'));
      await checkBothThemes(page, 'the notes sync dialog', found);
      await syncDialog.getByRole('button', { name: 'Sync Now' }).click();
      const syncReport = page.getByRole('dialog', { name: 'Notes synced with the folder' });
      await syncReport.getByRole('heading', { name: /^Written/ }).waitFor();
      await checkBothThemes(page, 'the notes sync report', found);
      await syncReport.getByRole('button', { name: 'Done' }).click();

      await sidebar(page).getByRole('button', { name: 'Rename or merge the tag graphs' }).click();
      await page.getByRole('textbox', { name: 'New name for the tag graphs' }).fill('gnn');
      await page.getByText('Enter merges #graphs into #gnn').waitFor();
      await checkBothThemes(page, 'merging a tag in the sidebar', found);
      await page.keyboard.press('Escape');

      await page.locator('input[type=file]').setInputFiles([bib]);
      await page.getByRole('dialog').getByText('2 added').waitFor();
      await checkBothThemes(page, 'the import report', found);
      await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
      await option(page, DEEP_RESIDUAL).click();
      await page
        .locator('.source-facts')
        .getByRole('link', { name: /10\.1109\/CVPR\.2016\.90/ })
        .waitFor();
      await checkBothThemes(page, 'a paper with what its source says', found);

      // The list sorted, each row with its year and venue; the select that sorts it.
      await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Year, oldest first' });
      await listbox(page).locator('.row-venue').first().waitFor();
      await checkBothThemes(page, 'the list sorted by year, each row with its facts', found);
      await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Date added, newest first' });

      // The triage: the snooze chooser, and Unread with papers decided on in it (dimmed and marked, in place);
      // the sidebar's digests by month, this month's open and March's closed.
      await sidebar(page)
        .getByRole('button', { name: /^Unread \d+ papers$/ })
        .click();
      await page.keyboard.press('d');
      await page.keyboard.press('e');
      await page.keyboard.press('s');
      const chooser = page.getByRole('dialog', { name: 'Snooze this paper' });
      await chooser.getByRole('button', { name: /^Tomorrow/ }).waitFor();
      await checkBothThemes(page, 'the snooze chooser', found);
      await chooser.getByLabel('Pick a date').fill('2020-01-01');
      await chooser.getByText(/is not after today/).waitFor();
      await checkBothThemes(page, 'the snooze chooser, with a day in the past', found);
      await chooser.getByRole('button', { name: /^Next week/ }).click();
      await page.getByText(/· 3 decided/).waitFor();
      expect(await sidebar(page).locator('.digest-month-toggle[aria-expanded="false"]').count()).toBe(1);
      await checkBothThemes(page, 'Unread with papers decided on in it, and the digests by month', found);
      await sidebar(page)
        .getByRole('button', { name: /^All papers/ })
        .click();

      await page.locator('input[type=file]').setInputFiles([garbage]);
      await page.getByRole('dialog').getByText('Not imported').waitFor();
      await checkBothThemes(page, 'the import report of a file that failed', found);
      await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();

      // The library refuses the import as a whole (here: the disk is full).
      await page.route('**/api/importFiles', (route) =>
        route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({
            ok: false,
            error: { kind: 'file-system', message: 'No space left on the disk holding library.json.' },
          }),
        }),
      );
      await page.locator('input[type=file]').setInputFiles([bib]);
      await page.getByRole('dialog', { name: 'The import failed' }).waitFor();
      await checkBothThemes(page, 'the import-failed dialog', found);
      await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
      await page.unroute('**/api/importFiles');

      // A library that cannot be read: the load error, with its backups. (The day's backup is made before the day's
      // first change to a library that exists; this one began empty today, so it gets one here.)
      const store = await openLibraryStore(library.dbPath, { appData: appDataDirectory() });
      await backUpDaily(await store.backups(), new Date(), () => store.read());
      await store.close();
      await writeFile(library.dbPath, '{ "papers": [ this is not JSON');
      await page.reload();
      await page.getByRole('heading', { name: 'Shelfmark couldn’t open your library' }).waitFor();
      await page.getByRole('button', { name: 'Restore' }).first().waitFor();
      await checkBothThemes(page, 'the load error with backups', found);
      await page.getByRole('button', { name: 'Restore' }).first().click();
      await option(page, PARD).waitFor();

      expect(found).toEqual({});
      await session.context.close();
    });
  }, 120_000);

  it('reflows at 200 % zoom of a 1280×800 window: one column, the paper over the list, nothing to scroll sideways', async () => {
    await withLibrary(async (library) => {
      const session = await openApp(browser, library, 'light', {
        viewport: { width: 640, height: 400 },
        deviceScaleFactor: 2,
      });
      const { page } = session;
      const found: Record<string, string[]> = {};
      await page.getByRole('button', { name: 'Import the sample digest' }).waitFor();
      await expectNoSideScroll(page, 'welcome');
      await importSample(page);
      await page.getByRole('status').filter({ hasText: 'Imported 32 papers' }).waitFor();
      await expectNoSideScroll(page, 'the list');
      const sortBy = page.getByRole('combobox', { name: 'Sort by' });
      expectInView(page, 'Sort by', await sortBy.boundingBox());
      await sortBy.selectOption({ label: 'Published date, newest first' });
      await expectNoSideScroll(page, 'the list sorted');
      await checkBothThemes(page, 'the list sorted at 640×400', found);
      await sortBy.selectOption({ label: 'Date added, newest first' });
      const toolbar = page.getByRole('toolbar', { name: 'Library actions' });
      for (const name of ['Library', 'Import', 'Export', 'Sync', 'Keyboard shortcuts']) {
        const button = toolbar.getByRole('button', { name, exact: true });
        expect(await button.isVisible(), name).toBe(true);
        expectInView(page, name, await button.boundingBox());
      }
      await screenshot(page, 'reflow-list-light');

      // A row opens its paper over the list, its title readable; Esc goes back to the row.
      await option(page, LORA).click();
      await expect.poll(() => activeElement(page)).toMatch(new RegExp(`^${LORA}`));
      expect(await listbox(page).isVisible()).toBe(false);
      const title = await page.locator('#paper-title').boundingBox();
      expect(title?.width).toBeGreaterThanOrEqual(300);
      expectInView(page, 'the Back button', await toolbar.getByRole('button', { name: 'Back' }).boundingBox());
      await expectNoSideScroll(page, 'a paper');
      await screenshot(page, 'reflow-paper-light');
      await checkBothThemes(page, 'a paper over the list at 640×400', found);
      await page.keyboard.press('r');
      await page.keyboard.press('Escape');
      await expect.poll(() => listbox(page).isVisible()).toBe(true);
      const loraRow = await option(page, LORA).getAttribute('id');
      await expect.poll(() => isFocused(listbox(page))).toBe(true);
      expect(await listbox(page).getAttribute('aria-activedescendant')).toBe(loraRow);

      // Enter opens the paper at the cursor; Back returns.
      await page.keyboard.press('j');
      await page.keyboard.press('Enter');
      await toolbar.getByRole('button', { name: 'Back' }).click();
      await expect.poll(() => isFocused(listbox(page))).toBe(true);

      // Search.
      await search(page, 'equivarant');
      await option(page, LIE_GROUPS).waitFor();
      await expectNoSideScroll(page, 'search results');
      await screenshot(page, 'reflow-search-light');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');

      // The sidebar slides in; a filter chosen there shows its papers.
      await toolbar.getByRole('button', { name: 'Library', exact: true }).click();
      const unread = sidebar(page).getByRole('button', { name: /^Unread/ });
      await expect.poll(() => unread.isVisible()).toBe(true);
      await expect.poll(() => activeElement(page)).toMatch(/^All papers/);
      await expectNoSideScroll(page, 'the drawer');
      await screenshot(page, 'reflow-drawer-light');
      await checkBothThemes(page, 'the drawer at 640×400', found);
      await unread.click();
      await expect.poll(() => unread.isVisible()).toBe(false);
      await expect.poll(() => page.locator('.list-summary-name').textContent()).toBe('Unread');
      await expect.poll(() => option(page, LORA).count()).toBe(0);
      await expect.poll(() => isFocused(listbox(page))).toBe(true);

      // Import, and its report.
      await page.locator('input[type=file]').setInputFiles([bib]);
      const report = page.getByRole('dialog');
      await report.getByText('2 added').waitFor();
      expectInView(page, 'the report’s Done', await report.getByRole('button', { name: 'Done' }).boundingBox());
      await screenshot(page, 'reflow-import-report-light');
      await report.getByRole('button', { name: 'Done' }).click();
      await expectNoSideScroll(page, 'after an import');

      // The export's five formats scroll inside the dialog; its buttons stay in view.
      await toolbar.getByRole('button', { name: 'Export', exact: true }).click();
      const exporting = page.getByRole('dialog', { name: 'Export' });
      await exporting.getByRole('radio', { name: /^Citations as RIS/ }).check();
      await settle(page);
      expectInView(page, 'the export’s RIS choice', await exporting.getByText('Citations as RIS').boundingBox());
      expectInView(page, 'the export’s button', await exporting.getByRole('button', { name: 'Export…' }).boundingBox());
      await expectNoSideScroll(page, 'the export dialog');
      await screenshot(page, 'reflow-export-light');
      await page.keyboard.press('Escape');
      // The snooze chooser fits, every choice in view.
      await page.keyboard.press('s');
      const chooser = page.getByRole('dialog', { name: 'Snooze this paper' });
      await chooser.waitFor();
      await settle(page);
      await expectNoSideScroll(page, 'the snooze chooser');
      for (const name of [/^Tomorrow/, /^Next week/]) {
        expectInView(page, String(name), await chooser.getByRole('button', { name }).boundingBox());
      }
      await screenshot(page, 'reflow-snooze-light');
      await checkBothThemes(page, 'the snooze chooser at 640×400', found);
      await page.keyboard.press('Escape');
      await expect.poll(() => chooser.count()).toBe(0);

      // The shortcuts fit too.
      await page.keyboard.press('?');
      const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await shortcuts.waitFor();
      await settle(page);
      expectInView(page, 'the shortcuts dialog', await shortcuts.boundingBox());
      await page.keyboard.press('Escape');

      // Dark, for the screenshots.
      await page.emulateMedia({ colorScheme: 'dark' });
      await listbox(page).getByRole('option').first().click();
      await settle(page);
      await screenshot(page, 'reflow-paper-dark');
      await page.keyboard.press('Escape');
      await settle(page);
      await screenshot(page, 'reflow-list-dark');

      // Two columns at 800×600: the sidebar is a drawer, list and paper side by side.
      await page.setViewportSize({ width: 800, height: 600 });
      await page.emulateMedia({ colorScheme: 'light' });
      await expect
        .poll(() =>
          sidebar(page)
            .getByRole('button', { name: /^Unread/ })
            .isVisible(),
        )
        .toBe(false);
      await expect.poll(() => page.locator('#paper-title').isVisible()).toBe(true);
      expect(await listbox(page).isVisible()).toBe(true);
      await expectNoSideScroll(page, 'two columns');
      await screenshot(page, 'reflow-two-columns-light');

      expect(found).toEqual({});
      expect(unexpectedErrors(session)).toEqual([]);
      await session.context.close();
    });
  }, 120_000);

  it('works by keyboard and speaks to a screen reader: skip links, focus given back, names, announcements, contrast of the selection', async () => {
    await withLibrary(async (library) => {
      const session = await openApp(browser, library, 'light', { viewport: { width: 1280, height: 800 } });
      const { page } = session;
      await importSample(page);
      await page.locator('input[type=file]').setInputFiles([bib]);
      await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();

      // The first Tab stops skip to the search and to the list, and show themselves when focused.
      await page.reload();
      await option(page, PARD).waitFor();
      await page.keyboard.press('Tab');
      expect(await activeElement(page)).toBe('Skip to search');
      expectInView(page, 'Skip to search', await page.getByRole('link', { name: 'Skip to search' }).boundingBox());
      await page.keyboard.press('Tab');
      expect(await activeElement(page)).toBe('Skip to papers');
      expectInView(page, 'Skip to papers', await page.getByRole('link', { name: 'Skip to papers' }).boundingBox());
      await page.keyboard.press('Enter');
      await expect.poll(() => isFocused(listbox(page))).toBe(true);
      await page.getByRole('link', { name: 'Skip to search' }).focus();
      await page.keyboard.press('Enter');
      expect(await activeElement(page)).toBe('Search papers');

      // A row is named by its title, status and year (and the pause of a comma): not by its abstract.
      const pard = listbox(page).getByRole('option', { name: rowName(PARD, 'unread') });
      expect(await pard.count()).toBe(1);
      const attention = listbox(page).getByRole('option', { name: rowName(ATTENTION, 'unread, 2017') });
      expect(await attention.count()).toBe(1);

      // Changes are announced, politely.
      const announcer = page.locator('#announcer');
      expect(await announcer.getAttribute('aria-live')).toBe('polite');
      await attention.click();
      await page.keyboard.press('r');
      await expect.poll(() => announcer.textContent()).toBe(`Marked reading: ${ATTENTION}`);
      await page.keyboard.press('t');
      await page.keyboard.type('graphs');
      await page.keyboard.press('Enter');
      await expect.poll(() => announcer.textContent()).toBe(`Tagged ${ATTENTION} with graphs`);
      await page.keyboard.press('Escape');
      expect(
        await listbox(page)
          .getByRole('option', { name: rowName(ATTENTION, 'reading, 2017') })
          .count(),
      ).toBe(1);

      // A selected row stands apart from the rest, and from the page, at 3:1 or more (WCAG 1.4.11).
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await settle(page);
        const ratios = await page.evaluate<{ againstRow: number; againstPage: number }>(SELECTED_ROW_CONTRAST);
        expect(ratios.againstRow, colorScheme).toBeGreaterThanOrEqual(3);
        expect(ratios.againstPage, colorScheme).toBeGreaterThanOrEqual(3);
      }
      await page.emulateMedia({ colorScheme: 'light' });

      // Focus goes back where it was when a dialog closes: the shortcuts, from the list…
      await listbox(page).focus();
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => isFocused(listbox(page))).toBe(true);
      // …the export, to its button…
      await page.getByRole('button', { name: 'Export' }).click();
      const exportDialog = page.getByRole('dialog', { name: 'Export' });
      await exportDialog.getByText('Citations as BibTeX').click();
      const downloading = page.waitForEvent('download');
      await exportDialog.getByRole('button', { name: 'Export…' }).click();
      await downloading;
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      await expect.poll(() => activeElement(page)).toBe('Export');
      // …and the import report, to the Import button, which was disabled while the files were read.
      const choosing = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await (await choosing).setFiles([bib]);
      await page.getByRole('dialog').getByText('2 merged with your library').waitFor();
      expect(await activeElement(page)).toBe('Done');
      await page.keyboard.press('Enter');
      await expect.poll(() => activeElement(page)).toBe('Import');

      // A tag is renamed from the keyboard (F2); Esc gives focus back to it.
      const graphs = sidebar(page).getByRole('button', { name: /^graphs/ });
      await graphs.focus();
      await page.keyboard.press('F2');
      await expect.poll(() => isFocused(page.getByRole('textbox', { name: 'New name for the tag graphs' }))).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => isFocused(graphs)).toBe(true);

      // Tab reaches every control, in order, and each shows that it has focus.
      await page.reload();
      await option(page, ATTENTION).waitFor();
      const stops: FocusStop[] = [];
      for (let press = 0; press < 80; press += 1) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate<FocusStop | null>(FOCUS_STOP);
        if (stop === null || stops[0]?.name === stop.name) break;
        stops.push(stop);
      }
      expect(stops.filter((stop) => !stop.indicated || !stop.shown)).toEqual([]);
      const names = stops.map((stop) => stop.name);
      for (const name of [
        'Skip to search',
        'Skip to papers',
        'All papers',
        'Rename or merge the tag graphs',
        'Search papers',
        'Papers: All papers',
        'Import',
        'Export',
        'Keyboard shortcuts',
        'Unread',
        'Reading',
        'Add a tag',
      ]) {
        expect(
          names.some((stop) => stop.startsWith(name)),
          name,
        ).toBe(true);
      }
      expect(names.indexOf('Skip to search')).toBe(0);
      expect(names.indexOf('Skip to papers')).toBe(1);

      expect(unexpectedErrors(session)).toEqual([]);
      await session.context.close();
    });
  }, 120_000);

  it('shows formulas and the possible duplicates to everyone: no WCAG rule broken, light or dark, wide or at 640×400', async () => {
    await withLibrary(async (library) => {
      const twins = join(files.path, 'math-and-twins.bib');
      await writeFile(twins, MATH_AND_TWINS_BIB);
      const session = await openApp(browser, library, 'light', { viewport: { width: 1280, height: 800 } });
      const { page } = session;
      const found: Record<string, string[]> = {};
      await page.getByRole('button', { name: 'Import files…' }).waitFor();
      await page.locator('input[type=file]').setInputFiles([twins]);
      await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();

      // A title with a formula is still the row's name; the formula is named by what it shows (WCAG 2.5.3).
      const dft = listbox(page).getByRole('option', {
        name: /^∇2 ?DFT: A Universal Quantum Chemistry Dataset ?, unread, 2024$/,
      });
      await dft.locator('math').waitFor();
      await dft.click();
      await page.locator('.abstract math[display="block"]').waitFor();
      await checkBothThemes(page, 'formulas in the list and a paper', found);

      // The possible duplicates: from the sidebar, focus on their heading, each merge a button with its paper's facts.
      await sidebar(page)
        .getByRole('button', { name: /^Possible duplicates/ })
        .click();
      const view = page.getByRole('main', { name: 'Possible duplicates' });
      await expect.poll(() => activeElement(page)).toBe('Possible duplicates');
      const merges = view.getByRole('button', { name: 'Merge into this one' });
      expect(await merges.count()).toBe(2);
      expect(await merges.first().getAttribute('aria-describedby')).not.toBeNull();
      await checkBothThemes(page, 'the possible duplicates', found);
      await page.keyboard.press('Tab');
      expect(await activeElement(page)).toBe('Merge into this one');

      // At 200 % zoom: one column, nothing to scroll sideways, each merge in reach; Back (or Esc) returns to the list.
      await page.setViewportSize({ width: 640, height: 400 });
      await expect.poll(() => page.locator('.app').getAttribute('data-columns')).toBe('1');
      await expectNoSideScroll(page, 'the possible duplicates at 640×400');
      await merges.last().scrollIntoViewIfNeeded();
      expectInView(page, 'a merge button', await merges.last().boundingBox());
      await checkBothThemes(page, 'the possible duplicates at 640×400', found);
      await screenshot(page, 'reflow-duplicates-light');
      const toolbar = page.getByRole('toolbar', { name: 'Library actions' });
      await toolbar.getByRole('button', { name: 'Back' }).click();
      await expect.poll(() => isFocused(listbox(page))).toBe(true);
      await toolbar.getByRole('button', { name: 'Library', exact: true }).click();
      await sidebar(page)
        .getByRole('button', { name: /^Possible duplicates/ })
        .click();
      await view.waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => isFocused(listbox(page))).toBe(true);

      expect(found).toEqual({});
      expect(unexpectedErrors(session)).toEqual([]);
      await session.context.close();
    });
  }, 120_000);
  it('shows Up next and More like this to everyone: no WCAG rule broken, light or dark, wide or at 640×400', async () => {
    await withLibrary(async (library) => {
      const session = await openApp(browser, library, 'light', { viewport: { width: 1280, height: 800 } });
      const { page } = session;
      const found: Record<string, string[]> = {};
      await page.getByRole('button', { name: 'Import files…' }).waitFor();
      await page.locator('input[type=file]').setInputFiles([HF_DAY]);
      await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();

      const upNext = sidebar(page).getByRole('button', { name: /^Up next \d+ papers$/ });
      await upNext.click();
      const basis = page.locator('.ranked-basis');
      await basis.getByText(/^In order of Hugging Face upvotes/).waitFor();
      await checkBothThemes(page, 'Up next, by upvotes', found);

      // A tag, five papers read and five dismissed, by key, in the view: each stays in place, dimmed.
      await page.keyboard.press('t');
      await page.keyboard.type('graphs');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      for (const key of ['e', 'e', 'e', 'e', 'e', 'd', 'd', 'd', 'd', 'd']) await page.keyboard.press(key);
      await page.getByText(/· 10 decided/).waitFor();
      await checkBothThemes(page, 'Up next, with papers decided on in it', found);
      await upNext.click();
      await basis.getByText(/^Ranked by what you kept \(5 papers\)/).waitFor();
      await listbox(page).locator('.row.is-cursor .row-reasons').waitFor();
      await checkBothThemes(page, 'Up next, learnt, each paper with why', found);
      // A digest sorted by relevance: ranked as Up next is, each ranked paper with why, the select saying so.
      await sidebar(page)
        .getByRole('button', { name: /^Hugging Face Daily Papers, Mar 11/ })
        .click();
      await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Relevance, most relevant first' });
      await page
        .locator('.list-sort-note')
        .getByText(/^Ranked by what you kept \(5 papers\)/)
        .waitFor();
      await listbox(page).locator('.row.is-cursor .row-reasons').waitFor();
      await checkBothThemes(page, 'a digest sorted by relevance', found);
      await sidebar(page).getByRole('button', { name: 'Up next for the tag graphs' }).focus();
      await checkBothThemes(page, 'a tag’s Up next button, focused', found);
      await page.keyboard.press('Enter');
      // One paper filed under it: too few to learn from.
      await expect
        .poll(() => basis.textContent())
        .toMatch(/To rank by what you file under #graphs, tag 4 more papers with it\.$/);
      await checkBothThemes(page, 'Up next for a tag', found);

      await listbox(page).getByRole('option').first().click();
      await page.keyboard.press('m');
      const back = page.getByRole('button', { name: /^Back to Up next/ });
      await back.waitFor();
      await listbox(page).locator('.row.is-cursor .row-reasons').waitFor();
      await checkBothThemes(page, 'More like this', found);

      // At 200 % zoom: one column, nothing to scroll sideways, Back and the list in reach; Esc returns.
      await page.setViewportSize({ width: 640, height: 400 });
      await expect.poll(() => page.locator('.app').getAttribute('data-columns')).toBe('1');
      await settle(page);
      await expectNoSideScroll(page, 'More like this at 640×400');
      expectInView(page, 'Back', await back.boundingBox());
      expectInView(page, 'the first neighbour', await listbox(page).getByRole('option').first().boundingBox());
      await checkBothThemes(page, 'More like this at 640×400', found);
      await screenshot(page, 'reflow-more-like-this-light');
      await page.keyboard.press('Escape');
      await expect.poll(() => basis.textContent()).toMatch(/#graphs/);
      await expectNoSideScroll(page, 'Up next at 640×400');
      const rankBy = page.getByRole('combobox', { name: 'Rank by' });
      expectInView(page, 'Rank by', await rankBy.boundingBox());
      expectInView(page, 'the first paper up next', await listbox(page).getByRole('option').first().boundingBox());
      await checkBothThemes(page, 'Up next at 640×400', found);
      await screenshot(page, 'reflow-up-next-light');
      await rankBy.selectOption('');
      await expect.poll(() => basis.textContent()).toMatch(/^Ranked by what you kept/);
      await listbox(page).getByRole('option').first().click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      const paper = page.getByRole('main', { name: 'Paper' });
      await paper.getByRole('button', { name: 'More like this' }).click();
      await back.waitFor();
      await expectNoSideScroll(page, 'More like this from the paper at 640×400');

      expect(found).toEqual({});
      expect(unexpectedErrors(session)).toEqual([]);
      await session.context.close();
    });
  }, 120_000);

  it('keeps the ways papers come in usable by everyone: paste, its preview, fetch, add, a running task, completion', async () => {
    const apis = await FakeWebApis.start();
    for (const item of MAR_11) apis.arxiv.set(item.paper.id, arxivPaperOf(item));
    // Two papers of the PFGM++ title (one is not completed), and one of the day arXiv does not have.
    apis.arxiv.set(WITH_DOI.id, WITH_DOI);
    apis.arxiv.delete(MAR_11[5]?.paper.id ?? '');
    const network = networkSettings(apis.env, { clock: new FakeClock(), timeoutMs: 15_000, retries: 0 });
    const library = await openLibrary(rig.rendererDir, network);
    try {
      const session = await openApp(browser, library, 'light', { viewport: { width: 1280, height: 800 } });
      const { page } = session;
      const found: Record<string, string[]> = {};
      await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const paste = async (text: string): Promise<void> => {
        await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
        await page.keyboard.press('ControlOrMeta+V');
      };

      await page.getByRole('button', { name: 'Add papers…' }).click();
      const addDialog = page.getByRole('dialog', { name: 'Add papers' });
      await expect.poll(() => isFocused(addDialog.getByLabel('arXiv ids or links'))).toBe(true);
      await checkBothThemes(page, 'the Add papers dialog', found);
      await addDialog.getByLabel('arXiv ids or links').fill('arxiv.org/list/cs.LG');
      await page.keyboard.press('ControlOrMeta+Enter');
      await addDialog.getByRole('alert').waitFor();
      await checkBothThemes(page, 'the Add papers dialog with its error', found);

      await addDialog.getByRole('button', { name: 'Paste a digest…' }).click();
      const pasteDialog = page.getByRole('dialog', { name: 'Paste a digest' });
      await expect.poll(() => isFocused(pasteDialog.getByLabel('Digest text'))).toBe(true);
      await checkBothThemes(page, 'the Paste dialog', found);
      await paste(`2503.90101\n${MISSING_ID}\n`);
      const preview = page.getByRole('dialog', { name: 'Import pasted text?' });
      await preview.getByText('1 block will be skipped, and why').waitFor();
      expect(await activeElement(page)).toBe('Import');
      await checkBothThemes(page, 'the preview of a paste, with a block skipped', found);
      await preview.getByRole('button', { name: 'Import' }).click();
      await page.getByRole('dialog', { name: 'Imported 1 paper' }).getByRole('button', { name: 'Done' }).click();
      await option(page, PARD).waitFor();
      expect(await pasteDialog.count()).toBe(0);

      await option(page, PARD).click();
      await paste(await readFile(SAMPLE, 'utf8'));
      await preview.getByText('32 papers: 31 new, 1 already in your library', { exact: true }).waitFor();
      await checkBothThemes(page, 'the preview of a day’s page', found);
      await preview.getByRole('button', { name: 'Import' }).click();
      const report = page.getByRole('dialog', { name: 'Imported 31 papers' });
      await report.getByText('31 papers have no authors: complete them from arXiv?').waitFor();
      await checkBothThemes(page, 'the import report, offering to complete', found);

      // A task that runs until it is cancelled: its panel, by keyboard.
      apis.failures.push({ status: 0 });
      await report.getByRole('button', { name: 'Complete from arXiv' }).click();
      const task = page.getByRole('region', { name: 'Running task' });
      await task.getByText('Completing 31 papers from arXiv…').waitFor();
      await checkBothThemes(page, 'a running task', found);
      await task.getByRole('button', { name: 'Cancel' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Cancelled. Nothing in your library changed.' }).waitFor();

      // A thin paper, then the whole list: Complete details, and its report.
      await page.getByRole('searchbox', { name: 'Search papers' }).fill('Revisiting Transformation Invariant');
      await option(page, MAR_11[2]?.paper.title ?? '').click();
      await page.getByRole('button', { name: 'Complete details' }).waitFor();
      await checkBothThemes(page, 'a thin paper, with Complete details', found);
      await page.keyboard.press('Escape');
      await page.getByRole('searchbox', { name: 'Search papers' }).fill('');
      await listbox(page).getByRole('option').first().click();
      await page.keyboard.press('ControlOrMeta+A');
      const bulk = page.getByRole('button', { name: 'Complete details of 31 papers' });
      await checkBothThemes(page, 'several papers selected, with Complete details', found);
      await bulk.click();
      const completion = page.getByRole('dialog', { name: 'Completed 29 papers' });
      await completion.getByText('Several papers on arXiv have the title: none was taken').waitFor();
      await completion.getByText('Not found on arXiv').waitFor();
      await checkBothThemes(page, 'the completion report', found);
      await completion.getByRole('button', { name: 'Done' }).click();

      // The fetch dialog, and a fetch that fails; at 200 % zoom too.
      const toolbar = page.getByRole('toolbar', { name: 'Library actions' });
      await toolbar.getByRole('button', { name: 'Add papers' }).click();
      await addDialog.getByRole('button', { name: 'Fetch Hugging Face Daily Papers…' }).click();
      const fetchDialog = page.getByRole('dialog', { name: 'Fetch Hugging Face Daily Papers' });
      await expect.poll(() => isFocused(fetchDialog.getByLabel('Day'))).toBe(true);
      await checkBothThemes(page, 'the fetch dialog', found);
      await page.setViewportSize({ width: 640, height: 400 });
      await expect.poll(() => page.locator('.app').getAttribute('data-columns')).toBe('1');
      await settle(page);
      await expectNoSideScroll(page, 'the fetch dialog at 640×400');
      expectInView(page, 'the fetch dialog', await fetchDialog.boundingBox());
      await checkBothThemes(page, 'the fetch dialog at 640×400', found);
      apis.failures.push({ status: 503 });
      await fetchDialog.getByLabel('Day').fill('2025-03-11');
      await fetchDialog.getByRole('button', { name: 'Fetch' }).click();
      await page.getByRole('dialog', { name: 'The fetch failed' }).waitFor();
      await checkBothThemes(page, 'a failed fetch at 640×400', found);
      await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();

      expect(found).toEqual({});
      expect(
        unexpectedErrors(session).filter(
          (message) => !/^Failed to load resource: the server responded with a status of (409|502) /.test(message),
        ),
      ).toEqual([]);
      await session.context.close();
    } finally {
      await library.close();
      await apis.close();
    }
  }, 120_000);
});

interface FocusStop {
  readonly name: string;
  /** An outline of 2 px or more, or (the list, the search) a ring drawn around what stands for it. */
  readonly indicated: boolean;
  readonly shown: boolean;
}

/** In the page: the focused element, and whether it shows that it has focus; null on the page's body. */
const FOCUS_STOP = `(() => {
  const element = document.activeElement;
  if (element === null || element === document.body) return null;
  const style = getComputedStyle(element);
  const ringed = (node) => node !== null && getComputedStyle(node).boxShadow !== 'none';
  const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const list = element.getAttribute('role') === 'listbox' && ringed(element.querySelector('.row.is-cursor'));
  const search = element.closest('.search') !== null && ringed(element.closest('.search'));
  const box = element.getBoundingClientRect();
  return {
    name: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 60),
    indicated: outlined || list || search,
    shown: box.width > 0 && box.height > 0 && style.visibility !== 'hidden',
  };
})()`;

/**
 * In the page: the contrast of the selected row's marking (its accent bar) against an unselected row's background
 * and against the list's, each composited over the page as the eye sees it.
 */
const SELECTED_ROW_CONTRAST = `(() => {
  const parse = (colour) => {
    const [r, g, b, a = 1] = colour.match(/[\\d.]+/g).map(Number);
    return { r, g, b, a };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const luminance = ({ r, g, b }) => {
    const [lr, lg, lb] = [r, g, b].map((value) => {
      const v = value / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
  };
  const ratio = (x, y) => {
    const [high, low] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return (high + 0.05) / (low + 0.05);
  };
  const pane = parse(getComputedStyle(document.querySelector('.list-pane')).backgroundColor);
  const selected = document.querySelector('.row.is-selected');
  const unselected = document.querySelector('.row:not(.is-selected)');
  const rowBackground = (row) => over(parse(getComputedStyle(row).backgroundColor), pane);
  const bar = over(parse(getComputedStyle(selected, '::before').backgroundColor), rowBackground(selected));
  return { againstRow: ratio(bar, rowBackground(unselected)), againstPage: ratio(bar, pane) };
})()`;
