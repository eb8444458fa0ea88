/**
 * The list's order in each view: the sort the user chose there (core/list-sort.ts), remembered by view, and the
 * library's papers in that order. The keys are read once per load and each order made once per load, so typing a
 * search in a sorted list, or going back to a sort, only filters an order already made. Pure and memoised.
 */

import {
  DEFAULT_LIST_SORT,
  sortColumnOf,
  sortPositions,
  type ListSort,
  type ListSortKey,
  type SortColumn,
  type SortSource,
} from '../../core/list-sort.js';
import type { AppState, SidebarFilter } from './types.js';

/** The name a view's sort is remembered by: one per view, a tag's whatever its case. */
export function viewKey(filter: SidebarFilter): string {
  switch (filter.kind) {
    case 'all':
      return 'all';
    case 'status':
      return `status:${filter.status}`;
    case 'tag':
      return `tag:${filter.tag.toLocaleLowerCase()}`;
    case 'digest':
      return `digest:${filter.id}`;
    // The ranked views keep the ranking's order; the list's sorts are not offered there.
    case 'up-next':
    case 'similar':
      return filter.kind;
  }
}

/** The sort of the view shown: the one chosen there, else by date added. */
export function sortOf(state: Pick<AppState, 'sorts' | 'filter'>): ListSort {
  return state.sorts.get(viewKey(state.filter)) ?? DEFAULT_LIST_SORT;
}

/** The library's state a sort reads: each load makes a new `order`, which the keys and orders are kept by. */
type Sortable = Pick<AppState, 'order' | 'papers' | 'index' | 'rowFacts'>;

interface Made {
  readonly base: readonly number[];
  readonly columns: Map<ListSortKey, SortColumn>;
  readonly orders: Map<string, readonly string[]>;
}

const made = new WeakMap<readonly string[], Made>();

function madeFor(state: Sortable): Made {
  let found = made.get(state.order);
  if (found === undefined) {
    const { index } = state;
    found = { base: state.order.map((id) => index.get(id) ?? 0), columns: new Map(), orders: new Map() };
    made.set(state.order, found);
  }
  return found;
}

/** What a sort reads of the paper at each position: titles and years of the papers, the rest of the facts' columns. */
function sourceOf(state: Sortable): SortSource {
  const { papers, rowFacts } = state;
  return {
    count: papers.length,
    addedAt: (position) => papers[position]?.addedAt ?? '',
    title: (position) => papers[position]?.title ?? '',
    year: (position) => papers[position]?.year ?? null,
    published: (position) => rowFacts.published[position] ?? null,
    upvotes: (position) => rowFacts.upvotes[position] ?? null,
  };
}

/** Every paper's id in the order `sort` says, made once per load; ties, and papers without the key, as listed. */
export function sortedOrder(state: Sortable, sort: ListSort): readonly string[] {
  if (sort.by === 'added' && !sort.reverse) return state.order;
  const cache = madeFor(state);
  const name = `${sort.by}:${String(sort.reverse)}`;
  let order = cache.orders.get(name);
  if (order === undefined) {
    let column = cache.columns.get(sort.by);
    if (column === undefined) {
      column = sortColumnOf(sourceOf(state), sort.by);
      cache.columns.set(sort.by, column);
    }
    const { papers } = state;
    order = sortPositions(cache.base, column, sort).map((position) => papers[position]?.id ?? '');
    cache.orders.set(name, order);
  }
  return order;
}
