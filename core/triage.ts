/**
 * Where a paper stands in the morning triage on a given day: which of the views (Unread, Reading, Read, Snoozed,
 * Dismissed) lists it, whether a snooze has come back, and the days a snooze can last. Pure: "today" is always an
 * argument (the user's calendar day, `localDayOf` in days.ts), never read from a clock here.
 */

import { addDays, isDay } from './days.js';
import type { Paper, ReadingState, ReadingStatus } from './model.js';

/** A reading status, or 'snoozed': an unread paper hidden from Unread until its day comes. */
export type TriageStatus = ReadingStatus | 'snoozed';

/** In the order the views are listed. */
export const TRIAGE_STATUSES = ['unread', 'reading', 'read', 'snoozed', 'dismissed'] as const satisfies readonly [
  ...TriageStatus[],
];

// Every reading status is a triage status: a status added to the model and not here fails to compile.
type Unlisted = Exclude<TriageStatus, (typeof TRIAGE_STATUSES)[number]>;
/** @public A check at compile time. */
export const TRIAGE_STATUSES_COMPLETE: [Unlisted] extends [never] ? true : Unlisted = true;

export function isTriageStatus(value: unknown): value is TriageStatus {
  return typeof value === 'string' && (TRIAGE_STATUSES as readonly string[]).includes(value);
}

/** What telling a paper's place takes: its status and its snooze. */
type Decided = Pick<Paper | ReadingState, 'status' | 'snoozedUntil'>;

/**
 * Whether the paper is snoozed on `today`: unread, with a day to come back on that is still to come. `today` null:
 * the day is not known, and no snooze is taken as pending (the paper is unread).
 */
export function isSnoozed(paper: Decided, today: string | null): boolean {
  return paper.status === 'unread' && paper.snoozedUntil !== undefined && today !== null && paper.snoozedUntil > today;
}

/** Whether the paper was snoozed and its day has come: it is back in Unread, marked as returned. */
export function hasReturned(paper: Decided, today: string | null): boolean {
  return paper.status === 'unread' && paper.snoozedUntil !== undefined && today !== null && paper.snoozedUntil <= today;
}

/** The view that lists the paper on `today`. */
export function triageStatusOf(paper: Decided, today: string | null): TriageStatus {
  return isSnoozed(paper, today) ? 'snoozed' : paper.status;
}

/** The Monday after `today`: "next week" in the snooze chooser. */
export function nextWeek(today: string): string {
  const weekday = new Date(`${today}T00:00:00.000Z`).getUTCDay();
  return addDays(today, (8 - weekday) % 7 || 7);
}

/** The longest a snooze may last: a year. */
export const MAX_SNOOZE_DAYS = 366;

/** How many days a span says: "3d" (days) or "2w" (weeks); null when the text is not one, or over a year. */
export function snoozeSpanDays(text: string): number | null {
  const match = /^(\d{1,3})([dw])$/i.exec(text.trim());
  if (match === null) return null;
  const days = Number(match[1]) * (match[2]?.toLowerCase() === 'w' ? 7 : 1);
  return days >= 1 && days <= MAX_SNOOZE_DAYS ? days : null;
}

/**
 * Why `until` cannot be the day a snooze made on `today` ends, in the user's words; null when it can: a day that
 * exists, after today, within a year.
 */
export function snoozeDayProblem(until: string, today: string): string | null {
  if (!isDay(until)) return `"${until}" is not a day: write it YYYY-MM-DD, as in ${addDays(today, 1)}.`;
  if (until <= today) return `${until} is not after today (${today}): a snooze ends on a day still to come.`;
  if (until > addDays(today, MAX_SNOOZE_DAYS)) return `${until} is more than a year away: snooze for a year at most.`;
  return null;
}
