import { describe, expect, it } from 'vitest';
import {
  arxivIdYear,
  baseName,
  collapseWhitespace,
  decodeTex,
  extractUrls,
  isoDate,
  joinParagraphs,
  latestDateNotAfter,
  monthNumber,
  normalizeDoi,
  normalizeLineEndings,
  paperLinks,
  splitParagraphs,
} from './text.js';

describe('whitespace', () => {
  it('collapses every run of whitespace and trims', () => {
    expect(collapseWhitespace('  a\t b\n\n c\u00a0 ')).toBe('a b c');
  });

  it('joins paragraphs with one blank line, each collapsed, dropping empty ones', () => {
    expect(joinParagraphs(splitParagraphs('One\n  line.\n\n\n  \nTwo.\n \n'))).toBe('One line.\n\nTwo.');
  });

  it('normalises CRLF, CR and a BOM', () => {
    expect(normalizeLineEndings('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  it('takes the base name of POSIX and Windows paths', () => {
    expect(baseName('/home/ada/refs.bib')).toBe('refs.bib');
    expect(baseName('C:\\Users\\ada\\refs.bib')).toBe('refs.bib');
    expect(baseName('refs.bib')).toBe('refs.bib');
  });
});

describe('decodeTex', () => {
  it.each([
    ['Schr\\"odinger', 'Schrödinger'],
    ['Schr{\\"o}dinger', 'Schrödinger'],
    ['Schr\\"{o}dinger', 'Schrödinger'],
    ['Sol\\`a', 'Solà'],
    ['M\\"uller', 'Müller'],
    ["{\\'e}cole", 'école'],
    ["Garc\\'{\\i}a", 'García'],
    ["Garc\\'\\i a", 'García'],
    ['G\\^ote', 'Gôte'],
    ['Espa\\~na', 'España'],
    ['Fran\\c{c}ais', 'Français'],
    ['\\v{S}koda', 'Škoda'],
    ['Erd\\H{o}s', 'Erdős'],
    ['\\k{a}', 'ą'],
    ['\\.{Z}ywiec', 'Żywiec'],
    ['Stra\\ss e', 'Straße'],
    ['{\\O}stergaard S{\\o}ren', 'Østergaard Søren'],
    ['{\\aa}ngstr{\\"o}m \\AA', 'ångström Å'],
    ['\\ae sthetic \\AE', 'æsthetic Æ'],
    ['{\\L}ukasiewicz', 'Łukasiewicz'],
    ['pages 1--10', 'pages 1–10'],
    ['yes---no', 'yes—no'],
    ['R\\&D', 'R&D'],
    ['50\\% off', '50% off'],
    ['Fig.~3', 'Fig. 3'],
    ['{PFGM}++', 'PFGM++'],
    ['The {\\TeX}book', 'The TeXbook'],
    ['\\emph{very} \\textbf{bold}', 'very bold'],
    ["``quoted''", '“quoted”'],
  ])('%s → %s', (tex, text) => {
    expect(decodeTex(tex)).toBe(text);
  });

  it('keeps math and unknown commands as written', () => {
    expect(decodeTex('cost $\\mathcal{O}(n^{2})$ with \\alpha')).toBe('cost $\\mathcal{O}(n^{2})$ with \\alpha');
  });

  it('keeps ~ when asked, as arXiv metadata means it', () => {
    expect(decodeTex('runs ~10x faster', { tilde: 'keep' })).toBe('runs ~10x faster');
    expect(decodeTex('Espa\\~na', { tilde: 'keep' })).toBe('España');
  });

  it('leaves plain Unicode alone', () => {
    expect(decodeTex('Über-Modelle: Ναι, 大规模')).toBe('Über-Modelle: Ναι, 大规模');
  });
});

describe('extractUrls', () => {
  it.each([
    ['code at https://github.com/harryjo97/GDSS.', ['https://github.com/harryjo97/GDSS']],
    ['(see https://example.org/a)', ['https://example.org/a']],
    ['[https://example.org/b]', ['https://example.org/b']],
    [
      'at https://example.org/c, https://example.org/d; and https://example.org/e!',
      ['https://example.org/c', 'https://example.org/d', 'https://example.org/e'],
    ],
    ['"https://example.org/q"?', ['https://example.org/q']],
    ["'https://example.org/s'", ['https://example.org/s']],
    [
      'https://en.wikipedia.org/wiki/Equivariant_map_(mathematics).',
      ['https://en.wikipedia.org/wiki/Equivariant_map_(mathematics)'],
    ],
    ['(https://en.wikipedia.org/wiki/Foo_(bar)).', ['https://en.wikipedia.org/wiki/Foo_(bar)']],
    ['[link](https://example.org/md)', ['https://example.org/md']],
    ['\\url{https://github.com/a/b\\_c}', ['https://github.com/a/b_c']],
    ['http://x.org/p?q=1&r=2#frag: done', ['http://x.org/p?q=1&r=2#frag']],
    ['见 https://example.cn/项目。', ['https://example.cn/项目']],
    ['no links here, nor in https:// alone', []],
  ])('%s', (text, urls) => {
    expect(extractUrls(text)).toEqual(urls);
  });
});

describe('paperLinks', () => {
  it('puts the arXiv page first and drops links to the same page, DOI or URL', () => {
    expect(
      paperLinks('2302.04265', [
        'https://github.com/Newbeeer/pfgmpp',
        'http://arxiv.org/pdf/2302.04265v2.pdf',
        null,
        'https://doi.org/10.5555/ABC',
        'http://dx.doi.org/10.5555/abc',
        'https://github.com/Newbeeer/pfgmpp/',
        'https://arxiv.org/abs/2301.00001',
      ]),
    ).toEqual([
      'https://arxiv.org/abs/2302.04265',
      'https://github.com/Newbeeer/pfgmpp',
      'https://doi.org/10.5555/ABC',
      'https://arxiv.org/abs/2301.00001',
    ]);
  });

  it('has no arXiv link without an id', () => {
    expect(paperLinks(null, ['https://example.org'])).toEqual(['https://example.org']);
  });
});

describe('identifiers and dates', () => {
  it('normalises DOIs', () => {
    expect(normalizeDoi('https://doi.org/10.1145/3589334.3645678')).toBe('10.1145/3589334.3645678');
    expect(normalizeDoi('doi: 10.1000/a\\_b')).toBe('10.1000/a_b');
    expect(normalizeDoi('not a doi')).toBeNull();
  });

  it('reads the year from an arXiv id', () => {
    expect(arxivIdYear('2403.01234')).toBe(2024);
    expect(arxivIdYear('0704.0001')).toBe(2007);
    expect(arxivIdYear('hep-th/9901001')).toBe(1999);
    expect(arxivIdYear('math/0601001')).toBe(2006);
  });

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

describe('decodeTex and URLs', () => {
  it('leaves URLs in the text as they are, escapes aside', () => {
    expect(decodeTex('see https://github.com/a--b/c~d/e\\_f. And https://x.org/{g}.')).toBe(
      'see https://github.com/a--b/c~d/e_f. And https://x.org/g.',
    );
  });
});
