/** Days (YYYY-MM-DD, the user's calendar) as the UI says them. Pure. */

const LABEL = new Intl.DateTimeFormat('en', { weekday: 'short', month: 'short', day: 'numeric' });
const LABEL_WITH_YEAR = new Intl.DateTimeFormat('en', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});
const MONTH = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric' });

function dateOf(day: string): Date {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}

/** "Thu, Mar 12"; with the year ("Thu, Mar 12, 2026") when it is not `thisYear`'s. */
export function dayLabel(day: string, thisYear?: string): string {
  const withYear = thisYear !== undefined && day.slice(0, 4) !== thisYear.slice(0, 4);
  return (withYear ? LABEL_WITH_YEAR : LABEL).format(dateOf(day));
}

/** "March 2026" for any day of it. */
export function monthLabel(day: string): string {
  return MONTH.format(dateOf(day));
}
