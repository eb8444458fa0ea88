/** Which papers the list shows, in which order, and the counts the sidebar shows. Pure and memoised. */

import { sameItems } from '../../core/arrays.js';
import { DEFAULT_LIST_SORT, sortPositions } from '../../core/list-sort.js';
import type { Paper } from '../../core/model.js';
import { matchesFilter, type DigestProgress, type PaperFilter, type StatusCounts } from '../../core/query.js';
import { memoize } from './memo.js';
import { rankedIds, rankingOf } from './ranked.js';
import { relevanceSorted } from './relevance.js';
import { sortedOrder, sortOf } from './sort.js';
import type { AppState, Ranked, SearchResults, SidebarFilter } from './types.js';

function paperFilterOf(filter: SidebarFilter): PaperFilter {
  switch (filter.kind) {
    case 'all':
    case 'similar':
    case 'conflicts':
      return {};
    case 'up-next':
      return { status: 'unread' };
    case 'status':
      return { status: filter.status };
    case 'tag':
      return { tag: filter.tag };
    case 'digest':
      return { digest: filter.id };
  }
}

/** The list's order by date added: the latest import first, each import in the order its digest lists. */
export function libraryOrder(papers: readonly Paper[]): readonly string[] {
  const positions = papers.map((_, position) => position);
  const addedAt = papers.map((paper) => paper.addedAt);
  return sortPositions(positions, addedAt, DEFAULT_LIST_SORT).map((position) => papers[position]?.id ?? '');
}

const computeVisible = memoize(
  (
    papers: readonly Paper[],
    index: ReadonlyMap<string, number>,
    order: readonly string[],
    filter: SidebarFilter,
    results: SearchResults | null,
    keep: ReadonlySet<string>,
    today: string,
    /** The list is in its own order (by date added): a search's matches come best first. */
    byDateAdded: boolean,
    ranked: Ranked | null,
    noteConflicts: AppState['noteConflicts'],
  ): readonly string[] => {
    if (filter.kind === 'up-next' || filter.kind === 'similar') {
      // A ranked view keeps its order; a search only narrows it.
      const shown = ranked === null ? [] : rankedIds(ranked, papers, index, order, keep, today);
      if (results === null) return shown;
      const matching = new Set(results.ids);
      return shown.filter((id) => matching.has(id));
    }
    let source = order;
    if (results !== null) {
      if (results.ranked && byDateAdded) source = results.ids;
      else {
        const matching = new Set(results.ids);
        source = order.filter((id) => matching.has(id));
      }
    }
    const paperFilter = paperFilterOf(filter);
    const everything = filter.kind === 'all';
    // The library's own order needs no checking: every id in it is in the index.
    if (everything && source === order) return order;
    if (everything) return source.filter((id) => index.has(id));
    if (filter.kind === 'conflicts') return source.filter((id) => noteConflicts.has(id) || keep.has(id));
    return source.filter((id) => {
      const position = index.get(id);
      const paper = position === undefined ? undefined : papers[position];
      return paper !== undefined && (keep.has(id) || matchesFilter(paper, paperFilter, today));
    });
  },
  4,
);

let lastVisible: readonly string[] = [];

/**
 * The ids the list shows, top to bottom: in the view's sort, or, sorted by date added (the default), a search's best
 * matches first. The same array while its contents stay the same (a status change in "All papers" changes nothing
 * here), so the list and its virtualiser do not start over.
 */
export function visibleIds(state: AppState): readonly string[] {
  const results = state.results !== null && state.query.trim() !== '' ? state.results : null;
  const sort = sortOf(state);
  const order = sort.by === 'relevance' ? relevanceSorted(state, sort) : sortedOrder(state, sort);
  const byDateAdded = order === state.order;
  const ids = computeVisible(
    state.papers,
    state.index,
    order,
    state.filter,
    results,
    state.keep,
    state.today,
    byDateAdded,
    rankingOf(state.ranked, state.filter),
    state.noteConflicts,
  );
  if (ids !== lastVisible && sameItems(ids, lastVisible)) return lastVisible;
  lastVisible = ids;
  return ids;
}

/** Whether the list shows the paper only because it was decided on in this view: it no longer matches the view. */
export function isDecidedHere(state: AppState, id: string): boolean {
  if (!state.keep.has(id) || state.filter.kind === 'all') return false;
  const position = state.index.get(id);
  const paper = position === undefined ? undefined : state.papers[position];
  if (state.filter.kind === 'conflicts') return paper !== undefined && !state.noteConflicts.has(id);
  return paper !== undefined && !matchesFilter(paper, paperFilterOf(state.filter), state.today);
}

const resultIds = memoize((results: SearchResults): ReadonlySet<string> => new Set(results.ids), 2);

/**
 * How many papers the list shows only because they were decided on in this view (`isDecidedHere`): the list's
 * length less these is what the view holds, the count the sidebar shows beside it.
 */
export function decidedCount(state: AppState): number {
  if (state.keep.size === 0 || state.filter.kind === 'all') return 0;
  const results = state.results !== null && state.query.trim() !== '' ? resultIds(state.results) : null;
  let count = 0;
  for (const id of state.keep) {
    if ((results === null || results.has(id)) && isDecidedHere(state, id)) count += 1;
  }
  return count;
}

/** Each digest's progress, with the counts as they are now (so it moves with optimistic changes). */
export const digestProgressOf = memoize(
  (digests: readonly DigestProgress[], counts: ReadonlyMap<string, StatusCounts>): readonly DigestProgress[] =>
    digests.map((digest) => {
      const count = counts.get(digest.id);
      return count === undefined ? digest : { ...digest, counts: count };
    }),
  2,
);
