import { describe, expect, it } from 'vitest';
import { isoDate, latestDateNotAfter, monthNumber } from './dates.js';

describe('dates', () => {
  it('reads month names', () => {
    expect([
      monthNumber('Mar'),
      monthNumber('march'),
      monthNumber('Sept.'),
      monthNumber('Ma'),
      monthNumber('Marx'),
    ]).toEqual([3, 3, 9, null, null]);
  });

  it('rejects days that do not exist', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2025, 2, 29)).toBeNull();
    expect(isoDate(2025, 4, 31)).toBeNull();
  });

  it('finds the latest date not after now', () => {
    expect(latestDateNotAfter(12, 31, '2025-01-02T00:00:00Z')).toBe('2024-12-31');
    expect(latestDateNotAfter(1, 2, '2025-01-02T00:00:00Z')).toBe('2025-01-02');
    expect(latestDateNotAfter(1, 2, 'not a time')).toBeNull();
  });
});
