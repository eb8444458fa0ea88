import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '../../core/model.js';
import { CliHarness } from '../../tests/cli-harness.js';

/** A Hugging Face day of three papers, each with its arXiv date and upvotes. */
function hfDay(): string {
  const item = (id: string, title: string, publishedAt: string, upvotes: number) => ({
    paper: { id, title, summary: `About ${title}.`, authors: [{ name: 'Ada Lovelace' }], publishedAt, upvotes },
    publishedAt: '2026-03-11T00:00:00.000Z',
    title,
  });
  return JSON.stringify([
    item('2603.00001', 'Beta flows', '2026-03-09T17:00:00.000Z', 12),
    item('2603.00002', 'alpha diffusion', '2026-03-10T17:00:00.000Z', 40),
    item('2603.00003', 'Gamma graphs', '2026-02-27T17:00:00.000Z', 12),
  ]);
}

/** Two BibTeX entries: a year and month each, no upvotes. */
const BIBTEX = `
@inproceedings{delta2020, title = {Delta nets}, author = {Grace Hopper}, booktitle = {NeurIPS}, year = {2020}, month = dec}
@article{epsilon2024, title = {{\\'E}psilon codes}, author = {Alan Turing}, journal = {JMLR}, year = {2024}, month = {5}}
`;

let cli: CliHarness;

beforeEach(async () => {
  cli = await CliHarness.create();
  const day = join(cli.directory, 'hf-2026-03-11.json');
  const bib = join(cli.directory, 'refs.bib');
  await writeFile(day, hfDay());
  await writeFile(bib, BIBTEX);
  expect((await cli.run(['import', day], { now: () => new Date('2026-03-11T08:00:00Z') })).code).toBe(0);
  expect((await cli.run(['import', bib], { now: () => new Date('2026-03-12T08:00:00Z') })).code).toBe(0);
});

afterEach(async () => {
  await cli.remove();
});

const titles = async (...args: string[]): Promise<string[]> =>
  (await cli.json<Paper[]>(['list', ...args])).map((paper) => paper.title);

describe('shelfmark list --sort', () => {
  it('lists in the library’s order without --sort, and the latest import first by date added', async () => {
    const imported = ['Beta flows', 'alpha diffusion', 'Gamma graphs', 'Delta nets', 'Épsilon codes'];
    expect(await titles()).toEqual(imported);
    expect(await titles('--sort', 'added')).toEqual([...imported.slice(3), ...imported.slice(0, 3)]);
    expect(await titles('--sort', 'added', '--reverse')).toEqual(imported);
  });

  it('sorts by published date and by year, newest first or, reversed, oldest first', async () => {
    const newest = ['alpha diffusion', 'Beta flows', 'Gamma graphs', 'Épsilon codes', 'Delta nets'];
    expect(await titles('--sort', 'published')).toEqual(newest);
    expect(await titles('--sort', 'published', '--reverse')).toEqual(newest.toReversed());
    expect(await titles('--sort', 'year')).toEqual([
      'Beta flows',
      'alpha diffusion',
      'Gamma graphs',
      'Épsilon codes',
      'Delta nets',
    ]);
  });

  it('sorts by title without case or accents', async () => {
    const az = ['alpha diffusion', 'Beta flows', 'Delta nets', 'Épsilon codes', 'Gamma graphs'];
    expect(await titles('--sort', 'title')).toEqual(az);
    expect(await titles('--sort', 'title', '--reverse')).toEqual(az.toReversed());
  });

  it('sorts by upvotes, most first, papers without upvotes last either way', async () => {
    const without = ['Delta nets', 'Épsilon codes'];
    expect(await titles('--sort', 'upvotes')).toEqual(['alpha diffusion', 'Beta flows', 'Gamma graphs', ...without]);
    expect(await titles('--sort', 'upvotes', '--reverse')).toEqual([
      'Beta flows',
      'Gamma graphs',
      'alpha diffusion',
      ...without,
    ]);
  });

  it('sorts by relevance in Up next’s order, papers it does not rank (read ones) last', async () => {
    const [read] = await cli.json<Paper[]>(['list', '--sort', 'upvotes']);
    await cli.json(['status', read?.id ?? '', 'read']);
    const upNext = (await cli.json<Paper[]>(['next'])).map((paper) => paper.title);
    expect(await titles('--sort', 'relevance')).toEqual([...upNext, 'alpha diffusion']);
    expect(await titles('--sort', 'relevance', '--reverse')).toEqual([...upNext.toReversed(), 'alpha diffusion']);
    expect(await titles('--status', 'unread', '--sort', 'relevance')).toEqual(upNext);
  });

  it('sorts what a filter leaves, and prints it as the list does', async () => {
    const result = await cli.run(['list', '--digest', 'bib', '--sort', 'title', '--reverse']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\S+ +\S+ +Épsilon codes\n\S+ +\S+ +Delta nets\n2 papers\n$/);
  });

  it('refuses a sort it has not, and --reverse without a sort, in words', async () => {
    const unknown = await cli.run(['list', '--sort', 'size']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"size" is not a sort: use added, published, year, title, upvotes, relevance.');
    const alone = await cli.run(['list', '--reverse']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--reverse turns a --sort round: give one, as in --sort added --reverse.');
  });
});
