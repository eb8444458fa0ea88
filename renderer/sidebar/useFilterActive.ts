import { useAppState } from '../kit/context.js';
import { sameFilter } from '../state/state.js';
import type { SidebarFilter } from '../state/types.js';

/** Whether the list shows `filter`: the sidebar item for it is marked as the current one. */
export function useFilterActive(filter: SidebarFilter): boolean {
  return useAppState((state) => state.view === 'papers' && sameFilter(state.filter, filter));
}
