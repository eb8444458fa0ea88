import { describe, expect, it } from 'vitest';
import { LINEAR_WORK_MS, timed } from '../../tests/timing.js';
import { collapseWhitespace } from './whitespace.js';
import { decodeTex, plainTextCollapsed } from './tex.js';

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
    expect(timed(() => (text = decodeTex(deep)))).toBeLessThan(LINEAR_WORK_MS);
    expect(text).toBe(`o${'\u0308'.repeat(10_000)}`.normalize('NFC'));
  });

  it('leaves accent arguments nested past 100,000 levels as written, in linear time', () => {
    const deep = `${'\\"{'.repeat(200_000)}o${'}'.repeat(200_000)}`;
    let text = '';
    expect(timed(() => (text = decodeTex(deep)))).toBeLessThan(LINEAR_WORK_MS);
    // The innermost 100,000 accents are written as they are (`"`): the outer ones go on the first of those.
    expect(text).toBe(`"${'\u0308'.repeat(100_000)}${'"'.repeat(99_999)}o`.normalize('NFC'));
  });

  it('finds where math ends in linear time, however many escaped dollars follow an open one', () => {
    const text = `$ ${'\\\\$'.repeat(300_000)}`;
    expect(timed(() => decodeTex(text))).toBeLessThan(LINEAR_WORK_MS);
  });

  it('looks for a URL at every "http" in linear time, where none is one', () => {
    // Each "h" used to match on to the end of the run before the URL was refused: quadratic.
    const text = 'http://)'.repeat(100_000);
    let decoded = '';
    expect(timed(() => (decoded = decodeTex(text)))).toBeLessThan(LINEAR_WORK_MS);
    expect(decoded).toBe(text);
  });

  it('takes no command for an accent or a letter because Object.prototype has a member of its name', () => {
    // `\constructor{o}` is an unknown command with an argument: the argument's text stays (it used to be glued on).
    expect(decodeTex('\\constructor{o} \\toString \\hasOwnProperty \\valueOf{x}')).toBe(
      'o \\toString \\hasOwnProperty x',
    );
  });
});

describe('decodeTex and math', () => {
  it.each([
    ['$\\nabla^2$DFT: a title', '$\\nabla^2$DFT: a title'],
    ['L$^2$M and $L_2$ Norm', 'L$^2$M and $L_2$ Norm'],
    // Neither accent-decoded, nor brace-stripped, nor given spacing or dashes.
    ['$\\"{o} {a}--b~c \\emph{x} \\cite{k}$', '$\\"{o} {a}--b~c \\emph{x} \\cite{k}$'],
    ['in \\(\\approx\\!\n300\\,\\text{ms}\\).', 'in $\\approx\\!\n300\\,\\text{ms}$.'],
    ['\\[ E = mc^2 \\]', '$$E = mc^2$$'],
    ['$ x^2 $ and $$ y $$', '$x^2$ and $$y$$'],
    // `$$` between two spans would read as display math: one span, the same to TeX.
    ['$\\textbf{DA}$$^{\\textbf{2}}$: $\\textbf{D}$epth', '$\\textbf{DA}^{\\textbf{2}}$: $\\textbf{D}$epth'],
    ['$\\alpha$$x$ $a$ $b$', '$\\alpha x$ $a$ $b$'],
    ['costs \\$5 and \\$10', 'costs $5 and $10'],
    // Beside math a dollar sign stays `\$`: "$5 we get $" would read as math.
    ['for \\$5 we get $\\alpha$, or $ more', 'for \\$5 we get $\\alpha$, or \\$ more'],
    ['an open $ stays', 'an open $ stays'],
    ['an open \\( stays', 'an open \\( stays'],
  ])('%s → %s', (tex, text) => {
    expect(decodeTex(tex)).toBe(text);
  });
});

