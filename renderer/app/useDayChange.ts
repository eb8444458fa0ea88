import { useEffect } from 'react';
import { localDayOf } from '../../core/days.js';
import type { Controller } from '../controller/controller.js';

/** A little past midnight, so that the day has surely changed when the timer fires. */
const PAST_MIDNIGHT_MS = 1000;

/** Milliseconds from `now` to just past the next midnight of the user's calendar. */
function untilTomorrow(now: Date): number {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return midnight.getTime() - now.getTime() + PAST_MIDNIGHT_MS;
}

/**
 * Keeps the controller's day in step with the clock, so a snooze comes back on its day while the app stays open:
 * a timer for the next midnight, and a look at the clock whenever the window comes back into view (a computer
 * asleep over midnight runs no timers). The page's own clock: an end-to-end test sets it with Playwright's
 * `page.clock`.
 */
export function useDayChange(controller: Controller): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = (): void => {
      const now = new Date();
      controller.setToday(localDayOf(now));
      clearTimeout(timer);
      timer = setTimeout(check, untilTomorrow(now));
    };
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') check();
    };
    check();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', check);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', check);
    };
  }, [controller]);
}
