import { describe, expect, it } from 'vitest';
import { parsedDigest, parsedPaper } from '../tests/builders.js';
import { mergeDigest } from './merge.js';
import type { ReadingState } from './model.js';
import {
  factColumnsOf,
  firstLineOf,
  isOutlineOf,
  OUTLINE_COLUMNS,
  outlineCatalogue,
  outlineRowValues,
  papersOfColumns,
  withStateColumns,
} from './outline.js';
import { papersOf } from './query.js';

const NOW = '2026-11-27T10:00:00.000Z';

const { catalogue } = mergeDigest(
  { papers: [], digests: [] },
  parsedDigest([
    parsedPaper({
      title: 'Graph attention',
      abstract: '  We attend to graphs.\nSecond line.',
      authors: ['Ada Lovelace', 'Alan Turing'],
      arxivId: '2401.00001',
      year: 2024,
      links: ['https://arxiv.org/abs/2401.00001'],
      categories: ['cs.LG'],
    }),
    parsedPaper({ title: 'Diffusion everywhere', abstract: 'x'.repeat(300), doi: '10.1000/xyz' }),
  ]),
  'digest.bib',
  NOW,
);
const [first, second] = catalogue.papers;
const read: ReadingState = { status: 'read', tags: ['gnn'], note: 'Keep.', readAt: NOW, updatedAt: NOW };

describe('the outline', () => {
  it('keeps the first line of an abstract, cut to its length', () => {
    expect(firstLineOf('\n  First line.\nSecond.', 160)).toBe('First line.');
    expect(firstLineOf('abcdef', 4)).toBe('abcd');
    expect(firstLineOf('', 4)).toBe('');
  });

  it('gives back every paper with its reading state, its abstract cut and no links or categories', () => {
    const outline = outlineCatalogue(catalogue, 160);
    const papers = papersOfColumns(withStateColumns(outline.papers, { [first?.id ?? '']: read }));
    const whole = papersOf({ catalogue, states: { [first?.id ?? '']: read } });
    expect(papers).toEqual(
      whole.map((paper) => ({ ...paper, abstract: firstLineOf(paper.abstract, 160), links: [], categories: [] })),
    );
    expect(papers[0]).toMatchObject({ abstract: 'We attend to graphs.', status: 'read', tags: ['gnn'], note: 'Keep.' });
    expect(papers[1]).toMatchObject({ abstract: 'x'.repeat(160), status: 'unread', tags: [], readAt: null });
    expect(outline.digests).toBe(catalogue.digests);
  });

  it("has each paper's facts as a list row shows them", () => {
    const withFacts = {
      ...catalogue,
      papers: catalogue.papers.map((paper, n) =>
        n === 0 ? { ...paper, facts: { primaryCategory: 'cs.LG', published: '2024-01-02', hfUpvotes: 42 } } : paper,
      ),
    };
    const { papers } = outlineCatalogue(withFacts, 160);
    expect([papers.venue, papers.published, papers.upvotes]).toEqual([
      ['arXiv cs.LG', null],
      ['2024-01-02', null],
      [42, null],
    ]);
    expect(factColumnsOf(papers)).toEqual({
      venue: papers.venue,
      published: papers.published,
      upvotes: papers.upvotes,
    });
  });

  it('takes no reading state from the states object itself (a paper id such as "constructor")', () => {
    const odd = {
      ...catalogue,
      papers: catalogue.papers.map((paper, n) => ({ ...paper, id: ['constructor', 'toString'][n] ?? '' })),
    };
    const papers = papersOfColumns(withStateColumns(outlineCatalogue(odd, 160).papers, {}));
    expect(papers.map((paper) => [paper.id, paper.status, paper.tags, paper.note])).toEqual([
      ['constructor', 'unread', [], ''],
      ['toString', 'unread', [], ''],
    ]);
  });

  it('tells whether an outline is what a record outlines to', () => {
    const [outlined] = papersOfColumns(withStateColumns(outlineCatalogue(catalogue, 160).papers, {}));
    if (first === undefined || outlined === undefined) throw new Error('no paper');
    expect(isOutlineOf(outlined, first, 160)).toBe(true);
    expect(isOutlineOf(outlined, { ...first, authors: ['Ada Lovelace'] }, 160)).toBe(false);
    expect(isOutlineOf(outlined, { ...first, abstract: 'We attend to trees.' }, 160)).toBe(false);
    expect(isOutlineOf(outlined, { ...first, links: [] }, 160)).toBe(true); // links are not in an outline
  });

  it("gives a paper's values one at a time as its columns hold them", () => {
    const withFacts = {
      ...catalogue,
      papers: [
        ...catalogue.papers,
        ...catalogue.papers.map((paper) => ({ ...paper, facts: { venue: 'NeurIPS', hfUpvotes: 3 } })),
      ],
    };
    const outline = outlineCatalogue(withFacts, 40);
    withFacts.papers.forEach((paper, at) => {
      expect(outlineRowValues(paper, 40)).toEqual(OUTLINE_COLUMNS.map((column) => outline.papers[column][at]));
    });
  });

  it('survives the trip through JSON', () => {
    const columns = withStateColumns(outlineCatalogue(catalogue, 160).papers, { [second?.id ?? '']: read });
    expect(papersOfColumns(JSON.parse(JSON.stringify(columns)) as typeof columns)).toEqual(papersOfColumns(columns));
  });
});
