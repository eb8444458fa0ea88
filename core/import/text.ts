/** Small text helpers every digest parser shares: whitespace, TeX, URLs, links, dates. */

import { normalizeArxivId } from '../identity.js';
import { isHttpLink } from '../links.js';
import { DigestError } from './types.js';

// ---------------------------------------------------------------- whitespace

export function normalizeLineEndings(text: string): string {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

/** Runs of any whitespace (line breaks included) become one space; the ends are trimmed. */
export function collapseWhitespace(text: string): string {
  // Most text has single spaces only: testing is much cheaper than replacing, on an import's megabytes.
  return NEEDS_COLLAPSING.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** Any whitespace but a plain space, or two spaces in a row. */
const NEEDS_COLLAPSING = /[^\S ]| {2}/;

/** Paragraphs (separated by blank lines) with their inner whitespace collapsed, joined by a blank line. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs
    .map(collapseWhitespace)
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

export function splitParagraphs(text: string): readonly string[] {
  return text.split(/\n[ \t]*\n/);
}

export function uniqueInOrder(items: readonly string[]): readonly string[] {
  return [...new Set(items)];
}

/** "refs.bib" from "/home/ada/refs.bib" or "C:\\Users\\ada\\refs.bib". */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

// ---------------------------------------------------------------- messages

/** What must not reach a terminal as it is: controls, line and paragraph separators, bidi and other format characters. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const HAS_UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** How many characters of the file's own text a message quotes. */
const MAX_QUOTED_LENGTH = 60;

/**
 * The file's own text (an entry key, a paper id) as a message may quote it: at most `max` characters
 * ("…" for the rest), and every control, line-break or bidi character shown as an escape (`\x1b`, `\u202e`),
 * so that the message stays one line that cannot reorder or restyle the text around it.
 */
export function quoteForMessage(text: string, max = MAX_QUOTED_LENGTH): string {
  if (text.length <= max && !HAS_UNPRINTABLE.test(text)) return text;
  const characters = Array.from(text.slice(0, 2 * max + 2));
  const shown = characters.length > max || text.length > 2 * max + 2 ? `${characters.slice(0, max).join('')}…` : text;
  return shown.replace(UNPRINTABLE, escapeCharacter);
}

/** `\x1b` for ESC, `\u202e` for RIGHT-TO-LEFT OVERRIDE: a character shown as an escape, visible and harmless. */
export function escapeCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const hex = code.toString(16).padStart(code < 0x100 ? 2 : 4, '0');
  return code < 0x100 ? `\\x${hex}` : `\\u${hex}`;
}

// ---------------------------------------------------------------- JSON

/** JSON a caller has parsed already (format detection does), so that a large file is parsed once. */
export interface ParsedJson {
  readonly value: unknown;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail =
      error instanceof Error ? ` (${quoteForMessage(error.message.replace(/[\s\p{Cc}]+/gu, ' '), 300)})` : '';
    throw new DigestError(`it is not valid JSON${detail}`);
  }
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The trimmed string, or null when the value is not a string or holds only whitespace. */
export function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

// ---------------------------------------------------------------- TeX

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
 * Plain Unicode text from TeX-flavoured text: accents (`\"o`, `{\"o}`, `\"{o}`, `\c{c}`), letters
 * (`\ss`, `\o`), escapes (`\&`), dashes, `~` and grouping braces. Math (`$…$`) is kept verbatim and
 * unknown commands are kept as written, so nothing the reader might need disappears.
 *
 * One pass over the text, however deeply accents nest (`\"{\"{…}}`), in time linear in its length.
 */
export function decodeTex(text: string, options: TexOptions = {}): string {
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
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

// ---------------------------------------------------------------- URLs and links

const URL_SOURCE = String.raw`https?:\/\/[^\s<>"{}|^\`\u3000-\u303f\uff00-\uffef]+`;
const URL_PATTERN = new RegExp(URL_SOURCE, 'gi');
const URL_AT = new RegExp(URL_SOURCE, 'iy');
/** How every URL isUrl accepts starts; trimUrl never takes that letter or digit off. */
const URL_START = /https?:\/\/[\p{L}\p{N}]/iuy;
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '\\']);

/** Every http(s) URL in the text, in order, without the punctuation of the sentence around it. */
export function extractUrls(text: string): readonly string[] {
  const urls: string[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = unescapeUrl(trimUrl(match[0]));
    if (isUrl(url)) urls.push(url);
  }
  return urls;
}

/**
 * The URL (as written, sentence punctuation excluded) that starts at `pos`, or null. Its start is checked
 * first: matching on to the end of a URL that isUrl then refuses would take quadratic time in a run like
 * "http://)http://)…", where the decoder tries again at every "h".
 */
