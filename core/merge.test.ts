import { describe, expect, it } from 'vitest';
import { parsedDigest, parsedPaper } from '../tests/builders.js';
import { titleId, workId } from './identity.js';
import { CatalogueMerge, digestIdFor, mergeDigest, mergeLibrary } from './merge.js';
import type { Catalogue, ReadingState } from './model.js';
import type { ParsedDigest } from './import/types.js';

const NOW = '2026-11-27T10:00:00.000Z';
const LATER = '2026-11-28T10:00:00.000Z';
const empty: Catalogue = { papers: [], digests: [] };

describe('mergeDigest', () => {
  it('adds new papers with stable ids and records the digest', () => {
    const digest = parsedDigest([
      parsedPaper({ title: 'Equivariant Networks', arxivId: '2401.00001' }),
      parsedPaper({ title: 'A Paper Without an arXiv Id' }),
    ]);
    const { catalogue, summary } = mergeDigest(empty, digest, 'refs.bib', NOW);
    expect(catalogue.papers.map((paper) => paper.id)).toEqual(['2401.00001', expect.stringMatching(/^title-/)]);
    expect(summary.added).toHaveLength(2);
    expect(summary.merged).toHaveLength(0);
    expect(catalogue.digests).toEqual([
      {
        id: digestIdFor(digest),
        format: 'bibtex',
        title: 'Test digest',
        date: null,
        source: 'refs.bib',
        importedAt: NOW,
        paperIds: catalogue.papers.map((paper) => paper.id),
      },
    ]);
    expect(catalogue.papers[0]?.digests).toEqual([digestIdFor(digest)]);
    expect(catalogue.papers[0]?.addedAt).toBe(NOW);
  });

  it('never duplicates a paper imported again, and leaves an identical re-import unchanged', () => {
    const digest = parsedDigest([parsedPaper({ title: 'Equivariant Networks', arxivId: '2401.00001' })]);
    const first = mergeDigest(empty, digest, 'a.bib', NOW);
    const second = mergeDigest(first.catalogue, digest, 'a.bib', LATER);
    expect(second.catalogue.papers).toHaveLength(1);
    expect(second.catalogue.digests).toHaveLength(1);
    expect(second.summary.added).toEqual([]);
    expect(second.summary.merged).toEqual([{ id: '2401.00001', title: 'Equivariant Networks' }]);
    expect(second.catalogue.papers[0]).toBe(first.catalogue.papers[0]);
  });

  it('merges a paper first seen by title with the same paper later seen with an arXiv id', () => {
    const byTitle = mergeDigest(
      empty,
      parsedDigest(
        [parsedPaper({ title: '{PFGM}++: Unlocking the Potential of Physics-Inspired Generative Models' })],
        {
          format: 'hf-daily-text',
          title: 'HF',
        },
      ),
      'hf.txt',
      NOW,
    );
    const id = byTitle.catalogue.papers[0]?.id;
    const withArxiv = mergeDigest(
      byTitle.catalogue,
      parsedDigest([
        parsedPaper({
          title: 'PFGM++: Unlocking the potential of physics-inspired generative models',
          arxivId: '2302.04265',
          authors: ['Yilun Xu', 'Ziming Liu'],
          links: ['https://arxiv.org/abs/2302.04265'],
          abstract: 'We introduce a new family.',
        }),
      ]),
      'refs.bib',
      LATER,
    );
    expect(withArxiv.catalogue.papers).toHaveLength(1);
    const paper = withArxiv.catalogue.papers[0];
    expect(paper?.id).toBe(id);
    expect(paper?.arxivId).toBe('2302.04265');
    expect(paper?.authors).toEqual(['Yilun Xu', 'Ziming Liu']);
    expect(paper?.abstract).toBe('We introduce a new family.');
    expect(paper?.digests).toHaveLength(2);
    // And seen by title once more, it is still the same paper.
    const again = mergeDigest(
      withArxiv.catalogue,
      parsedDigest([parsedPaper({ title: 'PFGM++ unlocking the potential of physics inspired generative models' })], {
        title: 'Other',
      }),
      'x.bib',
      LATER,
    );
    expect(again.catalogue.papers).toHaveLength(1);
  });

  it('fills in only what the stored copy lacked', () => {
    const first = mergeDigest(
      empty,
      parsedDigest([
        parsedPaper({ title: 'T', arxivId: '2401.00001', abstract: 'Original.', links: ['https://a.example'] }),
      ]),
      'a',
      NOW,
    );
    const second = mergeDigest(
      first.catalogue,
      parsedDigest(
        [
          parsedPaper({
            title: 'T (revised)',
            arxivId: '2401.00001',
            abstract: 'Other.',
            links: ['https://b.example'],
            authors: ['Ada'],
          }),
        ],
        { title: 'Second' },
      ),
      'b',
      LATER,
    );
    const paper = second.catalogue.papers[0];
    expect(paper?.title).toBe('T');
    expect(paper?.abstract).toBe('Original.');
    expect(paper?.links).toEqual(['https://a.example', 'https://b.example']);
    expect(paper?.authors).toEqual(['Ada']);
    expect(paper?.addedAt).toBe(NOW);
  });

  it("gives an older record the facts a re-import brings, and Hugging Face's counts as of the latest import", () => {
    const hf = (upvotes: number) =>
      parsedDigest([parsedPaper({ title: 'T', arxivId: '2401.00001', facts: { hfUpvotes: upvotes } })], {
        format: 'hf-daily-json',
        title: 'HF',
      });
    const older = mergeDigest(empty, parsedDigest([parsedPaper({ title: 'T', arxivId: '2401.00001' })]), 'a', NOW);
    expect(older.catalogue.papers[0]).not.toHaveProperty('facts');
    const first = mergeDigest(older.catalogue, hf(3), 'hf.json', NOW);
    expect(first.catalogue.papers[0]?.facts).toEqual({ hfUpvotes: 3 });
    const later = mergeDigest(first.catalogue, hf(40), 'hf.json', LATER);
    expect(later.catalogue.papers[0]?.facts).toEqual({ hfUpvotes: 40 });
    const arxiv = parsedDigest(
      [
        parsedPaper({
          title: 'T',
          arxivId: '2401.00001',
          facts: { published: '2024-01-01', primaryCategory: 'cs.LG' },
        }),
      ],
      { format: 'arxiv-email', title: 'arXiv' },
    );
    const last = mergeDigest(later.catalogue, arxiv, 'arxiv.eml', LATER).catalogue.papers[0];
    expect(last?.facts).toEqual({ hfUpvotes: 40, published: '2024-01-01', primaryCategory: 'cs.LG' });
    expect(last?.addedAt).toBe(NOW);
  });

  it('keeps two different arXiv papers that share a title apart', () => {
    const { catalogue } = mergeDigest(
      empty,
      parsedDigest([
        parsedPaper({ title: 'Introduction', arxivId: '2401.00001' }),
        parsedPaper({ title: 'Introduction', arxivId: '2401.00002' }),
      ]),
      'a',
      NOW,
    );
    expect(catalogue.papers.map((paper) => paper.id)).toEqual(['2401.00001', '2401.00002']);
  });

  it('lists a paper that appears twice in one digest once', () => {
    const { catalogue, summary } = mergeDigest(
      empty,
      parsedDigest([
        parsedPaper({ title: 'Twice', arxivId: '2401.00001' }),
        parsedPaper({ title: 'Twice', arxivId: '2401.00001' }),
      ]),
      'a',
      NOW,
    );
    expect(catalogue.papers).toHaveLength(1);
    expect(catalogue.digests[0]?.paperIds).toEqual(['2401.00001']);
    expect(summary.added).toHaveLength(1);
    expect(summary.merged).toHaveLength(0);
    expect(summary.mergedInFile).toEqual([{ id: '2401.00001', title: 'Twice' }]);
  });
});

