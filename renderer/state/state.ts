/** The renderer's state (its shapes in types.ts) and the pure functions that change it, with the modules beside. */

import { OUTLINE_ABSTRACT_LENGTH } from '../../core/api.js';
import { DEFAULT_LIST_SORT, sameSort, type ListSort } from '../../core/list-sort.js';
import type { Paper } from '../../core/model.js';
import { factColumns, isOutlineOf, type FactColumns } from '../../core/outline.js';
import type { DigestProgress } from '../../core/query.js';
import { countAll, countChange } from './counts.js';
import { withSnooze } from './papers.js';
import { WIDE_LAYOUT } from './layout.js';
import { EMPTY_SELECTION, reconcile, selectOnly } from './selection.js';
import { sortOf, viewKey } from './sort.js';
import type { AppState, Ranked, RankedFilter, SearchResults, SidebarFilter, Toast, UpNextBasis } from './types.js';
import { libraryOrder, visibleIds } from './visible.js';
import { rankingOf, sameRanking } from './ranked.js';

export const ALL: SidebarFilter = { kind: 'all' };

export const INITIAL_STATE: AppState = {
  load: { phase: 'loading' },
  papers: [],
  index: new Map(),
  order: [],
  rowFacts: factColumns([]),
  sorts: new Map(),
  digests: [],
  partial: new Set(),
  counts: countAll([], ''),
  // The controller sets the day it starts on.
  today: '',
  filter: ALL,
  view: 'papers',
  noteConflicts: new Map(),
  duplicates: [],
  query: '',
  results: null,
  selection: EMPTY_SELECTION,
  ranked: null,
  relevance: null,
  keep: new Set(),
  dialog: null,
  toasts: [],
  busy: null,
  task: null,
  canUndo: false,
  readOnly: null,
  announcement: null,
  layout: WIDE_LAYOUT,
};

export function paperById(state: AppState, id: string | null): Paper | undefined {
  if (id === null) return undefined;
  const position = state.index.get(id);
  return position === undefined ? undefined : state.papers[position];
}

/** A fact of the paper with `id` as its row shows it (rowFacts): where it appeared, its upvotes… null if unknown. */
export function rowFactOf<K extends keyof FactColumns>(
  state: AppState,
  id: string,
  name: K,
): FactColumns[K][number] | null {
  const position = state.index.get(id);
  return position === undefined ? null : (state.rowFacts[name][position] ?? null);
}

/**
 * The library as loaded: keeps the selection where it can. `partial`: the papers given in outline (abstract cut
 * short, see getLibraryOutline), their whole records to come through `withWholeRecords`. `rowFacts`: the papers'
 * facts as the outline gives them; made from the papers when they are whole.
 */
export function loaded(
  state: AppState,
  papers: readonly Paper[],
  digests: readonly DigestProgress[],
  partial: ReadonlySet<string> = new Set(),
  rowFacts: FactColumns = factColumns(papers),
): AppState {
  const next: AppState = {
    ...state,
    load: { phase: 'ready' },
    papers,
    index: new Map(papers.map((paper, position) => [paper.id, position])),
    order: libraryOrder(papers),
    rowFacts,
    digests,
    partial,
    counts: countAll(papers, state.today),
  };
  return withListChange(next, state);
}

/** The day moved on (midnight came): snoozes whose day it is come back to Unread, and the counts follow. */
export function withToday(state: AppState, today: string): AppState {
  if (today === state.today) return state;
  return withListChange({ ...state, today, counts: countAll(state.papers, today) }, state);
}

/** The view shown afresh: the papers decided on in it, which it keeps showing until then, go. */
export function refreshView(state: AppState): AppState {
  if (state.keep.size === 0) return state;
  return withListChange({ ...state, keep: new Set() }, state);
}

/**
 * The library as its outline gives it. The first time (`changed` undefined), every paper is partial. After a change
 * the page knows of (an import), the whole record the page holds of each paper outside `changed` is kept, with the
 * reading state the outline brings, unless the outline shows the paper changed since (another process changed it):
 * only the changed papers, and those the page held only in outline, are partial. `rowFacts`: the outline's facts'
 * columns (an outlined paper has no facts of its own).
 */
