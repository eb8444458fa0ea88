import { describe, expect, it } from 'vitest';
import {
  LIST_SORTS,
  publishedSortKey,
  sortPapers,
  titleSortKey,
  type ListSort,
  type ListSortKey,
} from './list-sort.js';
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
