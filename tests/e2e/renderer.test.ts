/**
 * The renderer end to end, in Chromium against browser mode's server on a fresh library: the welcome screen,
 * importing the sample, typo-tolerant search, tagging, the keyboard, notes, reloading, and what reaches the
 * library's files; hostile text kept inert, and a bidi override to its own field. Saves screenshots of the main
 * screens, light and dark, to test-results/screenshots/.
 */

import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSampleDigest } from '../../app/resources.js';
import { LibraryService } from '../../app/library-service.js';
import {
  buildRenderer,
  CHROMIUM,
  launchChromium,
  openApp,
  openLibrary,
  screenshot,
  startRecordingServer,
  tempDir,
  type Session,
} from './harness.js';
import { box, characterLefts, quotesAround } from './layout.js';

const LIE_GROUPS = 'Lie Group Decompositions for Equivariant Neural Networks';
const KNOWLEDGE_GRAPHS = 'Knowledge Graph Embedding by Normalizing Flows';
const NOTE =
  'Handles **non-compact** groups via decompositions.\n\n- compare with frame averaging\n- see https://arxiv.org';

/** The CSP's frame-ancestors only works as a header; Chromium says so when it meets it in <meta>. */
const isExpectedConsoleNoise = (message: string): boolean => message.includes("'frame-ancestors' is ignored");

function unexpectedErrors(session: Session): string[] {
  return session.errors.filter((message) => !isExpectedConsoleNoise(message));
}

const listbox = (page: Page) => page.getByRole('listbox', { name: /^Papers:/ });
const option = (page: Page, title: string) => listbox(page).getByRole('option').filter({ hasText: title });
/** The whole row of the paper titled `title`: its option (the title) and the lines shown under it. */
const row = (page: Page, title: string) =>
  listbox(page)
    .locator('.row')
    .filter({ has: page.getByRole('option').filter({ hasText: title }) });
const statusButton = (page: Page, status: 'Unread' | 'Reading' | 'Read') =>
  page.getByRole('group', { name: 'Reading status' }).getByRole('button', { name: status, exact: true });

