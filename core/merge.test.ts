import { describe, expect, it } from 'vitest';
import { parsedDigest, parsedPaper } from '../tests/builders.js';
import { digestIdFor, mergeDigest, mergeLibrary } from './merge.js';
import type { Catalogue, ReadingState } from './model.js';

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
