/**
 * TeX-flavoured text to plain Unicode: what BibTeX fields and arXiv metadata need decoded (accents, letters,
 * escapes, dashes, quotes, grouping braces, commands), with the author's math kept as TeX between `$…$` (see
 * core/math-spans.ts for how it is read back). Pure.
 */

import { unescapeUrl, urlAt } from '../links.js';

/** Combining marks for TeX accent commands: `\"o` is o + U+0308, composed to ö. */
const ACCENT_MARKS: Readonly<Record<string, string>> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
  r: '\u030A',
  d: '\u0323',
  b: '\u0331',
};

const SYMBOLS: Readonly<Record<string, string>> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  aa: 'å',
  AA: 'Å',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  textendash: '–',
  textemdash: '—',
  textquoteleft: '‘',
  textquoteright: '’',
  textquotedblleft: '“',
  textquotedblright: '”',
  dots: '…',
  ldots: '…',
  textellipsis: '…',
  textasciitilde: '~',
  textunderscore: '_',
  textbackslash: '\\',
  S: '§',
  P: '¶',
  copyright: '©',
  pounds: '£',
  euro: '€',
  LaTeX: 'LaTeX',
  TeX: 'TeX',
  deg: '°',
  textdegree: '°',
  textless: '<',
  textgreater: '>',
  textbar: '|',
  textasciicircum: '^',
  textbullet: '•',
  textregistered: '®',
  texttrademark: '™',
  textsection: '§',
  dag: '†',
  ddag: '‡',
};

/**
 * The abbreviations that conference templates (CVPR's, ICCV's) define as commands and abstracts use: written out,
 * and unlike a letter's command they keep the space after them, as their `\xspace` does.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  eg: 'e.g.',
  Eg: 'E.g.',
  ie: 'i.e.',
  Ie: 'I.e.',
  cf: 'cf.',
  Cf: 'Cf.',
  etc: 'etc.',
  vs: 'vs.',
  wrt: 'w.r.t.',
  etal: 'et al.',
};

/**
 * Commands that only style their argument (or what follows them, for declarations like `\bf` and `\small`):
 * the command goes, the text stays.
 */
const STYLE_COMMANDS = new Set([
  'emph',
  'underline',
  'uline',
  'textmd',
  'textsuperscript',
  'textsubscript',
  'text',
  'mathsf',
  'mathtt',
  'mathcal',
  'mathbb',
  'mathfrak',
  'boldsymbol',
  'bm',
  'ensuremath',
  'small',
  'footnotesize',
  'scriptsize',
  'tiny',
  'normalsize',
  'large',
  'Large',
  'LARGE',
  'huge',
  'Huge',
  'bfseries',
  'itshape',
  'scshape',
  'rmfamily',
  'sffamily',
  'ttfamily',
  'mdseries',
  'upshape',
  'noindent',
  'centering',
  'xspace',
  'textit',
  'textbf',
  'texttt',
  'textsc',
  'textrm',
  'textsf',
  'textsl',
  'textup',
  'textnormal',
  'mathrm',
  'mathit',
  'mathbf',
  'mbox',
  'hbox',
  'em',
  'it',
  'bf',
  'rm',
  'sc',
  'tt',
  'sf',
  'sl',
  'normalfont',
  'relax',
  'protect',
]);

/** Commands that stand for a space between words. */
const SPACE_COMMANDS = new Set([
  'quad',
  'qquad',
  'enspace',
  'enskip',
  'thinspace',
  'space',
  'newline',
  'linebreak',
  'break',
  'par',
  'smallskip',
  'medskip',
  'bigskip',
  'hfill',
  'vfill',
]);

/** Commands whose arguments are not text: the whole command vanishes (`\label{sec:x}`, `\nocite{k}`). */
const VANISHING_COMMANDS = new Set([
  'label',
  'index',
  'nocite',
  'thanks',
  'footnotemark',
  'includegraphics',
  'color',
  // BibTeX's sorting trick: `{\noopsort{1973a}}1973` prints 1973.
  'noopsort',
]);

/** Commands whose first arguments are not text but whose last one is: `\textcolor{blue}{text}` is text. */
const SKIPPED_ARGUMENTS: Readonly<Record<string, number>> = {
  textcolor: 1,
  colorbox: 1,
  fcolorbox: 2,
  raisebox: 1,
  scalebox: 1,
  resizebox: 2,
  hyperref: 0,
};

