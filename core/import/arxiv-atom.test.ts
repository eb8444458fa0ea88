import { describe, expect, it } from 'vitest';
import { answersFor, arxivIdsDigest, papersTitled, readArxivEntry, type ArxivEntry } from './arxiv-atom.js';

function entry(fields: Partial<ArxivEntry> = {}): ArxivEntry {
  return {
    id: 'http://arxiv.org/abs/2410.03060v2',
    title: 'A Title\n  Over Two Lines',
    summary: '  An abstract\n  over lines.\n',
    published: '2024-10-03T17:59:58Z',
    updated: '2024-11-01T00:00:00Z',
    authors: [{ name: 'Ada  Lovelace', affiliations: ['Analytical Engines'] }],
    doi: null,
    journalRef: null,
    comment: null,
    primaryCategory: 'cs.LG',
    categories: ['cs.LG', 'stat.ML'],
    links: [{ href: 'http://arxiv.org/pdf/2410.03060v2', rel: 'related', title: 'pdf', type: 'application/pdf' }],
    ...fields,
  };
}

describe('readArxivEntry', () => {
  it('makes a paper of an entry: its id without version, text as one line, categories primary first', () => {
    expect(readArxivEntry(entry())).toEqual({
      kind: 'paper',
      arxivId: '2410.03060',
      version: 2,
      paper: {
        title: 'A Title Over Two Lines',
        abstract: 'An abstract over lines.',
        authors: ['Ada Lovelace'],
        arxivId: '2410.03060',
        doi: null,
        year: 2024,
        links: ['https://arxiv.org/abs/2410.03060', 'https://arxiv.org/pdf/2410.03060'],
        categories: ['cs.LG', 'stat.ML'],
        facts: { published: '2024-10-03', primaryCategory: 'cs.LG' },
      },
    });
  });

  it("keeps arXiv's journal reference, comment, primary category and the day version 1 was published", () => {
    const reading = readArxivEntry(
      entry({
        journalRef: 'Phys. Rev. D 76,\n  013009 (2007)',
        comment: 'Accepted at ICLR 2026; 9\n  pages',
        primaryCategory: 'stat.ML',
        categories: ['cs.LG', 'stat.ML'],
      }),
    );
    expect(reading.kind === 'paper' ? reading.paper : null).toMatchObject({
      categories: ['stat.ML', 'cs.LG'],
      facts: {
        published: '2024-10-03',
        journalRef: 'Phys. Rev. D 76, 013009 (2007)',
        primaryCategory: 'stat.ML',
        comment: 'Accepted at ICLR 2026; 9 pages',
      },
    });
  });

  it('takes the DOI (and its link) and the links the comment gives', () => {
    const reading = readArxivEntry(
      entry({ doi: 'https://doi.org/10.1000/xyz123', comment: 'Code at https://github.com/x/y.', links: [] }),
    );
    expect(reading.kind === 'paper' ? reading.paper : null).toMatchObject({
      doi: '10.1000/xyz123',
      links: ['https://arxiv.org/abs/2410.03060', 'https://doi.org/10.1000/xyz123', 'https://github.com/x/y'],
    });
  });

  it('knows a withdrawn paper by its comment, or by the notice that replaced its abstract', () => {
    expect(readArxivEntry(entry({ comment: 'withdrawn: the main result is wrong' }))).toEqual({
      kind: 'withdrawn',
      arxivId: '2410.03060',
      title: 'A Title Over Two Lines',
      reason: 'arXiv lists it as withdrawn (“withdrawn: the main result is wrong”)',
    });
    expect(readArxivEntry(entry({ summary: 'This paper has been withdrawn by the authors.' })).kind).toBe('withdrawn');
    expect(readArxivEntry(entry({ summary: 'We study patients withdrawn from a trial.' })).kind).toBe('paper');
  });

  it('reads an error entry, and the id it is about', () => {
    expect(
      readArxivEntry(
        entry({
          id: 'http://arxiv.org/api/errors#incorrect_id_format_for_1234.5678x',
          title: 'Error',
          summary: 'incorrect id format for 1234.5678x',
        }),
      ),
    ).toEqual({ kind: 'error', arxivId: null, reason: 'incorrect id format for 1234.5678x' });
  });

  it('takes an entry with no title for no paper', () => {
    expect(readArxivEntry(entry({ title: '' }))).toEqual({ kind: 'empty', arxivId: '2410.03060' });
  });
});

describe('answersFor and arxivIdsDigest', () => {
  it('answers every id asked for: a paper, or why there is none', () => {
    const answers = answersFor(
      ['2410.03060', '2410.99999', '1501.00001'],
      [
        entry(),
        entry({ id: 'http://arxiv.org/abs/1501.00001v2', comment: 'This paper has been withdrawn' }),
        entry({ id: 'http://arxiv.org/abs/2301.00001v1' }),
      ],
    );
    expect([...answers.papers.keys()]).toEqual(['2410.03060']);
    expect(Object.fromEntries(answers.problems)).toEqual({
      '1501.00001': 'arXiv lists it as withdrawn (“This paper has been withdrawn”)',
      '2410.99999': 'arXiv has no paper with this id',
    });
    const digest = arxivIdsDigest(
      [
        { arxivId: '2410.99999', where: 'line 1 (2410.99999)' },
        { arxivId: '2410.03060', where: 'line 2 (2410.03060)' },
      ],
      answers,
    );
    expect(digest).toMatchObject({
      format: 'arxiv-ids',
      title: 'arXiv 2410.99999 and 1 more',
      date: null,
      skipped: [{ where: 'line 1 (2410.99999)', reason: 'arXiv has no paper with this id' }],
    });
    expect(digest.papers.map((paper) => paper.arxivId)).toEqual(['2410.03060']);
  });
});

describe('papersTitled', () => {
  const paper = (arxivId: string, title: string) => ({
    title,
    abstract: '',
    authors: [],
    arxivId,
    doi: null,
    year: null,
    links: [],
    categories: [],
  });

  it('finds the papers whose title is the one asked, case, punctuation and accents aside', () => {
    const found = papersTitled('PARD: permutation-invariant autoregressive diffusion', [
      paper('2402.03687', 'Pard: Permutation-Invariant Autoregressive Diffusion'),
      paper('2402.03687', 'Pard: Permutation-Invariant Autoregressive Diffusion'),
      paper('2501.00001', 'Pard: Permutation-Invariant Autoregressive Diffusion for Graphs'),
    ]);
    expect(found.map((candidate) => candidate.arxivId)).toEqual(['2402.03687']);
  });
});
