/**
 * Formulas and possible duplicates end to end, in Chromium against browser mode's server: a BibTeX file with TeX
 * math in its titles and abstracts shows the math rendered (MathML) in the list, the detail pane and a note, and
 * as written where KaTeX cannot render it; hostile formulas stay inert; two works with one title are kept apart,
 * shown as possible duplicates with why, merged into one with both notes and tags, and taken apart again by
 * Ctrl/Cmd+Z and by the toast's Undo. Saves screenshots, light and dark, to test-results/screenshots/.
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
  type Library,
  type Session,
} from './harness.js';

const DFT_TITLE = String.raw`$\nabla^2$DFT: A Universal Quantum Chemistry Dataset of Drug-Like Molecules`;
const DFT_SHOWN = '∇2DFT: A Universal Quantum Chemistry Dataset of Drug-Like Molecules';
const MATH_BIB = String.raw`@article{khrabrov2024,
  title = {${DFT_TITLE}},
  author = {Khrabrov, Kuzma and Ber, Anton},
  year = {2024},
  abstract = {We bound the $L_2$ error by $\frac{a}{b}$ over $\mathbb{R}^n$, for \$5 a run.

Then $$\sum_{i=1}^n x_i^2 \le \epsilon$$ holds.},
}

@inproceedings{norm2023,
  title = {The $L_2$ Norm of Attention Maps},
  author = {Doe, Jane},
  year = {2023},
}

@article{fraction2022,
  title = {When $\frac{a}{b}$ Is Not Enough},
  author = {Roe, Richard},
  year = {2022},
}

@article{unrenderable2021,
  title = {Bounds with $\notarealcommand{x}$ in Them},
  author = {Poe, Edgar},
  year = {2021},
}

@book{baddeley1986,
  title = {Working memory},
  author = {Baddeley, Alan D.},
  year = {1986},
  publisher = {Oxford University Press},
}

@incollection{baddeley1974,
  title = {Working Memory},
  author = {Baddeley, Alan D. and Hitch, Graham},
  year = {1974},
  booktitle = {The Psychology of Learning and Motivation},
}
`;

const NESTED = `${String.raw`\underbrace{`.repeat(3_000)}x${'}_{y}'.repeat(3_000)}`;
const HOSTILE_BIB = String.raw`@article{hostile2024,
  title = {Click $\href{javascript:alert(1)}{here}$ or $\url{https://example.com/x}$ now},
  author = {Mallory, Eve},
  year = {2024},
  abstract = {Styled $\htmlClass{pwned}{y}$, $\htmlId{root}{z}$, $\htmlStyle{color:red}{w}$ and
$\includegraphics{https://example.com/i.png}$; big $\rule{1000em}{1000em}$; deep $${NESTED}$.},
}
`;

/** The CSP's frame-ancestors only works as a header; Chromium says so when it meets it in <meta>. */
const unexpectedErrors = (session: Session): string[] =>
  session.errors.filter((message) => !message.includes("'frame-ancestors' is ignored"));

const listbox = (page: Page) => page.getByRole('listbox', { name: /^Papers:/ });
const option = (page: Page, title: string) => listbox(page).getByRole('option').filter({ hasText: title });
const row = (page: Page, title: string) =>
  listbox(page)
    .locator('.row')
    .filter({ has: page.getByRole('option').filter({ hasText: title }) });
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const allPapers = (page: Page) => sidebar(page).getByRole('button', { name: /^All papers/ });

async function writeNote(page: Page, text: string): Promise<void> {
  await page.keyboard.press('n');
  await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('note-input');
  await page.keyboard.insertText(text);
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await page.keyboard.press('Escape');
}