export function loadedOutline(
  state: AppState,
  outline: readonly Paper[],
  digests: readonly DigestProgress[],
  changed?: ReadonlySet<string>,
  rowFacts: FactColumns = factColumns(outline),
): AppState {
  if (changed === undefined) {
    return loaded(state, outline, digests, new Set(outline.map((paper) => paper.id)), rowFacts);
  }
  const partial = new Set<string>();
  const papers = outline.map((paper) => {
    const held = paperById(state, paper.id);
    const keep =
      held !== undefined &&
      !changed.has(paper.id) &&
      !state.partial.has(paper.id) &&
      isOutlineOf(paper, held, OUTLINE_ABSTRACT_LENGTH);
    if (!keep) {
      partial.add(paper.id);
      return paper;
    }
    return withStateOf(held, paper);
  });
  return loaded(state, papers, digests, partial, rowFacts);
}

/** `record`'s catalogue fields with `state`'s reading state. */
function withStateOf(record: Paper, state: Paper): Paper {
  const paper: Paper = {
    ...record,
    status: state.status,
    tags: state.tags,
    note: state.note,
    readAt: state.readAt,
    updatedAt: state.updatedAt,
  };
  return withSnooze(paper, state.snoozedUntil);
}

/** Papers the API (or an optimistic change) returned, put in place of the old ones. */
export function replacePapers(state: AppState, changed: readonly Paper[], keep = false): AppState {
  if (changed.length === 0) return state;
  const papers = state.papers.slice();
  const before: Paper[] = [];
  const after: Paper[] = [];
  for (const paper of changed) {
    const position = state.index.get(paper.id);
    const old = position === undefined ? undefined : papers[position];
    if (position !== undefined && old !== undefined && old !== paper) {
      papers[position] = paper;
      before.push(old);
      after.push(paper);
    }
  }
  if (after.length === 0) return state;
  const kept = keep ? new Set([...state.keep, ...changed.map((paper) => paper.id)]) : state.keep;
  return { ...state, papers, keep: kept, counts: countChange(state.counts, before, after, papers, state.today) };
}

/**
 * Whole records in place of outlines. The reading state stays as shown (it may have changed since these records
 * were read), so neither the counts nor the list change; only what the outline left out arrives.
 */
export function withWholeRecords(state: AppState, records: readonly Paper[]): AppState {
  let papers: Paper[] | null = null;
  let partial: Set<string> | null = null;
  for (const record of records) {
    if (!state.partial.has(record.id)) continue;
    const position = state.index.get(record.id);
    const current = position === undefined ? undefined : state.papers[position];
    if (position === undefined || current === undefined) continue;
    papers ??= state.papers.slice();
    partial ??= new Set(state.partial);
    partial.delete(record.id);
    papers[position] = withStateOf(record, current);
  }
  return papers === null || partial === null ? state : { ...state, papers, partial };
}

/**
 * Shows the papers `filter` picks, in the list (the possible duplicates, if shown, give way to it). A ranked view
 * left is ranked afresh when shown again.
 */
export function setFilter(state: AppState, filter: SidebarFilter): AppState {
  const shown: AppState = state.view === 'papers' ? state : { ...state, view: 'papers' };
  if (sameFilter(state.filter, filter)) return shown;
  return withListChange({ ...shown, filter, keep: new Set(), ranked: null }, state);
}

/**
 * The library is asked for the ranking of `filter`, the view shown: asked again (the view refreshed), the previous
 * ranking stays in view until the new one comes; asked afresh, the view shows nothing until it comes.
 */
export function rankingAsked(state: AppState, filter: RankedFilter): AppState {
  const previous = rankingOf(state.ranked, filter);
  const ranked: Ranked =
    previous === null
      ? { filter, ids: [], reasons: new Map(), upNext: null, ranking: true, failed: null }
      : { ...previous, filter, ranking: true, failed: null };
  return withListChange({ ...state, ranked }, state);
}

/**
 * The library's ranking of `filter` came (best first, each paper with its reasons): the view shows it, the cursor on
 * its first paper, or on `cursorOn` when the view holds it. Ignored when the view has changed meanwhile.
 */
