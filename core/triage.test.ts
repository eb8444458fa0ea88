import { describe, expect, it } from 'vitest';
import { addDays, localDayOf } from './days.js';
import type { ReadingState } from './model.js';
import { dismissed, returned, snoozed } from '../tests/triage-states.js';
import {
  hasReturned,
  isSnoozed,
  isTriageStatus,
  nextWeek,
  snoozeDayProblem,
  snoozeSpanDays,
  triageStatusOf,
} from './triage.js';

const TODAY = '2026-03-11'; // a Wednesday

describe('where a paper stands on a day', () => {
  it('is in Snoozed until its day comes, then back in Unread, marked as returned', () => {
    const later = snoozed('2026-03-12');
    expect(triageStatusOf(later, TODAY)).toBe('snoozed');
    expect([isSnoozed(later, TODAY), hasReturned(later, TODAY)]).toEqual([true, false]);
    expect(triageStatusOf(later, '2026-03-12')).toBe('unread');
    expect([isSnoozed(later, '2026-03-12'), hasReturned(later, '2026-03-12')]).toEqual([false, true]);
    expect(triageStatusOf(returned, TODAY)).toBe('unread');
  });

  it('takes no snooze as pending on a day it does not know', () => {
    expect(triageStatusOf(snoozed('2026-03-12'), null)).toBe('unread');
    expect(hasReturned(snoozed('2026-03-12'), null)).toBe(false);
  });

  it('keeps a dismissed paper and one never snoozed in their status', () => {
    expect(triageStatusOf(dismissed, TODAY)).toBe('dismissed');
    const reading: Pick<ReadingState, 'status'> = { status: 'reading' };
    expect(triageStatusOf(reading, TODAY)).toBe('reading');
    expect(isTriageStatus('snoozed')).toBe(true);
    expect(isTriageStatus('later')).toBe(false);
  });
});

describe('snooze days', () => {
  it('counts days in the user’s calendar', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(localDayOf(new Date(2026, 2, 11, 23, 59))).toBe('2026-03-11');
    expect(localDayOf(new Date(2026, 2, 12, 0, 1))).toBe('2026-03-12');
  });

  it('takes next week as the Monday after today', () => {
    expect(nextWeek('2026-03-11')).toBe('2026-03-16'); // Wednesday
    expect(nextWeek('2026-03-15')).toBe('2026-03-16'); // Sunday
    expect(nextWeek('2026-03-16')).toBe('2026-03-23'); // Monday: a week on
    expect(nextWeek('2026-03-14')).toBe('2026-03-16'); // Saturday
  });

  it('reads spans of days and weeks, up to a year', () => {
    expect(snoozeSpanDays('3d')).toBe(3);
    expect(snoozeSpanDays('2w')).toBe(14);
    expect(snoozeSpanDays(' 1W ')).toBe(7);
    expect(snoozeSpanDays('0d')).toBeNull();
    expect(snoozeSpanDays('367d')).toBeNull();
    expect(snoozeSpanDays('3 days')).toBeNull();
    expect(snoozeSpanDays('1m')).toBeNull();
  });

  it('says why a day cannot end a snooze', () => {
    expect(snoozeDayProblem('2026-03-12', TODAY)).toBeNull();
    expect(snoozeDayProblem('2026-03-11', TODAY)).toBe(
      '2026-03-11 is not after today (2026-03-11): a snooze ends on a day still to come.',
    );
    expect(snoozeDayProblem('2026-02-30', TODAY)).toBe(
      '"2026-02-30" is not a day: write it YYYY-MM-DD, as in 2026-03-12.',
    );
    expect(snoozeDayProblem('2027-03-13', TODAY)).toBe(
      '2027-03-13 is more than a year away: snooze for a year at most.',
    );
  });
});
