/** The list's selection: one or more papers, an anchor for Shift-ranges, and the cursor the detail pane shows. Pure. */

export interface Selection {
  readonly ids: ReadonlySet<string>;
  /** Where a Shift-click or Shift+j range starts. */
  readonly anchor: string | null;
  /** The paper the keyboard is on, shown in the detail pane when it is the only one selected. */
  readonly cursor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null, cursor: null };

export function selectOnly(id: string | null): Selection {
  return id === null ? EMPTY_SELECTION : { ids: new Set([id]), anchor: id, cursor: id };
}

/** Ctrl/Cmd-click: adds or removes one paper, keeping the rest. */
export function toggle(selection: Selection, id: string): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) {
    ids.delete(id);
    const cursor = selection.cursor === id ? ([...ids].at(-1) ?? null) : selection.cursor;
    return { ids, anchor: cursor, cursor };
  }
  ids.add(id);
  return { ids, anchor: id, cursor: id };
}

/** Ctrl/Cmd+↓ and ↑: moves the cursor alone, so that papers apart from each other can be selected by keyboard. */
export function moveCursor(selection: Selection, order: readonly string[], delta: number): Selection {
  if (order.length === 0) return EMPTY_SELECTION;
  const cursor = cursorMoved(selection, order, delta);
  return cursor === null || cursor === selection.cursor ? selection : { ...selection, cursor };
}

/** `x`: the paper the cursor is on joins the selection, or leaves it; the cursor stays where it is. */
export function toggleAtCursor(selection: Selection): Selection {
  const { cursor } = selection;
  if (cursor === null) return selection;
  const ids = new Set(selection.ids);
  if (ids.has(cursor)) ids.delete(cursor);
  else ids.add(cursor);
  return { ids, anchor: cursor, cursor };
}

/**
 * The paper the detail pane shows and single-paper actions (note, link, more like this) are about: the one selected,
 * or with nothing selected the cursor's; none while several are selected.
 */
export function shownPaperId(selection: Selection): string | null {
  if (selection.ids.size > 1) return null;
  if (selection.ids.size === 1) return selection.ids.values().next().value ?? null;
  return selection.cursor;
}

/** Shift-click: everything from the anchor to `id`, in list order. */
export function extendTo(selection: Selection, id: string, order: readonly string[]): Selection {
  const anchor = selection.anchor ?? selection.cursor ?? id;
  const from = order.indexOf(anchor);
  const to = order.indexOf(id);
  if (from === -1 || to === -1) return selectOnly(id);
  const [low, high] = from <= to ? [from, to] : [to, from];
  return { ids: new Set(order.slice(low, high + 1)), anchor, cursor: id };
}

/** j/k and the arrows: moves the cursor by `delta`; with `extend`, grows the range from the anchor. */
export function move(selection: Selection, order: readonly string[], delta: number, extend = false): Selection {
  if (order.length === 0) return EMPTY_SELECTION;
  const id = cursorMoved(selection, order, delta);
  if (id === null) return selection;
  return extend ? extendTo(selection, id, order) : selectOnly(id);
}

export function moveTo(order: readonly string[], position: 'first' | 'last'): Selection {
  return selectOnly((position === 'first' ? order[0] : order.at(-1)) ?? null);
}

export function selectAll(order: readonly string[], cursor: string | null): Selection {
  if (order.length === 0) return EMPTY_SELECTION;
  const keep = cursor !== null && order.includes(cursor) ? cursor : (order[0] ?? null);
  return { ids: new Set(order), anchor: order[0] ?? null, cursor: keep };
}

/**
 * After the list changed (another filter, new search results): drops papers no longer in it and, if the
 * cursor left, puts it on the paper now at its old position (or the first) so there is always one.
 */
export function reconcile(selection: Selection, order: readonly string[], previousOrder: readonly string[]): Selection {
  if (order.length === 0) return selection.ids.size === 0 ? selection : EMPTY_SELECTION;
  // A few ids are looked up directly; a Set of 100,000 ids costs more than the look-ups it would save.
  let present: (id: string) => boolean = (id) => order.includes(id);
  if (selection.ids.size > 16) {
    const set = new Set(order);
    present = (id) => set.has(id);
  }
  const cursorStays = selection.cursor !== null && present(selection.cursor);
  const ids = [...selection.ids].filter((id) => present(id));
  if (cursorStays && ids.length === selection.ids.size) return selection;
  if (cursorStays) {
    const anchor = selection.anchor !== null && present(selection.anchor) ? selection.anchor : selection.cursor;
    return { ids: new Set(ids), anchor, cursor: selection.cursor };
  }
  const was = selection.cursor === null ? -1 : previousOrder.indexOf(selection.cursor);
  const replacement = was === -1 ? order[0] : order[Math.min(was, order.length - 1)];
  return selectOnly(replacement ?? null);
}

/** Where the cursor goes `delta` rows on, stopping at the ends; from nowhere, to the first or the last. */
function cursorMoved(selection: Selection, order: readonly string[], delta: number): string | null {
  const at = selection.cursor === null ? -1 : order.indexOf(selection.cursor);
  const target = at === -1 ? (delta > 0 ? 0 : order.length - 1) : clamp(at + delta, 0, order.length - 1);
  return order[target] ?? null;
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}
