/** Reading states of the triage for tests: a paper dismissed, snoozed, or back from a snooze. */

import type { ReadingState } from '../core/model.js';

const AT = '2026-03-11T08:00:00.000Z';

export const dismissed: ReadingState = { status: 'dismissed', tags: [], note: '', readAt: null, updatedAt: AT };

export function snoozed(until: string): ReadingState {
  return { status: 'unread', tags: [], note: '', readAt: null, updatedAt: AT, snoozedUntil: until };
}

/** Snoozed until a day that has come. */
export const returned: ReadingState = snoozed('2026-03-10');
