/** Up next and More like this in the renderer's state: the library's order, decisions left in place, counts agreeing. */

import { describe, expect, it } from 'vitest';
import { paper } from '../../tests/builders.js';
import { changed } from '../../tests/renderer-state.js';
import { withSnoozeUntil, withStatus } from './papers.js';
import { reasonsShown } from './ranked.js';
import { INITIAL_STATE, loaded, rankingAsked, rankingCame, rankingFailed, refreshView, setFilter } from './state.js';
import type { AppState, RankedFilter, UpNextBasis } from './types.js';
import { decidedCount, isDecidedHere, visibleIds } from './visible.js';

const NOW = '2026-03-11T09:00:00.000Z';
const WEDNESDAY = '2026-03-11';
const UP_NEXT: RankedFilter = { kind: 'up-next', tag: null };
const LEARNT: UpNextBasis = {
  basis: 'learnt',
  kept: 5,
  dismissed: 5,
  needed: { kept: 5, dismissed: 5 },
  total: 5,
};

/** Papers a to f, f read (so not up next). */
function library(): AppState {
  const papers = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => (id === 'f' ? paper(id, { status: 'read' }) : paper(id)));
  return loaded({ ...INITIAL_STATE, today: WEDNESDAY }, papers, []);
}

const held = (state: AppState): number => visibleIds(state).length - decidedCount(state);

/** Up next shown, and its ranking come: d, b, a first, with their reasons. */
function upNext(): AppState {
  const asked = rankingAsked(setFilter(library(), UP_NEXT), UP_NEXT);
  const ranked = [
    { id: 'd', reasons: ['graph generation', 'diffusion', 'J. Leskovec'] },
    { id: 'b', reasons: ['diffusion'] },
    { id: 'a', reasons: [] },
  ];
  return rankingCame(asked, UP_NEXT, ranked, { ...LEARNT, total: 5 });
}

describe('Up next', () => {
  it('lists nothing until the ranking comes, then the ranked papers first and the other unread ones after', () => {
    const asked = rankingAsked(setFilter(library(), UP_NEXT), UP_NEXT);
    expect(visibleIds(asked)).toEqual([]);
    const state = upNext();
    expect(visibleIds(state)).toEqual(['d', 'b', 'a', 'c', 'e']);
    expect(state.selection.cursor).toBe('d');
    expect(reasonsShown(state, 'd')).toEqual(['graph generation', 'diffusion', 'J. Leskovec']);
    expect(reasonsShown(state, 'c')).toEqual([]);
    expect(held(state)).toBe(state.counts.status.unread);
  });

  it('keeps a paper decided on in place, dimmed, while the counts agree; shown again, it is gone', () => {
    let state = upNext();
    state = changed(state, 'd', (p) => withStatus(p, 'dismissed', NOW));
    state = changed(state, 'b', (p) => withSnoozeUntil(p, '2026-03-12', NOW));
    expect(visibleIds(state)).toEqual(['d', 'b', 'a', 'c', 'e']);
    expect(isDecidedHere(state, 'd')).toBe(true);
    expect(isDecidedHere(state, 'a')).toBe(false);
    expect(decidedCount(state)).toBe(2);
    expect(held(state)).toBe(state.counts.status.unread);
    expect(held(state)).toBe(3);

    // Refreshed, the ranking asked again: the previous one stays until the new one comes, less the decided.
    const again = rankingAsked(refreshView(state), UP_NEXT);
    expect(visibleIds(again)).toEqual(['a', 'c', 'e']);
    expect(held(again)).toBe(again.counts.status.unread);
  });

  it('shows a paper that became unread since the ranking, after the ranked ones', () => {
    let state = upNext();
    state = refreshView(changed(state, 'f', (p) => withStatus(p, 'unread', NOW)));
    expect(visibleIds(state)).toEqual(['d', 'b', 'a', 'c', 'e', 'f']);
    expect(held(state)).toBe(state.counts.status.unread);
  });

  it('ranks afresh when shown again after another view, and drops an answer for a view left', () => {
    const state = setFilter(upNext(), { kind: 'status', status: 'unread' });
    const back = rankingAsked(setFilter(state, UP_NEXT), UP_NEXT);
    expect(visibleIds(back)).toEqual([]);
    const tagged: RankedFilter = { kind: 'up-next', tag: 'graphs' };
    const late = rankingCame(back, tagged, [{ id: 'e', reasons: [] }], LEARNT);
    expect(late).toBe(back);
  });

  it('says why a ranking failed, keeping the view empty rather than in an order not asked for', () => {
    const asked = rankingAsked(setFilter(library(), UP_NEXT), UP_NEXT);
    const failed = rankingFailed(asked, UP_NEXT, 'The library file is locked.');
    expect(failed.ranked?.failed).toBe('The library file is locked.');
    expect(visibleIds(failed)).toEqual([]);
  });
});

describe('More like this', () => {
  it('lists the nearest papers whatever their status, and never counts one as decided', () => {
    const similar: RankedFilter = { kind: 'similar', id: 'a', back: UP_NEXT };
    let state = rankingAsked(setFilter(library(), similar), similar);
    state = rankingCame(
      state,
      similar,
      [
        { id: 'f', reasons: ['diffusion'] },
        { id: 'c', reasons: ['graphs'] },
      ],
      null,
    );
    expect(visibleIds(state)).toEqual(['f', 'c']);
    state = changed(state, 'c', (p) => withStatus(p, 'dismissed', NOW));
    expect(visibleIds(state)).toEqual(['f', 'c']);
    expect(decidedCount(state)).toBe(0);
    expect(reasonsShown(state, 'f')).toEqual(['diffusion']);
  });
});
