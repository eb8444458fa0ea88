import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Catalogue, CataloguePaper } from '../../core/model.js';
import { OUTLINE_COLUMNS } from '../../core/outline.js';
import { outlineOfLibraryCatalogue, readOutlineFile, writeOutlineFile } from './outline-file.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'shelfmark-outline-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const stamp = { ino: 7, size: 1234, mtimeMs: 1_750_000_000_000 };

/** Texts JSON writes escaped, or not, beside plain ones: quotes, backslashes, controls, surrogates alone or paired. */
const AWKWARD = ['plain', 'say "hi"', 'back\\slash', 'tab\there', 'bell\u0007', 'lone \ud800 high', 'lone \udc00 low'];
const FINE = ['Zoë Grčtiro', 'emoji 😀 pair', 'line\u2028separator', 'del\u007f', ''];

function paperNumber(n: number, awkward: boolean): CataloguePaper {
  const texts = awkward ? [...AWKWARD, ...FINE] : FINE;
  const text = (k: number): string => `${texts[(n + k) % texts.length] ?? ''} ${String(n)}`;
  const paper: CataloguePaper = {
    id: `paper-${String(n)}`,
    title: text(0),
    abstract: text(1),
    authors: n % 7 === 0 ? [] : [text(2), text(3)].slice(0, 1 + (n % 2)),
    arxivId: n % 3 === 0 ? null : `2401.${String(n).padStart(5, '0')}`,
    doi: n % 5 === 0 ? null : text(4),
    year: n % 4 === 0 ? null : 2000 + (n % 25),
    links: [],
    categories: [],
    digests: n % 2_000 === 0 ? ['d1', text(5)] : [n % 2 === 0 ? 'd1' : text(6)],
    addedAt: '2026-03-11T10:00:00.000Z',
  };
  return n % 6 === 0 ? { ...paper, facts: { venue: text(7), month: 3, hfUpvotes: n } } : paper;
}

/** The file as the outline's layout has it: a header, then each column 5,000 papers a line, each line JSON. */
function expectedText(catalogue: Catalogue, papers: number): string {
  const outline = outlineOfLibraryCatalogue(catalogue);
  const header = { schemaVersion: 3, catalogue: stamp, digests: outline.digests, papers };
  const lines = [JSON.stringify(header)];
  for (const name of OUTLINE_COLUMNS) {
    const column: readonly unknown[] = outline.papers[name];
    for (let from = 0; from < papers; from += 5_000) lines.push(JSON.stringify(column.slice(from, from + 5_000)));
  }
  return `${lines.join('\n')}\n`;
}

describe('the outline file', () => {
  it('is JSON.stringify’s text of each line, whatever the texts hold, and reads back as it was', async () => {
    for (const awkward of [false, true]) {
      const papers = Array.from({ length: 12_345 }, (_, n) => paperNumber(n, awkward || n === 9_000));
      const catalogue: Catalogue = { papers, digests: [] };
      const file = join(directory, `outline-${String(awkward)}.json`);
      const outline = outlineOfLibraryCatalogue(catalogue);
      await writeOutlineFile(file, outline, stamp);
      expect(await readFile(file, 'utf8')).toBe(expectedText(catalogue, papers.length));
      expect(await readOutlineFile(file, stamp)).toEqual(outline);
    }
  });

  it('writes a hole in a column as JSON.stringify does, as null', async () => {
    const catalogue: Catalogue = { papers: [0, 1, 2].map((n) => paperNumber(n, false)), digests: [] };
    const outline = outlineOfLibraryCatalogue(catalogue);
    const title = new Array<string>(3);
    title[0] = 'first';
    title[2] = 'third';
    const file = join(directory, 'holey.json');
    await writeOutlineFile(file, { ...outline, papers: { ...outline.papers, title } }, stamp);
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines[1 + OUTLINE_COLUMNS.indexOf('title')]).toBe('["first",null,"third"]');
  });
});
