/** Small text helpers every digest parser shares: whitespace, TeX, URLs, links, dates. */

import { normalizeArxivId } from '../identity.js';
import { DigestError } from './types.js';

// ---------------------------------------------------------------- whitespace

export function normalizeLineEndings(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Runs of any whitespace (line breaks included) become one space; the ends are trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

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

// ---------------------------------------------------------------- JSON

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message.replace(/[\s\p{Cc}]+/gu, ' ')})` : '';
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

/**
 * Plain Unicode text from TeX-flavoured text: accents (`\"o`, `{\"o}`, `\"{o}`, `\c{c}`), letters
 * (`\ss`, `\o`), escapes (`\&`), dashes, `~` and grouping braces. Math (`$…$`) is kept verbatim and
 * unknown commands are kept as written, so nothing the reader might need disappears.
 */
export function decodeTex(text: string, options: TexOptions = {}): string {
  return new TexDecoder(text, options.tilde ?? 'space').decode();
}

class TexDecoder {
  private pos = 0;
  private out = '';

  constructor(
    private readonly text: string,
    private readonly tilde: 'space' | 'keep',
  ) {}

  decode(): string {
    while (this.pos < this.text.length) this.step();
    return this.out.normalize('NFC');
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
    if (ch === '~' && this.tilde === 'space') return this.emit(' ', 1);
    if (text.startsWith('---', pos)) return this.emit('—', 3);
    if (text.startsWith('--', pos)) return this.emit('–', 2);
    if (text.startsWith('``', pos)) return this.emit('“', 2);
    if (text.startsWith("''", pos)) return this.emit('”', 2);
    this.emit(ch, 1);
  }

  private emit(value: string, consumed: number): void {
    this.out += value;
    this.pos += consumed;
  }

  private math(): void {
    const delimiter = this.text.startsWith('$$', this.pos) ? '$$' : '$';
    let end = this.text.indexOf(delimiter, this.pos + delimiter.length);
    while (end > 0 && this.text[end - 1] === '\\') end = this.text.indexOf(delimiter, end + 1);
    if (end < 0) return this.emit('$', 1);
    const span = this.text.slice(this.pos, end + delimiter.length);
    this.emit(span, span.length);
  }

  private command(): void {
    const next = this.text[this.pos + 1];
    if (next === undefined) return this.emit('\\', 1);
    const mark = ACCENT_MARKS[next];
    if (mark !== undefined && !/[A-Za-z]/.test(next)) {
      this.pos += 2;
      return this.accent(mark, next);
    }
    const escape = ESCAPES[next];
    if (escape !== undefined) return this.emit(escape, 2);
    const name = /^[A-Za-z]+/.exec(this.text.slice(this.pos + 1, this.pos + 40))?.[0];
    if (name === undefined) return this.emit(`\\${next}`, 2);
    this.pos += 1 + name.length;
    const letterMark = ACCENT_MARKS[name];
    if (letterMark !== undefined) return this.accent(letterMark, `\\${name}`);
    const symbol = SYMBOLS[name];
    if (symbol !== undefined) {
      this.skipSpaces();
      this.out += symbol;
      return;
    }
    if (STYLE_COMMANDS.has(name)) {
      this.skipSpaces();
      return;
    }
    this.out += `\\${name}`;
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  /** Applies a combining mark to the accent's argument: `o`, `{o}`, `{\i}`, `\i`. */
  private accent(mark: string, asWritten: string): void {
    this.skipSpaces();
    const argument = this.accentArgument();
    if (argument === null) {
      this.out += asWritten;
      return;
    }
    const codePoint = argument.codePointAt(0);
    if (codePoint === undefined) {
      this.out += asWritten;
      return;
    }
    const first = String.fromCodePoint(codePoint);
    this.out += (first + mark).normalize('NFC') + argument.slice(first.length);
  }

  private accentArgument(): string | null {
    const { text, pos } = this;
    const ch = text[pos];
    if (ch === undefined) return null;
    if (ch === '{') {
      const end = matchingBrace(text, pos);
      if (end < 0) return null;
      this.pos = end + 1;
      return dotlessToPlain(decodeTex(text.slice(pos + 1, end)));
    }
    if (ch === '\\') {
      const name = /^\\([A-Za-z]+)/.exec(text.slice(pos, pos + 20))?.[1];
      if (name === 'i' || name === 'j') {
        this.pos += 2;
        this.skipSpaces();
        return name;
      }
      return null;
    }
    const codePoint = String.fromCodePoint(text.codePointAt(pos) ?? 0);
    if (!/\p{L}/u.test(codePoint)) return null;
    this.pos += codePoint.length;
    return codePoint;
  }
}

function dotlessToPlain(text: string): string {
  return text.replace(/^ı/, 'i').replace(/^ȷ/, 'j');
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

/** The URL (as written, sentence punctuation excluded) that starts at `pos`, or null. */
function urlAt(text: string, pos: number): string | null {
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

function trimUrl(url: string): string {
  let trimmed = url;
  for (;;) {
    const last = trimmed.at(-1) ?? '';
    const unbalanced =
      (last === ')' && count(trimmed, '(') < count(trimmed, ')')) ||
      (last === ']' && count(trimmed, '[') < count(trimmed, ']'));
    if (!TRAILING_PUNCTUATION.has(last) && !unbalanced) return trimmed;
    trimmed = trimmed.slice(0, -1);
  }
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
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
 * A paper's links: its arXiv page first, then the others in order, without duplicates. Two links
 * are the same when they name the same arXiv paper or DOI, or differ only in scheme or a trailing "/".
 */
export function paperLinks(arxivId: string | null, urls: readonly (string | null)[]): readonly string[] {
  const seen = new Set<string>();
  const links: string[] = [];
  for (const url of [arxivId === null ? null : arxivAbsUrl(arxivId), ...urls]) {
    if (url === null) continue;
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
  if (year < 1000 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
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