export function rankingCame(
  state: AppState,
  filter: RankedFilter,
  papers: readonly { readonly id: string; readonly reasons: readonly string[] }[],
  upNext: UpNextBasis | null,
  cursorOn: string | null = null,
): AppState {
  if (rankingOf(state.ranked, filter) === null) return state;
  const ranked: Ranked = {
    filter,
    ids: papers.map((paper) => paper.id),
    reasons: new Map(papers.map((paper) => [paper.id, paper.reasons])),
    upNext,
    ranking: false,
    failed: null,
  };
  const next: AppState = { ...state, ranked };
  return { ...next, selection: selectOnly(cursorIn(visibleIds(next), cursorOn)) };
}

/** `wanted` if the list holds it, else its first paper. */
function cursorIn(ids: readonly string[], wanted: string | null): string | null {
  return wanted !== null && ids.includes(wanted) ? wanted : (ids[0] ?? null);
}

/** The ranking of `filter` failed: the view says why (and shows the previous ranking, if it had one). */
export function rankingFailed(state: AppState, filter: RankedFilter, message: string): AppState {
  const ranked = rankingOf(state.ranked, filter);
  if (ranked === null) return state;
  return withListChange({ ...state, ranked: { ...ranked, ranking: false, failed: message } }, state);
}

/**
 * Lists the view shown in the order `sort` says, and remembers it for this view. The list starts again at its top:
 * the first paper is selected, as a search's best match is (the paper selected before may be anywhere now).
 */
export function setSort(state: AppState, sort: ListSort): AppState {
  if (sameSort(sort, sortOf(state))) return state;
  const sorts = new Map(state.sorts);
  const key = viewKey(state.filter);
  // A view by date added is not remembered: the map holds only the views sorted otherwise.
  sorts.delete(key);
  if (!sameSort(sort, DEFAULT_LIST_SORT)) sorts.set(key, sort);
  const next: AppState = { ...state, sorts };
  return { ...next, selection: selectOnly(visibleIds(next)[0] ?? null) };
}

export function setQuery(state: AppState, query: string): AppState {
  if (query === state.query) return state;
  const blank = query.trim() === '';
  const next: AppState = { ...state, query, keep: new Set(), results: blank ? null : state.results };
  return blank ? withListChange(next, state) : next;
}

/** Results arrived: the best match becomes the selection. */
export function setResults(state: AppState, results: SearchResults): AppState {
  if (results.query !== state.query) return state;
  const next: AppState = { ...state, results };
  const order = visibleIds(next);
  const first = order[0] ?? null;
  // The same search run again (the library reloaded, the abstracts arrived) keeps the selection where it can.
  const newSearch = results.ranked && state.results?.query !== results.query;
  return {
    ...next,
    selection: newSearch ? selectOnly(first) : reconcile(state.selection, order, visibleIds(state)),
  };
}

/** After the list's contents changed: keeps the selection on papers still in it. */
function withListChange(next: AppState, previous: AppState): AppState {
  const order = visibleIds(next);
  const selection =
    previous.selection.cursor === null && next.selection.ids.size === 0
      ? selectOnly(order[0] ?? null)
      : reconcile(next.selection, order, visibleIds(previous));
  return selection === next.selection ? next : { ...next, selection };
}

export function sameFilter(a: SidebarFilter, b: SidebarFilter): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'all':
      return true;
    case 'status':
      return b.kind === 'status' && a.status === b.status;
    case 'tag':
      return b.kind === 'tag' && a.tag.toLocaleLowerCase() === b.tag.toLocaleLowerCase();
    case 'digest':
      return b.kind === 'digest' && a.id === b.id;
    case 'conflicts':
      return true;
    case 'up-next':
    case 'similar':
      return sameRanking(a, b);
  }
}

let nextAnnouncementId = 1;

/** Says `text` in the live region: a screen reader hears it once, even when it is the same as the last. */
export function announce(state: AppState, text: string): AppState {
  return { ...state, announcement: { id: nextAnnouncementId++, text } };
}

let nextToastId = 1;

export function addToast(state: AppState, toast: Omit<Toast, 'id'>): { state: AppState; id: number } {
  const id = nextToastId++;
  // At most three at once: the oldest goes.
  return { state: { ...state, toasts: [...state.toasts.slice(-2), { ...toast, id }] }, id };
}

export function dismissToast(state: AppState, id: number): AppState {
  return state.toasts.some((toast) => toast.id === id)
    ? { ...state, toasts: state.toasts.filter((toast) => toast.id !== id) }
    : state;
}