/** Citation commands: their keys are shown as a reference in brackets, `[a, b]`. */
const CITE_COMMANDS = new Set([
  'cite',
  'citep',
  'citet',
  'citealp',
  'citealt',
  'citeauthor',
  'citeyear',
  'parencite',
  'textcite',
  'autocite',
  'footcite',
  'Cite',
  'Citep',
  'Citet',
]);

/** Control symbols that stand for a character (or for nothing). */
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&',
  '%': '%',
  '#': '#',
  _: '_',
  '{': '{',
  '}': '}',
  ' ': ' ',
  ',': ' ',
  ';': ' ',
  ':': ' ',
  '!': '',
  '-': '',
  '/': '',
  '@': '',
  '\\': ' ',
};

export interface TexOptions {
  /** `~` is a tie (a space) in real TeX; arXiv metadata uses it as a literal "approximately". */
  readonly tilde?: 'space' | 'keep';
}

/** The value of `key` in `record` when the record itself has it: `\constructor` is not an accent. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * What the decoder changes, besides composing accents (NFC) and dropping grouping braces: text with none of it
 * decodes to itself without its braces. Keep it in step with `step`.
 */
const TEX_SYNTAX = /[\\$~]|--|``|''/;

/**
 * Plain Unicode text from TeX-flavoured text: accents (`\"o`, `{\"o}`, `\"{o}`, `\c{c}`), letters
 * (`\ss`, `\o`), escapes (`\&`), dashes, `~` and grouping braces. Math is kept as the author's TeX between `$…$`
 * (`\(…\)` becomes `$…$`, `\[…\]` becomes `$$…$$`), neither decoded nor brace-stripped; only the space just inside
 * its delimiters goes, and math that follows math at once is one span (`$a$$b$` would read as display math). In
 * text with math a dollar sign is written `\$`, to tell it from math; elsewhere as `$`.
 *
 * Commands outside math: styles go and their text stays (`\textit{x}`, `\underline{x}`, `{\bf x}`); spacing is a
 * space, or nothing for a zero-width one (`\hspace{0pt}`); citations read `[a, b]`, `\url{x}` reads x,
 * `\href{url}{text}` reads "text (url)" (the URL alone where the text is the URL), `\footnote{x}` reads " (x)".
 * An unknown command followed by a braced argument is a macro of the author's: its name goes and its argument's
 * text stays (`\rpackage{ranger}` → ranger). One without (`\mname`, or `\mname{}`) is kept as written, so that
 * nothing the reader might need disappears.
 *
 * One pass over the text, however deeply arguments nest (`\"{\"{…}}`), in time linear in its length.
 */
export function decodeTex(text: string, options: TexOptions = {}): string {
  // Most abstracts and titles of a bibliography: ASCII (nothing for NFC to compose) with nothing to decode but
  // grouping braces (a title with {Capitals} kept, as DBLP writes them). TEX_SYNTAX and "not ASCII" told by one class
  // search and three quick ones, not an alternation tried at every character.
  if (!TEX_CHARACTER_OR_NOT_ASCII.test(text) && !hasTexSequence(text)) return withoutBraces(text);
  if (!NEEDS_DECODING.test(text)) return text.normalize('NFC');
  if (!TEX_SYNTAX.test(text)) return withoutBraces(text).normalize('NFC');
  return new TexDecoder(text, options.tilde ?? 'space').decode();
}

/** TEX_SYNTAX's single characters, and anything not ASCII: a character class's source. */
const TEX_CHARACTERS = '\\\\$~\\x80-\\uffff';
const TEX_CHARACTER_OR_NOT_ASCII = new RegExp(`[${TEX_CHARACTERS}]`);

/** TEX_SYNTAX's sequences of two characters (dashes, quotes): what plain text without TEX_CHARACTERS may still hold. */
function hasTexSequence(text: string): boolean {
  return text.includes('--') || text.includes('``') || text.includes("''");
}

/**
 * `collapseWhitespace(decodeTex(text))` for text that is plain: ASCII with nothing to decode but grouping braces, and
 * no whitespace but spaces (what most titles, abstracts and names of a bibliography are); null for any other, which
 * the caller decodes in full. Told by one search, where decoding and then collapsing would search the text twice.
 */
