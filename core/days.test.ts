import { describe, expect, it } from 'vitest';
import { dayBefore, daysFrom, isDay, weekdayOf } from './days.js';

describe('days', () => {
  it('are YYYY-MM-DD days that exist', () => {
    expect(isDay('2025-03-11')).toBe(true);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('2025-3-11')).toBe(false);
    expect(isDay('yesterday')).toBe(false);
  });

  it('count back and forth across months and years', () => {
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
    expect(daysFrom('2024-12-30', '2025-01-02')).toEqual(['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02']);
    expect(daysFrom('2025-01-02', '2025-01-01')).toEqual([]);
    expect(weekdayOf('2025-03-16')).toBe('Sunday');
  });
});
