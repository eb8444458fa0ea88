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

/** "1 paper", "1,204 papers". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** What a change of status says in an undo label or a toast: "Marked 3 papers as read". */
export function describeStatusChange(count: number, status: ReadingStatus): string {
  return `Marked ${count === 1 ? 'paper' : plural(count, 'paper')} as ${status}`;
}
