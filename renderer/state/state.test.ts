import { describe, expect, it } from 'vitest';
import type { Paper } from '../../core/model.js';
import { paper } from '../../tests/builders.js';
import {
  INITIAL_STATE,
  loaded,
  loadedOutline,
  replacePapers,
  setFilter,
  setQuery,
  setResults,
  withWholeRecords,
} from './state.js';
import type { AppState } from './types.js';
import { withStatus, withTagRenamed, withTagsAdded } from './papers.js';
import { digestProgressOf, libraryOrder, visibleIds } from './visible.js';
import { selectOnly } from './selection.js';

const NOW = '2026-03-12T09:00:00.000Z';

function library(): AppState {
  const papers = [
    paper('a', { addedAt: '2026-03-01T00:00:00.000Z' }),
    paper('b', { addedAt: '2026-03-01T00:00:00.000Z', status: 'read', tags: ['graphs'] }),
    paper('c', { addedAt: '2026-03-05T00:00:00.000Z', tags: ['Graphs', 'lie'] }),
  ];
  const digest = {
    id: 'd1',
    title: 'Digest',
    format: 'bibtex' as const,
    date: null,
    source: 'd.bib',
    importedAt: NOW,
    total: 3,
    counts: { unread: 3, reading: 0, read: 0, dismissed: 0 },
  };
  return loaded(INITIAL_STATE, papers, [digest]);
}

describe('the list', () => {
  it('shows the latest import first, each in its own order, and selects the first paper', () => {
    const state = library();
    expect(libraryOrder(state.papers)).toEqual(['c', 'a', 'b']);
    expect(visibleIds(state)).toEqual(['c', 'a', 'b']);
    expect(state.selection.cursor).toBe('c');
  });

  it('filters by status, tag and digest', () => {
    const state = library();
    expect(visibleIds(setFilter(state, { kind: 'status', status: 'unread' }))).toEqual(['c', 'a']);
    expect(visibleIds(setFilter(state, { kind: 'tag', tag: 'graphs' }))).toEqual(['c', 'b']);
    expect(visibleIds(setFilter(state, { kind: 'digest', id: 'none' }))).toEqual([]);
  });

  it('keeps a paper changed in this view until the view changes', () => {
    let state = setFilter(library(), { kind: 'status', status: 'unread' });
    const a = state.papers[0];
    if (a === undefined) throw new Error('no paper');
    state = replacePapers(state, [withStatus(a, 'read', NOW)], true);
    expect(visibleIds(state)).toEqual(['c', 'a']);
    state = setFilter(state, { kind: 'all' });
    state = setFilter(state, { kind: 'status', status: 'unread' });
    expect(visibleIds(state)).toEqual(['c']);
  });

  it('shows ranked results best first, and unranked ones (qualifiers only) in list order, both filtered', () => {
    let state = setQuery(library(), 'graph');
    state = setResults(state, {
      query: 'graph',
      ids: ['b', 'c'],
      ranked: true,
      highlights: new Map(),
      truncated: false,
    });
    expect(visibleIds(state)).toEqual(['b', 'c']);
    expect(state.selection.cursor).toBe('b');
    expect(visibleIds(setFilter(state, { kind: 'status', status: 'unread' }))).toEqual(['c']);
    state = setQuery(state, 'is:unread');
    state = setResults(state, {
      query: 'is:unread',
      ids: ['a', 'c'],
      ranked: false,
      highlights: new Map(),
      truncated: false,
    });
    expect(visibleIds(state)).toEqual(['c', 'a']);
  });

  it('keeps the selection when the same search is run again (the library reloaded), the best first for a new one', () => {
    const results = (query: string, ids: string[]) =>
      ({ query, ids, ranked: true, highlights: new Map(), truncated: false }) as const;
    let state = setResults(setQuery(library(), 'graph'), results('graph', ['b', 'c']));
    expect(state.selection.cursor).toBe('b');
    state = { ...state, selection: selectOnly('c') };
    state = setResults(state, results('graph', ['b', 'c']));
    expect(state.selection.cursor).toBe('c');
    state = setResults(setQuery(state, 'graphs'), results('graphs', ['b', 'c']));
    expect(state.selection.cursor).toBe('b');
  });

  it('ignores results for a query that is no longer typed', () => {
    const state = setQuery(library(), 'new');
    const stale = { query: 'old', ids: ['b'], ranked: true, highlights: new Map(), truncated: false };
    expect(setResults(state, stale)).toBe(state);
  });

  it('drops the results when the search is cleared', () => {
    let state = setQuery(library(), 'x');
    state = setResults(state, { query: 'x', ids: [], ranked: true, highlights: new Map(), truncated: false });
    expect(visibleIds(state)).toEqual([]);
    expect(visibleIds(setQuery(state, ''))).toEqual(['c', 'a', 'b']);
  });
});

