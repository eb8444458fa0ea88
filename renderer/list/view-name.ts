/** What the list calls the papers a filter picks: "Unread", "#graphs", a digest's title, "Up next". */

import { TRIAGE_VIEWS } from '../kit/views.js';
import { STATUS_LABELS } from '../lib/status.js';
import { paperById, sameFilter } from '../state/state.js';
import type { AppState, SidebarFilter } from '../state/types.js';

/** The view `filter` is, when it is one of the triage views (Up next, whichever tag it ranks by). */
export const viewOf = (filter: SidebarFilter) =>
  TRIAGE_VIEWS.find((view) =>
    filter.kind === 'up-next' ? view.filter.kind === 'up-next' : sameFilter(view.filter, filter),
  );

export function viewName(state: AppState, filter: SidebarFilter): string {
  switch (filter.kind) {
    case 'all':
      return 'All papers';
    case 'status':
      return viewOf(filter)?.label ?? STATUS_LABELS[filter.status];
    case 'tag':
      return `#${filter.tag}`;
    case 'digest':
      return state.digests.find((digest) => digest.id === filter.id)?.title ?? 'Digest';
    case 'up-next':
      return filter.tag === null ? 'Up next' : `Up next for #${filter.tag}`;
    case 'similar':
      return `More like “${paperById(state, filter.id)?.title ?? filter.id}”`;
    case 'conflicts':
      return 'Note conflicts';
  }
}

/** The name of the papers the list shows. */
export const filterName = (state: AppState): string => viewName(state, state.filter);