describe('mergeDigest: different works with one title', () => {
  const workingMemory1986 = parsedPaper({ title: 'Working memory', authors: ['Alan D. Baddeley'], year: 1986 });
  const workingMemory1974 = parsedPaper({
    title: 'Working Memory',
    authors: ['Alan D. Baddeley', 'Graham Hitch'],
    year: 1974,
  });
  const interference2014 = parsedPaper({ title: 'Interference', authors: ['Christopher Healey'], year: 2014 });
  const interference1995 = parsedPaper({
    title: 'Interference',
    authors: ['Michael J. Kane', 'Lynn Hasher'],
    year: 1995,
  });

  it('keeps them apart within one file, each with its own authors, year and id', () => {
    const { catalogue, summary } = mergeDigest(
      empty,
      parsedDigest([workingMemory1986, workingMemory1974, interference2014, interference1995]),
      'refs.bib',
      NOW,
    );
    expect(catalogue.papers.map(({ title, authors, year }) => ({ title, authors, year }))).toEqual([
      { title: 'Working memory', authors: ['Alan D. Baddeley'], year: 1986 },
      { title: 'Working Memory', authors: ['Alan D. Baddeley', 'Graham Hitch'], year: 1974 },
      { title: 'Interference', authors: ['Christopher Healey'], year: 2014 },
      { title: 'Interference', authors: ['Michael J. Kane', 'Lynn Hasher'], year: 1995 },
    ]);
    const ids = catalogue.papers.map((paper) => paper.id);
    expect(new Set(ids).size).toBe(4);
    // The first of a title keeps the id it always had; the second gets one from its title, first author and year.
    expect(ids[0]).toBe(titleId('Working memory'));
    expect(ids[1]).toBe(workId(workingMemory1974));
    expect(ids[2]).toBe(titleId('Interference'));
    expect(ids[3]).toBe(workId(interference1995));
    expect(summary.added).toHaveLength(4);
    expect(summary.merged).toEqual([]);
    expect(summary.mergedInFile).toEqual([]);
  });

  it('keeps them apart from the library, and each joins its own paper when imported again', () => {
    const first = mergeDigest(empty, parsedDigest([workingMemory1974]), 'a.bib', NOW);
    const second = mergeDigest(first.catalogue, parsedDigest([workingMemory1986], { title: 'B' }), 'b.bib', LATER);
    expect(second.catalogue.papers.map((paper) => paper.year)).toEqual([1974, 1986]);
    expect(second.summary.added).toEqual([{ id: workId(workingMemory1986), title: 'Working memory' }]);
    expect(second.summary.merged).toEqual([]);
    // Imported again, each joins its own paper.
    const again = mergeDigest(
      second.catalogue,
      parsedDigest([workingMemory1986, workingMemory1974], { title: 'C' }),
      'c.bib',
      LATER,
    );
    expect(again.catalogue.papers).toHaveLength(2);
    expect(again.summary.merged.map((paper) => paper.id)).toEqual([
      workId(workingMemory1986),
      titleId('Working Memory'),
    ]);
  });

  it('joins the same work twice in one file, and counts the entry as merged in the file', () => {
    const { catalogue, summary } = mergeDigest(
      empty,
      parsedDigest([
        workingMemory1986,
        workingMemory1974,
        parsedPaper({ title: 'Working memory.', authors: ['Baddeley, A.'], year: 1987, doi: '10.1000/wm' }),
      ]),
      'refs.bib',
      NOW,
    );
    expect(catalogue.papers).toHaveLength(2);
    expect(catalogue.papers[0]?.doi).toBe('10.1000/wm');
    expect(catalogue.digests[0]?.paperIds).toEqual(catalogue.papers.map((paper) => paper.id));
    expect(summary.added).toHaveLength(2);
    expect(summary.mergedInFile).toEqual([{ id: titleId('Working memory'), title: 'Working memory' }]);
    expect(summary.merged).toEqual([]);
  });

  it('counts merges with the library apart from merges within the file', () => {
    const first = mergeDigest(empty, parsedDigest([workingMemory1986]), 'a.bib', NOW);
    const { summary } = mergeDigest(
      first.catalogue,
      parsedDigest([workingMemory1986, { ...workingMemory1986, title: 'WORKING MEMORY' }, interference2014], {
        title: 'B',
      }),
      'b.bib',
      LATER,
    );
    expect(summary.added.map((paper) => paper.title)).toEqual(['Interference']);
    expect(summary.merged).toEqual([{ id: titleId('Working memory'), title: 'Working memory' }]);
    expect(summary.mergedInFile).toEqual([{ id: titleId('Working memory'), title: 'Working memory' }]);
  });

  it('joins a record without authors (a page) to the paper with its title', () => {
    const first = mergeDigest(empty, parsedDigest([interference2014, interference1995]), 'a.bib', NOW);
    const page = mergeDigest(first.catalogue, parsedDigest([parsedPaper({ title: 'Interference' })]), 'p.txt', LATER);
    expect(page.catalogue.papers).toHaveLength(2);
    expect(page.summary.merged).toEqual([{ id: titleId('Interference'), title: 'Interference' }]);
  });

  it('never joins by title what a different DOI, arXiv id, year or author list sets apart', () => {
    const stored = parsedPaper({ title: 'T', authors: ['Ada Lovelace'], year: 2020, doi: '10.1/a', arxivId: null });
    const first = mergeDigest(empty, parsedDigest([stored]), 'a', NOW);
    for (const other of [
      { doi: '10.1/b' },
      { doi: null, year: 2022 },
      { doi: null, authors: ['Charles Babbage'] },
      { doi: null, authors: ['Bea Lovelace'] },
    ]) {
      const { catalogue } = mergeDigest(first.catalogue, parsedDigest([{ ...stored, ...other }]), 'b', LATER);
      expect([other, catalogue.papers.length]).toEqual([other, 2]);
    }
    // And without them, the same record joins.
    expect(
      mergeDigest(first.catalogue, parsedDigest([{ ...stored, doi: null, year: 2021 }]), 'b', LATER).catalogue.papers,
    ).toHaveLength(1);
    const arxiv = mergeDigest(empty, parsedDigest([{ ...stored, doi: null, arxivId: '2401.00001' }]), 'a', NOW);
    const other = mergeDigest(
      arxiv.catalogue,
      parsedDigest([{ ...stored, doi: null, arxivId: '2401.00002' }]),
      'b',
      NOW,
    );
    expect(other.catalogue.papers).toHaveLength(2);
  });

  it('joins by DOI whatever the title, and by arXiv id before anything else', () => {
    const first = mergeDigest(
      empty,
      parsedDigest([parsedPaper({ title: 'A title', doi: '10.1000/XYZ', year: 2001 })]),
      'a',
      NOW,
    );
    const byDoi = mergeDigest(
      first.catalogue,
      parsedDigest([parsedPaper({ title: 'Another title', doi: '10.1000/xyz', year: 2020 })]),
      'b',
      LATER,
    );
    expect(byDoi.catalogue.papers).toHaveLength(1);
    const byArxiv = mergeDigest(
      byDoi.catalogue,
      parsedDigest([
        parsedPaper({ title: 'A title', arxivId: '2401.00001' }),
        parsedPaper({ title: 'X', arxivId: '2401.00001' }),
      ]),
      'c',
      LATER,
    );
    expect(byArxiv.catalogue.papers).toHaveLength(1);
  });
});

