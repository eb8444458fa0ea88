/** When something was written, as the UI says it in this computer's time: "09:12", "Dec 6, 09:12". Pure. */

import { localDayOf } from '../../core/days.js';

const TIME = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const DAY = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });
const DAY_WITH_YEAR = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric' });

/** "at 09:12" today, "on Dec 6 at 09:12" another day (with its year when not this year's). */
export function whenWords(iso: string, today: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const day = localDayOf(date);
  const time = TIME.format(date);
  if (day === today) return `at ${time}`;
  const label = (day.slice(0, 4) === today.slice(0, 4) ? DAY : DAY_WITH_YEAR).format(date);
  return `on ${label} at ${time}`;
}
