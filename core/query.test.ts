import { describe, expect, it } from 'vitest';
import { parsedDigest, parsedPaper } from '../tests/builders.js';
import { mergeDigest } from './merge.js';
import {
  digestProgress,
  isoWeek,
  libraryStats,
  matchesFilter,
  papersOf,
  tagCounts,
  type PaperFilter,
} from './query.js';
import { dismissed, snoozed } from '../tests/triage-states.js';
import type { ReadingState } from './model.js';

const NOW = '2026-11-27T10:00:00.000Z';

function library() {
  const { catalogue } = mergeDigest(
    { papers: [], digests: [] },
    parsedDigest(
      [1, 2, 3, 4].map((n) => parsedPaper({ title: `Paper ${n}`, arxivId: `2401.0000${n}` })),
      { date: '2026-03-11', title: 'March' },
    ),
    'm.bib',
    NOW,
  );
  const state = (fields: Partial<ReadingState>): ReadingState => ({
    status: 'unread',
    tags: [],
    note: '',
    readAt: null,
    updatedAt: NOW,
    ...fields,
  });
  return {
    catalogue,
    states: {
      '2401.00001': state({ status: 'read', readAt: '2026-11-23T09:00:00.000Z', tags: ['gnn'] }),
      '2401.00002': state({ status: 'read', readAt: '2026-11-24T09:00:00.000Z', tags: ['GNN', 'later'] }),
      '2401.00003': state({ status: 'reading', note: 'half way' }),
    },
  };
}

describe('library views', () => {
  it('filters by status, tag (any case) and digest', () => {
    const papers = papersOf(library());
    const digestId = library().catalogue.digests[0]?.id ?? '';
    expect(papers.filter((p) => matchesFilter(p, { status: 'read' })).map((p) => p.id)).toEqual([
      '2401.00001',
      '2401.00002',
    ]);
    expect(papers.filter((p) => matchesFilter(p, { tag: 'Gnn' })).map((p) => p.id)).toEqual([
      '2401.00001',
      '2401.00002',
    ]);
    expect(papers.filter((p) => matchesFilter(p, { digest: digestId, status: 'unread' })).map((p) => p.id)).toEqual([
      '2401.00004',
    ]);
    expect(papers.filter((p) => matchesFilter(p, { digest: 'nope' }))).toEqual([]);
  });

  it('counts tags, most used first', () => {
    expect(tagCounts(papersOf(library()))).toEqual([
      { tag: 'gnn', count: 2 },
      { tag: 'later', count: 1 },
    ]);
  });

  it('gives each digest its read progress', () => {
    const { catalogue, states } = library();
    expect(digestProgress(catalogue.digests, states)).toMatchObject([
      { title: 'March', date: '2026-03-11', total: 4, counts: { unread: 1, reading: 1, read: 2 } },
    ]);
  });

  it('counts papers read per ISO week', () => {
    expect(isoWeek('2026-11-23T09:00:00.000Z')).toBe('2026-W48');
    expect(isoWeek('2021-01-03T12:00:00.000Z')).toBe('2020-W53');
    const stats = libraryStats(library());
    expect(stats).toMatchObject({
      total: 4,
      counts: { unread: 1, reading: 1, read: 2 },
      tagged: 2,
      withNotes: 1,
      digests: 1,
    });
    expect(stats.readPerWeek).toEqual([{ week: '2026-W48', count: 2 }]);
  });
});

describe('the triage views', () => {
  const TODAY = '2026-03-11';
  function triaged() {
    const base = library();
    return {
      ...base,
      states: { ...base.states, '2401.00003': dismissed, '2401.00004': snoozed('2026-03-12') },
    };
  }

  it('picks the papers dismissed, and those snoozed until a day still to come', () => {
    const papers = papersOf(triaged());
    const ids = (filter: PaperFilter, today: string | null = TODAY): string[] =>
      papers.filter((p) => matchesFilter(p, filter, today)).map((p) => p.id);
    expect(ids({ status: 'dismissed' })).toEqual(['2401.00003']);
    expect(ids({ status: 'snoozed' })).toEqual(['2401.00004']);
    expect(ids({ status: 'unread' })).toEqual([]);
    // Its day come, the snoozed paper is unread again.
    expect(ids({ status: 'unread' }, '2026-03-12')).toEqual(['2401.00004']);
    expect(ids({ status: 'snoozed' }, '2026-03-12')).toEqual([]);
  });

  it('counts dismissed papers by status, and snoozed ones among the unread', () => {
    const stats = libraryStats(triaged(), TODAY);
    expect(stats.counts).toEqual({ unread: 1, reading: 0, read: 2, dismissed: 1 });
    expect(stats.snoozed).toBe(1);
    expect(libraryStats(triaged(), '2026-03-12').snoozed).toBe(0);
  });
});
