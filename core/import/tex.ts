/**
 * TeX-flavoured text to plain Unicode: what BibTeX fields and arXiv metadata need decoded (accents, letters,
 * escapes, dashes, quotes, grouping braces). Pure.
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
};

/** Commands that only style their argument: the command goes, the argument stays. */
const STYLE_COMMANDS = new Set([
  'emph',
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
  'url',
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

/** Control symbols that stand for a character (or for nothing). */
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&',
  '%': '%',
  $: '$',
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
function own(record: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * What the decoder changes, besides composing accents (NFC) and dropping grouping braces: text with none of it
 * decodes to itself without its braces. Keep it in step with `step`.
 */
const TEX_SYNTAX = /[\\$~]|--|``|''/;

/**
 * Plain Unicode text from TeX-flavoured text: accents (`\"o`, `{\"o}`, `\"{o}`, `\c{c}`), letters
 * (`\ss`, `\o`), escapes (`\&`), dashes, `~` and grouping braces. Math (`$…$`) is kept verbatim and
 * unknown commands are kept as written, so nothing the reader might need disappears.
 *
 * One pass over the text, however deeply accents nest (`\"{\"{…}}`), in time linear in its length.
 */
export function decodeTex(text: string, options: TexOptions = {}): string {
  // Most text (an abstract, a name without accents, a title with {Capitals} kept) has nothing else to decode.
  if (!TEX_SYNTAX.test(text))
    return (text.includes('{') || text.includes('}') ? text.replace(/[{}]/g, '') : text).normalize('NFC');
  return new TexDecoder(text, options.tilde ?? 'space').decode();
}

/**
 * How much of the output of an accent's argument is kept apart to put the accent on: its first letter
 * with any combining marks (Unicode's stream-safe text has at most 30 in a row), and a little more.
 */
const HEAD_LENGTH = 64;

/**
 * How deeply braced accent arguments are decoded as such (`\"{\"{…}}`); deeper ones are left as written,
 * their braces as grouping. No text nests accents like this: the bound keeps the memory of a hostile one in check.
 */
const MAX_ACCENT_NESTING = 100_000;

/**
 * The decoder's output, kept as a short head and the rest: an accent goes on the first letter of its
 * argument's output, which is then found in the head alone, without copying the rest.
 */
interface Output {
  head: string;
  tail: string;
}

/** A braced accent argument (`\"{…}`) being decoded: where the text around it stands. */
interface AccentFrame {
  readonly mark: string;
  readonly asWritten: string;
  /** The output before the argument. */
  readonly before: Output;
  /** Where the text around the argument ends. */
  readonly end: number;
}

class TexDecoder {
  private pos = 0;
  /** Where the text being decoded ends: the whole text's end, or the `}` of the accent argument being decoded. */
  private end: number;
  private out: Output = { head: '', tail: '' };
  private readonly frames: AccentFrame[] = [];
  private braces: BraceMatches | null = null;
  /** The last search for the end of math, for each delimiter: a search from later on that finds the same is not done again. */
  private readonly mathEnds = new Map<string, { readonly from: number; readonly found: number }>();

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
    return (this.out.head + this.out.tail).normalize('NFC');
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
    if (ch === '$') return this.math();
    if (ch === 'h' || ch === 'H') {
      const url = urlAt(text, pos);
      if (url !== null) return this.emit(unescapeUrl(url), url.length);
    }
    // An accent's argument is decoded with `~` as a space, whatever the text around it does.
    if (ch === '~' && (this.tilde === 'space' || this.frames.length > 0)) return this.emit(' ', 1);
    if (text.startsWith('---', pos)) return this.emit('—', 3);
    if (text.startsWith('--', pos)) return this.emit('–', 2);
    if (text.startsWith('``', pos)) return this.emit('“', 2);
    if (text.startsWith("''", pos)) return this.emit('”', 2);
    this.emit(ch, 1);
  }

  private emit(value: string, consumed: number): void {
    this.write(value);
    this.pos += consumed;
  }

  /** Appends to the output: to the head while it is short, and only to the tail once the tail has begun. */
  private write(value: string): void {
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

  private math(): void {
    const delimiter = this.text.startsWith('$$', this.pos) && this.pos + 1 < this.end ? '$$' : '$';
    const end = this.mathEnd(delimiter, this.pos + delimiter.length);
    if (end < 0 || end + delimiter.length > this.end) return this.emit('$', 1);
    const span = this.text.slice(this.pos, end + delimiter.length);
    this.emit(span, span.length);
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
    const mark = own(ACCENT_MARKS, next);
    if (mark !== undefined && !/[A-Za-z]/.test(next)) {
      this.pos += 2;
      return this.accent(mark, next);
    }
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
    if (STYLE_COMMANDS.has(name)) {
      this.skipSpaces();
      return;
    }
    this.write(`\\${name}`);
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
    if (ch === '{' && this.frames.length < MAX_ACCENT_NESTING) {
      const close = this.closingBrace(pos);
      if (close < 0) return this.write(asWritten);
      this.frames.push({ mark, asWritten, before: this.out, end: this.end });
      this.out = { head: '', tail: '' };
      this.end = close;
      this.pos = pos + 1;
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

  /** At the `}` of a braced accent argument: puts the accent on the argument's output. False at the text's end. */
  private closeArgument(): boolean {
    const frame = this.frames.pop();
    if (frame === undefined) return false;
    const argument = this.out;
    this.out = frame.before;
    this.pos = this.end + 1;
    this.end = frame.end;
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

  /** The `}` closing the `{` at `open` within the text being decoded (as matchingBrace finds it), or -1. */
  private closingBrace(open: number): number {
    this.braces ??= new BraceMatches(this.text);
    const close = this.braces.closeOf(open) ?? matchingBrace(this.text, open);
    return close < this.end ? close : -1;
  }
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
