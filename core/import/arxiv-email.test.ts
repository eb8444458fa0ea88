import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINEAR_WORK_MS, timed } from '../../tests/timing.js';
import { looksLikeArxivEmail, parseArxivEmail, splitAuthors } from './arxiv-email.js';
import { parseDigestFile } from './index.js';

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
      facts: {
        published: '2024-03-04',
        primaryCategory: 'cs.LG',
        comment: '12 pages, 4 figures; code at https://github.com/x/y.',
      },
    });
  });

  it("keeps the journal reference, the comments, the primary category and the day of a paper's first version", () => {
    expect(digest.papers.map((paper) => paper.facts)).toEqual([
      {
        published: '2024-03-04',
        primaryCategory: 'cs.LG',
        comment: '12 pages, 4 figures; code at https://github.com/x/y.',
      },
      { published: '2024-03-04', journalRef: 'Proceedings of the ACM Web Conference 2024', primaryCategory: 'cs.LG' },
      // A cross-listing: listed here for cs.LG, its primary category is the first of its line.
      { published: '2024-03-02', primaryCategory: 'math.PR', comment: '30 pages' },
      // A replacement's date is its new version's: not when the paper was published.
      { primaryCategory: 'math.PR', comment: 'v2: fixed typos' },
      { primaryCategory: 'math.NT' },
    ]);
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
    let digest = parseArxivEmail('', ctx);
    expect(timed(() => (digest = parseArxivEmail(text, ctx)))).toBeLessThan(LINEAR_WORK_MS);
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

describe('where an entry ends', () => {
  const CITATIONS = readFileSync(new URL('./fixtures/arxiv-listing-citations.txt', import.meta.url), 'utf8');
  const citations = parseArxivEmail(CITATIONS, { fileName: 'cs-daily.txt', now: '2025-10-16T08:00:00.000Z' });

  it('is the listing’s closing line, not an abstract’s line that starts like a header', () => {
    expect(citations.papers.map((paper) => paper.arxivId)).toEqual([
      '2510.11001',
      '2510.11002',
      '2510.09876',
      '2508.01234',
      '2507.04321',
    ]);
    expect(citations.papers[0]?.abstract).toBe(
      'Reports that language models prove competition problems have grown frequent, mostly for hard exercises but ' +
        'also for conjectures [Doe and Roe, arXiv:2509.18383v1] posed to test whether a model could settle them. ' +
        'We let prover and verifier instances of one model work together, and check every proof with the Lean ' +
        'proof assistant in $\\mathcal{O}(n)$ passes.\n\n' +
        'The conjectures come from paper cards, plain-text records such as Title: Sums of Three Cubes Revisited ' +
        'Authors: A. Doe and B. Roe Date: 2024 which we parse as they are; we settle a third of the sixty-six ' +
        'conjectures in [Cohen, Journal of Integer Sequences, 2025] and of those in arXiv:2410.00002], ' +
        'and leave the rest open.',
    );
    expect(citations.papers[0]).toMatchObject({
      title: 'Settling Open Conjectures with Collaborating Prover and Verifier Language Models',
      authors: ['Maria Rossi', 'Tomás Ferreira', 'Li Wei'],
      categories: ['cs.AI', 'cs.LO'],
    });
    expect(citations.papers[2]?.abstract).toBe(
      'We compare chart readers against the baselines of arXiv:2501.12345 and arXiv:2502.23456, and find both wanting.',
    );
  });

  it('names the entry it skips by its own arXiv: line, and notes nothing of whole entries', () => {
    expect(citations.skipped).toEqual([
      { where: 'line 57 (arXiv:2510.11003)', reason: 'the entry has no Title: line' },
    ]);
    expect(citations.notes).toBeUndefined();
  });

  it('reads the header, the cross-lists and the replacements sections', () => {
    expect(citations).toMatchObject({ title: 'arXiv listing, Oct 15, 2025', date: '2025-10-15' });
    expect(citations.papers.slice(2).map((paper) => [paper.title, paper.abstract, paper.categories])).toEqual([
      ['Vision Encoders That Read Charts', expect.stringMatching(/^We compare/), ['cs.CV', 'cs.AI']],
      ['Retrieval Without Indexes', '', ['cs.CL', 'cs.IR']],
      ['Agents That Ask Before They Act', '', ['cs.LG', 'cs.AI']],
    ]);
  });

  it('reads a whole .eml, with CRLF line endings and a quoted-printable body, as the listing it holds', () => {
    const eml = readFileSync(new URL('./fixtures/arxiv-listing-citations.eml', import.meta.url));
    expect(eml.includes('\r\n')).toBe(true);
    expect(eml.toString('latin1')).toContain('Tom=C3=A1s');
    const parsed = parseDigestFile(eml, { fileName: 'cs-daily.eml', now: '2025-10-16T08:00:00.000Z' });
    if (parsed.kind !== 'digest') throw new Error('expected a digest');
    const { digest } = parsed;
    expect(digest).toMatchObject({ format: 'arxiv-email', date: '2025-10-15' });
    // Named by the line of the file, three lines of MIME header and a soft line break later.
    expect(digest.skipped).toEqual([{ where: 'line 61 (arXiv:2510.11003)', reason: 'the entry has no Title: line' }]);
    expect(digest.papers.map((paper) => paper.arxivId)).toEqual(citations.papers.map((paper) => paper.arxivId));
    expect(digest.papers[0]?.authors).toEqual(['Maria Rossi', 'Tomás Ferreira', 'Li Wei']);
    // A soft line break and "=3D" inside the abstract, and UTF-8 bytes written as escapes.
    expect(digest.papers[0]?.abstract).toContain('in $k = \\mathcal{O}(n)$ passes — fast.');
  });

  it('says which paper was cut short and what it lost', () => {
    const cut = [
      '\\\\',
      'arXiv:2510.20001',
      'Date: Wed, 15 Oct 2025 09:00:00 GMT   (10kb)',
      '',
      'Title: Cut by a Rule',
      'Authors: A. One',
      '\\\\',
      '  The abstract begins',
      '------------------------------------------------------------------------------',
      '\\\\',
      'arXiv:2510.20002',
      'Date: Wed, 15 Oct 2025 09:00:00 GMT   (10kb)',
      '',
      'Title: Cut by the End of the File',
      'Authors: B. Two',
    ].join('\n');
    const digest = parseArxivEmail(cut, ctx);
    expect(digest.papers.map((paper) => [paper.title, paper.abstract])).toEqual([
      ['Cut by a Rule', 'The abstract begins'],
      ['Cut by the End of the File', ''],
    ]);
    expect(digest.notes).toEqual([
      'line 2 (arXiv:2510.20001), “Cut by a Rule”: the entry stops at a dashed line before its closing “\\\\ ( https://arxiv.org/abs/… )” line: its abstract may be cut short',
      'line 11 (arXiv:2510.20002), “Cut by the End of the File”: the entry stops at the end of the file before its closing “\\\\ ( https://arxiv.org/abs/… )” line: its abstract is missing',
    ]);
  });

  it('says when an entry’s arXiv: line holds no arXiv identifier', () => {
    const odd = parseArxivEmail(
      '\\\\\narXiv:pending-42\nDate: Wed, 15 Oct 2025 09:00:00 GMT\n\nTitle: Not Yet Numbered\nAuthors: C. Three\n\\\\ ( https://arxiv.org/abs/pending-42 ,  1kb)\n',
      ctx,
    );
    expect(odd.papers[0]).toMatchObject({ title: 'Not Yet Numbered', arxivId: null });
    expect(odd.notes).toEqual([
      'line 2 (arXiv:pending-42), “Not Yet Numbered”: “pending-42” is not an arXiv identifier, so the paper has none',
    ]);
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
