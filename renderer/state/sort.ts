/**
 * The list's order in each view: the sort the user chose there (core/list-sort.ts), remembered by view, and the
 * library's papers in that order. The keys are read once per load and each order made once per load, so typing a
 * search in a sorted list, or going back to a sort, only filters an order already made; the controller has them
 * made ahead while the page is idle (`makeSortsAhead`), so that choosing one only lists it. Pure and memoised.
 */

import {
  DEFAULT_LIST_SORT,
  finish,
  groupSteps,
  orderOfGroups,
  sortColumnSteps,
  type ListSort,
  type ListSortKey,
  type SortedGroups,
  type SortSource,
  type Steps,
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
    case 'conflicts':
      return 'conflicts';
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

/** Making a key's groups: under way (its steps), or done. */
interface Job {
  readonly steps: Steps<SortedGroups>;
  done: SortedGroups | null;
}

interface Made {
  readonly base: readonly number[];
  readonly jobs: Map<ListSortKey, Job>;
  readonly orders: Map<string, readonly string[]>;
}

const made = new WeakMap<readonly string[], Made>();

function madeFor(state: Sortable): Made {
  let found = made.get(state.order);
  if (found === undefined) {
    const { index } = state;
    found = { base: state.order.map((id) => index.get(id) ?? 0), jobs: new Map(), orders: new Map() };
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

function* keySteps(state: Sortable, base: readonly number[], by: ListSortKey): Steps<SortedGroups> {
  const column = yield* sortColumnSteps(sourceOf(state), by);
  return yield* groupSteps(base, column);
}

function jobFor(state: Sortable, by: ListSortKey): Job {
  const cache = madeFor(state);
  let job = cache.jobs.get(by);
  if (job === undefined) {
    job = { steps: keySteps(state, cache.base, by), done: null };
    cache.jobs.set(by, job);
  }
  return job;
}

/** Every paper's id in the order `sort` says, made once per load; ties, and papers without the key, as listed. */
export function sortedOrder(state: Sortable, sort: ListSort): readonly string[] {
  if (sort.by === 'added' && !sort.reverse) return state.order;
  const cache = madeFor(state);
  const name = `${sort.by}:${String(sort.reverse)}`;
  let order = cache.orders.get(name);
  if (order === undefined) {
    const job = jobFor(state, sort.by);
    job.done ??= finish(job.steps);
    const { papers } = state;
    order = orderOfGroups(job.done, sort).map((position) => papers[position]?.id ?? '');
    cache.orders.set(name, order);
  }
  return order;
}

/** The keys the app offers, made ahead in this order while the page is idle. */
const MADE_AHEAD: readonly ListSortKey[] = ['upvotes', 'published', 'title', 'year', 'added'];

/**
 * Makes the app's sorts ahead of their being chosen, a slice at a time while `more()` says there is time: once
 * made, choosing one only lists its order. Returns whether work remains.
 */
export function makeSortsAhead(state: Sortable, more: () => boolean): boolean {
  for (const by of MADE_AHEAD) {
    const job = jobFor(state, by);
    while (job.done === null) {
      if (!more()) return true;
      const step = job.steps.next();
      if (step.done === true) job.done = step.value;
    }
  }
  return false;
}