export function plainTextCollapsed(text: string): string | null {
  if (NOT_PLAIN.test(text) || hasTexSequence(text)) return null;
  // What decodeTex makes of it; the only whitespace in it is spaces, which collapseWhitespace's \s+ matches.
  const plain = withoutBraces(text);
  return plain.includes('  ') ? plain.replace(/ +/g, ' ').trim() : plain.trim();
}

/** TEX_CHARACTER_OR_NOT_ASCII, and the whitespace that is not a space: decodeTex's first test and more in one search. */
const NOT_PLAIN = new RegExp(`[${TEX_CHARACTERS}\\t-\\r]`);

function withoutBraces(text: string): string {
  return text.includes('{') || text.includes('}') ? text.replace(/[{}]/g, '') : text;
}

/**
 * What the decoder does not write as it is: `-`, `` ` `` and `'` mean something only doubled, `h` only as the start
 * of a URL. Searched for, not matched at every character.
 */
const SPECIAL = /[\\{}$~]|--|``|''|https?:\/\//gi;

/** What the decoder changes: without it, a text is decoded as it is (the URLs in it too). */
const NEEDS_DECODING = /[\\{}$~]|--|``|''/;

/** What `~` means in arXiv's metadata (titles and abstracts), whoever imports it: see TexOptions. */
export const ARXIV_TEX: TexOptions = { tilde: 'keep' };

/**
 * How much of the output of an accent's argument is kept apart to put the accent on: its first letter
 * with any combining marks (Unicode's stream-safe text has at most 30 in a row), and a little more.
 */
const HEAD_LENGTH = 64;

/**
 * How deeply braced arguments are decoded as such (`\"{\"{…}}`, `\footnote{\footnote{…}}`); deeper ones are left
 * as written, their braces as grouping. No text nests them like this: the bound keeps the memory of a hostile one
 * in check.
 */
const MAX_NESTING = 100_000;

/** An optional argument (`\cite[p.~3]{k}`) is looked for this far; one longer is taken for text. */
const MAX_OPTIONAL_LENGTH = 256;

/** The length of a zero-width space: `\hspace{0pt}` lets TeX break a word and adds nothing to read. */
const ZERO_LENGTH = /^\s*[-+]?(?:0+\.?0*|\.0+)\s*(?:[a-z]{2})?\s*$/i;

/**
 * The decoder's output, kept as a short head and the rest: an accent goes on the first letter of its
 * argument's output, which is then found in the head alone, without copying the rest.
 */
interface Output {
  head: string;
  tail: string;
}

/**
 * A braced argument being decoded: where the text around it ends, and what becomes of the argument at its `}`.
 * An accent goes on its first letter; an `\href`'s text is compared with its URL; a footnote is closed.
 */
type Frame =
  | {
      readonly kind: 'accent';
      readonly mark: string;
      readonly asWritten: string;
      /** The output before the argument. */
      readonly before: Output;
      readonly end: number;
    }
  | { readonly kind: 'href'; readonly url: string; readonly before: Output; readonly end: number }
  | { readonly kind: 'wrap'; readonly close: string; readonly end: number };

interface Argument {
  /** Where its `{` is. */
  readonly open: number;
  /** Where its `}` is. */
  readonly close: number;
}

class TexDecoder {
  private pos = 0;
  /** Where the text being decoded ends: the whole text's end, or the `}` of the argument being decoded. */
  private end: number;
  private out: Output = { head: '', tail: '' };
  private readonly frames: Frame[] = [];
  /** How many of the frames are accents' arguments. */
  private accents = 0;
  private braces: BraceMatches | null = null;
  /** The last search for the end of math, for each delimiter: a search from later on that finds the same is not done again. */
  private readonly mathEnds = new Map<string, { readonly from: number; readonly found: number }>();
  /**
   * The output ends in inline math whose closing `$` is not written yet: math that follows at once joins it. The
   * TeX it ends with, to keep a command's name apart from a letter that follows (`$\alpha$$x$`).
   */
  private openMath: string | null = null;
  private wroteMath = false;
  private wroteDollar = false;

  constructor(
    private readonly text: string,
    private readonly tilde: 'space' | 'keep',
  ) {
    this.end = text.length;
  }

