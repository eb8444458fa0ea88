import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  extendTo,
  move,
  moveCursor,
  moveTo,
  reconcile,
  selectAll,
  selectOnly,
  shownPaperId,
  toggle,
  toggleAtCursor,
} from './selection.js';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (selection: { ids: ReadonlySet<string> }): string[] => [...selection.ids].sort();

describe('selection', () => {
  it('selects one paper', () => {
    expect(selectOnly('b')).toEqual({ ids: new Set(['b']), anchor: 'b', cursor: 'b' });
    expect(selectOnly(null)).toBe(EMPTY_SELECTION);
  });

  it('toggles papers in and out with Ctrl/Cmd', () => {
    const two = toggle(selectOnly('a'), 'c');
    expect(ids(two)).toEqual(['a', 'c']);
    expect(two.cursor).toBe('c');
    const back = toggle(two, 'c');
    expect(ids(back)).toEqual(['a']);
    expect(back.cursor).toBe('a');
  });

  it('extends a range from the anchor with Shift, either way', () => {
    expect(ids(extendTo(selectOnly('b'), 'd', order))).toEqual(['b', 'c', 'd']);
    const up = extendTo(extendTo(selectOnly('c'), 'e', order), 'a', order);
    expect(ids(up)).toEqual(['a', 'b', 'c']);
    expect(up.anchor).toBe('c');
    expect(up.cursor).toBe('a');
  });

  it('moves with j/k, stopping at the ends, and extends with Shift', () => {
    expect(move(selectOnly('b'), order, 1).cursor).toBe('c');
    expect(move(selectOnly('e'), order, 1).cursor).toBe('e');
    expect(move(selectOnly('a'), order, -1).cursor).toBe('a');
    expect(move(EMPTY_SELECTION, order, 1).cursor).toBe('a');
    expect(move(EMPTY_SELECTION, order, -1).cursor).toBe('e');
    expect(ids(move(move(selectOnly('b'), order, 1, true), order, 1, true))).toEqual(['b', 'c', 'd']);
    expect(move(selectOnly('b'), [], 1)).toBe(EMPTY_SELECTION);
    expect(moveTo(order, 'last').cursor).toBe('e');
  });

  it('by keyboard, selects papers apart from each other: the cursor moves alone, x adds or takes out its paper', () => {
    const start = selectOnly('a');
    expect(shownPaperId(start)).toBe('a');
    const moved = moveCursor(moveCursor(start, order, 1), order, 1);
    expect(moved.cursor).toBe('c');
    expect(ids(moved)).toEqual(['a']);
    // What the detail shows and acts on is still the one selected, not where the cursor went.
    expect(shownPaperId(moved)).toBe('a');
    const two = toggleAtCursor(moved);
    expect(ids(two)).toEqual(['a', 'c']);
    expect(shownPaperId(two)).toBeNull();
    expect(ids(toggleAtCursor(moveCursor(two, order, 2)))).toEqual(['a', 'c', 'e']);
    const out = toggleAtCursor(two);
    expect(ids(out)).toEqual(['a']);
    expect(out.cursor).toBe('c');
    expect(moveCursor(selectOnly('e'), order, 1)).toEqual(selectOnly('e'));
    // Nothing selected: the cursor's paper is the one shown.
    expect(shownPaperId(toggleAtCursor(start))).toBe('a');
    expect(toggleAtCursor(start).ids.size).toBe(0);
  });

  it('selects everything, keeping the cursor', () => {
    const all = selectAll(order, 'c');
    expect(all.ids.size).toBe(5);
    expect(all.cursor).toBe('c');
  });

  it('after the list changes, keeps what is still there and puts a lost cursor where it was', () => {
    const selection = selectOnly('c');
    expect(reconcile(selection, ['c', 'x'], order)).toBe(selection);
    expect(reconcile(selection, ['a', 'b', 'd', 'e'], order).cursor).toBe('d');
    expect(reconcile(selection, ['a'], order).cursor).toBe('a');
    expect(reconcile(selection, [], order)).toBe(EMPTY_SELECTION);
    const multi = reconcile(extendTo(selectOnly('a'), 'c', order), ['a', 'c'], order);
    expect(ids(multi)).toEqual(['a', 'c']);
  });
});
