/**
 * The first pass of an import over a BibTeX file, in its bytes: its @string macros and how many entries it has, as
 * readBibtexBlocks counts them in its text, without decoding the whole file (the second pass does, to read its
 * entries). What the pass looks for is ASCII, which in UTF-8 is never part of another character: entries start at
 * an "@" at the start of a line, and only the pieces of the file that hold a macro, or an "@" that starts no entry,
 * are decoded and read as text. The file may be given a window at a time (BibtexFirstPassWindows): each ends where
 * the last entry that starts in it starts, so that the second pass can read the file in the same windows. Pure.
 */

import { pushAll } from '../arrays.js';
import { looksLikeBibtex } from './bibtex.js';
import { chunkBlocks } from './bibtex-reader.js';
import type { MacroDefinition } from './bibtex-macros.js';
import type { ByteSearch } from './byte-search.js';
import { decodePlainUtf8, isPlainUtf8Piece, MAX_DIGEST_BYTES, startsAsPlainUtf8 } from './decode.js';

/** What the first pass keeps of a BibTeX file. */
export interface BibtexFirstPass {
  readonly definitions: readonly MacroDefinition[];
  readonly entries: number;
}

/**
 * Where a window of a file starts: its first byte, and the line (1-based) that byte is on; null when not counted, as
 * the window holds no @string (only they are told by their line).
 */
export interface FileWindow {
  readonly from: number;
  readonly line: number | null;
}

/** What the first pass needs before it reads a window: the line breaks before it counted, from `from` on. */
export interface LinesToCount {
  readonly countFrom: number;
}

/** What the first pass over a file in windows keeps of it. */
export interface BibtexFirstPassInWindows extends BibtexFirstPass {
  /** Its windows, in order, each up to the next one's start; the last one's `from` is the file's size. */
  readonly windows: readonly FileWindow[];
  /**
   * Whether an entry may have a `crossref` (the word is in the file, in any case), when the pass was asked to look:
   * the papers of such a file are made with the whole file in hand (an entry's parent may come after it).
   */
  readonly crossref: boolean | null;
}

const AT = 0x40;
const LINE_BREAK = 0x0a;
/** How many bytes are read between two progress reports. */
const PROGRESS_EVERY = 1 << 20;

/** Whether the first pass may read a file of that name in its bytes: a .bib file. */
export function isBibtexFileName(fileName: string): boolean {
  return /\.bib(?:tex)?$/i.test(fileName);
}

/**
 * The first pass over a file given a window at a time: `start` with its first bytes, then `window` for each window,
 * from the start of the file to its end, each from where the one before was read up to; `found` at the end.
 * Whenever either answers that the file is not one it reads in its bytes (false, null), the caller decodes it and
 * reads its text instead.
 */
export class BibtexFirstPassWindows {
  readonly #fileName: string;
  readonly #search: ByteSearch;
  readonly #definitions: MacroDefinition[] = [];
  #entries = 0;
  readonly #windows: FileWindow[] = [];
  /** Null when not looked for. */
  #crossref: boolean | null;
  /** Where the next window starts. */
  #from = 0;
  /**
   * Up to where line breaks are counted, and the line there: lines are counted only as far as a window that holds a
   * @string, as a file of many megabytes has hundreds of thousands of lines.
   */
  #counted = 0;
  #countedLine = 1;
  #reported = 0;

  /** `lookForCrossref`: whether to find out if an entry may have a `crossref` (a search through every byte). */
  constructor(fileName: string, search: ByteSearch, lookForCrossref = false) {
    this.#fileName = fileName;
    this.#search = search;
    this.#crossref = lookForCrossref ? false : null;
  }