  decode(): string {
    for (;;) {
      if (this.pos < this.end) this.step();
      else if (!this.closeArgument()) break;
    }
    this.closeMath();
    const text = this.out.head + this.out.tail;
    // Dollar signs were written `\$`: where there is no math to tell them from, they need not be.
    return (this.wroteDollar && !this.wroteMath ? text.replace(/\\\$/g, '$') : text).normalize('NFC');
  }

  /** A dollar sign, `\$` or one that opens no math: written `\$` (see decode), but as itself under an accent. */
  private dollar(consumed: number): void {
    if (this.accents > 0) return this.emit('$', consumed);
    this.wroteDollar = true;
    this.emit('\\$', consumed);
  }

  /** The character at `at`, or undefined past the end of the text being decoded. */
  private charAt(at: number): string | undefined {
    return at < this.end ? this.text[at] : undefined;
  }

  private step(): void {
    const { text, pos } = this;
    const ch = text[pos] ?? '';
    if (ch === '\\') return this.command();
    if (ch === '{' || ch === '}') {
      this.pos++;
      return;
    }
    if (ch === '$') return this.dollarMath();
    if (ch === 'h' || ch === 'H') {
      const url = urlAt(text, pos);
      if (url !== null) return this.emit(unescapeUrl(url), url.length);
    }
    // An accent's argument is decoded with `~` as a space, whatever the text around it does.
    if (ch === '~' && (this.tilde === 'space' || this.accents > 0)) return this.emit(' ', 1);
    if (text.startsWith('---', pos)) return this.emit('—', 3);
    if (text.startsWith('--', pos)) return this.emit('–', 2);
    if (text.startsWith('``', pos)) return this.emit('“', 2);
    if (text.startsWith("''", pos)) return this.emit('”', 2);
    const end = this.plainRunEnd(pos + 1);
    this.emit(text.slice(pos, end), end - pos);
  }

  /**
   * Where the run of characters from `from` that stand for themselves ends: most text is such a run, written out
   * at once rather than a character at a time.
   */
  private plainRunEnd(from: number): number {
    SPECIAL.lastIndex = from;
    const found = SPECIAL.exec(this.text)?.index ?? this.end;
    return Math.min(found, this.end);
  }

  private emit(value: string, consumed: number): void {
    this.write(value);
    this.pos += consumed;
  }

  /** Appends to the output, after the `$` that closes the math before it. */
  private write(value: string): void {
    this.closeMath();
    this.append(value);
  }

  private closeMath(): void {
    if (this.openMath === null) return;
    this.openMath = null;
    this.append('$');
  }

  /** Appends to the output: to the head while it is short, and only to the tail once the tail has begun. */
  private append(value: string): void {
    const out = this.out;
    const room = HEAD_LENGTH - out.head.length;
    if (out.tail.length > 0 || room <= 0) {
      out.tail += value;
    } else if (value.length <= room) {
      out.head += value;
    } else {
      // A surrogate pair stays whole.
      const cut = isHighSurrogate(value.charCodeAt(room - 1)) ? room - 1 : room;
      out.head += value.slice(0, cut);
      out.tail = value.slice(cut);
    }
  }

  /** `$…$` or `$$…$$`; a `$` that nothing closes is a dollar sign. */
  private dollarMath(): void {
    const delimiter = this.text.startsWith('$$', this.pos) && this.pos + 1 < this.end ? '$$' : '$';
    if (!this.math(delimiter, delimiter, delimiter === '$$')) this.dollar(1);
  }

  /** Math from `open` at pos to the first `close` after it, written `$…$` (or `$$…$$`); false if none closes it. */
  private math(open: string, close: string, display: boolean): boolean {
    const start = this.pos + open.length;
    const end = this.mathEnd(close, start);
    if (end < 0 || end + close.length > this.end) return false;
    this.pos = end + close.length;
    const written = this.text.slice(start, end);
    let tex = written.trim();
    // `$a\ $`: the space is the control space's own.
    if (tex.endsWith('\\') && tex.length < written.trimStart().length) tex += ' ';
    if (tex === '') {
      this.write(' ');
      return true;
    }
    this.wroteMath = true;
    if (display) {
      this.write(`$$${tex}$$`);
    } else if (this.openMath === null) {
      this.write(`$${tex}`);
      this.openMath = tex;
    } else {
      const apart = /\\[A-Za-z]+$/.test(this.openMath.slice(-40)) && /^[A-Za-z]/.test(tex);
      this.append(apart ? ` ${tex}` : tex);
      this.openMath = tex;
    }
    return true;
  }

