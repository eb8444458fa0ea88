/**
 * The orders a list of papers can be shown in: by date added (the default), published date, year, title, Hugging
 * Face upvotes, or relevance (where a ranking applies, as in Up next). Each has its natural direction: the newest,
 * A to Z, the most upvoted, the most relevant first; `reverse` turns it round. Papers without the key (no published
 * date, no upvotes, not ranked) come last either way, and papers alike in it keep the library's order, so that a
 * sort is the same every time. The keys are read once per list (`sortColumnOf`); sorting by them groups the papers
 * by key and sorts only the distinct keys: a few thousand dates or counts, not 100,000 papers. Pure.
 */

import { publishedDate, type PaperFacts } from './paper-facts.js';

export const LIST_SORTS = ['added', 'published', 'year', 'title', 'upvotes', 'relevance'] as const;
export type ListSortKey = (typeof LIST_SORTS)[number];

export interface ListSort {
  readonly by: ListSortKey;
  /** The other way round from the key's natural direction (see LIST_SORT_WORDS). */
  readonly reverse: boolean;
}

export const DEFAULT_LIST_SORT: ListSort = { by: 'added', reverse: false };

export function isListSortKey(value: unknown): value is ListSortKey {
  return typeof value === 'string' && (LIST_SORTS as readonly string[]).includes(value);
}

export function sameSort(a: ListSort, b: ListSort): boolean {
  return a.by === b.by && a.reverse === b.reverse;
}

/** Each key in words, and which way it runs, and the other way round: what the app and the help say. */
export const LIST_SORT_WORDS: {
  readonly [K in ListSortKey]: { readonly name: string; readonly natural: string; readonly reversed: string };
} = {
  added: { name: 'Date added', natural: 'newest first', reversed: 'oldest first' },
  published: { name: 'Published date', natural: 'newest first', reversed: 'oldest first' },
  year: { name: 'Year', natural: 'newest first', reversed: 'oldest first' },
  title: { name: 'Title', natural: 'A to Z', reversed: 'Z to A' },
  upvotes: { name: 'Upvotes', natural: 'most first', reversed: 'fewest first' },
  relevance: { name: 'Relevance', natural: 'most relevant first', reversed: 'least relevant first' },
};

/** The keys whose natural direction is from the largest down: every one but the title. */
const LARGEST_FIRST: ReadonlySet<ListSortKey> = new Set(['added', 'published', 'year', 'upvotes', 'relevance']);

/** What a sort reads of the paper at each position of a list. */
export interface SortSource {
  readonly count: number;
  readonly addedAt: (position: number) => string;
  readonly title: (position: number) => string;
  readonly year: (position: number) => number | null;
  /** YYYY-MM-DD or YYYY-MM (publishedDate). */
  readonly published: (position: number) => string | null;
  readonly upvotes: (position: number) => number | null;
  /** A ranking's score, higher first; absent where no ranking applies (the papers then keep the library's order). */
  readonly relevance?: (position: number) => number | null;
}

/** One key of every paper of a list, by position: a number, or a text; null where the paper has none. */
export type SortColumn = readonly (number | null)[] | readonly (string | null)[];

/** The title as it sorts: without case, accents or leading quotes and brackets ("‘Élan’" sorts as "elan’"). */
export function titleSortKey(title: string): string | null {
  let key = title.toLowerCase();
  // Most titles are plain ASCII: only the others need their accents taken apart from their letters.
  if (/[^\p{ASCII}]/u.test(key)) key = key.normalize('NFKD').replace(/\p{M}+/gu, '');
  key = key.replace(/^[^\p{L}\p{N}]+/u, '');
  return key === '' ? null : key;
}

/** The published date as a number that sorts as the date does (YYYYMMDD), a month or a year alone before its days. */
export function publishedSortKey(published: string | null, year: number | null): number | null {
  if (published === null) return year === null ? null : year * 10_000;
  const month = published.length >= 7 ? Number(published.slice(5, 7)) : 0;
  const day = published.length >= 10 ? Number(published.slice(8, 10)) : 0;
  return Number(published.slice(0, 4)) * 10_000 + month * 100 + day;
}

/**
 * Work done a slice at a time: a generator that yields after each slice of a few milliseconds and returns its
 * result, so that a page can do it while idle, between keystrokes, or all at once (`finish`).
 */
export type Steps<T> = Generator<undefined, T, undefined>;

/** Runs `steps` to their end (on from wherever they were). */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** Papers read, or grouped, a slice. */
const SLICE = 8_192;

function readerOf(source: SortSource, by: ListSortKey): (position: number) => number | string | null {
  switch (by) {
    case 'added':
      return source.addedAt;
    case 'published':
      return (at) => publishedSortKey(source.published(at), source.year(at));
    case 'year':
      return source.year;
    case 'title':
      return (at) => titleSortKey(source.title(at));
    case 'upvotes':
      return source.upvotes;
    case 'relevance':
      return source.relevance ?? (() => null);
  }
}

