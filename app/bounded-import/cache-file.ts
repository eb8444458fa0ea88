/**
 * A synced folder's `library.json` (app/sync/derived-catalogue.ts) read a window at a time: the digests of its second
 * line, then each paper's text, where it is in the file, and the paper. What an import into a library with papers
 * merges onto (shelved-import.ts) without holding them: the file is kept open, so that it can be read back by place
 * while a new one is written in its stead.
 */

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

import type { CataloguePaper, Digest } from '../../core/model.js';
import { sameStamp, stampOfStats, type FileStamp } from '../store/file-stamp.js';

/** Bytes read at a time while the file is read through, and when a paper is read back by place. */
const WINDOW_BYTES = 1024 * 1024;
const READ_BACK_BYTES = 256 * 1024;

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const DIGESTS_START = Buffer.from('"digests":[');
const PAPERS_START = Buffer.from(',"papers":[');

/** Where a paper's text is in the file. */
export interface CachedText {
  readonly start: number;
  readonly length: number;
}

export class CacheFile {
  readonly stamp: FileStamp;
  readonly #fd: number;
  #window = Buffer.allocUnsafe(WINDOW_BYTES);
  #from = 0;
  #length = 0;
  /** Where the papers' list begins, once the digests are read. */
  #papersFrom = -1;