function urlAt(text: string, pos: number): string | null {
  URL_START.lastIndex = pos;
  if (!URL_START.test(text)) return null;
  URL_AT.lastIndex = pos;
  const match = URL_AT.exec(text);
  const url = match === null ? null : trimUrl(match[0]);
  return url !== null && isUrl(url) ? url : null;
}

function isUrl(text: string): boolean {
  return /^https?:\/\/[\p{L}\p{N}]/iu.test(text);
}

/** TeX sources escape a few URL characters: `\_`, `\%`, `\#`, `\&`. */
function unescapeUrl(url: string): string {
  return url.replace(/\\([_%#&$])/g, '$1');
}

/**
 * The URL without the sentence punctuation after it, nor closing brackets that close nothing in it
 * ("(see https://example.org/a_(b))." keeps one ")"). The brackets are counted once, then kept count of
 * as the end is trimmed: linear in the URL, however many brackets follow it.
 */
function trimUrl(url: string): string {
  let openParens = 0;
  let closeParens = 0;
  let openBrackets = 0;
  let closeBrackets = 0;
  for (const ch of url) {
    if (ch === '(') openParens++;
    else if (ch === ')') closeParens++;
    else if (ch === '[') openBrackets++;
    else if (ch === ']') closeBrackets++;
  }
  let end = url.length;
  for (;;) {
    const last = url[end - 1] ?? '';
    if (last === ')' && openParens < closeParens) closeParens--;
    else if (last === ']' && openBrackets < closeBrackets) closeBrackets--;
    else if (!TRAILING_PUNCTUATION.has(last)) return url.slice(0, end);
    end--;
  }
}

export function arxivAbsUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${arxivId}`;
}

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}

/** A DOI ("10.1234/abc") from a bare DOI, "doi:…" or a doi.org URL; null when it is not one. */
export function normalizeDoi(raw: string): string | null {
  const doi = raw
    .trim()
    .replace(/\\([_%#&])/g, '$1')
    .replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '');
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : null;
}

/**
 * A paper's links: its arXiv page first, then the others in order, without duplicates, and only links Shelfmark
 * keeps (core/links.ts). Two links are the same when they name the same arXiv paper or DOI, or differ only in
 * scheme or a trailing "/".
 */
export function paperLinks(arxivId: string | null, urls: readonly (string | null)[]): readonly string[] {
  const seen = new Set<string>();
  const links: string[] = [];
  for (const url of [arxivId === null ? null : arxivAbsUrl(arxivId), ...urls]) {
    if (url === null || !isHttpLink(url)) continue;
    const key = linkKey(url);
    if (seen.has(key)) continue;
    seen.add(key);
    links.push(url);
  }
  return links;
}

function linkKey(url: string): string {
  if (/^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i.test(url)) {
    const id = normalizeArxivId(url);
    if (id !== null) return `arxiv:${id}`;
  }
  const doi = /^https?:\/\/(?:dx\.)?doi\.org\/(.+)$/i.exec(url)?.[1];
  if (doi !== undefined) return `doi:${doi.toLowerCase()}`;
  return url.replace(/^https?:\/\/([^/?#]+)/i, (_, host: string) => `//${host.toLowerCase()}`).replace(/\/+$/, '');
}

/** The year an arXiv id was first submitted in: "2403.01234" → 2024, "hep-th/9901001" → 1999. */
export function arxivIdYear(arxivId: string): number | null {
  const yy = /^(\d{2})\d{2}\./.exec(arxivId)?.[1] ?? /\/(\d{2})\d{5}$/.exec(arxivId)?.[1];
  if (yy === undefined) return null;
  const year = Number(yy);
  return year >= 91 ? 1900 + year : 2000 + year;
}

// ---------------------------------------------------------------- dates

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** 1–12 for a month name or abbreviation of at least three letters ("Mar", "march", "Sept."). */
export function monthNumber(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, '');
  if (key.length < 3) return null;
  const index = MONTH_NAMES.findIndex((month) => month.toLowerCase().startsWith(key));
  return index < 0 ? null : index + 1;
}

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}

/** "2024-03-04", or null when there is no such day. */
export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || year > 9999 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "Mar 11", or "Mar 11, 2025" when the year is given. */
export function shortDate(month: number, day: number, year?: number): string {
  const text = `${monthName(month).slice(0, 3)} ${day}`;
  return year === undefined ? text : `${text}, ${year}`;
}

/** "Mar 11, 2025" for "2025-03-11". */
export function isoDateLabel(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return shortDate(month, day, year);
}

/** The latest month/day that is not after `now` (an ISO time): the year a "Mar 11" line means. */
export function latestDateNotAfter(month: number, day: number, now: string): string | null {
  const today = /^(\d{4})-\d{2}-\d{2}/.exec(now);
  if (today?.[1] === undefined) return null;
  const thisYear = Number(today[1]);
  for (let year = thisYear; year > thisYear - 8; year--) {
    const date = isoDate(year, month, day);
    if (date !== null && date <= today[0]) return date;
  }
  return null;
}
