/**
 * The library's views, as the sidebar lists them and the list names them: one entry each. A view is a filter,
 * a label, an icon, how many papers it holds (from the counts the state keeps) and what the list says when it is
 * empty. Up next, first, holds the papers Unread does, in the order the library ranks them (issue 18 §4).
 */

import type { ReactNode } from 'react';
import type { AppState, SidebarFilter } from '../state/types.js';
import { BookOpenIcon, CheckCircleIcon, ClockIcon, DismissIcon, InboxIcon, UpNextIcon } from './icons.js';

export interface LibraryView {
  readonly filter: SidebarFilter;
  readonly label: string;
  readonly icon: ReactNode;
  /** How many papers the view holds: the sidebar's count, which the list's header agrees with. */
  readonly count: (state: AppState) => number;
  /** What the list says when the view has no papers. */
  readonly empty: ReactNode;
  /** Its count stands out while it has papers (Unread: the ones still to decide on). */
  readonly emphasis?: boolean;
}

export const TRIAGE_VIEWS: readonly LibraryView[] = [
  {
    filter: { kind: 'up-next', tag: null },
    label: 'Up next',
    icon: <UpNextIcon />,
    // The unread papers, neither dismissed nor snoozed: Unread's, best first.
    count: (state) => state.counts.status.unread,
    empty: 'Nothing up next: every paper has been started, read, snoozed or dismissed.',
  },
  {
    filter: { kind: 'status', status: 'unread' },
    label: 'Unread',
    icon: <InboxIcon />,
    count: (state) => state.counts.status.unread,
    empty: 'You are all caught up: every paper has been started, read, snoozed or dismissed.',
    emphasis: true,
  },
  {
    filter: { kind: 'status', status: 'reading' },
    label: 'Reading',
    icon: <BookOpenIcon />,
    count: (state) => state.counts.status.reading,
    empty: (
      <>
        Nothing in progress. Press <kbd>r</kbd> on a paper to start reading it.
      </>
    ),
  },
  {
    filter: { kind: 'status', status: 'read' },
    label: 'Read',
    icon: <CheckCircleIcon />,
    count: (state) => state.counts.status.read,
    empty: (
      <>
        Nothing read yet. Press <kbd>e</kbd> on a paper you have finished.
      </>
    ),
  },
  {
    filter: { kind: 'status', status: 'snoozed' },
    label: 'Snoozed',
    icon: <ClockIcon />,
    count: (state) => state.counts.status.snoozed,
    empty: (
      <>
        Nothing snoozed. Press <kbd>s</kbd> on a paper for later: it comes back to Unread on the day you choose.
      </>
    ),
  },
  {
    filter: { kind: 'status', status: 'dismissed' },
    label: 'Dismissed',
    icon: <DismissIcon />,
    count: (state) => state.counts.status.dismissed,
    empty: (
      <>
        Nothing dismissed. Press <kbd>d</kbd> on a paper that is not for you: it leaves Unread, and stays in your
        library and in search.
      </>
    ),
  },
];