  /** Whether a file that starts with `start` (its first PLAIN_START_BYTES, or all of it) may be read. */
  start(start: Uint8Array): boolean {
    return isBibtexFileName(this.#fileName) && startsAsText(start) && startsAsPlainUtf8(start);
  }

  /**
   * Reads a window of the file, its bytes from `from` (where the last one was read up to) on, `atEnd` when they run to
   * the file's end: how many of them it read, up to where the last entry that starts in them starts (0: none starts
   * after the first; the caller gives a larger window), or all of them at the file's end; null when the file is not
   * one it reads in its bytes; LinesToCount when it needs the line breaks before the window counted first
   * (countLines), before it is given the window again.
   */
  window(
    bytes: Uint8Array,
    from: number,
    atEnd: boolean,
    onProgress: (done: number) => void,
  ): number | null | LinesToCount {
    if (from !== this.#from) throw new RangeError(`the first pass was given bytes from ${from}, not ${this.#from}`);
    if (from + bytes.length > MAX_DIGEST_BYTES) return null;
    const search = this.#search;
    const linesKnown = this.#counted === from;
    const pass = new WindowPass(bytes, search, this.#countedLine);
    let start = 0;
    /** Where the "@" of the entry that starts the chunk is; -1 when the chunk starts with none (the file's first). */
    let entry = -1;
    /** Whether the chunk has an "@" besides its entry's. */
    let other = false;
    const chunks: (readonly [start: number, end: number, entry: number, other: boolean])[] = [];
    for (let at = search.indexOf(bytes, AT, 0); at >= 0; at = search.indexOf(bytes, AT, at + 1)) {
      const line = entryLineStart(bytes, at);
      if (line >= 0 && entry < 0 && line === start && start === 0) {
        // The file's first entry starts it, or the window starts with an entry, as every window after the first.
        if (from === 0 && !pass.looksLikeBibtexAt(line)) return null;
        entry = at;
      } else if (line > start) {
        if (entry < 0 && !pass.looksLikeBibtexAt(line)) return null;
        chunks.push([start, line, entry, other]);
        start = line;
        entry = at;
        other = false;
      } else {
        other = true;
      }
    }
    if (atEnd) {
      // No entry: not what BibTeX looks like to this pass.
      if (entry < 0) return null;
      chunks.push([start, bytes.length, entry, other]);
      start = bytes.length;
    }
    const read = bytes.subarray(0, start);
    if (!isPlainUtf8Piece(read, search)) return null;
    const needsLines = chunks.some(([, , chunkEntry, chunkOther]) => pass.decodes(chunkEntry, chunkOther));
    if (needsLines && !linesKnown) return { countFrom: this.#counted };
    for (const [chunkStart, chunkEnd, chunkEntry, chunkOther] of chunks) {
      pass.chunk(chunkStart, chunkEnd, chunkEntry, chunkOther);
      if (from + chunkEnd - this.#reported >= PROGRESS_EVERY) {
        this.#reported = from + chunkEnd;
        onProgress(this.#reported);
      }
    }
    pushAll(this.#definitions, pass.definitions);
    this.#entries += pass.entries;
    if (start === 0) return 0;
    this.#windows.push({ from, line: linesKnown ? this.#countedLine : null });
    if (this.#crossref === false) this.#crossref = /crossref/i.test(search.ascii?.(read) ?? decodePlainUtf8(read));
    if (linesKnown) [this.#counted, this.#countedLine] = [from + pass.counted, pass.lineOf(pass.counted)];
    this.#from = from + start;
    if (atEnd) this.#windows.push({ from: this.#from, line: null });
    return start;
  }

  /** Counts the line breaks of `bytes`, the file's from `from` (where LinesToCount said) on. */
  countLines(bytes: Uint8Array, from: number): void {
    if (from !== this.#counted) throw new RangeError(`lines were counted from ${from}, not ${this.#counted}`);
    let breaks = 0;
    for (
      let at = this.#search.indexOf(bytes, LINE_BREAK, 0);
      at >= 0;
      at = this.#search.indexOf(bytes, LINE_BREAK, at + 1)
    ) {
      breaks++;
    }
    this.#counted += bytes.length;
    this.#countedLine += breaks;
  }

  /** What the pass found, once every window is read. */
  found(): BibtexFirstPassInWindows {
    return { definitions: this.#definitions, entries: this.#entries, windows: this.#windows, crossref: this.#crossref };
  }
}

/** Whether the file starts as no JSON does: after ASCII blank space, an ASCII character other than "[" or "{". */
function startsAsText(bytes: Uint8Array): boolean {
  let at = 0;
  while (at < bytes.length && isAsciiSpace(bytes[at] ?? 0)) at++;
  const first = bytes[at];
  return first !== undefined && first < 0x80 && first !== 0x5b && first !== 0x7b;
}

function isAsciiSpace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

/** As bibtex-reader.ts's entryLineStart, in bytes: where the line starts when the "@" at `at` starts an entry. */
function entryLineStart(bytes: Uint8Array, at: number): number {
  let line = at;
  while (line > 0 && (bytes[line - 1] === 0x20 || bytes[line - 1] === 0x09)) line--;
  if (line > 0 && bytes[line - 1] !== LINE_BREAK) return -1;
  const length = typeLength(bytes, at);
  return length > 0 && opensAfterType(bytes, at + 1 + length) ? line : -1;
}

/** How many ASCII letters follow the "@" at `at`. */
function typeLength(bytes: Uint8Array, at: number): number {
  let end = at + 1;
  while (isAsciiLetter(bytes[end] ?? 0)) end++;
  return end - at - 1;
}

/** Whether spaces and tabs, then "{" or "(", come at `from`. */
function opensAfterType(bytes: Uint8Array, from: number): boolean {
  let at = from;
  while (bytes[at] === 0x20 || bytes[at] === 0x09) at++;
  return bytes[at] === 0x7b || bytes[at] === 0x28;
}

function isAsciiLetter(byte: number): boolean {
  const lower = byte | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/** The type of the entry whose "@" is at `at`, lower-case, when it is one the reader treats apart; else null. */
function specialType(bytes: Uint8Array, at: number): 'string' | 'comment' | 'preamble' | null {
  const length = typeLength(bytes, at);
  if (length < 6 || length > 8) return null;
  let type = '';
  for (let index = at + 1; index <= at + length; index++) type += String.fromCharCode((bytes[index] ?? 0) | 0x20);
  return type === 'string' || type === 'comment' || type === 'preamble' ? type : null;
}

/** The first pass over one window of a file. */
class WindowPass {
  readonly definitions: MacroDefinition[] = [];
  entries = 0;
  /** Line breaks counted before `#counted`, for the line a macro is defined on. */
  #breaks = 0;
  #counted = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly search: ByteSearch,
    /** The line the window starts on. */
    private readonly firstLine: number,
  ) {}

  /**
   * Reads the chunk [start, end), whose entry's "@" is at `entry` (-1: none); `other`: whether it has another "@".
   * A chunk with no "@" but its entry's is that entry alone, told by its type; any other is decoded and read.
   */
  chunk(start: number, end: number, entry: number, other: boolean): void {
    if (!this.decodes(entry, other)) {
      if (entry >= 0 && specialType(this.bytes, entry) === null) this.entries++;
      return;
    }
    const text = decodePlainUtf8(this.bytes.subarray(start, end));
    for (const block of chunkBlocks(text, () => this.lineOf(start), true)) {
      if (block.kind === 'entry') this.entries++;
      else if (block.name !== null) this.definitions.push({ name: block.name, value: block.value, line: block.line });
    }
  }

  /** Whether the line starting at `line` looks like BibTeX (looksLikeBibtex), as the whole text then does. */
  looksLikeBibtexAt(line: number): boolean {
    const end = this.search.indexOf(this.bytes, LINE_BREAK, line);
    return looksLikeBibtex(decodePlainUtf8(this.bytes.subarray(line, end < 0 ? this.bytes.length : end)));
  }

  /** Whether chunk reads a chunk as text: one with an "@" besides its entry's, or a @string. */
  decodes(entry: number, other: boolean): boolean {
    return other || (entry >= 0 && specialType(this.bytes, entry) === 'string');
  }

  /** How far into the window line breaks are counted. */
  get counted(): number {
    return this.#counted;
  }

  /** The line (1-based) that byte `at` of the window is on; asked for in increasing order. */
  lineOf(at: number): number {
    for (;;) {
      const next = this.search.indexOf(this.bytes, LINE_BREAK, this.#counted);
      if (next < 0 || next >= at) return this.firstLine + this.#breaks;
      this.#breaks++;
      this.#counted = next + 1;
    }
  }
}
