import { describe, expect, it } from 'vitest';
import {
  finish,
  groupSteps,
  LIST_SORTS,
  orderOfGroups,
  publishedSortKey,
  sortPapers,
  sortPositions,
  titleSortKey,
  type ListSort,
  type ListSortKey,
} from './list-sort.js';
import { seededRandom } from './seeded-random.js';
import type { PaperFacts } from './paper-facts.js';

interface Row {
  readonly id: string;
  readonly title: string;
  readonly year: number | null;
  readonly addedAt: string;
  readonly facts?: PaperFacts;
}

const MONDAY = '2026-03-09T08:00:00.000Z';
const TUESDAY = '2026-03-10T08:00:00.000Z';

/** In the library's order: Monday's import (a, b, c), then Tuesday's (d, e). */
const ROWS: readonly Row[] = [
  { id: 'a', title: 'Zebra stripes', year: 2024, addedAt: MONDAY, facts: { published: '2024-05-02', hfUpvotes: 3 } },
  { id: 'b', title: 'Élan vital', year: 2021, addedAt: MONDAY, facts: { month: 7 } },
  { id: 'c', title: '“Attention” revisited', year: null, addedAt: MONDAY },
  { id: 'd', title: 'attention again', year: 2024, addedAt: TUESDAY, facts: { published: '2024-05', hfUpvotes: 40 } },
  { id: 'e', title: 'Beta', year: 2024, addedAt: TUESDAY, facts: { published: '2024-05-02', hfUpvotes: 3 } },
];

const ids = (sort: ListSort, relevance?: ReadonlyMap<string, number>): string =>
  sortPapers(ROWS, sort, relevance)
    .map((row) => row.id)
    .join('');
const by = (key: ListSortKey, reverse = false): ListSort => ({ by: key, reverse });

describe('sorting a list', () => {
  it('by date added: the latest import first, each import in the library’s order; reversed, the oldest first', () => {
    expect(ids(by('added'))).toBe('deabc');
    expect(ids(by('added', true))).toBe('abcde');
  });

  it('by published date: newest first (a month alone after its days, a year alone after its months), none last', () => {
    expect(ids(by('published'))).toBe('aedbc');
    expect(ids(by('published', true))).toBe('bdaec');
  });

  it('by year: newest first, papers of a year in the library’s order, none last either way', () => {
    expect(ids(by('year'))).toBe('adebc');
    expect(ids(by('year', true))).toBe('badec');
  });

  it('by title: A to Z without case, accents or leading quotes; reversed, Z to A', () => {
    expect(ids(by('title'))).toBe('dceba');
    expect(ids(by('title', true))).toBe('abecd');
  });

  it('by upvotes: most first, ties in the library’s order, papers without upvotes last either way', () => {
    expect(ids(by('upvotes'))).toBe('daebc');
    expect(ids(by('upvotes', true))).toBe('aedbc');
  });

  it('by relevance: the best score first, papers the ranking leaves out last; no ranking, the library’s order', () => {
    const scores = new Map([
      ['c', 0.9],
      ['a', -0.2],
      ['e', 0.4],
    ]);
    expect(ids(by('relevance'), scores)).toBe('ceabd');
    expect(ids(by('relevance', true), scores)).toBe('aecbd');
    expect(ids(by('relevance'))).toBe('abcde');
  });

  it('has a key for every sort the app and the command line offer', () => {
    expect(LIST_SORTS).toEqual(['added', 'published', 'year', 'title', 'upvotes', 'relevance']);
  });
});

describe('sorting many papers', () => {
  /** 30,000 titles over a few letters, so that many share long beginnings; some alike, some without a key. */
  const rand = seededRandom(7);
  const letters = 'abcé ';
  const column = Array.from({ length: 30_000 }, () =>
    rand() < 0.02
      ? null
      : Array.from({ length: 1 + Math.floor(rand() * 12) }, () => letters[Math.floor(rand() * 5)]).join(''),
  );
  const base = column.map((_, position) => column.length - 1 - position);
  /** What a plain stable sort of the whole list gives. */
  const plain = (descending: boolean): number[] => {
    const known = base.filter((position) => column[position] !== null);
    const unknown = base.filter((position) => column[position] === null);
    known.sort((a, b) => {
      const [x, y] = [column[a] ?? '', column[b] ?? ''];
      const ascending = x < y ? -1 : x > y ? 1 : 0;
      return descending ? -ascending : ascending;
    });
    return [...known, ...unknown];
  };

  it('orders as one plain sort of every paper would, either way round', () => {
    expect(sortPositions(base, column, { by: 'title', reverse: false })).toEqual(plain(false));
    expect(sortPositions(base, column, { by: 'title', reverse: true })).toEqual(plain(true));
  });

  it('does it in slices, and finishes from wherever it was left', () => {
    const steps = groupSteps(base, column);
    let slices = 0;
    while (slices < 3 && steps.next().done !== true) slices += 1;
    expect(slices).toBe(3);
    expect(orderOfGroups(finish(steps), { by: 'title', reverse: false })).toEqual(plain(false));
    let all = 0;
    for (const step = groupSteps(base, column); step.next().done !== true;) all += 1;
    // Four slices of grouping, then the distinct titles a bucket at a time, not all of them in one sort.
    expect(all).toBeGreaterThan(4 + 1);
  });
});

describe('sort keys', () => {
  it('take titles without case, accents and leading punctuation', () => {
    expect(titleSortKey('Élan Vital')).toBe('elan vital');
    expect(titleSortKey('  “$\\alpha$-Nets”')).toBe('alpha$-nets”');
    expect(titleSortKey('Straße')).toBe('straße');
    expect(titleSortKey('')).toBeNull();
    expect(titleSortKey('…')).toBeNull();
  });

  it('take published dates as numbers that sort as the dates do', () => {
    expect(publishedSortKey('2024-05-02', 2024)).toBe(20_240_502);
    expect(publishedSortKey('2024-05', 2024)).toBe(20_240_500);
    expect(publishedSortKey(null, 2024)).toBe(20_240_000);
    expect(publishedSortKey(null, null)).toBeNull();
  });
});
