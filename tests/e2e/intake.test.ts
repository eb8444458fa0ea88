/**
 * The day's papers in, end to end, in Chromium against browser mode's server whose web APIs are the loopback fakes
 * (tests/fake-web-apis.ts): a digest pasted with Ctrl+V, previewed, then imported or cancelled (the library's files
 * unchanged); the page text's papers completed from arXiv from the report's offer; a day of Hugging Face Daily
 * Papers fetched from its dialog, the day offered first the latest not yet imported; papers added by arXiv id; a
 * thin paper completed from its pane; a task cancelled, and a failed fetch said in words.
 */

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkSettings, type NetworkSettings } from '../../app/net/settings.js';
import { SAMPLE } from '../cli-harness.js';
import { FakeClock } from '../fake-clock.js';
import { FakeWebApis, type FakeArxivPaper } from '../fake-web-apis.js';
import { MISSING_ID, OLD_STYLE, SEVERAL_VERSIONS } from '../fixtures/arxiv-papers.js';
import { arxivPaperOf, MAR_11 } from '../fixtures/hf-daily-papers.js';
import {
  CHROMIUM,
  openApp,
  openLibrary,
  screenshot,
  startE2eRig,
  type E2eRig,
  type Library,
  type Session,
} from './harness.js';

const PARD = 'Pard: Permutation-Invariant Autoregressive Diffusion for Graph Generation';
/** The sample day's third paper: on the page without its authors, which arXiv gives. */
const THIRD = MAR_11[2]?.paper;

/** A paper only arXiv knows whole: a BibTeX entry gives its title alone. */
const THIN: FakeArxivPaper = {
  id: '2501.00042',
  version: 1,
  title: 'Thin Records Made Whole: Completing Bibliographies From Titles',
  summary: 'We complete bibliographic records from their titles alone.',
  authors: [{ name: 'Chiara Rossi' }, { name: 'Oluwaseun Adeyemi' }],
  published: '2025-01-02T10:00:00Z',
  primaryCategory: 'cs.DL',
};

/**
 * The CSP's frame-ancestors only works as a header; Chromium says so when it meets it in <meta>. A call the tests
 * make fail (a server error, 502) or cancel (409) is logged by Chromium as a resource that failed to load.
 */
const unexpectedErrors = (session: Session): string[] =>
  session.errors.filter(
    (message) =>
      !message.includes("'frame-ancestors' is ignored") &&
      !/^Failed to load resource: the server responded with a status of (409|502) /.test(message),
  );

const listbox = (page: Page) => page.getByRole('listbox', { name: /^Papers:/ });
const option = (page: Page, title: string) => listbox(page).getByRole('option').filter({ hasText: title });

/** The library's own files, byte for byte: the catalogue and the reading states. */
async function libraryBytes(library: Library): Promise<Record<string, string>> {
  const bytes: Record<string, string> = {};
  for (const name of ['library.json', 'library.state.json', 'library.state.log']) {
    const file = join(library.dir, name);
    bytes[name] = existsSync(file) ? (await readFile(file)).toString('base64') : '(none)';
  }
  return bytes;
}

