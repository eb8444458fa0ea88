/**
 * The sort chosen in each view, remembered between sessions in the page's own storage (localStorage: the desktop
 * app's, or the browser's for this address). It is the user's preference, not the library's: nothing of it goes to
 * the library's files. Storage that is off, full or holds something else is no error: the views are then sorted by
 * date added.
 */

import { isListSortKey, type ListSort } from '../../core/list-sort.js';

/** What is used of localStorage. */
export interface PreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const STORAGE_KEY = 'shelfmark.listSorts';

/** Views remembered at most: the ones sorted last (a view by date added is not remembered at all). */
const MAX_VIEWS = 200;

/** The page's localStorage, or null where there is none or it is off (reading it throws then). */
export function pageStorage(): PreferenceStorage | null {
  try {
    return (globalThis as { localStorage?: PreferenceStorage }).localStorage ?? null;
  } catch {
    return null;
  }
}

function sortFrom(value: unknown): ListSort | null {
  if (typeof value !== 'object' || value === null) return null;
  const { by, reverse } = value as { by?: unknown; reverse?: unknown };
  return isListSortKey(by) && typeof reverse === 'boolean' ? { by, reverse } : null;
}

/** The sorts remembered, by view; what cannot be read is left out. */
export function readListSorts(storage: PreferenceStorage | null): Map<string, ListSort> {
  const sorts = new Map<string, ListSort>();
  let saved: unknown;
  try {
    saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    return sorts;
  }
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) return sorts;
  for (const [view, value] of Object.entries(saved)) {
    const sort = sortFrom(value);
    if (sort !== null) sorts.set(view, sort);
  }
  return sorts;
}

/** Remembers `sorts` (in the order they were chosen, the last ones kept). */
export function writeListSorts(storage: PreferenceStorage | null, sorts: ReadonlyMap<string, ListSort>): void {
  const kept = [...sorts].slice(-MAX_VIEWS);
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Storage full or off: the sort holds for this session.
  }
}