  /** Where the first `delimiter` at or after `from` not preceded by a backslash is, in the whole text; -1 if none. */
  private mathEnd(delimiter: string, from: number): number {
    const last = this.mathEnds.get(delimiter);
    if (last !== undefined && last.from <= from && (last.found < 0 || last.found >= from)) return last.found;
    let end = this.text.indexOf(delimiter, from);
    while (end > 0 && this.text[end - 1] === '\\') end = this.text.indexOf(delimiter, end + 1);
    this.mathEnds.set(delimiter, { from, found: end });
    return end;
  }

  private command(): void {
    const next = this.charAt(this.pos + 1);
    if (next === undefined) return this.emit('\\', 1);
    if (next === '(' && this.math('\\(', '\\)', false)) return;
    if (next === '[' && this.math('\\[', '\\]', true)) return;
    const mark = own(ACCENT_MARKS, next);
    if (mark !== undefined && !/[A-Za-z]/.test(next)) {
      this.pos += 2;
      return this.accent(mark, next);
    }
    if (next === '$') return this.dollar(2);
    const escape = own(ESCAPES, next);
    if (escape !== undefined) return this.emit(escape, 2);
    const name = /^[A-Za-z]+/.exec(this.text.slice(this.pos + 1, Math.min(this.pos + 40, this.end)))?.[0];
    if (name === undefined) return this.emit(`\\${next}`, 2);
    this.pos += 1 + name.length;
    const letterMark = own(ACCENT_MARKS, name);
    if (letterMark !== undefined) return this.accent(letterMark, `\\${name}`);
    const symbol = own(SYMBOLS, name);
    if (symbol !== undefined) {
      this.skipSpaces();
      this.write(symbol);
      return;
    }
    const abbreviation = own(ABBREVIATIONS, name);
    if (abbreviation !== undefined) return this.write(abbreviation);
    if (STYLE_COMMANDS.has(name)) {
      this.skipSpaces();
      return;
    }
    if (SPACE_COMMANDS.has(name)) {
      this.skipSpaces();
      this.write(' ');
      return;
    }
    if (this.commandWithArguments(name)) return;
    // An unknown command with an argument: the author's own macro, whose argument is text (`\rpackage{ranger}`).
    if (this.charAt(this.pos) === '{' && this.charAt(this.pos + 1) !== '}') return;
    this.write(`\\${name}`);
  }

  /** A command that takes arguments and that the decoder knows, read with them; false if it is not one or has none. */
  private commandWithArguments(name: string): boolean {
    if (name === 'hspace' || name === 'vspace') return this.space(name);
    if (VANISHING_COMMANDS.has(name)) {
      const argument = this.argument(this.afterOptional(this.pos));
      if (argument !== null) this.pos = argument.close + 1;
      return true;
    }
    const skipped = own(SKIPPED_ARGUMENTS, name);
    if (skipped !== undefined) {
      this.pos = this.afterOptional(this.pos);
      for (let i = 0; i < skipped; i++) {
        const argument = this.argument(this.pos);
        if (argument === null) break;
        this.pos = argument.close + 1;
      }
      return true;
    }
    if (CITE_COMMANDS.has(name)) return this.citation();
    if (name === 'url' || name === 'nolinkurl') {
      const argument = this.argument(this.pos);
      if (argument === null) return false;
      this.pos = argument.close + 1;
      this.write(unescapeUrl(this.text.slice(argument.open + 1, argument.close)));
      return true;
    }
    if (name === 'href') return this.href();
    if (name === 'footnote') return this.wrapped(' (', ')');
    if (name === 'enquote') return this.wrapped('“', '”');
    return false;
  }

  /** `\hspace{…}`, `\vspace{…}` (or starred): a space, or nothing for a zero width. */
  private space(name: string): boolean {
    const argument = this.argument(this.charAt(this.pos) === '*' ? this.pos + 1 : this.pos);
    if (argument === null) return false;
    this.pos = argument.close + 1;
    const zero = name === 'hspace' && ZERO_LENGTH.test(this.text.slice(argument.open + 1, argument.close));
    if (!zero) this.write(' ');
    return true;
  }

