/**
 * The outline saved beside a library's cache (app/store/outline-file.ts), read a line at a time: what an index of its
 * papers needs (ids, titles, arXiv ids, DOIs) parsed, and any line to be copied as it is. An import onto the cache
 * (shelved-import.ts) then reads no paper of the cache to index it, and writes the new outline's lines of papers it
 * left as they were from this one's. Used only while it names the cache's stamp: it was made from that very file.
 */

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

import { OUTLINE_COLUMNS, type OutlineColumns } from '../../core/outline.js';
import type { PaperIdentity } from '../../core/paper-index.js';
import { sameStamp, type FileStamp } from '../store/file-stamp.js';
import { OUTLINE_PAPERS_PER_LINE } from '../store/outline-file.js';
import { decode, OUTLINE_COLUMN_CHECKS, OUTLINE_HEADER_FORMAT } from '../store/schema.js';

const READ_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

/** The columns an index of the papers needs. */
const NAMING = ['id', 'title', 'arxivId', 'doi'] as const satisfies readonly (keyof OutlineColumns)[];

export class SavedOutline {
  /** How many papers it outlines. */
  readonly papers: number;
  readonly #fd: number;
  /** Where each line starts; the last, where the file ends. */
  readonly #lines: readonly number[];

  private constructor(fd: number, papers: number, lines: readonly number[]) {
    this.#fd = fd;
    this.papers = papers;
    this.#lines = lines;
  }

  /** The outline at `file` when it was made from the cache with `stamp` and is whole; else null. */
  static open(file: string, stamp: FileStamp): SavedOutline | null {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return null;
    }
    try {
      const lines = lineStarts(fd, fstatSync(fd).size);
      const header = decode(parsed(readAt(fd, lines[0] ?? 0, (lines[1] ?? 0) - 1)), OUTLINE_HEADER_FORMAT);
      if (!header.ok || !sameStamp(header.value.catalogue, stamp)) return close(fd);
      const { papers } = header.value;
      const perColumn = Math.ceil(papers / OUTLINE_PAPERS_PER_LINE);
      // A header, each column's lines, and nothing after.
      if (lines.length !== 2 + perColumn * OUTLINE_COLUMNS.length) return close(fd);
      return new SavedOutline(fd, papers, lines);
    } catch (error) {
      closeSync(fd);
      if (error instanceof Error && 'syscall' in error) return null;
      throw error;
    }
  }

  /**
   * What names each paper and its title, in order, read a line of each column at a time; a SyntaxError where a line
   * is not what the outline file holds.
   */
  *identities(): Generator<PaperIdentity, void, undefined> {
    for (let line = 0; line * OUTLINE_PAPERS_PER_LINE < this.papers; line++) {
      const [id = [], title = [], arxivId = [], doi = []] = NAMING.map((name) => this.#values(name, line));
      for (const [at, paper] of id.entries()) {
        yield {
          id: paper as string,
          title: title[at] as string,
          arxivId: arxivId[at] as string | null,
          doi: doi[at] as string | null,
        };
      }
    }
  }

  /** The values of line `line` of column `name`, each checked as the outline file's reader checks them. */
  #values(name: keyof OutlineColumns, line: number): unknown[] {
    const value = parsed(`[${this.line(OUTLINE_COLUMNS.indexOf(name), line).toString('utf8')}]`);
    const length = Math.min(OUTLINE_PAPERS_PER_LINE, this.papers - line * OUTLINE_PAPERS_PER_LINE);
    const check: (value: unknown) => boolean = OUTLINE_COLUMN_CHECKS[name];
    if (!Array.isArray(value) || value.length !== length || !value.every(check)) {
      throw new SyntaxError(`the saved outline's ${name} column is not as it writes it`);
    }
    return value;
  }

  /** Line `line` of column `column` (OUTLINE_COLUMNS's order): its values' texts between commas, as UTF-8. */
  line(column: number, line: number): Buffer {
    const at = 1 + column * Math.ceil(this.papers / OUTLINE_PAPERS_PER_LINE) + line;
    const start = this.#lines[at];
    const next = this.#lines[at + 1];
    if (start === undefined || next === undefined) throw new RangeError('an outline line past its end');
    // Without its brackets and newline.
    return readAt(this.#fd, start + 1, next - 2);
  }

  close(): void {
    closeSync(this.#fd);
  }
}

function close(fd: number): null {
  closeSync(fd);
  return null;
}

function parsed(text: Buffer | string): unknown {
  try {
    return JSON.parse(text.toString());
  } catch {
    return undefined;
  }
}

/** Where each line of the file starts, and where it ends (a line ends with its newline). */
function lineStarts(fd: number, size: number): number[] {
  const starts = [0];
  const buffer = Buffer.allocUnsafe(READ_BYTES);
  for (let position = 0; position < size;) {
    const read = readSync(fd, buffer, 0, buffer.length, position);
    if (read === 0) break;
    for (let at = buffer.indexOf(NEWLINE); at !== -1 && at < read; at = buffer.indexOf(NEWLINE, at + 1)) {
      starts.push(position + at + 1);
    }
    position += read;
  }
  if (starts.at(-1) !== size) starts.push(size);
  return starts;
}

/** The bytes from `start` to `end`. */
function readAt(fd: number, start: number, end: number): Buffer {
  const buffer = Buffer.allocUnsafe(Math.max(0, end - start));
  let done = 0;
  while (done < buffer.length) {
    const read = readSync(fd, buffer, done, buffer.length - done, start + done);
    if (read === 0) throw new RangeError('the outline file was cut short');
    done += read;
  }
  return buffer;
}
