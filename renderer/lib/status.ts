/** Reading statuses and triage views as the UI names and cycles them. */

import type { Paper, ReadingStatus } from '../../core/model.js';
import { hasReturned, isSnoozed, type TriageStatus } from '../../core/triage.js';
import { dayLabel } from './days.js';

export const STATUS_LABELS: Readonly<Record<TriageStatus, string>> = {
  unread: 'Unread',
  reading: 'Reading',
  read: 'Read',
  snoozed: 'Snoozed',
  dismissed: 'Dismissed',
};

/** What `r` goes through; a dismissed paper comes back to unread. */
const CYCLE: readonly ReadingStatus[] = ['unread', 'reading', 'read'];

/** unread → reading → read → unread. */
export function nextStatus(status: ReadingStatus): ReadingStatus {
  const position = CYCLE.indexOf(status);
  return CYCLE[(position + 1) % CYCLE.length] ?? 'unread';
}

/**
 * What a paper's mark says of where it stands on `today`: "Snoozed until Thu, Mar 12", "Back from snooze",
 * "Dismissed", "Read"; null for an unread paper (no mark).
 */
export function triageMark(paper: Paper, today: string): string | null {
  if (isSnoozed(paper, today)) return `Snoozed until ${dayLabel(paper.snoozedUntil ?? today)}`;
  if (hasReturned(paper, today)) return 'Back from snooze';
  return paper.status === 'unread' ? null : STATUS_LABELS[paper.status];
}

/** One formatter for every count the UI shows: building one per call (as toLocaleString does) is slow. */
const COUNT_FORMAT = new Intl.NumberFormat('en');

/** "1,204". */
export function formatCount(count: number): string {
  return COUNT_FORMAT.format(count);
}

/** "1 paper", "1,204 papers". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** What a change of status says in an undo label or a toast: "Marked 3 papers as read", "Dismissed 3 papers". */
export function describeStatusChange(count: number, status: ReadingStatus): string {
  const what = count === 1 ? 'paper' : plural(count, 'paper');
  return status === 'dismissed' ? `Dismissed ${what}` : `Marked ${what} as ${status}`;
}