describe('mergeLibrary', () => {
  const state = (updatedAt: string, note: string): ReadingState => ({
    status: 'read',
    tags: ['x'],
    note,
    readAt: updatedAt,
    updatedAt,
  });

  it('restores a backup into an empty library exactly', () => {
    const { catalogue } = mergeDigest(
      empty,
      parsedDigest([parsedPaper({ title: 'A', arxivId: '2401.00001' }), parsedPaper({ title: 'B' })]),
      'a',
      NOW,
    );
    const backup = { catalogue, states: { '2401.00001': state(NOW, 'mine') } };
    const restored = mergeLibrary({ catalogue: empty, states: {} }, backup);
    expect(restored.catalogue).toEqual(catalogue);
    expect(restored.states).toEqual(backup.states);
  });

  it('takes the newer reading state of each paper', () => {
    const { catalogue } = mergeDigest(
      empty,
      parsedDigest([
        parsedPaper({ title: 'A', arxivId: '2401.00001' }),
        parsedPaper({ title: 'B', arxivId: '2401.00002' }),
      ]),
      'a',
      NOW,
    );
    const here = {
      catalogue,
      states: { '2401.00001': state(LATER, 'newer here'), '2401.00002': state(NOW, 'older here') },
    };
    const there = {
      catalogue,
      states: { '2401.00001': state(NOW, 'older there'), '2401.00002': state(LATER, 'newer there') },
    };
    const merged = mergeLibrary(here, there);
    expect(merged.states).toEqual({ '2401.00002': state(LATER, 'newer there') });
    expect(merged.catalogue.papers).toHaveLength(2);
    expect(merged.summary.statesTaken).toBe(1);
  });
});

