/** The triage views in the renderer's state: a paper decided on stays in place, and every count agrees. */

import { describe, expect, it } from 'vitest';
import { paper } from '../../tests/builders.js';
import { changed } from '../../tests/renderer-state.js';
import { INITIAL_STATE, loaded, refreshView, setFilter, withToday } from './state.js';
import { withSnoozeUntil, withStatus } from './papers.js';
import type { AppState, SidebarFilter } from './types.js';
import { decidedCount, isDecidedHere, visibleIds } from './visible.js';

const NOW = '2026-03-11T09:00:00.000Z';
const WEDNESDAY = '2026-03-11';

function library(): AppState {
  const papers = ['a', 'b', 'c', 'd'].map((id) => paper(id));
  return loaded({ ...INITIAL_STATE, today: WEDNESDAY }, papers, []);
}

/** What the list's header says the view holds: the rows less those decided on here. */
const held = (state: AppState): number => visibleIds(state).length - decidedCount(state);

describe('a decision in a view', () => {
  it('keeps the paper in place, decided, while the header and the sidebar count the view alike', () => {
    const unread: SidebarFilter = { kind: 'status', status: 'unread' };
    let state = setFilter(library(), unread);
    state = changed(state, 'a', (p) => withStatus(p, 'read', NOW));
    state = changed(state, 'b', (p) => withStatus(p, 'dismissed', NOW));
    state = changed(state, 'c', (p) => withSnoozeUntil(p, '2026-03-12', NOW));
    expect(visibleIds(state)).toEqual(['a', 'b', 'c', 'd']);
    expect(['a', 'b', 'c', 'd'].map((id) => isDecidedHere(state, id))).toEqual([true, true, true, false]);
    expect(decidedCount(state)).toBe(3);
    expect(state.counts.status).toEqual({ unread: 1, reading: 0, read: 1, snoozed: 1, dismissed: 1 });
    expect(held(state)).toBe(state.counts.status.unread);

    // Refreshed (or left and shown again): the decided papers go.
    const refreshed = refreshView(state);
    expect(visibleIds(refreshed)).toEqual(['d']);
    expect(held(refreshed)).toBe(refreshed.counts.status.unread);
    for (const view of ['read', 'snoozed', 'dismissed'] as const) {
      const other = setFilter(state, { kind: 'status', status: view });
      expect(held(other)).toBe(other.counts.status[view]);
      expect(decidedCount(other)).toBe(0);
    }
  });

  it('is not a decision to take out of All papers', () => {
    const state = changed(library(), 'a', (p) => withStatus(p, 'dismissed', NOW));
    expect(isDecidedHere(state, 'a')).toBe(false);
    expect(held(state)).toBe(4);
  });
});

describe('a snooze', () => {
  it('comes back to Unread on its day, counted there', () => {
    let state = setFilter(library(), { kind: 'status', status: 'snoozed' });
    state = refreshView(changed(state, 'a', (p) => withSnoozeUntil(p, '2026-03-13', NOW)));
    expect(visibleIds(state)).toEqual(['a']);
    expect(state.counts.status).toMatchObject({ unread: 3, snoozed: 1 });

    state = withToday(state, '2026-03-12');
    expect(state.counts.status).toMatchObject({ unread: 3, snoozed: 1 });
    state = withToday(state, '2026-03-13');
    expect(state.counts.status).toMatchObject({ unread: 4, snoozed: 0 });
    expect(visibleIds(state)).toEqual([]);
    expect(visibleIds(setFilter(state, { kind: 'status', status: 'unread' }))).toContain('a');
  });
});
