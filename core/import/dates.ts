/** Dates as digests write them: month names, ISO dates, and the labels Shelfmark gives a digest. Pure. */

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** 1–12 for a month name or abbreviation of at least three letters ("Mar", "march", "Sept."). */
export function monthNumber(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, '');
  if (key.length < 3) return null;
  const index = LOWER_CASE_MONTH_NAMES.findIndex((month) => month.startsWith(key));
  return index < 0 ? null : index + 1;
}

const LOWER_CASE_MONTH_NAMES = MONTH_NAMES.map((month) => month.toLowerCase());

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}

/** "2024-03-04", or null when there is no such day. */
export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || year > 9999 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The day a text starting "YYYY-MM-DD" names ("2025-03-11" of "2025-03-11T13:00:00.000Z"), or null when it does
 * not start with a day that exists.
 */
export function dayOf(value: unknown): string | null {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return match === null ? null : isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The text when it is a day, "YYYY-MM-DD" and nothing else, that exists; else null. */
export function isoDay(text: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? dayOf(text) : null;
}

/** "Mar 11", or "Mar 11, 2025" when the year is given. */
export function shortDate(month: number, day: number, year?: number): string {
  const text = `${monthName(month).slice(0, 3)} ${day}`;
  return year === undefined ? text : `${text}, ${year}`;
}

/** "Mar 11, 2025" for "2025-03-11". */
export function isoDateLabel(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return shortDate(month, day, year);
}

/** The latest month/day that is not after `now` (an ISO time): the year a "Mar 11" line means. */
export function latestDateNotAfter(month: number, day: number, now: string): string | null {
  const today = /^(\d{4})-\d{2}-\d{2}/.exec(now);
  if (today?.[1] === undefined) return null;
  const thisYear = Number(today[1]);
  for (let year = thisYear; year > thisYear - 8; year--) {
    const date = isoDate(year, month, day);
    if (date !== null && date <= today[0]) return date;
  }
  return null;
}
