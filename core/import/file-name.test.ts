import { describe, expect, it } from 'vitest';
import { baseName, dayInFileName } from './file-name.js';

describe('baseName', () => {
  it('takes the base name of POSIX and Windows paths', () => {
    expect(baseName('/home/ada/refs.bib')).toBe('refs.bib');
    expect(baseName('C:\\Users\\ada\\refs.bib')).toBe('refs.bib');
    expect(baseName('refs.bib')).toBe('refs.bib');
  });
});

describe('dayInFileName', () => {
  it('finds the one YYYY-MM-DD day a name gives', () => {
    expect(dayInFileName('/data/hf/2025-03-03.json')).toBe('2025-03-03');
    expect(dayInFileName('daily-papers-2025-03-03-v2.json')).toBe('2025-03-03');
    expect(dayInFileName('C:\\2024-01-01\\2025-03-03.json')).toBe('2025-03-03');
  });

  it('finds none in a name with no day, a day that does not exist, or two days', () => {
    expect(dayInFileName('daily_papers.json')).toBeNull();
    expect(dayInFileName('2025-02-30.json')).toBeNull();
    expect(dayInFileName('12025-03-03.json')).toBeNull();
    expect(dayInFileName('2025-03-03_2025-03-04.json')).toBeNull();
  });
});
