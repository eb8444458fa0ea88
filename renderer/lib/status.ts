/** Reading statuses as the UI names and cycles them. */

import { READING_STATUSES, type ReadingStatus } from '../../core/model.js';

export const STATUS_LABELS: Readonly<Record<ReadingStatus, string>> = {
  unread: 'Unread',
  reading: 'Reading',
  read: 'Read',
};

/** unread → reading → read → unread. */
export function nextStatus(status: ReadingStatus): ReadingStatus {
  const position = READING_STATUSES.indexOf(status);
  return READING_STATUSES[(position + 1) % READING_STATUSES.length] ?? 'unread';
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

/** What a change of status says in an undo label or a toast: "Marked 3 papers as read". */
export function describeStatusChange(count: number, status: ReadingStatus): string {
  return `Marked ${count === 1 ? 'paper' : plural(count, 'paper')} as ${status}`;
}