  /** `\cite[…]{a, b}` as `[a, b]`. */
  private citation(): boolean {
    const argument = this.argument(this.afterOptional(this.afterOptional(this.pos)));
    if (argument === null) return false;
    this.pos = argument.close + 1;
    const keys = this.text
      .slice(argument.open + 1, argument.close)
      .split(',')
      .map((key) => key.trim())
      .filter((key) => key !== '');
    this.write(`[${keys.join(', ')}]`);
    return true;
  }

  /**
   * `\href{url}{text}` as "text (url)": the link is the only place many abstracts name their code, and their text
   * ("GitHub", "here") says little without it. The URL alone where the text is empty or the URL itself.
   */
  private href(): boolean {
    const target = this.argument(this.pos);
    if (target === null) return false;
    const url = unescapeUrl(this.text.slice(target.open + 1, target.close).trim());
    const label = this.argument(target.close + 1);
    if (label === null || this.frames.length >= MAX_NESTING) {
      this.pos = target.close + 1;
      this.write(url);
      if (label !== null) this.write(' ');
      return true;
    }
    this.closeMath();
    this.frames.push({ kind: 'href', url, before: this.out, end: this.end });
    this.out = { head: '', tail: '' };
    this.enter(label);
    return true;
  }

  /** A command whose argument is text between `open` and `close`: `\footnote{x}` as " (x)". */
  private wrapped(open: string, close: string): boolean {
    const argument = this.argument(this.pos);
    if (argument === null) return false;
    if (argument.close === argument.open + 1 || this.frames.length >= MAX_NESTING) {
      this.pos = argument.close === argument.open + 1 ? argument.close + 1 : argument.open;
      return true;
    }
    // A space too many before the "(" is gone once the caller collapses whitespace, as every caller does.
    this.write(open);
    this.frames.push({ kind: 'wrap', close, end: this.end });
    this.enter(argument);
    return true;
  }

  /** Decodes the argument next, up to its `}`, where closeArgument takes over. */
  private enter(argument: Argument): void {
    this.end = argument.close;
    this.pos = argument.open + 1;
  }

  /** The braced argument at `at`, after any spaces, within the text being decoded; null if there is none. */
  private argument(at: number): Argument | null {
    let open = at;
    while (this.charAt(open) === ' ') open++;
    if (this.charAt(open) !== '{') return null;
    const close = this.closingBrace(open);
    return close < 0 ? null : { open, close };
  }

  /** Where an optional argument (`[…]`) at `at` ends, past its `]`; `at` if there is none. */
  private afterOptional(at: number): number {
    let open = at;
    while (this.charAt(open) === ' ') open++;
    if (this.charAt(open) !== '[') return at;
    const limit = Math.min(this.end, open + MAX_OPTIONAL_LENGTH);
    for (let i = open + 1; i < limit; i++) if (this.text[i] === ']') return i + 1;
    return at;
  }

  private skipSpaces(): void {
    while (this.charAt(this.pos) === ' ') this.pos++;
  }

  /**
   * Applies a combining mark to the accent's argument: `o`, `\i` or `{\i}` at once; a braced one
   * (`{o}`, `{\"o}`) once it is decoded, when decoding reaches its `}` (see closeArgument).
   */
  private accent(mark: string, asWritten: string): void {
    this.skipSpaces();
    const { text, pos } = this;
    const ch = this.charAt(pos);
    if (ch === '{' && this.frames.length < MAX_NESTING) {
      const close = this.closingBrace(pos);
      if (close < 0) return this.write(asWritten);
      this.closeMath();
      this.frames.push({ kind: 'accent', mark, asWritten, before: this.out, end: this.end });
      this.accents++;
      this.out = { head: '', tail: '' };
      this.enter({ open: pos, close });
      return;
    }
    let argument: string | null = null;
    if (ch === '\\') {
      const name = /^\\([A-Za-z]+)/.exec(text.slice(pos, Math.min(pos + 20, this.end)))?.[1];
      if (name === 'i' || name === 'j') {
        this.pos += 2;
        this.skipSpaces();
        argument = name;
      }
    } else if (ch !== undefined) {
      const codePoint = String.fromCodePoint(text.codePointAt(pos) ?? 0);
      if (/\p{L}/u.test(codePoint)) {
        this.pos += codePoint.length;
        argument = codePoint;
      }
    }
    this.write(argument === null ? asWritten : (argument + mark).normalize('NFC'));
  }