describe('CatalogueMerge', () => {
  it('merges the digests and libraries of one import as merging each into what the ones before made', () => {
    const first = parsedDigest(
      [parsedPaper({ title: 'Equivariant Networks', arxivId: '2401.00001' }), parsedPaper({ title: 'Working memory' })],
      { title: 'First' },
    );
    const second = parsedDigest(
      [
        parsedPaper({ title: 'Equivariant networks', abstract: 'Filled in.', arxivId: '2401.00001' }),
        parsedPaper({ title: 'Working Memory', authors: ['Alan Baddeley'], year: 1986 }),
        parsedPaper({ title: 'A third paper', doi: '10.1/x' }),
      ],
      { title: 'Second' },
    );
    const backup = mergeDigest(
      empty,
      parsedDigest([parsedPaper({ title: 'From a backup', arxivId: '2402.00002' })]),
      'b',
      NOW,
    ).catalogue;
    const one = mergeDigest(empty, first, 'a.bib', NOW);
    const two = mergeDigest(one.catalogue, second, 'b.bib', NOW);
    const three = mergeLibrary({ catalogue: two.catalogue, states: {} }, { catalogue: backup, states: {} });
    const four = mergeDigest(three.catalogue, first, 'a.bib', LATER);

    const merge = new CatalogueMerge(empty);
    expect(merge.addDigest(first, 'a.bib', NOW)).toEqual(one.summary);
    expect(merge.addDigest(second, 'b.bib', NOW)).toEqual(two.summary);
    expect(merge.addLibrary({ catalogue: backup, states: {} }, {})).toEqual({
      states: three.states,
      summary: three.summary,
      ids: three.ids,
    });
    expect(merge.digests).toEqual(three.catalogue.digests);
    expect(merge.addDigest(first, 'a.bib', LATER)).toEqual(four.summary);
    expect(merge.catalogue()).toEqual(four.catalogue);
  });

  it('leaves the catalogue it was given, and one it has handed out, as they were', () => {
    const { catalogue } = mergeDigest(empty, parsedDigest([parsedPaper({ title: 'A' })]), 'a', NOW);
    const papers = [...catalogue.papers];
    const merge = new CatalogueMerge(catalogue);
    const handedOut = merge.catalogue();
    merge.addDigest(
      parsedDigest([parsedPaper({ title: 'A', abstract: 'New.' }), parsedPaper({ title: 'B' })]),
      'b',
      LATER,
    );
    expect(catalogue.papers).toEqual(papers);
    expect(handedOut.papers).toEqual(papers);
    expect(merge.catalogue().papers).toHaveLength(2);
  });
});

