import { afterEach, describe, expect, it } from 'vitest';

import { OUTLINE_ABSTRACT_LENGTH } from '../../core/api.js';
import { DIGEST_PLACEHOLDER } from '../../core/merge.js';
import type { CataloguePaper } from '../../core/model.js';
import { OUTLINE_COLUMNS, outlineCatalogue } from '../../core/outline.js';
import { canonicalJson } from '../../core/sync/canonical-json.js';
import { valuesText } from '../store/outline-file.js';
import { SpillShelf } from './spill-shelf.js';

const paper = (number: number, fields: Partial<CataloguePaper> = {}): CataloguePaper => ({
  abstract: `About ${String(number)}.\nMore.`,
  addedAt: '2026-12-07T10:00:00.000Z',
  arxivId: null,
  authors: ['Ada Lovelace', `Zoë ${String(number)}`],
  categories: [],
  digests: [`${DIGEST_PLACEHOLDER}1`],
  doi: null,
  id: `p${String(number)}`,
  links: [],
  title: `Paper ${String(number)} on “quotes” and \\ back-slashes`,
  year: 2000 + (number % 20),
  ...fields,
});

let shelf: SpillShelf | null = null;
afterEach(() => shelf?.close());

const text = (pieces: readonly Uint8Array[]): string => Buffer.concat(pieces).toString('utf8');

describe('the spill shelf', () => {
  it('gives back what was put, as put again, its digests settled, in texts and outline lines', () => {
    const spill = (shelf = new SpillShelf());
    // Over a write buffer and a read window: one paper larger than both.
    const papers = Array.from({ length: 12_000 }, (_, number) =>
      paper(number, number === 7000 ? { abstract: 'Very long. '.repeat(200_000) } : {}),
    );
    papers.forEach((each, position) => spill.put(position, each));
    // Put again in place: one still among the rows not written, and one long written.
    const replaced = [11_999, 3];
    for (const position of replaced) {
      papers[position] = { ...paper(position), abstract: 'Filled in.', digests: ['old', `${DIGEST_PLACEHOLDER}1`] };
      spill.put(position, papers[position]);
    }
    spill.settle(`${DIGEST_PLACEHOLDER}1`, 'bib-1');
    const settled = papers.map((each) => ({
      ...each,
      digests: each.digests.map((id) => (id === `${DIGEST_PLACEHOLDER}1` ? 'bib-1' : id)),
    }));
    expect(spill.length).toBe(papers.length);
    expect(spill.ids()).toEqual(papers.map((each) => each.id));
    for (const position of [0, 3, 6999, 7000, 7001, 11_999]) {
      expect(spill.at(position)).toEqual(settled[position]);
      expect(text(spill.text(position))).toBe(canonicalJson(settled[position]));
    }
    const outline = outlineCatalogue({ papers: settled, digests: [] }, OUTLINE_ABSTRACT_LENGTH);
    for (const [index, column] of OUTLINE_COLUMNS.entries()) {
      // Each line as it comes: its bytes are read over by the next.
      const lines: string[] = [];
      for (const line of spill.outlineLines(index)) lines.push(text(line));
      const values: readonly unknown[] = outline.papers[column];
      expect(lines).toEqual([0, 5000, 10_000].map((from) => valuesText(values.slice(from, from + 5000))));
    }
  });

  it('drops a placeholder from a paper that lists the id it is settled to already', () => {
    const spill = (shelf = new SpillShelf());
    spill.put(0, paper(0, { digests: ['bib-1', `${DIGEST_PLACEHOLDER}2`] }));
    spill.settle(`${DIGEST_PLACEHOLDER}2`, 'bib-1');
    expect(spill.at(0)?.digests).toEqual(['bib-1']);
    expect(text(spill.text(0))).toBe(canonicalJson(paper(0, { digests: ['bib-1'] })));
  });
});