async function search(page: Page, text: string): Promise<void> {
  await page.keyboard.press('/');
  await expect.poll(() => page.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe('Search papers');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Imports `files` with the welcome screen's Import files… button; the report, once it says `added`. */
async function importFiles(page: Page, files: readonly string[], added: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Import files…' }).waitFor();
  await page.locator('input[type=file]').setInputFiles([...files]);
  const report = page.getByRole('dialog');
  await report.getByText(added).waitFor();
  return report;
}

const chromiumPresent = existsSync(CHROMIUM);

describe.skipIf(!chromiumPresent)('the renderer in Chromium', () => {
  let build: { path: string; remove: () => Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    build = await tempDir('shelfmark-renderer-');
    await buildRenderer(build.path);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await build.remove();
  });

  it('imports the sample, searches with typos, tags, marks read by keyboard, writes a note, and keeps it all', async () => {
    const library = await openLibrary(build.path);
    try {
      const session = await openApp(browser, library, 'light');
      const { page } = session;

      // An empty library welcomes you with one way in.
      const importSample = page.getByRole('button', { name: 'Import the sample digest' });
      await importSample.waitFor();
      await expect(page.getByRole('heading', { name: 'Welcome to Shelfmark' }).isVisible()).resolves.toBe(true);
      await screenshot(page, 'welcome-light');
      await importSample.click();
      await option(page, 'Pard: Permutation-Invariant').waitFor();
      await expect.poll(() => page.getByRole('button', { name: /All papers/ }).textContent()).toContain('32');
      await screenshot(page, 'library-light');

      // Typos are forgiven; the best matches come first, highlighted; unrelated papers stay out.
      await search(page, 'equivarant netwroks');
      await option(page, LIE_GROUPS).waitFor();
      await expect.poll(() => option(page, KNOWLEDGE_GRAPHS).count()).toBe(0);
      const titles = await listbox(page).getByRole('option').locator('.row-title').allTextContents();
      expect(titles.length).toBeGreaterThanOrEqual(5);
      expect(titles.slice(0, 5).every((title) => /equivariant/i.test(title))).toBe(true);
      expect(await listbox(page).locator('mark').count()).toBeGreaterThan(0);
      await screenshot(page, 'search-light');

      // Tag it, mark it read with the keyboard, write a note.
      await option(page, LIE_GROUPS).click();
      await expect.poll(() => page.locator('#paper-title').textContent()).toBe(LIE_GROUPS);
      await page.keyboard.press('t');
      await page.keyboard.type('equivariance');
      await page.keyboard.press('Enter');
      await page.getByRole('list', { name: 'Tags' }).getByText('equivariance').waitFor();
      await page.keyboard.press('Escape');
      await page.keyboard.press('r');
      await expect.poll(() => statusButton(page, 'Reading').getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.press('r');
      await expect.poll(() => statusButton(page, 'Read').getAttribute('aria-pressed')).toBe('true');
      // Typed right after `n`, on a page slow to draw (each frame half a second late): every key is the note's.
      await page.evaluate(
        'window.slowFrames = window.requestAnimationFrame; window.requestAnimationFrame = (run) => setTimeout(() => window.slowFrames(run), 500)',
      );
      await page.keyboard.press('n');
      await page.keyboard.type(NOTE);
      await page.evaluate('window.requestAnimationFrame = window.slowFrames');
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      expect(await page.locator('#note-input').inputValue()).toBe(NOTE);
      expect(await page.locator('.note-preview strong').textContent()).toBe('non-compact');
      await screenshot(page, 'note-editing-light');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.note-rendered strong').count()).toBe(1);
      const link = page.locator('.note-rendered a');
      expect(await link.getAttribute('href')).toBe('https://arxiv.org/');
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      await page.keyboard.press('Escape'); // clears the search
      await expect.poll(() => page.getByRole('searchbox', { name: 'Search papers' }).inputValue()).toBe('');
      await page.evaluate("document.querySelector('.detail-scroll').scrollTo(0, 0)");
      await screenshot(page, 'detail-light');

      // The shortcuts, in a dialog.
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await screenshot(page, 'shortcuts-light');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      // Undo puts back the last change to reading state, and only that.
      await page.keyboard.press('ControlOrMeta+z');
      await expect.poll(() => statusButton(page, 'Reading').getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.press('r');
      await expect.poll(() => statusButton(page, 'Read').getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('.note-rendered strong').count()).toBe(1);

      // After a reload everything is as it was left.
      await page.reload();
      await option(page, 'Pard: Permutation-Invariant').waitFor();
      await expect
        .poll(() =>
          page
            .getByRole('button', { name: /^Read\b/ })
            .first()
            .textContent(),
        )
        .toContain('1');
      await page
        .getByRole('navigation', { name: 'Library' })
        .getByRole('button', { name: /^equivariance/ })
        .click();
      await option(page, LIE_GROUPS).click();
      await expect.poll(() => statusButton(page, 'Read').getAttribute('aria-pressed')).toBe('true');
      expect(await page.getByRole('list', { name: 'Tags' }).textContent()).toContain('equivariance');
      expect(await page.locator('.note-rendered strong').textContent()).toBe('non-compact');
      // Export the notes: browser mode downloads one Markdown document.
      await page.getByRole('button', { name: 'Export' }).click();
      const exportDialog = page.getByRole('dialog', { name: 'Export' });
      await exportDialog.getByText('Notes as Markdown').waitFor();
      await screenshot(page, 'export-light');
      const downloading = page.waitForEvent('download');
      await exportDialog.getByRole('button', { name: 'Export…' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/\.md$/);
      const exported = await readFile(await download.path(), 'utf8');
      expect(exported).toContain(`## ${LIE_GROUPS}`);
      expect(exported).toContain('non-compact');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      // Citations for Zotero, chosen by keyboard among the formats: CSL-JSON of the papers in the list (the tag's).
      await page.getByRole('button', { name: 'Export' }).click();
      await exportDialog.getByRole('radio', { name: /^Notes as Markdown/ }).focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await exportDialog.getByRole('radio', { name: /^Citations as CSL-JSON/ }).isChecked()).toBe(true);
      await screenshot(page, 'export-citations-light');
      const citing = page.waitForEvent('download');
      await exportDialog.getByRole('button', { name: 'Export…' }).click();
      const citations = await citing;
      expect(citations.suggestedFilename()).toBe('Shelfmark citations.json');
      const entries = JSON.parse(await readFile(await citations.path(), 'utf8')) as { title: string; id: string }[];
      expect(entries.map(({ id, title }) => ({ id, title }))).toEqual([{ id: 'lie', title: LIE_GROUPS }]);
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      expect(unexpectedErrors(session)).toEqual([]);
      expect(session.dialogs).toEqual([]);
      await session.context.close();

      // And in the library's files on disk: its device's.
      await library.server.close();
      const devices = join(library.dir, 'devices');
      const names = await readdir(devices, { recursive: true, withFileTypes: true });
      const files = await Promise.all(
        names.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
      );
      expect(files.join('\n')).toContain('non-compact');
      const service = new LibraryService(library.dbPath, { sampleDigest: bundledSampleDigest() });
      try {
        const { papers } = await service.getLibrary();
        expect(papers).toHaveLength(32);
        const paper = papers.find((candidate) => candidate.title === LIE_GROUPS);
        expect(paper?.status).toBe('read');
        expect(paper?.tags).toEqual(['equivariance']);
        expect(paper?.note).toBe(NOTE);
        expect(papers.filter((candidate) => candidate.status !== 'unread')).toHaveLength(1);
      } finally {
        await service.close();
      }

      // The same screens in the dark.
      await library.restart();
      const dark = await openApp(browser, library, 'dark');
      await option(dark.page, 'Pard: Permutation-Invariant').waitFor();
      await screenshot(dark.page, 'library-dark');
      await search(dark.page, 'equivarant netwroks');
      await option(dark.page, LIE_GROUPS).waitFor();
      await screenshot(dark.page, 'search-dark');
      await option(dark.page, LIE_GROUPS).click();
      await dark.page.locator('.note-rendered').waitFor();
      await screenshot(dark.page, 'detail-dark');
      await dark.page.keyboard.press('?');
      await dark.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await screenshot(dark.page, 'shortcuts-dark');
      expect(unexpectedErrors(dark)).toEqual([]);
      await dark.context.close();
    } finally {
      await library.close();
    }
  }, 120_000);

  it('selects papers apart from each other by keyboard alone, and changes them together', async () => {
    const library = await openLibrary(build.path);
    try {
      const session = await openApp(browser, library, 'light');
      const { page } = session;
      await page.getByRole('button', { name: 'Import the sample digest' }).click();
      await option(page, 'Pard: Permutation-Invariant').waitFor();
      await page.keyboard.press('j');
      const selected = page.locator('[role=option][aria-selected=true]');
      await expect.poll(() => selected.count()).toBe(1);
      const first = await selected.locator('.row-title').textContent();
      // Ctrl/Cmd+↓ moves on without changing the selection; x adds the paper the cursor is on.
      await page.keyboard.press('ControlOrMeta+ArrowDown');
      await page.keyboard.press('ControlOrMeta+ArrowDown');
      await expect.poll(() => selected.count()).toBe(1);
      // The detail still shows, and acts on, the paper selected.
      await expect.poll(() => page.locator('.detail-scroll h1').textContent()).toBe(first);
      await page.keyboard.press('x');
      await page.getByRole('heading', { name: '2 papers selected' }).waitFor();
      await page.keyboard.press('ControlOrMeta+ArrowDown');
      await page.keyboard.press('ControlOrMeta+ArrowDown');
      await page.keyboard.press('x');
      await page.getByRole('heading', { name: '3 papers selected' }).waitFor();
      await page.keyboard.press('x');
      await page.getByRole('heading', { name: '2 papers selected' }).waitFor();
      const rows = await page.getByRole('option').locator('.row-title').allTextContents();
      const chosen = await selected.locator('.row-title').allTextContents();
      const at = rows.indexOf(first ?? '');
      expect(at).toBeGreaterThanOrEqual(0);
      expect(chosen).toEqual([rows[at], rows[at + 2]]);
      await page.keyboard.press('e');
      await expect
        .poll(() =>
          page
            .getByRole('button', { name: /^Read\b/ })
            .first()
            .textContent(),
        )
        .toContain('2');
      expect(unexpectedErrors(session)).toEqual([]);
    } finally {
      await library.close();
    }
  }, 120_000);

  it('selects several papers and changes them together', async () => {
    const library = await openLibrary(build.path);
    try {
      const session = await openApp(browser, library, 'light');
      const { page } = session;
      await page.getByRole('button', { name: 'Import the sample digest' }).click();
      await option(page, 'Pard: Permutation-Invariant').waitFor();
      await option(page, 'Pard: Permutation-Invariant').click();
      await page.keyboard.press('Shift+j');
      await page.keyboard.press('Shift+j');
      await option(page, 'Intriguing Properties').click({ modifiers: ['ControlOrMeta'] });
      await page.getByRole('heading', { name: '4 papers selected' }).waitFor();
      await page
        .getByRole('group', { name: 'Set the status of the selected papers' })
        .getByRole('button', { name: 'Read', exact: true })
        .click();
      await page.getByRole('combobox', { name: 'Add a tag to the selected papers' }).fill('graphs');
      await page.keyboard.press('Enter');
      await expect
        .poll(() =>
          page
            .getByRole('button', { name: /^Read\b/ })
            .first()
            .textContent(),
        )
        .toContain('4');
      await page.getByRole('button', { name: /Remove the tag graphs from 4 selected papers/ }).waitFor();
      await screenshot(page, 'bulk-light');

      // Renaming a tag into another one merges them.
      await page.keyboard.press('Escape'); // leaves the tag field
      await page.keyboard.press('Escape'); // back to one paper
      await expect.poll(() => page.getByRole('heading', { name: '4 papers selected' }).count()).toBe(0);
      await page.keyboard.press('t');
      await page.keyboard.type('gnn');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      const sidebar = page.getByRole('navigation', { name: 'Library' });
      await sidebar.getByRole('button', { name: 'Rename or merge the tag gnn' }).click({ force: true });
      await page.getByRole('textbox', { name: 'New name for the tag gnn' }).fill('graphs');
      await page.getByText('Enter merges #gnn into #graphs').waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => sidebar.getByRole('button', { name: /gnn/ }).count()).toBe(0);
      await expect.poll(() => sidebar.getByRole('button', { name: /^graphs/ }).textContent()).toContain('4');

      // A failed import says why, file by file, and changes nothing.
      const folder = await tempDir('shelfmark-import-');
      try {
        const garbage = join(folder.path, 'not-a-digest.txt');
        await writeFile(garbage, 'Nothing here looks like a digest at all.\n');
        await page.locator('input[type=file]').setInputFiles([garbage]);
        const report = page.getByRole('dialog');
        await report.getByText('not-a-digest.txt').waitFor();
        expect(await report.getByText('Not imported').count()).toBe(1);
        await screenshot(page, 'import-failed-light');
        await report.getByRole('button', { name: 'Done' }).click();
        await expect.poll(() => page.getByRole('button', { name: /All papers/ }).textContent()).toContain('32');
      } finally {
        await folder.remove();
      }
      // Files dropped anywhere on the window are imported; while they hover, an overlay says so.
      const dropped = `@article{vaswani2017,\n  title = {Attention Is All You Need},\n  author = {Vaswani, Ashish},\n  year = {2017},\n  eprint = {1706.03762},\n  archivePrefix = {arXiv},\n}\n`;
      await page.evaluate(`(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([${JSON.stringify(dropped)}], 'dropped.bib', { type: 'text/plain' }));
        window.__drop = transfer;
        window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      })()`);
      await page.getByText('Drop to import').waitFor();
      await screenshot(page, 'drop-overlay-light');
      await page.evaluate(
        `window.dispatchEvent(new DragEvent('drop', { dataTransfer: window.__drop, bubbles: true, cancelable: true }))`,
      );
      const dropReport = page.getByRole('dialog');
      await dropReport.getByText('1 added').waitFor();
      await screenshot(page, 'import-report-light');
      await dropReport.getByRole('button', { name: 'Done' }).click();
      expect(await page.getByText('Drop to import').count()).toBe(0);
      await expect.poll(() => page.getByRole('button', { name: /All papers/ }).textContent()).toContain('33');
      await option(page, 'Attention Is All You Need').waitFor();

      expect(unexpectedErrors(session)).toEqual([]);
      await session.context.close();
    } finally {
      await library.close();
    }
  }, 120_000);

  it('still searches when the page cannot start a worker', async () => {
    const library = await openLibrary(build.path);
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript('delete window.Worker');
      const page = await context.newPage();
      await page.goto(library.server.url);
      await page.getByRole('button', { name: 'Import the sample digest' }).click();
      await option(page, 'Pard: Permutation-Invariant').waitFor();
      await search(page, 'equivarant netwroks');
      await option(page, LIE_GROUPS).waitFor();
      await expect.poll(() => option(page, KNOWLEDGE_GRAPHS).count()).toBe(0);
      await context.close();
    } finally {
      await library.close();
    }
  }, 120_000);

  it('keeps the token to Shelfmark’s page: another local server it links to gets no cookie and no token', async () => {
    const library = await openLibrary(build.path);
    const elsewhere = await startRecordingServer();
    const folder = await tempDir('shelfmark-elsewhere-');
    try {
      const title = 'A Paper Whose Code Runs on Localhost';
      const bib = join(folder.path, 'local.bib');
      await writeFile(
        bib,
        `@article{local2024,\n  title = {${title}},\n  author = {Doe, Jane},\n  year = {2024},\n  url = {${elsewhere.origin}/notebook?paper=1},\n}\n`,
      );
      const session = await openApp(browser, library, 'light');
      const { page, context } = session;
      const { token } = library.server;
      const origin = new URL(library.server.url).origin;
      // The token leaves the address bar at once, and no cookie holds it.
      await page.getByRole('button', { name: 'Import files…' }).waitFor();
      expect(page.url()).toBe(`${origin}/`);
      expect(await context.cookies()).toEqual([]);

      await page.locator('input[type=file]').setInputFiles([bib]);
      const report = page.getByRole('dialog');
      await report.getByText('1 added').waitFor();
      await report.getByRole('button', { name: 'Done' }).click();

      // A reload keeps working: the tab kept the token.
      await page.reload();
      await option(page, title).click();
      expect(page.url()).toBe(`${origin}/`);

      // Following the paper's link opens the other server in a new tab…
      const opening = page.waitForEvent('popup');
      await page
        .getByRole('list', { name: 'Links' })
        .getByRole('link', { name: /127\.0\.0\.1/ })
        .click();
      const popup = await opening;
      await popup.getByText('Hello from elsewhere.').waitFor();
      // …and Shelfmark's own tab going there itself, as a link followed in place would.
      await page.evaluate(`location.href = ${JSON.stringify(`${elsewhere.origin}/same-tab`)}`);
      await page.getByText('Hello from elsewhere.').waitFor();

      const paths = elsewhere.requests.map((request) => request.url);
      expect(paths).toContain('/notebook?paper=1');
      expect(paths).toContain('/same-tab');
      for (const request of elsewhere.requests) {
        expect(request.headers.cookie, request.url).toBeUndefined();
        // The other server's own pages may name themselves (its favicon's Referer); Shelfmark's is never named.
        expect(request.headers.referer ?? '', request.url).not.toContain(origin);
        expect(JSON.stringify(request), request.url).not.toContain(token);
        expect(JSON.stringify(request), request.url).not.toContain(String(library.server.port));
      }
      expect(unexpectedErrors(session)).toEqual([]);
      await context.close();
    } finally {
      await folder.remove();
      await elsewhere.close();
      await library.close();
    }
  }, 120_000);

  it('runs nothing from hostile titles, abstracts or notes: they show as text', async () => {
    const library = await openLibrary(build.path);
    const folder = await tempDir('shelfmark-hostile-');
    try {
      // Markup, a right-to-left override and a zero-width space: all shown as the text they are.
      const title = '<img src=x onerror=alert(1)> Attention <script>alert(2)</script> \u202Egnp.exe\u200B';
      const bib = join(folder.path, 'hostile.bib');
      await writeFile(
        bib,
        `@article{hostile2024,
  title = {${title}},
  author = {Mallory, Eve},
  year = {2024},
  url = {javascript:alert(3)},
  abstract = {An abstract with <b onmouseover=alert(4)>markup</b> and <iframe src="https://example.com"></iframe>.},
}
`,
      );
      const session = await openApp(browser, library, 'light');
      const { page } = session;
      const report = await importFiles(page, [bib], '1 added');
      await report.getByRole('button', { name: 'Done' }).click();

      const row = listbox(page).getByRole('option').first();
      await row.click();
      expect(await page.locator('#paper-title').textContent()).toBe(title);
      expect(await page.locator('.abstract').textContent()).toContain('<b onmouseover=alert(4)>markup</b>');
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);

      await page.keyboard.press('n');
      await page.keyboard.type(
        'Note <img src=x onerror=alert(5)> <script>alert(6)</script> [click](javascript:alert(7)) ![i](https://example.com/i.png)',
      );
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      await page.keyboard.press('Escape');
      const rendered = page.locator('.note-rendered');
      await rendered.waitFor();
      expect(await rendered.textContent()).toContain('<img src=x onerror=alert(5)>');
      expect(await rendered.textContent()).toContain('<script>alert(6)</script>');
      expect(await rendered.locator('img, script, iframe').count()).toBe(0);
      expect(await rendered.locator('a[href^="javascript:"]').count()).toBe(0);
      expect(await page.locator('img').count()).toBe(0);
      await screenshot(page, 'hostile-light');

      // Hover and search over it too: still nothing runs.
      await page.locator('#paper-title').hover();
      await search(page, 'attention');
      await option(page, 'Attention').waitFor();
      await page.waitForTimeout(300);
      expect(session.dialogs).toEqual([]);
      expect(session.foreignRequests).toEqual([]);
      expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
      expect(unexpectedErrors(session)).toEqual([]);
      await session.context.close();
    } finally {
      await folder.remove();
      await library.close();
    }
  }, 120_000);

  it('keeps an override in a title, author, abstract, digest name or note to its own field', async () => {
    // An override or isolate left open in each field: without isolation, a title "abc\u202Etxt.exe" followed by
    // " end" shows as "abc endexe.txt", the text after it pulled in.
    const [rlo, lro, rli, pdi] = ['\u202E', '\u202D', '\u2067', '\u2069'];
    const title = `abc${rlo}txt.exe`;
    const author = `Eve ${rli}Mallory`;
    const abstractText = `We study spoofed file names ${lro}in abstracts and ${rlo}reversed text, left open.`;
    const note = `Checked the zanzibar ${rlo}payload`;
    const plainTitle = 'A Plain Paper About Attention';
    // The file's name becomes the digest's: "BibTeX: refs\u202Eevil.bib".
    const fileName = `refs${rlo}evil.bib`;
    // A PDI with nothing to close, then an override: the PDI would close the field's own isolate, left as it is.
    const query = `zzqx${pdi}${rlo}abc`;
    const library = await openLibrary(build.path);
    const folder = await tempDir('shelfmark-bidi-');
    try {
      const bib = join(folder.path, fileName);
      await writeFile(
        bib,
        `@article{spoof2024,
  title = {${title}},
  author = {${author} and Lovelace, Ada},
  year = {2024},
  abstract = {${abstractText}},
}

@article{plain2024,
  title = {${plainTitle}},
  author = {Hopper, Grace},
  abstract = {An abstract with nothing odd in it.},
}

@article{long2024,
  title = {Long ${rlo}title ${'lorem '.repeat(500)}end},
  author = {Doe, Jane},
}
`,
      );
      const session = await openApp(browser, library, 'light');
      const { page } = session;

      // The report: the digest's name and the file's, each isolated; the cut title named, its override escaped.
      const report = await importFiles(page, [bib], '3 added');
      const names = report.locator('.report-file-name bdi');
      expect(await names.allTextContents()).toEqual([`BibTeX: ${fileName}`, fileName]);
      const [digestName, source] = await Promise.all([box(names.first()), box(names.last())]);
      expect(source.left).toBeGreaterThanOrEqual(digestName.right);
      expect(await report.locator('.report-skipped li').allTextContents()).toEqual([
        'paper 3 (“Long \\u202etitle lorem lorem lorem lorem lore…”) title cut from 3,015 to 2,000 characters',
      ]);
      await expect.poll(() => report.getByText('1 field cut').isVisible()).toBe(true);
      await screenshot(page, 'bidi-import-report-light');
      await report.getByRole('button', { name: 'Done' }).click();

      // The list row: the title's override still reverses its own end ("abc" then "exe.txt")…
      const spoofed = option(page, 'abc');
      expect(await spoofed.locator('.row-title bdi').textContent()).toBe(title);
      const lefts = await characterLefts(page, '.row-title bdi', title);
      const [a, txtStart, exeEnd] = [lefts[0] ?? NaN, lefts[4] ?? NaN, lefts[10] ?? NaN];
      expect(a).toBeLessThan(exeEnd);
      expect(exeEnd).toBeLessThan(txtStart);
      // …and nothing after the title moves: the abstract's line starts below it, at the same left edge, as in the
      // row of a plain title.
      const [titleBox, snippetBox] = await Promise.all([
        box(spoofed.locator('.row-title')),
        box(row(page, 'abc').locator('.row-snippet')),
      ]);
      const plain = option(page, plainTitle);
      const [plainTitleBox, plainSnippetBox] = await Promise.all([
        box(plain.locator('.row-title')),
        box(row(page, plainTitle).locator('.row-snippet')),
      ]);
      expect(snippetBox.top).toBeGreaterThanOrEqual(titleBox.bottom);
      expect(snippetBox.left - titleBox.left).toBe(plainSnippetBox.left - plainTitleBox.left);
      expect(await row(page, 'abc').locator('.row-snippet bdi').count()).toBe(1);

      // The detail pane: title, authors, "From" and the digest's name, the abstract, in their order.
      await spoofed.click();
      await expect.poll(() => page.locator('#paper-title bdi').textContent()).toBe(title);
      expect(await page.locator('.paper-authors bdi').textContent()).toBe(`${author}, Ada Lovelace${pdi}`);
      const [detailTitle, authors, fromLabel, fromDigest, abstractHeading, abstract] = await Promise.all([
        box(page.locator('#paper-title bdi')),
        box(page.locator('.paper-authors bdi')),
        box(page.locator('.paper-from-label')),
        box(page.locator('.paper-from bdi')),
        box(page.locator('#abstract-heading')),
        box(page.locator('.abstract p bdi')),
      ]);
      expect(authors.top).toBeGreaterThanOrEqual(detailTitle.bottom);
      expect(fromDigest.left).toBeGreaterThan(fromLabel.right);
      expect(abstractHeading.bottom).toBeLessThanOrEqual(abstract.top);
      expect(await page.locator('.paper-from bdi').textContent()).toBe(`BibTeX: ${fileName}`);

      // The sidebar: the digest's name, and its progress line still under it.
      const digestItem = page.getByRole('navigation', { name: 'Library' }).locator('.digest-item');
      const [sidebarName, stats] = await Promise.all([
        box(digestItem.locator('bdi.nav-label')),
        box(digestItem.locator('.digest-stats')),
      ]);
      expect(stats.top).toBeGreaterThanOrEqual(sidebarName.bottom);
      expect(await digestItem.locator('.digest-stats').textContent()).toBe('0 of 3 read');

      // A note with an override, found by search: "Note:" stays before its snippet.
      await page.keyboard.press('n');
      await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('note-input');
      await page.keyboard.insertText(note);
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      await page.keyboard.press('Escape');
      await page.keyboard.press('/');
      await page.keyboard.insertText('zanzibar');
      const noteRow = listbox(page).locator('.row').filter({ hasText: 'Note:' });
      await noteRow.waitFor();
      const [noteLabel, noteSnippet] = await Promise.all([
        box(noteRow.locator('.row-snippet-from')),
        box(noteRow.locator('.row-snippet bdi')),
      ]);
      expect(noteSnippet.left).toBeGreaterThanOrEqual(noteLabel.right);
      expect(await noteRow.locator('.row-snippet bdi').textContent()).toBe(note);
      await screenshot(page, 'bidi-light');

      // A query that matches nothing is quoted back; its stray PDI and override stay between the quote marks.
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.insertText(query);
      const empty = page.locator('.empty-title');
      await expect.poll(() => empty.textContent()).toContain('No papers match');
      const quoted = await quotesAround(page, '.empty-title', 'bdi');
      expect(quoted.open).toBeLessThan(quoted.field.left);
      expect(quoted.close).toBeGreaterThanOrEqual(quoted.field.right - 0.5);
      await screenshot(page, 'bidi-no-match-light');

      // The same measure finds the leak in what the app no longer draws: a plain span, and a <bdi> of the query
      // as it is, whose PDI closes the <bdi>'s own isolate.
      await page.evaluate(`(() => {
        for (const tag of ['span', 'bdi']) {
          const paragraph = document.createElement('p');
          paragraph.className = 'control-' + tag;
          const field = document.createElement(tag);
          field.textContent = ${JSON.stringify(query)};
          paragraph.append('No papers match “', field, '”');
          document.body.append(paragraph);
        }
      })()`);
      for (const tag of ['span', 'bdi']) {
        const leaked = await quotesAround(page, `.control-${tag}`, tag);
        expect([tag, leaked.close < leaked.field.right - 0.5]).toEqual([tag, true]);
      }

      expect(unexpectedErrors(session)).toEqual([]);
      await session.context.close();
    } finally {
      await folder.remove();
      await library.close();
    }
  }, 120_000);
});
