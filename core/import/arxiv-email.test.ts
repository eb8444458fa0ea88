import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeArxivEmail, parseArxivEmail, splitAuthors } from './arxiv-email.js';

const LISTING = readFileSync(new URL('./fixtures/arxiv-listing.txt', import.meta.url), 'utf8');
const ctx = { fileName: 'arxiv-listing.txt', now: '2024-03-05T08:00:00.000Z' };

describe('an arXiv listing email', () => {
  const digest = parseArxivEmail(LISTING, ctx);

  it('is dated by the end of its submission period', () => {
    expect(digest).toMatchObject({ format: 'arxiv-email', title: 'arXiv listing, Mar 4, 2024', date: '2024-03-04' });
  });

  it('reads new submissions, cross-listings and replacements, and skips an entry without a title', () => {
    expect(digest.papers.map((paper) => [paper.arxivId, paper.title])).toEqual([
      ['2403.01234', 'Equivariant Neural Networks for Molecular Dynamics'],
      ['2403.01502', 'Sparse Attention with Łukasiewicz Logic'],
      ['2403.05678', 'Random Walks on Graphs and Où Trouver Les Données'],
      ['2401.00001', 'Something Replaced'],
      ['math/0601001', 'An Old-Style Identifier'],
    ]);
    expect(digest.skipped).toEqual([{ where: 'line 63 (arXiv:2403.09999)', reason: 'the entry has no Title: line' }]);
  });

  it('reads every field of a new submission', () => {
    expect(digest.papers[0]).toEqual({
      title: 'Equivariant Neural Networks for Molecular Dynamics',
      abstract:
        "We study equivariant networks for molecular dynamics. Our models respect the symmetries of Schrödinger's " +
        'equation and run ~10x faster than baselines (see https://en.wikipedia.org/wiki/Equivariant_map_(mathematics)).' +
        '\n\nIn a second paragraph we release data at https://zenodo.org/records/123, and discuss limitations.',
      authors: ['José García', 'Anna Müller', 'Solà Pere'],
      arxivId: '2403.01234',
      doi: null,
      year: 2024,
      links: [
        'https://arxiv.org/abs/2403.01234',
        'https://github.com/x/y',
        'https://en.wikipedia.org/wiki/Equivariant_map_(mathematics)',
        'https://zenodo.org/records/123',
      ],
      categories: ['cs.LG', 'stat.ML'],
    });
  });

  it('drops affiliations, reads a DOI and wrapped author lines', () => {
    expect(digest.papers[1]).toMatchObject({
      authors: ['Piotr Łukasiewicz', 'Jane Q. Doe', 'René Dupont'],
      doi: '10.1145/3589334.3645678',
      links: ['https://arxiv.org/abs/2403.01502', 'https://doi.org/10.1145/3589334.3645678'],
      categories: ['cs.LG', 'cs.LO'],
    });
  });

  it('imports replacements with an empty abstract and the year of their id', () => {
    expect(digest.papers[3]).toMatchObject({
      abstract: '',
      authors: ['Bob Smith'],
      year: 2024,
      categories: ['math.PR'],
    });
    expect(digest.papers[4]).toMatchObject({ abstract: '', authors: ['Carl Friedrich Gauß'], year: 2006 });
  });

  it('is recognised', () => {
    expect(looksLikeArxivEmail(LISTING)).toBe(true);
    expect(looksLikeArxivEmail('arXiv:2403.01234 is a paper I liked')).toBe(false);
  });
});

describe('listing variants', () => {
  const entry = [
    '------------------------------------------------------------------------------',
    '\\\\',
    'arXiv:2403.00002',
    'Date: Sun, 3 Mar 2024 01:02:03 GMT   (10kb)',
    '',
    'Title: Bare Listing',
    'Authors: A. One, B. Two, and C. Three',
    'Categories: cs.AI',
    '\\\\',
    '  Every line of this abstract',
    '  is indented by the mail client,',
    '  so indentation means nothing.',
    '\\\\ ( https://arxiv.org/abs/2403.00002 ,  10kb)',
    '------------------------------------------------------------------------------',
  ].join('\n');

  it('dates a listing without a header by its first Date: line', () => {
    const digest = parseArxivEmail(entry, ctx);
    expect(digest).toMatchObject({ title: 'arXiv listing, Mar 3, 2024', date: '2024-03-03' });
  });

  it('reads ", and" between authors and a uniformly indented abstract as one paragraph', () => {
    const [paper] = parseArxivEmail(entry, ctx).papers;
    expect(paper?.authors).toEqual(['A. One', 'B. Two', 'C. Three']);
    expect(paper?.abstract).toBe(
      'Every line of this abstract is indented by the mail client, so indentation means nothing.',
    );
  });

  it('is dated by a "received from … to …" line that wraps, or by its Date: when the line has no "to"', () => {
    const header = (lines: string): string => `Subject: cs daily\nDate: Tue, 5 Mar 2024 00:45:12 -0500\n${lines}\n`;
    expect(parseArxivEmail(header(' received from  Fri  1 Mar 24\n  to  Mon  4 Mar 24') + entry, ctx).date).toBe(
      '2024-03-04',
    );
    expect(parseArxivEmail(header(' received from Fri 1 Mar 24 onwards') + entry, ctx).date).toBe('2024-03-05');
  });

  it('reads a header of 200,000 "received from" with no "to" in linear time', () => {
    // The pattern /received from[\s\S]*?\bto\s+…/ was tried again at each of them: 80,000 took 28 s.
    const text = `Subject: x\n${'received from '.repeat(200_000)}\n${entry}`;
    const started = performance.now();
    const digest = parseArxivEmail(text, ctx);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(digest.date).toBe('2024-03-03');
  });

  it('decodes a title of 10,000 nested accents', () => {
    const deep = entry.replace('Title: Bare Listing', `Title: ${'\\"{'.repeat(10_000)}o${'}'.repeat(10_000)}`);
    expect(parseArxivEmail(deep, ctx).papers[0]?.title).toBe(`o${'\u0308'.repeat(10_000)}`.normalize('NFC'));
  });

  it("quotes an entry's id in a message as one clean, short line", () => {
    const odd = entry.replace('arXiv:2403.00002', `arXiv:x\u001b[31m${'y'.repeat(100)}`).replace(/Title: .*\n/, '');
    expect(parseArxivEmail(odd, ctx).skipped).toEqual([
      { where: `line 3 (arXiv:x\\x1b[31m${'y'.repeat(54)}…)`, reason: 'the entry has no Title: line' },
    ]);
  });

  it('keeps what it has of an entry cut off before its end', () => {
    const cut = entry.split('\n').slice(0, 11).join('\n');
    expect(parseArxivEmail(cut, ctx).papers[0]?.abstract).toBe(
      'Every line of this abstract is indented by the mail client,',
    );
  });
});

describe('splitAuthors', () => {
  it('splits on commas and "and", removing nested affiliations and decoding TeX', () => {
    expect(splitAuthors('A. Smith (1), B. Jones (1 and 2) ((1) MIT, (2) ETH Z\\"urich) and Ren\\\'e Dupont')).toEqual([
      'A. Smith',
      'B. Jones',
      'René Dupont',
    ]);
  });
});