describe('decodeTex and commands', () => {
  it.each([
    // Formatting goes, its text stays.
    ['\\textit{FocaLogic} and \\textsc{Bert}', 'FocaLogic and Bert'],
    ['\\underline{\\textbf{M}}ixture-\\underline{of}', 'Mixture-of'],
    ['{\\small \\textbf{TABI}}, \\mathrm{d}x, \\text{ms}', 'TABI, dx, ms'],
    ['A\\textsuperscript{2}FM', 'A2FM'],
    ['\\href{https://x.org/c}{\\textcolor{blue}{\\textbf{Code}}}', 'Code (https://x.org/c)'],
    // Spacing is a space, or nothing where it is zero-width.
    ['Foo\\hspace{0pt}Bar, a\\hspace*{1em}b, c\\vspace{-2mm}d', 'FooBar, a b, c d'],
    ['a\\quad b\\,c\\;d', 'a b c d'],
    // Commands that carry meaning keep a readable form.
    ['see \\cite{PZ17,HPP18} and \\citep[p.~3]{k}', 'see [PZ17, HPP18] and [k]'],
    ['\\url{https://x.org/a\\_b~c}', 'https://x.org/a_b~c'],
    ['\\href{https://github.com/a/b}{GitHub}', 'GitHub (https://github.com/a/b)'],
    ['\\href{https://github.com/a/b}{github.com/a/b}', 'https://github.com/a/b'],
    ['\\href{https://github.com/a/b}{\\underline{\\texttt{https://github.com/a/b}}}', 'https://github.com/a/b'],
    ['here\\footnote{https://x.org/d}.', 'here (https://x.org/d).'],
    ['a \\enquote{shortcut}', 'a “shortcut”'],
    ['360{\\deg} \\textless0.1\\%', '360° <0.1%'],
    ['(\\eg, SAM) \\ie the \\etal{} paper', '(e.g., SAM) i.e. the et al. paper'],
    ['\\label{sec:x}\\nocite{k}\\color{red}text', 'text'],
    ['{\\noopsort{1973a}}1973', '1973'],
    // An author's own macro with an argument: its text stays, never glued to the name.
    ['{\\rpackage{ranger}} and \\acrfull{bev}', 'ranger and bev'],
    ['\\num{36000} tiles', '36000 tiles'],
    // Without an argument it is kept as written, so the reader sees there was something.
    ['we built \\mname, and \\mname{} achieves', 'we built \\mname, and \\mname achieves'],
  ])('%s → %s', (tex, text) => {
    expect(decodeTex(tex)).toBe(text);
  });

  it('reads nested footnotes and links in linear time, and stops reading them as such past the nesting bound', () => {
    const footnotes = `${'\\footnote{'.repeat(150_000)}x${'}'.repeat(150_000)}`;
    let decoded = '';
    expect(timed(() => (decoded = decodeTex(footnotes)))).toBeLessThan(LINEAR_WORK_MS);
    expect(decoded).toBe(`${' ('.repeat(100_000)}x${')'.repeat(100_000)}`);
    const links = `${'\\href{https://x.org}{'.repeat(50_000)}x${'}'.repeat(50_000)}`;
    expect(timed(() => (decoded = decodeTex(links)))).toBeLessThan(LINEAR_WORK_MS);
    expect(decoded).toBe(`x${' (https://x.org)'.repeat(50_000)}`);
  });

  it('reads a long run of citations, math and commands in linear time', () => {
    const text = '\\cite[\\cite{a}$x$$y$\\(z\\)\\rpackage{r}\\footnote{}\\hspace{0pt}'.repeat(30_000);
    expect(timed(() => decodeTex(text))).toBeLessThan(LINEAR_WORK_MS);
  });
});

describe('decodeTex and URLs', () => {
  it('leaves URLs in the text as they are, escapes aside', () => {
    expect(decodeTex('see https://github.com/a--b/c~d/e\\_f. And https://x.org/{g}.')).toBe(
      'see https://github.com/a--b/c~d/e_f. And https://x.org/g.',
    );
  });
});

describe('decodeTex of text with nothing but braces to decode', () => {
  it('gives what the decoder gives', () => {
    // A \relax after it makes the decoder read the text; without it, such text is only composed and unbraced.
    const pieces = [
      'a',
      'B',
      ' ',
      '{',
      '}',
      '-',
      '`',
      "'",
      'http://ex.org/',
      'https://a.b/c{d}e',
      'o\u0308',
      'é',
      '\n',
      ')',
    ];
    for (const text of randomTexts(pieces, { seed: 7, count: 5000, fewest: 1, most: 12 })) {
      if (/--|``|''/.test(text)) continue;
      expect([text, `${decodeTex(text)} `]).toEqual([text, decodeTex(`${text} \\relax`)]);
    }
  });
});

describe('decodeTex of ASCII text with nothing to decode', () => {
  it('drops the grouping braces and leaves the rest as written; text not ASCII is still composed', () => {
    expect(decodeTex('Plain {WORDS},  and {{more}}. ')).toBe('Plain WORDS,  and more. ');
    const plain = ' a-b c\'d `e` "f" #1 %2 & ^_ @ [x] (y) <z> |\t\n';
    expect(decodeTex(plain)).toBe(plain);
    expect(decodeTex('Caf{e\u0301}')).toBe('Caf\u00e9');
  });
});

describe('plainTextCollapsed', () => {
  it('gives what decoding and collapsing give, for plain text; null for any other', () => {
    expect(plainTextCollapsed(' Plain {WORDS},  and {{more}} { } x. ')).toBe('Plain WORDS, and more x.');
    for (const other of [
      'a\\"o',
      '$x$',
      'a~b',
      'a--b',
      '``a',
      "a''",
      'a\tb',
      'a\nb',
      'caf\u00e9',
      'a\u00a0b',
      'a\u2003b',
    ]) {
      expect(plainTextCollapsed(other)).toBeNull();
    }
    const pieces = [
      'a',
      'B',
      ' ',
      '  ',
      '{',
      '}',
      '{ }',
      '-',
      '`',
      "'",
      '"',
      '\\',
      '\\"o',
      '$',
      '~',
      '\t',
      '\n',
      '\r',
      '\u00a0',
      '\u3000',
      'é',
      'o\u0308',
      '\ud83d\ude00',
      'http://ex.org/a_b',
      '%',
      '#',
      '&',
    ];
    let plain = 0;
    for (const text of randomTexts(pieces, { seed: 11, count: 20000, fewest: 0, most: 13 })) {
      const fast = plainTextCollapsed(text);
      if (fast === null) continue;
      plain++;
      expect([text, fast]).toEqual([text, collapseWhitespace(decodeTex(text))]);
    }
    expect(plain).toBeGreaterThan(1000);
  });
});

/**
 * `count` texts, each of `fewest` to `most` pieces picked at random: the same texts every run, from the same `seed`.
 */
function* randomTexts(
  pieces: readonly string[],
  { seed, count, fewest, most }: { seed: number; count: number; fewest: number; most: number },
): Generator<string> {
  let state = seed;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let index = 0; index < count; index++) {
    const length = fewest + Math.floor(next() * (most - fewest + 1));
    yield Array.from({ length }, () => pieces[Math.floor(next() * pieces.length)]).join('');
  }
}
