import { describe, expect, it } from 'vitest';
import { papersOfColumns, factColumnsOf } from '../../core/outline.js';
import type { Paper } from '../../core/model.js';
import { outlineColumns, paper } from '../../tests/builders.js';
import { INITIAL_STATE, loadedOutline, rowFactOf, setFilter, setQuery, setResults, setSort } from './state.js';
import { makeSortsAhead, sortedOrder, sortOf, viewKey } from './sort.js';
import type { AppState } from './types.js';
import { visibleIds } from './visible.js';

const MONDAY = '2026-03-09T08:00:00.000Z';
const TUESDAY = '2026-03-10T08:00:00.000Z';

/** Monday's import (a, b, c), then Tuesday's (d): the list by date added is d, a, b, c. */
const PAPERS: readonly Paper[] = [
  paper('a', { title: 'Zebra', year: 2024, addedAt: MONDAY, facts: { published: '2024-05-02', hfUpvotes: 3 } }),
  paper('b', { title: 'Élan', year: 2021, addedAt: MONDAY, status: 'read', facts: { venue: 'NeurIPS', month: 7 } }),
  paper('c', { title: 'attention', year: null, addedAt: MONDAY, arxivId: '2403.00003' }),
  paper('d', {
    title: 'Beta',
    year: 2024,
    addedAt: TUESDAY,
    facts: { published: '2024-05-01', hfUpvotes: 40, primaryCategory: 'cs.CL' },
  }),
];

/** The library as the page loads it: outlined (no facts of its own), its facts in the outline's columns. */
function library(): AppState {
  const columns = outlineColumns(PAPERS);
  return loadedOutline(INITIAL_STATE, papersOfColumns(columns), [], undefined, factColumnsOf(columns));
}

const UNREAD = { kind: 'status', status: 'unread' } as const;

describe('the list’s sort', () => {
  it('is by date added until one is chosen, the latest import first', () => {
    const state = library();
    expect(sortOf(state)).toEqual({ by: 'added', reverse: false });
    expect(visibleIds(state)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('orders by the facts the outline gives, papers without the key last', () => {
    const state = library();
    expect(visibleIds(setSort(state, { by: 'upvotes', reverse: false }))).toEqual(['d', 'a', 'b', 'c']);
    expect(visibleIds(setSort(state, { by: 'upvotes', reverse: true }))).toEqual(['a', 'd', 'b', 'c']);
    expect(visibleIds(setSort(state, { by: 'published', reverse: false }))).toEqual(['a', 'd', 'b', 'c']);
    expect(visibleIds(setSort(state, { by: 'year', reverse: true }))).toEqual(['b', 'd', 'a', 'c']);
    expect(visibleIds(setSort(state, { by: 'title', reverse: false }))).toEqual(['c', 'd', 'b', 'a']);
    expect(visibleIds(setSort(state, { by: 'added', reverse: true }))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('shows each row’s facts from the outline', () => {
    const state = library();
    expect(['a', 'b', 'c', 'd'].map((id) => rowFactOf(state, id, 'venue'))).toEqual([
      null,
      'NeurIPS',
      'arXiv',
      'arXiv cs.CL',
    ]);
    expect(rowFactOf(state, 'd', 'upvotes')).toBe(40);
    expect(rowFactOf(state, 'nowhere', 'upvotes')).toBeNull();
  });

  it('is remembered per view, and starts the list again at its top', () => {
    let state = setSort(library(), { by: 'title', reverse: false });
    expect(state.selection.cursor).toBe('c');
    state = setFilter(state, UNREAD);
    expect(sortOf(state)).toEqual({ by: 'added', reverse: false });
    expect(visibleIds(state)).toEqual(['d', 'a', 'c']);
    state = setSort(state, { by: 'upvotes', reverse: true });
    expect(visibleIds(state)).toEqual(['a', 'd', 'c']);
    state = setFilter(state, { kind: 'all' });
    expect(visibleIds(state)).toEqual(['c', 'd', 'b', 'a']);
    expect(sortOf(setFilter(state, UNREAD))).toEqual({ by: 'upvotes', reverse: true });
    // By date added again: nothing left to remember of the view.
    state = setSort(state, { by: 'added', reverse: false });
    expect([...state.sorts.keys()]).toEqual([viewKey(UNREAD)]);
  });

  it('orders a search’s matches by the sort chosen, and best first by date added', () => {
    let state = setQuery(library(), 'x');
    state = setResults(state, {
      query: 'x',
      ids: ['b', 'a', 'd'],
      ranked: true,
      highlights: new Map(),
      truncated: false,
    });
    expect(visibleIds(state)).toEqual(['b', 'a', 'd']);
    expect(visibleIds(setSort(state, { by: 'title', reverse: false }))).toEqual(['d', 'b', 'a']);
  });

  it('makes each order once per load', () => {
    const title = { by: 'title', reverse: false } as const;
    const state = setSort(library(), title);
    const again = setSort(setSort(state, { by: 'year', reverse: false }), title);
    expect(sortedOrder(again, title)).toBe(sortedOrder(state, title));
    expect(sortedOrder(library(), title)).not.toBe(sortedOrder(state, title));
  });

  it('makes the sorts ahead a slice at a time, and lists a sort half made as one made at once', () => {
    const ahead = library();
    let slices = 0;
    expect(makeSortsAhead(ahead, () => slices++ < 3)).toBe(true);
    const title = { by: 'title', reverse: true } as const;
    expect(sortedOrder(ahead, title)).toEqual(['a', 'b', 'd', 'c']);
    expect(makeSortsAhead(ahead, () => true)).toBe(false);
    // Nothing is left to do: no time is asked for.
    expect(makeSortsAhead(ahead, () => false)).toBe(false);
    expect(sortedOrder(ahead, { by: 'upvotes', reverse: false })).toEqual(['d', 'a', 'b', 'c']);
  });

  it('names a tag’s view whatever its case', () => {
    expect(viewKey({ kind: 'tag', tag: 'Graphs' })).toBe(viewKey({ kind: 'tag', tag: 'graphs' }));
    expect(viewKey({ kind: 'digest', id: 'hf-1' })).not.toBe(viewKey({ kind: 'digest', id: 'hf-2' }));
  });
});