/** Puts `text` on the clipboard and presses Ctrl+V where focus is. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
  await page.keyboard.press('ControlOrMeta+V');
}

describe.skipIf(!existsSync(CHROMIUM))('the day’s papers in, in Chromium', () => {
  let rig: E2eRig;
  let apis: FakeWebApis;
  let network: NetworkSettings;
  let sample: string;

  beforeAll(async () => {
    rig = await startE2eRig('shelfmark-intake-');
    apis = await FakeWebApis.start();
    for (const item of MAR_11) apis.arxiv.set(item.paper.id, arxivPaperOf(item));
    for (const paper of [SEVERAL_VERSIONS, OLD_STYLE, THIN]) apis.arxiv.set(paper.id, paper);
    apis.days.set('2025-03-11', MAR_11);
    // Pacing and back-off take no time; a server that does not answer is waited for long enough to cancel.
    network = networkSettings(apis.env, { clock: new FakeClock(), timeoutMs: 15_000, retries: 0 });
    sample = await readFile(SAMPLE, 'utf8');
  }, 120_000);

  afterAll(async () => {
    await apis.close();
    await rig.close();
  });

  async function withApp(run: (session: Session, library: Library) => Promise<void>): Promise<void> {
    const library = await openLibrary(rig.rendererDir, network);
    try {
      const session = await openApp(rig.browser, library, 'light', { viewport: { width: 1280, height: 860 } });
      await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await run(session, library);
      expect(unexpectedErrors(session)).toEqual([]);
      await session.context.close();
    } finally {
      apis.failures.length = 0;
      await library.close();
    }
  }

  it('previews a pasted digest, imports it or leaves the library untouched, and completes its papers from arXiv', async () => {
    await withApp(async ({ page }, library) => {
      // On the welcome screen: a list of ids and links, one of a paper arXiv does not have.
      await page.getByRole('button', { name: 'Import the sample digest' }).waitFor();
      await paste(page, `2503.90101\nhttps://huggingface.co/papers/2503.90102\narXiv:${MISSING_ID}\n`);
      const preview = page.getByRole('dialog', { name: 'Import pasted text?' });
      await preview.getByText('2 papers: 2 new', { exact: true }).waitFor();
      await preview.getByText(/^Read as a list of arXiv ids/).waitFor();
      await preview.getByText('1 block will be skipped, and why').waitFor();
      await preview.getByText(`line 3 (arXiv:${MISSING_ID})`).waitFor();
      await preview.getByRole('button', { name: 'Import' }).click();
      const added = page.getByRole('dialog', { name: 'Imported 2 papers' });
      await added.getByRole('button', { name: 'Done' }).click();
      await option(page, PARD).waitFor();

      // The day's page text: two of its papers are in the library already. Cancel leaves the library as it was.
      await option(page, PARD).click();
      const before = await libraryBytes(library);
      await paste(page, sample);
      await preview.getByText('32 papers: 30 new, 2 already in your library', { exact: true }).waitFor();
      await preview.getByText(/^Read as a Hugging Face Daily Papers page/).waitFor();
      expect(await preview.getByRole('listitem').filter({ hasText: 'In your library' }).count()).toBe(2);
      expect(await preview.getByRole('listitem').filter({ hasText: 'New' }).count()).toBe(30);
      await screenshot(page, 'paste-preview-light');
      await preview.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      expect(await libraryBytes(library)).toEqual(before);
      expect(await listbox(page).getByRole('option').count()).toBe(2);

      // Again, and Import: the report offers to complete the papers the page gave without authors.
      await paste(page, sample);
      await preview.getByRole('button', { name: 'Import' }).click();
      const imported = page.getByRole('dialog', { name: 'Imported 30 papers' });
      await imported.getByText('30 papers have no authors: complete them from arXiv?').waitFor();
      await imported.getByRole('button', { name: 'Complete from arXiv' }).click();
      const completed = page.getByRole('dialog', { name: 'Completed 30 papers' });
      await completed
        .getByText('30 papers completed from arXiv · 0 papers left as they were.', { exact: false })
        .waitFor();
      await completed.getByRole('button', { name: 'Done' }).click();
      expect(await listbox(page).getByRole('option').count()).toBeGreaterThan(2);
      await page.getByRole('searchbox', { name: 'Search papers' }).fill('Revisiting Transformation Invariant');
      await option(page, THIRD?.title ?? '').click();
      await page
        .locator('.paper-authors')
        .getByText(THIRD?.authors.map((author) => author.name).join(', ') ?? '')
        .waitFor();
    });
  }, 120_000);

  it('fetches a day of Hugging Face Daily Papers from its dialog, adds papers by id, and completes a thin paper', async () => {
    await withApp(async ({ page }, library) => {
      // The day offered first is the latest not imported: today (in UTC), then the day before.
      await page.clock.setFixedTime(new Date('2025-03-11T20:00:00.000Z'));
      await page.getByRole('button', { name: 'Add papers…' }).click();
      await page
        .getByRole('dialog', { name: 'Add papers' })
        .getByRole('button', { name: 'Fetch Hugging Face Daily Papers…' })
        .click();
      const fetchDialog = page.getByRole('dialog', { name: 'Fetch Hugging Face Daily Papers' });
      const day = fetchDialog.getByLabel('Day');
      expect(await day.inputValue()).toBe('2025-03-11');
      await screenshot(page, 'fetch-dialog-light');
      await fetchDialog.getByText('Your library has no Hugging Face Daily Papers yet.', { exact: false }).waitFor();
      await fetchDialog.getByRole('button', { name: 'Fetch' }).click();
      const fetched = page.getByRole('dialog', { name: 'Imported 32 papers' });
      await fetched.getByText('Hugging Face Daily Papers, Mar 11, 2025').waitFor();
      await fetched.getByRole('button', { name: 'Done' }).click();
      await option(page, PARD).click();
      await page.locator('.paper-authors').getByText('Ana Álvarez, Farah Dubois').waitFor();
      expect(await page.getByRole('button', { name: 'Complete details' }).count()).toBe(0);

      const toolbar = page.getByRole('toolbar', { name: 'Library actions' });
      await toolbar.getByRole('button', { name: 'Add papers' }).click();
      await page
        .getByRole('dialog', { name: 'Add papers' })
        .getByRole('button', { name: 'Fetch Hugging Face Daily Papers…' })
        .click();
      expect(await day.inputValue()).toBe('2025-03-10');
      await fetchDialog.getByText('The latest day in your library is Mar 11, 2025.', { exact: false }).waitFor();
      // Hugging Face lists nothing that day.
      await fetchDialog.getByRole('button', { name: 'Fetch' }).click();
      await page.getByText('Hugging Face lists no papers for Mar 10, 2025. Nothing was imported.').waitFor();

      // A server that fails: said in words, and nothing changed.
      const before = await libraryBytes(library);
      apis.failures.push({ status: 503 });
      await toolbar.getByRole('button', { name: 'Add papers' }).click();
      await page
        .getByRole('dialog', { name: 'Add papers' })
        .getByRole('button', { name: 'Fetch Hugging Face Daily Papers…' })
        .click();
      await day.fill('2025-03-11');
      await fetchDialog.getByRole('button', { name: 'Fetch' }).click();
      const failed = page.getByRole('dialog', { name: 'The fetch failed' });
      await failed.getByText(/503/).waitFor();
      await failed.getByText('Nothing in your library changed.').waitFor();
      await failed.getByRole('button', { name: 'OK' }).click();
      expect(await libraryBytes(library)).toEqual(before);

      // Papers by id and link; what is not one is said before anything is asked of arXiv.
      await toolbar.getByRole('button', { name: 'Add papers' }).click();
      const addDialog = page.getByRole('dialog', { name: 'Add papers' });
      const refs = addDialog.getByLabel('arXiv ids or links');
      await refs.fill('2410.03060v2 not-an-id');
      await addDialog.getByRole('button', { name: 'Add', exact: true }).click();
      await addDialog
        .getByRole('alert')
        .getByText(/"not-an-id" is not an arXiv id/)
        .waitFor();
      expect(await refs.getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, 'add-papers-dialog-light');
      await refs.fill(`2410.03060v2\nhttps://arxiv.org/abs/hep-th/9901001\n${MISSING_ID}`);
      await addDialog.getByRole('button', { name: 'Add', exact: true }).click();
      const addReport = page.getByRole('dialog', { name: 'Imported 2 papers' });
      await addReport.getByText('1 skipped').waitFor();
      await addReport.getByText(MISSING_ID, { exact: false }).first().waitFor();
      await addReport.getByRole('button', { name: 'Done' }).click();
      await option(page, 'Strings on').waitFor();

      // A task cancelled: arXiv does not answer; Cancel stops it, and nothing changes.
      const beforeCancel = await libraryBytes(library);
      apis.failures.push({ status: 0 });
      await toolbar.getByRole('button', { name: 'Add papers' }).click();
      await refs.fill(THIN.id);
      await addDialog.getByRole('button', { name: 'Add', exact: true }).click();
      const task = page.getByRole('region', { name: 'Running task' });
      await task.getByText('Adding 1 paper from arXiv…').waitFor();
      await screenshot(page, 'task-running-light');
      await task.getByRole('button', { name: 'Cancel' }).click();
      await page.getByText('Cancelled. Nothing in your library changed.').waitFor();
      await expect.poll(() => task.count()).toBe(0);
      expect(await libraryBytes(library)).toEqual(beforeCancel);

      // A BibTeX entry of a title alone, pasted in the Paste dialog: completed from its pane.
      await toolbar.getByRole('button', { name: 'Add papers' }).click();
      await addDialog.getByRole('button', { name: 'Paste a digest…' }).click();
      const pasteDialog = page.getByRole('dialog', { name: 'Paste a digest' });
      await pasteDialog.getByLabel('Digest text').focus();
      await paste(page, `@article{thin, title = {${THIN.title}}}\n`);
      const preview = page.getByRole('dialog', { name: 'Import pasted text?' });
      await preview.getByText(/^Read as a BibTeX file/).waitFor();
      await preview.getByText('no authors given').waitFor();
      await preview.getByRole('button', { name: 'Import' }).click();
      const report = page.getByRole('dialog', { name: 'Imported 1 paper' });
      await report.getByText('1 paper has no authors: complete it from arXiv?').waitFor();
      await report.getByRole('button', { name: 'Done' }).click();
      await option(page, THIN.title).click();
      await page.getByRole('button', { name: 'Complete details' }).click();
      const completion = page.getByRole('dialog', { name: 'Completed 1 paper' });
      await completion.getByText(`arXiv ${THIN.id}`).waitFor();
      await screenshot(page, 'completion-report-light');
      await completion.getByRole('button', { name: 'Done' }).click();
      await page.locator('.paper-authors').getByText('Chiara Rossi, Oluwaseun Adeyemi').waitFor();
      expect(await page.getByRole('button', { name: 'Complete details' }).count()).toBe(0);
    });
  }, 120_000);
});
