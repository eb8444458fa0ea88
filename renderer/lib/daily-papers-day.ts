/** Which day of Hugging Face Daily Papers the fetch dialog offers first: the latest one the library lacks. Pure. */

import { dayBefore } from '../../core/days.js';
import type { DigestFormat } from '../../core/model.js';

/** A digest as far as this needs it: what it is, and the day it is of. */
interface DatedDigest {
  readonly format: DigestFormat;
  readonly date: string | null;
}

/** How far back the search goes: a library with a year of days in a row has nothing older worth offering. */
const LOOK_BACK_DAYS = 366;

const isDailyPapers = (format: DigestFormat): boolean => format === 'hf-daily-text' || format === 'hf-daily-json';

/** The days (YYYY-MM-DD) the library has Hugging Face Daily Papers of, whether from the page's text or its JSON. */
function dailyPapersDays(digests: readonly DatedDigest[]): ReadonlySet<string> {
  const days = new Set<string>();
  for (const digest of digests) if (isDailyPapers(digest.format) && digest.date !== null) days.add(digest.date);
  return days;
}

/**
 * The latest day, `today` or before, that the library has no Hugging Face Daily Papers of: `today` when it has none
 * of today (or none at all), else the day before, and so on; `today` again when a whole year back is imported.
 */
export function latestDayNotImported(digests: readonly DatedDigest[], today: string): string {
  const imported = dailyPapersDays(digests);
  let day = today;
  for (let back = 0; back < LOOK_BACK_DAYS; back++, day = dayBefore(day)) {
    if (!imported.has(day)) return day;
  }
  return today;
}

/** The latest day the library has Hugging Face Daily Papers of; null when it has none. */
export function latestDayImported(digests: readonly DatedDigest[]): string | null {
  let latest: string | null = null;
  for (const day of dailyPapersDays(digests)) if (latest === null || day > latest) latest = day;
  return latest;
}

/** Today in UTC (YYYY-MM-DD): the day Hugging Face's list is of, and the last one it can be asked for. */
export function todayInUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}