describe('counts', () => {
  it('counts statuses, tags and digest progress from the papers as they are', () => {
    let state = library();
    expect(state.counts.status).toEqual({ unread: 2, reading: 0, read: 1, snoozed: 0, dismissed: 0 });
    expect(state.counts.tags).toEqual([
      { tag: 'graphs', count: 2 },
      { tag: 'lie', count: 1 },
    ]);
    const a = state.papers[0];
    if (a === undefined) throw new Error('no paper');
    state = replacePapers(state, [withStatus(a, 'reading', NOW)]);
    expect(state.counts.status).toEqual({ unread: 1, reading: 1, read: 1, snoozed: 0, dismissed: 0 });
    expect(digestProgressOf(state.digests, state.counts.digests)[0]?.counts).toEqual({
      unread: 1,
      reading: 1,
      read: 1,
      dismissed: 0,
    });
    const tagsBefore = state.counts.tags;
    const b = state.papers[1];
    if (b === undefined) throw new Error('no paper');
    state = replacePapers(state, [withStatus(b, 'unread', NOW)]);
    expect(state.counts.tags).toBe(tagsBefore);
    state = replacePapers(state, [withTagsAdded(b, ['new'], NOW)]);
    expect(state.counts.tags.map((tag) => tag.tag)).toEqual(['graphs', 'lie', 'new']);
  });
});

describe('optimistic changes', () => {
  it('follow the library’s rules', () => {
    const base = paper('p', { tags: ['graphs'] });
    expect(withStatus(base, 'read', NOW)).toMatchObject({ status: 'read', readAt: NOW, updatedAt: NOW });
    expect(withStatus(base, 'unread', NOW)).toBe(base);
    expect(withTagsAdded(base, ['GRAPHS'], NOW)).toBe(base);
    expect(withTagsAdded(base, ['lie groups'], NOW).tags).toEqual(['graphs', 'lie-groups']);
    expect(() => withTagsAdded(base, ['a,b'], NOW)).toThrow(/comma/);
    expect(withTagRenamed(paper('q', { tags: ['a', 'b'] }), 'a', 'b', NOW).tags).toEqual(['b']);
  });
});

describe('outlines, then whole records', () => {
  it('takes each whole record once, keeping the reading state as shown', () => {
    const outline = [paper('a', { abstract: 'First line' }), paper('b', { abstract: 'Other' })];
    const state = loadedOutline(INITIAL_STATE, outline, []);
    expect([...state.partial]).toEqual(['a', 'b']);
    const changed = replacePapers(state, [withStatus(outline[0] ?? paper('a'), 'read', NOW)], true);
    const whole = withWholeRecords(changed, [paper('a', { abstract: 'First line\nand the rest.', links: ['x'] })]);
    expect(whole.papers[0]).toMatchObject({ abstract: 'First line\nand the rest.', links: ['x'], status: 'read' });
    expect(whole.counts).toBe(changed.counts);
    expect([...whole.partial]).toEqual(['b']);
    expect(withWholeRecords(whole, [paper('a', { abstract: 'again' })])).toBe(whole);
  });

  it('after an import, keeps the whole records it holds of the papers nothing changed', () => {
    const outlined = (id: string, fields: Partial<Paper> = {}): Paper => paper(id, { abstract: id, ...fields });
    const whole = (id: string): Paper => paper(id, { abstract: `${id}\nwhole` });
    const first = loadedOutline(
      INITIAL_STATE,
      ['a', 'b', 'c', 'e'].map((id) => outlined(id)),
      [],
    );
    const held = withWholeRecords(first, ['a', 'b', 'c', 'e'].map(whole));
    const outline = [
      outlined('a', { status: 'read', readAt: NOW, updatedAt: NOW }), // a state the import brought
      outlined('b', { abstract: 'b merged' }),
      outlined('c'),
      outlined('e', { title: 'Retitled elsewhere' }), // another process changed it meanwhile
      outlined('d'),
    ];
    const after = loadedOutline(held, outline, [], new Set(['b', 'd']));
    expect(after.papers.map((each) => [each.id, each.abstract, each.status])).toEqual([
      ['a', 'a\nwhole', 'read'],
      ['b', 'b merged', 'unread'],
      ['c', 'c\nwhole', 'unread'],
      ['e', 'e', 'unread'],
      ['d', 'd', 'unread'],
    ]);
    expect([...after.partial]).toEqual(['b', 'e', 'd']);
    expect(after.counts.status.read).toBe(1);
  });
});
