/**
 * Days as YYYY-MM-DD strings: calendar days, counted in UTC (what `fetch hf` asks Hugging Face for), or the user's
 * own day (`localDayOf`, what a snooze comes back on). Pure.
 */

import { isoDate } from './import/dates.js';

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

function dayAt(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function msOf(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

/** Whether `text` is a day that exists, written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isoDate(Number(match[1]), Number(match[2]), Number(match[3])) === text;
}

/** The day, in UTC, of an ISO time. */
export function dayOf(time: string): string {
  return time.slice(0, 10);
}

export function dayBefore(day: string): string {
  return dayAt(msOf(day) - DAY_MS);
}

/** The day `count` days after `day` (before it, for a negative count). */
export function addDays(day: string, count: number): string {
  return dayAt(msOf(day) + count * DAY_MS);
}

/** The day `date` falls on where Shelfmark runs: the user's calendar, not UTC's. */
export function localDayOf(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Every day from `first` to `last`, both included; none when `first` is after `last`. */
export function daysFrom(first: string, last: string): readonly string[] {
  const days: string[] = [];
  for (let ms = msOf(first); ms <= msOf(last); ms += DAY_MS) days.push(dayAt(ms));
  return days;
}

/** "Sunday". */
export function weekdayOf(day: string): string {
  return WEEKDAYS[new Date(msOf(day)).getUTCDay()] ?? '';
}
