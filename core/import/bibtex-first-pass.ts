/**
 * The first pass of an import over a BibTeX file, in its bytes: its @string macros and how many entries it has, as
 * readBibtexBlocks counts them in its text, without decoding the whole file (the second pass does, to read its
 * entries). What the pass looks for is ASCII, which in UTF-8 is never part of another character: entries start at
 * an "@" at the start of a line, and only the pieces of the file that hold a macro, or an "@" that starts no entry,
 * are decoded and read as text. Pure.
 */

import { looksLikeBibtex } from './bibtex.js';
import { chunkBlocks } from './bibtex-reader.js';
import type { MacroDefinition } from './bibtex-macros.js';
import type { ByteSearch } from './byte-search.js';
import { isPlainUtf8 } from './decode.js';

/** What the first pass keeps of a BibTeX file. */
export interface BibtexFirstPass {
  readonly definitions: readonly MacroDefinition[];
  readonly entries: number;
}

const AT = 0x40;
const LINE_BREAK = 0x0a;
/** How many bytes are read between two progress reports. */
const PROGRESS_EVERY = 1 << 20;

const DECODER = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The first pass over a file named `fileName` when it is a BibTeX file whose bytes are their text as is
 * (decode.ts, isPlainUtf8), and it looks like BibTeX where it starts its first entry; else null, and the caller
 * decodes it and reads its text. `onProgress` is told how many bytes have been read, now and then.
 */
export function bibtexFirstPass(
  bytes: Uint8Array,
  fileName: string,
  search: ByteSearch,
  onProgress: (done: number) => void,
): BibtexFirstPass | null {
  if (!/\.bib(?:tex)?$/i.test(fileName) || !startsAsText(bytes) || !isPlainUtf8(bytes, search)) return null;
  const pass = new FirstPass(bytes, search);
  let start = 0;
  /** Where the "@" of the entry that starts the chunk is; -1 when the chunk starts with none (the file's first). */
  let entry = -1;
  /** Whether the chunk has an "@" besides its entry's. */
  let other = false;
  let reported = 0;
  for (let at = search.indexOf(bytes, AT, 0); at >= 0; at = search.indexOf(bytes, AT, at + 1)) {
    const line = entryLineStart(bytes, at);
    if (line >= 0 && entry < 0 && line === start && start === 0) {
      if (!pass.looksLikeBibtexAt(line)) return null;
      entry = at;
    } else if (line > start) {
      if (entry < 0 && !pass.looksLikeBibtexAt(line)) return null;
      pass.chunk(start, line, entry, other);
      start = line;
      entry = at;
      other = false;
      if (line - reported >= PROGRESS_EVERY) {
        reported = line;
        onProgress(line);
      }
    } else {
      other = true;
    }
  }
  // No entry: not what BibTeX looks like to this pass.
  if (entry < 0) return null;
  pass.chunk(start, bytes.length, entry, other);
  return { definitions: pass.definitions, entries: pass.entries };
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

class FirstPass {
  readonly definitions: MacroDefinition[] = [];
  entries = 0;
  /** Line breaks counted before `#counted`, for the line a macro is defined on. */
  #breaks = 0;
  #counted = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly search: ByteSearch,
  ) {}

  /**
   * Reads the chunk [start, end), whose entry's "@" is at `entry` (-1: none); `other`: whether it has another "@".
   * A chunk with no "@" but its entry's is that entry alone, told by its type; any other is decoded and read.
   */
  chunk(start: number, end: number, entry: number, other: boolean): void {
    if (!other) {
      if (entry < 0) return;
      const type = specialType(this.bytes, entry);
      if (type === null) this.entries++;
      if (type !== 'string') return;
    }
    const text = DECODER.decode(this.bytes.subarray(start, end));
    for (const block of chunkBlocks(text, () => this.#lineOf(start), true)) {
      if (block.kind === 'entry') this.entries++;
      else if (block.name !== null) this.definitions.push({ name: block.name, value: block.value, line: block.line });
    }
  }

  /** Whether the line starting at `line` looks like BibTeX (looksLikeBibtex), as the whole text then does. */
  looksLikeBibtexAt(line: number): boolean {
    const end = this.search.indexOf(this.bytes, LINE_BREAK, line);
    return looksLikeBibtex(DECODER.decode(this.bytes.subarray(line, end < 0 ? this.bytes.length : end)));
  }

  /** The line (1-based) that byte `at` is on; asked for in increasing order. */
  #lineOf(at: number): number {
    for (;;) {
      const next = this.search.indexOf(this.bytes, LINE_BREAK, this.#counted);
      if (next < 0 || next >= at) return this.#breaks + 1;
      this.#breaks++;
      this.#counted = next + 1;
    }
  }
}