  /** Opens `file`; throws as opening it does. */
  constructor(file: string) {
    this.#fd = openSync(file, 'r');
    try {
      this.stamp = stampOfStats(fstatSync(this.#fd));
    } catch (error) {
      closeSync(this.#fd);
      throw error;
    }
  }

  /** The digests of its second line; null when the file is not laid out as a cache with a head line. */
  digests(): Digest[] | null {
    const head = this.#lineEnd(0);
    if (head === -1) return null;
    const start = head + 1;
    if (!this.#startsWith(start, DIGESTS_START)) return null;
    const end = this.#valueEnd(start + DIGESTS_START.length - 1);
    if (end === -1 || !this.#startsWith(end, PAPERS_START)) return null;
    const digests = this.#json(start + DIGESTS_START.length - 1, end);
    if (!Array.isArray(digests)) return null;
    this.#papersFrom = end + PAPERS_START.length;
    // A long list of digests made the window as long: the papers are read in a window of the usual size.
    if (this.#window.length > WINDOW_BYTES)
      [this.#window, this.#from, this.#length] = [Buffer.allocUnsafe(WINDOW_BYTES), 0, 0];
    return digests as Digest[];
  }

  /**
   * Where each of its papers' texts is, in order (each in the window while it is the one given: paper() and
   * mentions() read it there); a SyntaxError where the file is not a list of objects to its end (cut short, changed
   * by hand). Only after digests().
   */
  *papers(): Generator<CachedText, void, undefined> {
    let at = this.#papersFrom;
    if (at === -1) throw new Error("a cache's papers were read before its digests");
    if (this.#byte(at) === CLOSE_BRACKET) return this.#checkEnd(at + 1);
    for (;;) {
      if (this.#byte(at) !== OPEN_BRACE) throw new SyntaxError('library.json: a paper was expected');
      const end = this.#valueEnd(at);
      if (end === -1) throw new SyntaxError('library.json ends inside a paper');
      yield { start: at, length: end - at };
      const next = this.#byte(end);
      if (next === CLOSE_BRACKET) return this.#checkEnd(end + 1);
      if (next !== COMMA) throw new SyntaxError('library.json: a comma or the end of the papers was expected');
      at = end + 1;
    }
  }

  /** The paper whose text is `length` bytes at `start`; a SyntaxError where it is not JSON. */
  paper(start: number, length: number): CataloguePaper {
    return this.#json(start, start + length) as CataloguePaper;
  }

  /** Whether the `length` bytes at `start` hold `bytes`. */
  mentions(start: number, length: number, bytes: Uint8Array): boolean {
    return this.bytes(start, length).indexOf(bytes) !== -1;
  }

  /** `length` bytes from `start`: a view, valid until the file is read again. */
  bytes(start: number, length: number): Buffer {
    if (!this.#has(start, length, READ_BACK_BYTES)) throw new Error('library.json was cut short while it was read');
    return this.#window.subarray(start - this.#from, start - this.#from + length);
  }

  close(): void {
    closeSync(this.#fd);
  }

  #checkEnd(at: number): void {
    if (this.#byte(at) !== CLOSE_BRACE) throw new SyntaxError('library.json does not end as a cache does');
    const after = this.#byte(at + 1);
    if (after !== -1 && !(after === NEWLINE && this.#byte(at + 2) === -1)) {
      throw new SyntaxError('library.json goes on past its end');
    }
  }

  #json(start: number, end: number): unknown {
    if (!this.#has(start, end - start)) throw new SyntaxError('library.json was cut short');
    return JSON.parse(this.#window.toString('utf8', start - this.#from, end - this.#from));
  }

  #startsWith(at: number, bytes: Buffer): boolean {
    return (
      this.#has(at, bytes.length) &&
      this.#window.compare(bytes, 0, bytes.length, at - this.#from, at - this.#from + bytes.length) === 0
    );
  }

  /** The byte at `at`, or -1 past the file's end. */
  #byte(at: number): number {
    return this.#has(at, 1) ? (this.#window[at - this.#from] ?? -1) : -1;
  }

  /** Where the line with `at` ends (its newline), or -1. */
  #lineEnd(at: number): number {
    for (let from = at; this.#has(from, 1);) {
      const newline = this.#window.indexOf(NEWLINE, from - this.#from);
      if (newline !== -1) return this.#from + newline;
      from = this.#from + this.#length;
    }
    return -1;
  }

  /**
   * Where the JSON object or array that begins at `start` ends (just past its closing bracket), or -1 when the file
   * ends first. Strings are stepped over a quote at a time; brackets in them do not count.
   */
  #valueEnd(start: number): number {
    if (!this.#has(start, 1)) return -1;
    for (;;) {
      const end = this.#valueEndInWindow(start);
      if (end !== -1) return end;
      // The window ends inside the value: unless the file does, read it again from the value's start, twice as much.
      if (this.#from + this.#length >= this.stamp.size) return -1;
      this.#fill(start, Math.max(WINDOW_BYTES, 2 * (this.#from + this.#length - start)));
    }
  }

  #valueEndInWindow(start: number): number {
    const window = this.#window;
    const last = this.#length;
    let depth = 0;
    for (let at = start - this.#from; at < last; at++) {
      const byte = window[at];
      if (byte === QUOTE) {
        let close = window.indexOf(QUOTE, at + 1);
        while (close !== -1 && close < last && escaped(window, close)) close = window.indexOf(QUOTE, close + 1);
        if (close === -1 || close >= last) return -1;
        at = close;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth += 1;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        depth -= 1;
        if (depth === 0) return this.#from + at + 1;
      }
    }
    return -1;
  }

  /** Whether the window holds [start, start + length), read there if it does not: false where the file ends first. */
  #has(start: number, length: number, size = WINDOW_BYTES): boolean {
    if (start >= this.#from && start + length <= this.#from + this.#length) return true;
    this.#fill(start, Math.max(size, length));
    return this.#length >= length;
  }

  /** Reads the window again from `start`, at least `size` bytes long (fewer where the file ends). */
  #fill(start: number, size: number): void {
    if (size > this.#window.length) this.#window = Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      const read = readSync(this.#fd, this.#window, done, size - done, start + done);
      if (read === 0) break;
      done += read;
    }
    [this.#from, this.#length] = [start, done];
  }
}

/** Whether the quote at `at` is escaped: an odd number of backslashes before it. */
function escaped(bytes: Buffer, at: number): boolean {
  let backslashes = 0;
  while (at - backslashes - 1 >= 0 && bytes[at - backslashes - 1] === BACKSLASH) backslashes += 1;
  return backslashes % 2 === 1;
}

/** The digests of the cache at `file`, when it still has `stamp` and is laid out as a cache; else null. */
export function readCacheDigests(file: string, stamp: FileStamp): Digest[] | null {
  let cache: CacheFile;
  try {
    cache = new CacheFile(file);
  } catch {
    return null;
  }
  try {
    return sameStamp(cache.stamp, stamp) ? cache.digests() : null;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  } finally {
    cache.close();
  }
}