describe('DigestMerge', () => {
  /** `digest` added a paper at a time, its id made at the end, as a digest read in windows is. */
  const addInPieces = (merge: CatalogueMerge, digest: ParsedDigest, source: string, now: string) => {
    const pieces = merge.startDigest(now);
    for (const paper of digest.papers) pieces.add(paper);
    return pieces.finish(digest, source);
  };
  const abstracts = (digest: ParsedDigest, abstract: string) =>
    parsedDigest(
      digest.papers.map((paper) => ({ ...paper, abstract })),
      digest,
    );

  it('gives what a digest added whole gives: the same papers, digests and summaries, import after import', () => {
    const first = parsedDigest([
      parsedPaper({ title: 'Equivariant Networks', arxivId: '2401.00001' }),
      parsedPaper({ title: 'Working Memory', year: 1974, authors: ['A. Baddeley'] }),
      parsedPaper({ title: 'Working Memory', year: 1986, authors: ['A. Baddeley'] }),
      parsedPaper({ title: 'Equivariant networks', doi: '10.1/x' }),
    ]);
    const second = parsedDigest([parsedPaper({ title: 'Working Memory', year: 1986, abstract: 'Later.' })], {
      title: 'Second',
    });
    const imports: [ParsedDigest, string][] = [
      [first, NOW],
      // The same digest again (nothing changes), then with abstracts (papers that list it filled in), twice in one go.
      [first, LATER],
      [second, LATER],
      [abstracts(first, 'Filled in.'), LATER],
      [abstracts(first, 'Filled in.'), LATER],
      [parsedDigest([...first.papers, ...second.papers], { title: 'Both' }), LATER],
    ];
    const whole = new CatalogueMerge(empty);
    const inPieces = new CatalogueMerge(empty);
    for (const [digest, now] of imports) {
      expect(addInPieces(inPieces, digest, 'a.bib', now)).toEqual(whole.addDigest(digest, 'a.bib', now));
      expect(inPieces.catalogue()).toEqual(whole.catalogue());
    }
    // What the imports were made to reach: a paper that two digests list.
    const both = [digestIdFor(first), digestIdFor(second)];
    expect(whole.catalogue().papers.some((paper) => both.every((id) => paper.digests.includes(id)))).toBe(true);
  });

  it('changes no paper of a digest imported again', () => {
    const digest = parsedDigest([parsedPaper({ title: 'A' }), parsedPaper({ title: 'B', doi: '10.1/b' })]);
    const { catalogue } = mergeDigest(empty, digest, 'a.bib', NOW);
    const merge = new CatalogueMerge(catalogue);
    addInPieces(merge, digest, 'a.bib', LATER);
    const after = merge.catalogue();
    after.papers.forEach((paper, at) => expect(paper).toBe(catalogue.papers[at]));
  });
});