/** The key `by` of every paper of `source`, read once, a slice at a time. */
export function* sortColumnSteps(source: SortSource, by: ListSortKey): Steps<SortColumn> {
  const read = readerOf(source, by);
  const values = new Array<number | string | null>(source.count);
  for (let from = 0; from < source.count; from += SLICE) {
    const to = Math.min(source.count, from + SLICE);
    for (let at = from; at < to; at++) values[at] = read(at);
    yield;
  }
  return values as SortColumn;
}

/** The key `by` of every paper of `source`, read once. */
function sortColumnOf(source: SortSource, by: ListSortKey): SortColumn {
  return finish(sortColumnSteps(source, by));
}

/** The papers of a list grouped by a key, the groups in the key's ascending order; those without it apart. */
export interface SortedGroups {
  /** Positions, each group in the list's order. */
  readonly groups: readonly (readonly number[])[];
  readonly unknown: readonly number[];
}

/**
 * The positions of `base` (a list in the library's order) grouped by their key in `column`, the groups sorted, a
 * slice at a time. Only the distinct keys are sorted: a few thousand dates or counts, not 100,000 papers.
 */
export function* groupSteps(base: readonly number[], column: SortColumn): Steps<SortedGroups> {
  const groups = new Map<number | string, number[]>();
  const unknown: number[] = [];
  for (let from = 0; from < base.length; from += SLICE) {
    const to = Math.min(base.length, from + SLICE);
    for (let index = from; index < to; index++) {
      const position = base[index] ?? 0;
      const key = column[position] ?? null;
      if (key === null || (typeof key === 'number' && Number.isNaN(key))) {
        unknown.push(position);
        continue;
      }
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [position]);
      else group.push(position);
    }
    yield;
  }
  const keys = [...groups.keys()];
  let sorted: readonly (number | string)[];
  if (typeof keys[0] === 'string') sorted = yield* sortTextSteps(keys as string[], 0);
  else {
    sorted = (keys as number[]).sort((a, b) => a - b);
    yield;
  }
  return { groups: sorted.map((key) => groups.get(key) ?? []), unknown };
}

/** Distinct texts sorted at once; more are split by their next character first. */
const TEXTS_AT_ONCE = 4_096;

const compareTexts = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Distinct texts in the order `<` gives them (code unit by code unit), a bucket at a time: split by their character
 * at `depth` (all of them share the characters before), each bucket sorted in turn, the one text that ends there
 * first.
 */
function* sortTextSteps(texts: string[], depth: number): Steps<string[]> {
  if (texts.length <= TEXTS_AT_ONCE || depth >= 8) {
    texts.sort(compareTexts);
    yield;
    return texts;
  }
  const sorted: string[] = [];
  const buckets = new Map<number, string[]>();
  for (const text of texts) {
    if (text.length <= depth) {
      sorted.push(text);
      continue;
    }
    const code = text.charCodeAt(depth);
    const bucket = buckets.get(code);
    if (bucket === undefined) buckets.set(code, [text]);
    else bucket.push(text);
  }
  for (const code of [...buckets.keys()].sort((a, b) => a - b)) {
    for (const text of yield* sortTextSteps(buckets.get(code) ?? [], depth + 1)) sorted.push(text);
  }
  return sorted;
}

/** The positions in the order `sort` says: its direction over the groups, then those without the key. */
export function orderOfGroups(sorted: SortedGroups, sort: ListSort): number[] {
  const largestFirst = LARGEST_FIRST.has(sort.by) !== sort.reverse;
  const { groups } = sorted;
  const order: number[] = [];
  for (let index = 0; index < groups.length; index++) {
    for (const position of groups[largestFirst ? groups.length - 1 - index : index] ?? []) order.push(position);
  }
  for (const position of sorted.unknown) order.push(position);
  return order;
}

/**
 * The positions of `base` (a list in the library's order) sorted by `column` as `sort` says: papers alike in the
 * key, and those without it (last), in the order of `base`.
 */
export function sortPositions(base: readonly number[], column: SortColumn, sort: ListSort): number[] {
  return orderOfGroups(finish(groupSteps(base, column)), sort);
}

/** A paper as a sort reads it. */
interface SortablePaper {
  readonly id: string;
  readonly title: string;
  readonly year: number | null;
  readonly addedAt: string;
  readonly facts?: PaperFacts;
}

/**
 * `papers` (in the library's order) sorted as `sort` says; `relevance`, a score by paper id, for the relevance sort
 * (papers without one last, as they were).
 */
export function sortPapers<T extends SortablePaper>(
  papers: readonly T[],
  sort: ListSort,
  relevance: ReadonlyMap<string, number> = new Map(),
): T[] {
  const at = (position: number): T => papers[position] as T;
  const source: SortSource = {
    count: papers.length,
    addedAt: (position) => at(position).addedAt,
    title: (position) => at(position).title,
    year: (position) => at(position).year,
    published: (position) => publishedDate(at(position)),
    upvotes: (position) => at(position).facts?.hfUpvotes ?? null,
    relevance: (position) => relevance.get(at(position).id) ?? null,
  };
  const column = sortColumnOf(source, sort.by);
  return sortPositions(
    papers.map((_, position) => position),
    column,
    sort,
  ).map(at);
}