  /** At the `}` of a braced argument: finishes what its command does with it. False at the text's end. */
  private closeArgument(): boolean {
    const frame = this.frames.pop();
    if (frame === undefined) return false;
    this.closeMath();
    this.pos = this.end + 1;
    this.end = frame.end;
    if (frame.kind === 'wrap') {
      this.write(frame.close);
      return true;
    }
    const argument = this.out;
    this.out = frame.before;
    if (frame.kind === 'href') {
      this.writeLink(argument, frame.url);
      return true;
    }
    this.accents--;
    // The argument's output is normalised as a whole at the very end: only its first letter needs it now.
    const head = dotlessToPlain(argument.head.normalize('NFC'));
    const codePoint = head.codePointAt(0);
    if (codePoint === undefined) {
      this.write(frame.asWritten);
      return true;
    }
    const first = String.fromCodePoint(codePoint);
    this.write((first + frame.mark).normalize('NFC') + head.slice(first.length));
    // The rest goes straight onto the tail: a long argument is not cut up again at every level of nesting.
    this.out.tail += argument.tail;
    return true;
  }

  /** An `\href`'s text, decoded, and its URL. */
  private writeLink(text: Output, url: string): void {
    // Only a text about as long as the URL can be the URL: a long one is not copied to be compared.
    const short = text.head.length + text.tail.length <= url.length + 16;
    if (short && sameLink(text.head + text.tail, url)) return this.write(url);
    this.write(text.head);
    this.out.tail += text.tail;
    this.write(` (${url})`);
  }

  /** The `}` closing the `{` at `open` within the text being decoded (as matchingBrace finds it), or -1. */
  private closingBrace(open: number): number {
    this.braces ??= new BraceMatches(this.text);
    const close = this.braces.closeOf(open) ?? matchingBrace(this.text, open);
    return close < this.end ? close : -1;
  }
}

/** Whether a link's text is its URL (or nothing), scheme, `www.` and a final slash aside. */
function sameLink(text: string, url: string): boolean {
  const bare = (link: string): string =>
    link
      .trim()
      .replace(/^https?:\/\//i, '')
      .replace(/^www\./i, '')
      .replace(/\/$/, '')
      .toLowerCase();
  return bare(text) === '' || bare(text) === bare(url);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function dotlessToPlain(text: string): string {
  return text.replace(/^ı/, 'i').replace(/^ȷ/, 'j');
}

/** Where each `{` of a text is closed, as matchingBrace would find it, found for all of them in one pass. */
class BraceMatches {
  /** The positions of the `{`s, in order, and of the `}` closing each (-1 when none does). */
  private readonly opens: Int32Array;
  private readonly closes: Int32Array;

  constructor(text: string) {
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\\') i++;
      else if (ch === '{') count++;
    }
    this.opens = new Int32Array(count);
    this.closes = new Int32Array(count).fill(-1);
    const open = new Int32Array(count);
    let depth = 0;
    let index = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\\') i++;
      else if (ch === '{') {
        this.opens[index] = i;
        open[depth++] = index++;
      } else if (ch === '}' && depth > 0) {
        this.closes[open[--depth] ?? 0] = i;
      }
    }
  }

  /** The `}` closing the `{` at `position` (-1 if none does); undefined when the scan did not take it for a `{`. */
  closeOf(position: number): number | undefined {
    let low = 0;
    let high = this.opens.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = this.opens[middle] ?? 0;
      if (at === position) return this.closes[middle];
      if (at < position) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}

/** The index of the `}` that closes the `{` at `open`, skipping escaped braces; -1 if none. */
export function matchingBrace(text: string, open: number): number {
  let depth = 0;
  // By character code: every braced value of a BibTeX file passes through here.
  for (let i = open; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5c) i++;
    else if (code === 0x7b) depth++;
    else if (code === 0x7d && --depth === 0) return i;
  }
  return -1;
}
