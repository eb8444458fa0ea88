/**
 * A view sorted by relevance (Unread, a digest, a tag, search results…): the library ranks the view's papers up
 * next with the ranker Up next uses (it learns from the user's decisions, never in the page), asked for when the sort
 * is chosen or the view shown, never on a key press in it. The papers it ranks come first, best first; the others
 * (papers decided on, which the ranker has nothing to say of) follow in the view's own order. Pure.
 */

import type { RankRequest } from '../../core/api.js';
import type { ListSort } from '../../core/list-sort.js';
import { matchesFilter } from '../../core/query.js';
import { isUpNext } from '../../core/rank/decisions.js';
import { memoize } from './memo.js';
import { sortOf, viewKey } from './sort.js';
import type { AppState, RelevanceOrder, SidebarFilter, UpNextBasis } from './types.js';

/** Whether the view shown is listed by relevance (a ranked view keeps its ranking's order instead). */
export function sortedByRelevance(state: Pick<AppState, 'sorts' | 'filter'>): boolean {
  const { kind } = state.filter;
  return kind !== 'up-next' && kind !== 'similar' && sortOf(state).by === 'relevance';
}

/** The relevance order of the view shown, when it is sorted by relevance and the state holds one for it. */
export function relevanceShown(state: Pick<AppState, 'sorts' | 'filter' | 'relevance'>): RelevanceOrder | null {
  const { relevance } = state;
  return relevance !== null && sortedByRelevance(state) && relevance.view === viewKey(state.filter) ? relevance : null;
}

/**
 * What to ask the library to rank for `filter`: a digest's papers by the digest, every paper up next when the view
 * holds them all, else the view's papers up next by id (a view of decided papers only has none).
 */
export function relevanceRequest(
  state: Pick<AppState, 'papers' | 'today' | 'noteConflicts'>,
  filter: SidebarFilter,
  limit: number,
): RankRequest {
  switch (filter.kind) {
    case 'digest':
      return { digest: filter.id, limit };
    case 'status':
      return filter.status === 'unread' ? { limit } : { ids: [], limit };
    case 'tag': {
      const ids = state.papers.flatMap((paper) =>
        isUpNext(paper, state.today) && matchesFilter(paper, { tag: filter.tag }, state.today) ? [paper.id] : [],
      );
      return { ids, limit };
    }
    case 'all':
    case 'up-next':
    case 'similar':
      return { limit };
    case 'conflicts':
      return { ids: [...state.noteConflicts.keys()], limit };
  }
}

/**
 * The library is asked for the relevance order of the view `view` (its viewKey): asked again, the previous order
 * stays in view until the new one comes; asked afresh, the view stays in its own order until then.
 */
export function relevanceAsked(state: AppState, view: string): AppState {
  const previous = state.relevance?.view === view ? state.relevance : null;
  const relevance: RelevanceOrder =
    previous === null
      ? { view, ids: [], reasons: new Map(), basis: null, ranking: true, failed: null }
      : { ...previous, ranking: true, failed: null };
  return { ...state, relevance };
}

/** The library's order of the view `view` came, best first, each paper with its reasons. */
export function relevanceCame(
  state: AppState,
  view: string,
  papers: readonly { readonly id: string; readonly reasons: readonly string[] }[],
  basis: UpNextBasis,
): AppState {
  if (state.relevance?.view !== view) return state;
  const relevance: RelevanceOrder = {
    view,
    ids: papers.map(({ id }) => id),
    reasons: new Map(papers.map(({ id, reasons }) => [id, reasons])),
    basis,
    ranking: false,
    failed: null,
  };
  return { ...state, relevance };
}

/** Ranking the view `view` failed: it says why, and keeps the order it had. */
export function relevanceFailed(state: AppState, view: string, message: string): AppState {
  if (state.relevance?.view !== view) return state;
  return { ...state, relevance: { ...state.relevance, ranking: false, failed: message } };
}

/**
 * Every paper's id in relevance order: the ranked ones best first (least relevant first, `reverse`d), then the
 * others in `order`, the list's own.
 */
const relevanceOrder = memoize(
  (relevance: RelevanceOrder | null, order: readonly string[], reverse: boolean): readonly string[] => {
    if (relevance === null || relevance.ids.length === 0) return order;
    const ranked = reverse ? [...relevance.ids].reverse() : relevance.ids;
    const rankedSet = new Set(relevance.ids);
    return [...ranked, ...order.filter((id) => !rankedSet.has(id))];
  },
  4,
);

/** The order the view shown is listed in when sorted by relevance (`sort`). */
export function relevanceSorted(state: AppState, sort: ListSort): readonly string[] {
  return relevanceOrder(relevanceShown(state), state.order, sort.reverse);
}
