/** A view sorted by relevance: the library's ranking first, the papers it has nothing for after, as listed. */

import { describe, expect, it } from 'vitest';
import { paper } from '../../tests/builders.js';
import { reasonsShown } from './ranked.js';
import { relevanceAsked, relevanceCame, relevanceFailed, relevanceRequest, relevanceShown } from './relevance.js';
import { viewKey } from './sort.js';
import { INITIAL_STATE, loaded, setFilter, setSort } from './state.js';
import type { AppState, SidebarFilter, UpNextBasis } from './types.js';
import { visibleIds } from './visible.js';

const WEDNESDAY = '2026-03-11';
const LEARNT: UpNextBasis = { basis: 'learnt', kept: 5, dismissed: 5, needed: { kept: 5, dismissed: 5 }, total: 4 };
const ALL: SidebarFilter = { kind: 'all' };
const UNREAD: SidebarFilter = { kind: 'status', status: 'unread' };
const GRAPHS: SidebarFilter = { kind: 'tag', tag: 'graphs' };

/** Papers a to f, listed a first; e read and tagged, f dismissed: neither is up next. */
function library(): AppState {
  const papers = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, n) =>
    paper(id, {
      addedAt: `2026-03-11T10:00:0${String(9 - n)}.000Z`,
      ...(id === 'e' ? { status: 'read' as const, tags: ['graphs'] } : {}),
      ...(id === 'c' ? { tags: ['Graphs'] } : {}),
      ...(id === 'f' ? { status: 'dismissed' as const } : {}),
    }),
  );
  return loaded({ ...INITIAL_STATE, today: WEDNESDAY }, papers, []);
}

const relevance = { by: 'relevance', reverse: false } as const;

/** `filter` shown and sorted by relevance, its order come: d then b, with their reasons. */
function sortedByRelevance(filter: SidebarFilter): AppState {
  const asked = relevanceAsked(setSort(setFilter(library(), filter), relevance), viewKey(filter));
  const ranked = [
    { id: 'd', reasons: ['graph generation', 'J. Leskovec'] },
    { id: 'b', reasons: ['diffusion'] },
  ];
  return relevanceCame(asked, viewKey(filter), ranked, LEARNT);
}

describe('sorting a view by relevance', () => {
  it('lists the view as it was while the library ranks it, then the ranked papers first, the others as listed', () => {
    const asked = relevanceAsked(setSort(library(), relevance), viewKey(ALL));
    expect(relevanceShown(asked)?.ranking).toBe(true);
    expect(visibleIds(asked)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    const state = sortedByRelevance(ALL);
    expect(relevanceShown(state)?.ranking).toBe(false);
    // e (read) and f (dismissed) are decided: the ranker has nothing to say of them, so they follow as listed.
    expect(visibleIds(state)).toEqual(['d', 'b', 'a', 'c', 'e', 'f']);
    expect(reasonsShown(state, 'd')).toEqual(['graph generation', 'J. Leskovec']);
    expect(reasonsShown(state, 'a')).toEqual([]);
  });

  it('goes the other way round: least relevant first, the papers it has nothing for still after', () => {
    const state = setSort(sortedByRelevance(UNREAD), { by: 'relevance', reverse: true });
    expect(visibleIds(state)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('is remembered per view: another view keeps its own sort, and no reasons', () => {
    const state = setFilter(sortedByRelevance(UNREAD), ALL);
    expect(relevanceShown(state)).toBeNull();
    expect(visibleIds(state)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(reasonsShown(state, 'd')).toEqual([]);
    const back = setFilter(state, UNREAD);
    expect(visibleIds(back)).toEqual(['d', 'b', 'a', 'c']);
    expect(back.sorts.get(viewKey(UNREAD))).toEqual(relevance);
  });

  it('keeps its order when ranking fails, and says why', () => {
    const failed = relevanceFailed(relevanceAsked(sortedByRelevance(UNREAD), viewKey(UNREAD)), 'status:unread', 'No.');
    expect(relevanceShown(failed)).toMatchObject({ ranking: false, failed: 'No.' });
    expect(visibleIds(failed)).toEqual(['d', 'b', 'a', 'c']);
  });

  it('drops an order that comes for a view no longer asked about', () => {
    const asked = relevanceAsked(setSort(library(), relevance), viewKey(ALL));
    expect(relevanceCame(asked, viewKey(UNREAD), [{ id: 'd', reasons: [] }], LEARNT)).toBe(asked);
  });

  it('asks the library to rank the view’s papers up next: a digest’s, a tag’s, all of them, or none', () => {
    const state = library();
    expect(relevanceRequest(state, { kind: 'digest', id: 'd1' }, 500)).toEqual({ digest: 'd1', limit: 500 });
    expect(relevanceRequest(state, UNREAD, 500)).toEqual({ limit: 500 });
    expect(relevanceRequest(state, ALL, 500)).toEqual({ limit: 500 });
    expect(relevanceRequest(state, GRAPHS, 500)).toEqual({ ids: ['c'], limit: 500 });
    expect(relevanceRequest(state, { kind: 'status', status: 'read' }, 500)).toEqual({ ids: [], limit: 500 });
  });
});
