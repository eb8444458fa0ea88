import { describe, expect, it } from 'vitest';
import type { DigestFormat } from '../../core/model.js';
import { latestDayImported, latestDayNotImported, todayInUtc } from './daily-papers-day.js';

const digest = (format: DigestFormat, date: string | null) => ({ format, date });

describe('latestDayNotImported', () => {
  it('is today when the library has no Hugging Face Daily Papers', () => {
    expect(latestDayNotImported([], '2025-03-12')).toBe('2025-03-12');
    expect(latestDayNotImported([digest('bibtex', '2025-03-12')], '2025-03-12')).toBe('2025-03-12');
  });

  it('is today when today has not been imported, whatever was before', () => {
    expect(latestDayNotImported([digest('hf-daily-text', '2025-03-10')], '2025-03-12')).toBe('2025-03-12');
  });

  it('steps back over the days imported, from the page text or the JSON alike', () => {
    const digests = [
      digest('hf-daily-json', '2025-03-12'),
      digest('hf-daily-text', '2025-03-11'),
      digest('hf-daily-json', '2025-03-09'),
    ];
    expect(latestDayNotImported(digests, '2025-03-12')).toBe('2025-03-10');
  });

  it('crosses months and years', () => {
    expect(latestDayNotImported([digest('hf-daily-json', '2025-01-01')], '2025-01-01')).toBe('2024-12-31');
    expect(latestDayNotImported([digest('hf-daily-json', '2024-03-01')], '2024-03-01')).toBe('2024-02-29');
  });

  it('ignores other digests of the day and undated ones', () => {
    const digests = [digest('arxiv-email', '2025-03-12'), digest('hf-daily-text', null)];
    expect(latestDayNotImported(digests, '2025-03-12')).toBe('2025-03-12');
  });

  it('gives today when a whole year back is imported', () => {
    const days = Array.from({ length: 400 }, (_, index) =>
      digest('hf-daily-json', new Date(Date.UTC(2025, 2, 12) - index * 86_400_000).toISOString().slice(0, 10)),
    );
    expect(latestDayNotImported(days, '2025-03-12')).toBe('2025-03-12');
  });
});

describe('latestDayImported', () => {
  it('is the latest Hugging Face day the library has, or null', () => {
    expect(latestDayImported([])).toBeNull();
    const digests = [
      digest('hf-daily-text', '2025-03-11'),
      digest('hf-daily-json', '2025-03-09'),
      digest('bibtex', '2025-04-01'),
    ];
    expect(latestDayImported(digests)).toBe('2025-03-11');
  });
});

describe('todayInUtc', () => {
  it('is the UTC day, whatever the local time zone says', () => {
    expect(todayInUtc(new Date('2025-03-12T23:30:00.000-05:00'))).toBe('2025-03-13');
  });
});
