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
  parseJson,
  quoteForMessage,
  splitParagraphs,
} from './text.js';
import { DigestError } from './types.js';

/** How long `run` takes, in milliseconds. */
function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

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

  it('puts an accent on the first letter of a braced argument, however it is nested', () => {
    expect(decodeTex('\\"{\\\'{o}}')).toBe('ó\u0308'.normalize('NFC'));
    expect(decodeTex('\\"{\\\'{o}x} and \\"{}')).toBe(`${'ó\u0308'.normalize('NFC')}x and "`);
    expect(decodeTex('\\c{\\emph{c}}')).toBe('ç');
    expect(decodeTex('\\"{$a}$}')).toBe('$\u0308'.normalize('NFC') + 'a$'); // math ends with the argument
  });

  it('decodes 10,000 nested accent arguments (a 40 KB field) without running out of stack', () => {
    const deep = `${'\\"{'.repeat(10_000)}o${'}'.repeat(10_000)}`;
    let text = '';
    // It used to recurse once a level, and throw RangeError (and take quadratic time on the way).
    expect(timed(() => (text = decodeTex(deep)))).toBeLessThan(1000);
    expect(text).toBe(`o${'\u0308'.repeat(10_000)}`.normalize('NFC'));
  });

  it('leaves accent arguments nested past 100,000 levels as written, in linear time', () => {
    const deep = `${'\\"{'.repeat(200_000)}o${'}'.repeat(200_000)}`;
    let text = '';
    expect(timed(() => (text = decodeTex(deep)))).toBeLessThan(1000);
    // The innermost 100,000 accents are written as they are (`"`): the outer ones go on the first of those.
    expect(text).toBe(`"${'\u0308'.repeat(100_000)}${'"'.repeat(99_999)}o`.normalize('NFC'));
  });

  it('finds where math ends in linear time, however many escaped dollars follow an open one', () => {
    const text = `$ ${'\\\\$'.repeat(300_000)}`;
    expect(timed(() => decodeTex(text))).toBeLessThan(1000);
  });

  it('looks for a URL at every "http" in linear time, where none is one', () => {
    // Each "h" used to match on to the end of the run before the URL was refused: quadratic.
    const text = 'http://)'.repeat(100_000);
    let decoded = '';
    expect(timed(() => (decoded = decodeTex(text)))).toBeLessThan(1000);
    expect(decoded).toBe(text);
  });

  it('takes no command for an accent or a letter because Object.prototype has a member of its name', () => {
    expect(decodeTex('\\constructor{o} \\toString \\hasOwnProperty')).toBe(
      '\\constructoro \\toString \\hasOwnProperty',
    );
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
    ['https://example.org/a_(b)))]].', ['https://example.org/a_(b)']],
  ])('%s', (text, urls) => {
    expect(extractUrls(text)).toEqual(urls);
  });

  it('trims a long run of closing brackets after a URL in linear time', () => {
    // It used to count the brackets again for every one it trimmed: 200,000 of them hung the import.
    for (const bracket of [')', ']']) {
      let urls: readonly string[] = [];
      expect(timed(() => (urls = extractUrls(`See http://example.org/${bracket.repeat(200_000)}`)))).toBeLessThan(1000);
      expect(urls).toEqual(['http://example.org/']);
    }
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

describe('quoteForMessage', () => {
  it('shows control, line-break and bidi characters as escapes', () => {
    expect(quoteForMessage('key\u001b[31m')).toBe('key\\x1b[31m');
    expect(quoteForMessage('a\nb\r\u0085\u2028\u202eexe.gnp\u2066')).toBe(
      'a\\x0ab\\x0d\\x85\\u2028\\u202eexe.gnp\\u2066',
    );
  });

  it('quotes at most 60 characters, whole ones', () => {
    expect(quoteForMessage('k'.repeat(10_000))).toBe(`${'k'.repeat(60)}…`);
    expect(quoteForMessage('😀'.repeat(61))).toBe(`${'😀'.repeat(60)}…`);
    expect(quoteForMessage('😀'.repeat(60))).toBe('😀'.repeat(60));
  });
});

describe('parseJson', () => {
  it('says why JSON is invalid in one clean line', () => {
    const message = ((): string => {
      try {
        parseJson('{"a": \u202e\u001b[2J');
      } catch (error) {
        if (error instanceof DigestError) return error.message;
      }
      return 'no DigestError';
    })();
    expect(message).toMatch(/^it is not valid JSON \(/);
    expect(message).not.toMatch(/[\p{Cc}\u202e]/u);
  });
});