async function addTag(page: Page, tag: string): Promise<void> {
  await page.keyboard.press('t');
  await page.keyboard.type(tag);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

describe.skipIf(!existsSync(CHROMIUM))('formulas and possible duplicates in Chromium', () => {
  let rig: E2eRig;
  let files: { path: string; remove: () => Promise<void> };

  beforeAll(async () => {
    files = await tempDir('shelfmark-math-files-');
    await writeFile(join(files.path, 'math.bib'), MATH_BIB);
    await writeFile(join(files.path, 'hostile-math.bib'), HOSTILE_BIB);
    rig = await startE2eRig('shelfmark-math-renderer-');
  }, 120_000);

  afterAll(async () => {
    await rig.close();
    await files.remove();
  });

  /**
   * A fresh library, and a light page that has imported `file` (its report saying `added`); after `run`, the page
   * must have reported no error.
   */
  async function withImported(
    file: string,
    added: string,
    run: (session: Session, library: Library) => Promise<void>,
  ): Promise<void> {
    const library = await openLibrary(rig.rendererDir);
    try {
      const session = await openApp(rig.browser, library, 'light');
      const { page } = session;
      await page.getByRole('button', { name: 'Import files…' }).waitFor();
      await page.locator('input[type=file]').setInputFiles([join(files.path, file)]);
      const report = page.getByRole('dialog');
      await report.getByText(added).waitFor();
      await report.getByRole('button', { name: 'Done' }).click();
      await run(session, library);
      expect(unexpectedErrors(session)).toEqual([]);
      await session.context.close();
    } finally {
      await library.close();
    }
  }

  it('renders formulas in the list, the paper and a note, and shows what KaTeX cannot render as written', async () => {
    await withImported('math.bib', '6 added', async (session, library) => {
      const { page } = session;

      // The row: the title's formula is MathML, named by what it shows; the abstract's line has its formulas too.
      const dft = option(page, 'DFT: A Universal');
      await dft.locator('.row-title math').waitFor();
      expect(await dft.locator('.row-title').textContent()).toBe(DFT_SHOWN);
      expect(
        await listbox(page)
          .getByRole('option', {
            name: /^∇2 ?DFT: A Universal Quantum Chemistry Dataset of Drug-Like Molecules ?, unread, 2024$/,
          })
          .count(),
      ).toBe(1);
      expect(await row(page, 'DFT: A Universal').locator('.row-snippet math').count()).toBeGreaterThanOrEqual(3);
      expect(await option(page, 'Norm of Attention Maps').locator('math msub').count()).toBe(1);
      expect(await option(page, 'Is Not Enough').locator('math mfrac').count()).toBe(1);
      // What KaTeX cannot render reads as written, with no red error.
      const unrenderable = option(page, 'in Them');
      expect(await unrenderable.locator('.row-title').textContent()).toBe(
        String.raw`Bounds with $\notarealcommand{x}$ in Them`,
      );
      expect(await unrenderable.locator('math').count()).toBe(0);
      await screenshot(page, 'math-list-light');

      // The paper: its title, and the abstract's formulas, \mathbb as ℝ, a display on a line of its own, \$ as $.
      await dft.click();
      await page.locator('#paper-title math').waitFor();
      expect(await page.locator('#paper-title').textContent()).toBe(DFT_SHOWN);
      const abstract = page.locator('.abstract');
      await expect.poll(() => abstract.locator('math').count()).toBe(4);
      expect(await abstract.locator('math[display="block"] munderover').count()).toBe(1);
      const text = await abstract.textContent();
      expect(text).toContain('ℝ');
      expect(text).toContain('for $5 a run');
      expect(text).not.toContain('\\frac');

      // A note: its formula rendered in the preview and once written, code left alone.
      await writeNote(page, 'Energy $E = mc^2$ per atom, not `$x$` in code.');
      const note = page.locator('.note-rendered');
      await note.locator('math msup').waitFor();
      expect(await note.locator('code').textContent()).toBe('$x$');
      expect(await note.locator('code math').count()).toBe(0);
      await page.keyboard.press('n');
      await page.locator('.note-preview math msup').waitFor();
      await page.keyboard.press('Escape');
      await page.evaluate("document.querySelector('.detail-scroll').scrollTo(0, 0)");
      await screenshot(page, 'math-detail-light');

      // Search finds it by the math's own words, and marks the formula they are in, whole.
      await page.keyboard.press('/');
      await page.keyboard.type('nabla');
      await expect.poll(() => listbox(page).getByRole('option').count()).toBe(1);
      await dft.locator('.row-title mark.formula-match math').waitFor();
      await screenshot(page, 'math-search-light');
      await page.keyboard.press('Escape');

      const dark = await openApp(rig.browser, library, 'dark');
      await option(dark.page, 'DFT: A Universal').click();
      await dark.page.locator('.abstract math[display="block"]').waitFor();
      await dark.page.locator('.note-rendered math').waitFor();
      await screenshot(dark.page, 'math-detail-dark');
      expect(unexpectedErrors(dark)).toEqual([]);
      await dark.context.close();
    });
  }, 120_000);

  it('keeps hostile formulas inert: no link, no class or id, no image, no huge box, no deep tree', async () => {
    await withImported('hostile-math.bib', '1 added', async (session) => {
      const { page } = session;
      const hostile = option(page, 'Click');
      await hostile.click();
      // The rule's formula: a box of no height, so not "visible" to Playwright.
      await page.locator('.abstract math').first().waitFor({ state: 'attached' });
      // Formulas that would link, load, name or style show as written; the one \rule is at most 20 em.
      expect(await page.locator('#paper-title').textContent()).toBe(
        String.raw`Click $\href{javascript:alert(1)}{here}$ or $\url{https://example.com/x}$ now`,
      );
      expect(await page.locator('#paper-title math').count()).toBe(0);
      const abstract = page.locator('.abstract');
      expect(await abstract.locator('math').count()).toBe(1);
      const text = (await abstract.textContent()) ?? '';
      for (const command of ['htmlClass', 'htmlId', 'htmlStyle', 'includegraphics', 'underbrace']) {
        expect(text, command).toContain(`\\${command}`);
      }
      const rule = await abstract.locator('math').boundingBox();
      expect(rule?.width).toBeLessThan(20 * 17 + 40);
      await writeNote(page, 'A note with $\\href{javascript:alert(2)}{x}$ and $\\htmlClass{pwned}{y}$.');
      await page.locator('.note-rendered').waitFor();
      expect(await page.locator('.note-rendered').textContent()).toContain('$\\href{javascript:alert(2)}{x}$');

      await page.locator('#paper-title').hover();
      await page.waitForTimeout(300);
      expect(await page.locator('math a, math [href], [href^="javascript:"], .pwned, img').count()).toBe(0);
      expect(await page.locator('math [style], math [class], math [id]').count()).toBe(0);
      expect(session.dialogs).toEqual([]);
      expect(session.foreignRequests).toEqual([]);
      // No CSP violation either (nothing tried an inline style): withImported checks the page reported no error.
    });
  }, 120_000);

  it('shows two works with one title as possible duplicates, merges them with both notes and tags, and undoes it', async () => {
    await withImported('math.bib', '6 added', async (session, library) => {
      const { page } = session;
      await expect.poll(() => allPapers(page).textContent()).toContain('6');

      // Each of the two works has a note and a tag of its own.
      const works = listbox(page).getByRole('option', { name: /^Working memory/i });
      await expect.poll(() => works.count()).toBe(2);
      await listbox(page)
        .getByRole('option', { name: /^Working memory ?, unread, 1986$/ })
        .click();
      await addTag(page, 'book');
      await writeNote(page, 'The book.');
      await listbox(page)
        .getByRole('option', { name: /^Working Memory ?, unread, 1974$/ })
        .click();
      await addTag(page, 'chapter');
      await writeNote(page, 'The chapter.');

      // The sidebar says there is one title shared by works kept apart, and shows why.
      const entry = sidebar(page).getByRole('button', { name: /^Possible duplicates/ });
      await expect.poll(() => entry.textContent()).toContain('1');
      await entry.click();
      const view = page.getByRole('main', { name: 'Possible duplicates' });
      await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('duplicates-heading');
      const group = view.getByRole('region', { name: 'Working memory' });
      await group.getByText('Kept apart: years 1986 and 1974.').waitFor();
      const book = group.getByRole('listitem').filter({ hasText: '1986' });
      expect(await book.textContent()).toContain('Alan D. Baddeley');
      expect(await book.textContent()).toContain('From BibTeX: math.bib');
      expect(await book.textContent()).toContain('tagged book');
      expect(await group.getByRole('listitem').filter({ hasText: '1974' }).textContent()).toContain(
        'Alan D. Baddeley, Graham Hitch',
      );
      expect(await listbox(page).count()).toBe(0);
      await screenshot(page, 'duplicates-light');

      // Merged by keyboard into the book: one paper, with both notes and both tags.
      const merge = book.getByRole('button', { name: 'Merge into this one' });
      await merge.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Merged 2 papers titled “Working memory” into one.' }).waitFor();
      await view.getByText('No possible duplicates').waitFor();
      await expect.poll(() => entry.count()).toBe(0);
      await expect.poll(() => allPapers(page).textContent()).toContain('5');
      await screenshot(page, 'duplicates-merged-light');
      await page.keyboard.press('Escape');
      await expect.poll(() => works.count()).toBe(1);
      await works.click();
      await expect.poll(() => page.getByRole('list', { name: 'Tags' }).textContent()).toContain('chapter');
      expect(await page.getByRole('list', { name: 'Tags' }).textContent()).toContain('book');
      const merged = (await page.locator('.note-rendered').textContent()) ?? '';
      expect(merged).toContain('The book.');
      expect(merged).toContain('The chapter.');

      // Ctrl/Cmd+Z takes them apart, each with its own note and tag again.
      await page.locator('#papers').focus();
      await page.keyboard.press('ControlOrMeta+z');
      await page.getByRole('status').filter({ hasText: 'Undone: Merged 2 papers' }).waitFor();
      // The merge's toast went with it.
      await expect.poll(() => page.getByRole('status').getByRole('button', { name: 'Undo' }).count()).toBe(0);
      await expect.poll(() => works.count()).toBe(2);
      await expect.poll(() => allPapers(page).textContent()).toContain('6');
      await listbox(page)
        .getByRole('option', { name: /^Working Memory ?, unread, 1974$/ })
        .click();
      await expect.poll(async () => (await page.locator('.note-rendered').textContent())?.trim()).toBe('The chapter.');
      expect(await page.getByRole('list', { name: 'Tags' }).textContent()).not.toContain('book');
      await expect.poll(() => entry.count()).toBe(1);

      // Merged again, into the chapter this time; the toast's Undo takes it back.
      await entry.click();
      await view
        .getByRole('listitem')
        .filter({ hasText: '1974' })
        .getByRole('button', { name: 'Merge into this one' })
        .click();
      const toast = page.getByRole('status').filter({ hasText: /^Merged 2 papers/ });
      await toast.getByRole('button', { name: 'Undo' }).click();
      await view.getByRole('region', { name: 'Working memory' }).waitFor();
      await expect.poll(() => allPapers(page).textContent()).toContain('6');

      const dark = await openApp(rig.browser, library, 'dark');
      await sidebar(dark.page)
        .getByRole('button', { name: /^Possible duplicates/ })
        .click();
      await dark.page.getByRole('region', { name: 'Working memory' }).waitFor();
      await screenshot(dark.page, 'duplicates-dark');
      expect(unexpectedErrors(dark)).toEqual([]);
      await dark.context.close();
    });
  }, 120_000);
});
