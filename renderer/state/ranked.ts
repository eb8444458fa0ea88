/**
 * The ranked views, Up next and More like this: their order is the library's (it learns from the user's decisions,
 * never in the page), asked for when the view is shown and kept until it is shown again. Pure.
 */

import type { Paper } from '../../core/model.js';
import { isUpNext } from '../../core/rank/decisions.js';
import { memoize } from './memo.js';
import { relevanceShown } from './relevance.js';
import type { AppState, Ranked, RankedFilter, SidebarFilter } from './types.js';

export function isRankedFilter(filter: SidebarFilter): filter is RankedFilter {
  return filter.kind === 'up-next' || filter.kind === 'similar';
}

/** Whether two filters ask for the same ranking (a tag's case aside). */
export function sameRanking(a: SidebarFilter, b: SidebarFilter): boolean {
  if (a.kind === 'up-next' && b.kind === 'up-next') {
    return (
      (a.tag ?? '').toLocaleLowerCase() === (b.tag ?? '').toLocaleLowerCase() && (a.tag === null) === (b.tag === null)
    );
  }
  return a.kind === 'similar' && b.kind === 'similar' && a.id === b.id;
}

/** The ranking shown for `filter`: the one the state holds, when it is for that view. */
export function rankingOf(ranked: Ranked | null, filter: SidebarFilter): Ranked | null {
  return ranked !== null && sameRanking(ranked.filter, filter) ? ranked : null;
}

/**
 * The ids a ranked view lists, best first. Up next: the ranked papers still up next (or decided on in the view,
 * `keep`), then any unread paper the ranking left out (the ranking holds the best few hundred; a paper may also
 * have become unread since), in the list's order; so the view holds every paper up next, as its count says.
 * More like this: the ranked papers, whatever became of them.
 */
export const rankedIds = memoize(
  (
    ranked: Ranked,
    papers: readonly Paper[],
    index: ReadonlyMap<string, number>,
    order: readonly string[],
    keep: ReadonlySet<string>,
    today: string,
  ): readonly string[] => {
    const paperOf = (id: string): Paper | undefined => {
      const position = index.get(id);
      return position === undefined ? undefined : papers[position];
    };
    const upNext = ranked.filter.kind === 'up-next';
    const listed = ranked.ids.filter((id) => {
      const paper = paperOf(id);
      return paper !== undefined && (!upNext || keep.has(id) || isUpNext(paper, today));
    });
    // Until the first ranking of the view arrives, it shows nothing rather than an order about to change.
    if (!upNext || (ranked.ids.length === 0 && (ranked.ranking || ranked.failed !== null))) return listed;
    const rankedSet = new Set(ranked.ids);
    const rest = order.filter((id) => {
      if (rankedSet.has(id)) return false;
      const paper = paperOf(id);
      return paper !== undefined && isUpNext(paper, today);
    });
    return rest.length === 0 ? listed : [...listed, ...rest];
  },
  2,
);

/** How many papers of the view follow the ranked ones unranked, in the list's order. */
export const unrankedCount = memoize((ranked: Ranked, shown: readonly string[]): number => {
  if (ranked.filter.kind !== 'up-next' || ranked.ids.length === 0) return 0;
  const rankedSet = new Set(ranked.ids);
  let count = 0;
  for (const id of shown) if (!rankedSet.has(id)) count += 1;
  return count;
}, 2);

const NO_REASONS: readonly string[] = [];

/**
 * Why the ranked view shown, or the view sorted by relevance, puts paper `id` where it is; empty in other views, or
 * for a paper not ranked.
 */
export function reasonsShown(state: AppState, id: string): readonly string[] {
  const reasons = rankingOf(state.ranked, state.filter)?.reasons ?? relevanceShown(state)?.reasons;
  return reasons?.get(id) ?? NO_REASONS;
}
