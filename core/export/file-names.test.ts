import { describe, expect, it } from 'vitest';
import { fileNameKey, uniqueFileNames } from './file-names.js';

/** Titles that are one name on macOS and Windows, in pairs. */
const FOLDED = [
  ['ς final', 'σ final'],
  ['Σ final', 'σ final'],
  ['Straße', 'STRASSE'],
  ['ẞ', 'ss'],
  ['Caf\u00e9', 'Cafe\u0301'],
  ['Paper', 'paper'],
  ['ǅemal', 'ǆemal'],
  ['Kelvin \u212a', 'kelvin k'],
] as const;

describe('file names on case- and normalization-insensitive disks', () => {
  it.each(FOLDED)('counts %s and %s as one name', (one, other) => {
    expect(fileNameKey(`${one}.md`)).toBe(fileNameKey(`${other}.md`));
  });

  it('keeps names apart that are apart', () => {
    const keys = ['a.md', 'á.md', 'ss.md', 's.md', 'σ.md', 'ο.md', 'i.md', 'İ.md'].map(fileNameKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives names equal under case folding and normalization distinct names', () => {
    const names = uniqueFileNames(
      ['ς final', 'σ final', 'Σ FINAL', 'Straße', 'STRASSE', 'Caf\u00e9', 'Cafe\u0301', 'Paper', 'paper'].map(
        (title) => ({ title, fallback: 'x' }),
      ),
      '.md',
    );
    expect(names).toEqual([
      'ς final.md',
      'σ final (2).md',
      'Σ FINAL (3).md',
      'Straße.md',
      'STRASSE (2).md',
      'Café.md',
      'Café (2).md',
      'Paper.md',
      'paper (2).md',
    ]);
    expect(new Set(names.map(fileNameKey)).size).toBe(names.length);
  });
});
