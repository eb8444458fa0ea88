import { describe, expect, it } from 'vitest';

import { whenWords } from './when.js';

describe('when something was written', () => {
  const at = (day: string, time: string) => new Date(`${day}T${time}`).toISOString();

  it('says the time alone today, and the day too on another day', () => {
    expect(whenWords(at('2026-12-07', '09:12:00'), '2026-12-07')).toBe('at 09:12');
    expect(whenWords(at('2026-12-06', '22:40:00'), '2026-12-07')).toBe('on Dec 6 at 22:40');
    expect(whenWords(at('2025-12-06', '08:05:00'), '2026-12-07')).toBe('on Dec 6, 2025 at 08:05');
    expect(whenWords('not a time', '2026-12-07')).toBe('');
  });
});
