import { describe, expect, it } from 'vitest';
import {
  arxivIdYear,
  hash53,
  hash53Hex,
  normalizeArxivId,
  normalizeTitle,
  paperIdFor,
  titleId,
  workId,
} from './identity.js';

describe('normalizeArxivId', () => {
  it.each([
    ['2410.12345', '2410.12345'],
    ['arXiv:2410.12345v3', '2410.12345'],
    ['  ARXIV: 0704.0001 ', '0704.0001'],
    ['https://arxiv.org/abs/2403.01234v2', '2403.01234'],
    ['http://arxiv.org/pdf/2403.01234v1.pdf', '2403.01234'],
    ['hep-th/9901001v2', 'hep-th/9901001'],
    ['arXiv:math.GT/0309136', 'math.GT/0309136'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeArxivId(raw)).toBe(expected);
  });

  it.each(['', 'not an id', '10.1000/xyz123', '2410.123', 'https://example.com/abs/2410.12345x'])(
    'rejects %s',
    (raw) => {
      expect(normalizeArxivId(raw)).toBeNull();
    },
  );
});

describe('paper identity', () => {
  it('ignores case, spacing, punctuation, diacritics and TeX braces in titles', () => {
    expect(normalizeTitle('{PFGM}++: Unlocking  the Potential')).toBe(normalizeTitle('pfgm unlocking the potential'));
    expect(normalizeTitle('Schrödinger Bridges')).toBe(normalizeTitle('Schrodinger   bridges.'));
    expect(titleId('A  Title!')).toBe(titleId('a title'));
    expect(titleId('A title')).not.toBe(titleId('Another title'));
  });

  it('uses the arXiv id when known, else a stable id from the title', () => {
    expect(paperIdFor({ arxivId: '2410.12345', title: 'X' })).toBe('2410.12345');
    expect(paperIdFor({ arxivId: null, title: 'Equivariant Networks' })).toMatch(/^title-[0-9a-f]{14}$/);
    expect(paperIdFor({ arxivId: null, title: 'Equivariant Networks' })).toBe(titleId('equivariant networks'));
  });
});

describe('workId', () => {
  const chapter = { title: 'Working Memory', authors: ['Alan D. Baddeley', 'Graham Hitch'], year: 1974 };

  it('is an id of the title, the first author’s family name and the year, never the title’s own', () => {
    expect(workId(chapter)).toMatch(/^title-[0-9a-f]{14}$/);
    expect(workId(chapter)).not.toBe(titleId('Working Memory'));
    expect(workId({ ...chapter, title: 'working memory.', authors: ['Baddeley, A.'] })).toBe(workId(chapter));
    expect(workId({ ...chapter, year: 1986 })).not.toBe(workId(chapter));
    expect(workId({ ...chapter, authors: ['Graham Hitch'] })).not.toBe(workId(chapter));
    expect(workId({ ...chapter, authors: [], year: null })).not.toBe(titleId('Working Memory'));
  });
});

describe('arxivIdYear', () => {
  it('reads the year from an arXiv id', () => {
    expect(arxivIdYear('2403.01234')).toBe(2024);
    expect(arxivIdYear('0704.0001')).toBe(2007);
    expect(arxivIdYear('hep-th/9901001')).toBe(1999);
    expect(arxivIdYear('math/0601001')).toBe(2006);
  });
});

describe('normalizeTitle of ASCII titles', () => {
  it('gives the key the whole Unicode rule gives', () => {
    const unicodeRule = (title: string): string =>
      title
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const ascii = Array.from({ length: 95 }, (_, code) => String.fromCharCode(0x20 + code)).join('');
    const titles = [ascii, '  {PFGM}++: Unlocking_the Potential -- of $x^2$  ', 'A', '', '   ', 'MAX-MIN Ant System'];
    for (let index = 0; index < 200; index++) {
      titles.push(Array.from({ length: 40 }, (_, at) => ascii[(index * 31 + at * 17) % ascii.length]).join(''));
    }
    // Longer than the buffer a key is made in, and the titles after it as before.
    titles.push(`${'Long, long -- title '.repeat(200)}end`, 'Short Title!');
    for (const title of titles) expect(normalizeTitle(title)).toBe(unicodeRule(title));
  });
});

describe('hash53Hex', () => {
  it('is the hash in hexadecimal, padded to 14 digits, as ids have always been made', () => {
    const texts = ['', 'a', 'equivariant networks', 'working memory\nbaddeley\n1974'];
    for (let index = 0; index < 2000; index++) texts.push(`title ${index} ${'x'.repeat(index % 37)}`);
    const hexes = texts.map(hash53Hex);
    expect(hexes).toEqual(texts.map((text) => hash53(text).toString(16).padStart(14, '0')));
    // Both ends of the range: a hash with leading zeros, and one with all 53 bits.
    expect(hexes.some((hex) => hex.startsWith('00'))).toBe(true);
    expect(hexes.some((hex) => hex.startsWith('1'))).toBe(true);
  });
});
