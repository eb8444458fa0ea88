/**
 * The catalogue's outline (core/outline.ts), kept beside it so that a large library's list can show before its
 * catalogue is read: a fifth of the catalogue's size. It is derived data and says which catalogue file it was made
 * from (its stamp); it is used only while that is still the catalogue on disk. Missing, stale, unreadable or of
 * another version, it is ignored and made again, so it is written atomically but without waiting for the disk.
 *
 * JSON lines: a header, then each column in OUTLINE_COLUMNS order, PAPERS_PER_LINE papers a line, so that reading
 * it can stop every line or so and let the process answer other requests (browser mode serves the page's files
 * meanwhile).
 */

import * as fsp from 'node:fs/promises';

import { OUTLINE_ABSTRACT_LENGTH } from '../../core/api.js';
import type { Catalogue } from '../../core/model.js';
import { OUTLINE_COLUMNS, outlineCatalogue, type CatalogueOutline, type OutlineColumns } from '../../core/outline.js';
import { writeFileAtomically } from './atomic-write.js';
import { CHUNK_BYTES, ChunkFiller } from './json-chunks.js';
import { sameStamp, type FileStamp } from './file-stamp.js';
import { decode, OUTLINE_COLUMN_CHECKS, OUTLINE_HEADER_FORMAT, type OutlineHeader } from './schema.js';

export function outlineOfLibraryCatalogue(catalogue: Catalogue): CatalogueOutline {
  return outlineCatalogue(catalogue, OUTLINE_ABSTRACT_LENGTH);
}

/** Entries of a column per line: a millisecond or two of reading. */
export const OUTLINE_PAPERS_PER_LINE = 5_000;
const PAPERS_PER_LINE = OUTLINE_PAPERS_PER_LINE;

function nextTurnOfEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** The outline in `file` when it was made from the catalogue with `stamp`; null otherwise, whatever the reason. */
export async function readOutlineFile(file: string, stamp: FileStamp): Promise<CatalogueOutline | null> {
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(file);
  } catch {
    return null;
  }
  const lines = new LineReader(bytes);
  const header = decode(parseLine(lines.next() ?? ''), OUTLINE_HEADER_FORMAT);
  if (!header.ok || !sameStamp(header.value.catalogue, stamp)) return null;
  const { papers } = header.value;
  const columns: Partial<Record<keyof OutlineColumns, unknown>> = {};
  for (const name of OUTLINE_COLUMNS) {
    const values: unknown[] = [];
    const check: (value: unknown) => boolean = OUTLINE_COLUMN_CHECKS[name];
    for (let from = 0; from < papers; from += PAPERS_PER_LINE) {
      await nextTurnOfEventLoop();
      const line = parseLine(lines.next() ?? '');
      if (!Array.isArray(line) || line.length !== Math.min(PAPERS_PER_LINE, papers - from) || !line.every(check)) {
        return null;
      }
      for (const value of line) values.push(value);
    }
    columns[name] = values;
  }
  if (lines.next() !== undefined) return null;
  // Every column is there and of the right length, each value checked as the catalogue's schema checks its field.
  return Object.freeze({ papers: columns as OutlineColumns, digests: header.value.digests });
}

/** Saves `outline`, made from the catalogue file with `stamp`. */
export function writeOutlineFile(file: string, outline: CatalogueOutline, stamp: FileStamp): Promise<void> {
  const papers = outline.papers.id.length;
  // A line in parts of a few hundred values: a line whole can be a megabyte, a string made only to be written.
  function* lines(index: number): Generator<readonly string[]> {
    const name = OUTLINE_COLUMNS[index];
    const column: readonly unknown[] = name === undefined ? [] : outline.papers[name];
    for (let from = 0; from < papers; from += PAPERS_PER_LINE) {
      const to = Math.min(papers, from + PAPERS_PER_LINE);
      const parts: string[] = [];
      for (let part = from; part < to; part += VALUES_PER_PART) {
        if (part > from) parts.push(',');
        parts.push(valuesText(column.slice(part, Math.min(to, part + VALUES_PER_PART))));
      }
      yield parts;
    }
  }
  // Never one string (37 MB at 100,000 papers): encoded a part at a time into the pieces written.
  return writeOutlineColumns(file, { papers, digests: outline.digests }, stamp, lines);
}

/**
 * Saves an outline of `papers` papers given a column at a time, each a line at a time: the JSON texts of the values
 * of OUTLINE_PAPERS_PER_LINE papers (the last line's fewer) between commas, in pieces of text or of UTF-8 (the
 * command line's import of a large file, whose papers are on disk, gives bytes).
 */
export function writeOutlineColumns(
  file: string,
  outline: { readonly papers: number; readonly digests: CatalogueOutline['digests'] },
  stamp: FileStamp,
  lines: (index: number) => Iterable<readonly (Uint8Array | string)[]>,
): Promise<void> {
  const header: OutlineHeader = {
    schemaVersion: OUTLINE_HEADER_FORMAT.version,
    catalogue: stamp,
    digests: outline.digests,
    papers: outline.papers,
  };
  function* chunks(): Generator<Uint8Array> {
    const filler = new ChunkFiller();
    yield* filler.text(`${JSON.stringify(header)}\n`);
    for (const [index] of OUTLINE_COLUMNS.entries()) {
      for (const line of lines(index)) {
        yield* filler.text('[');
        for (const piece of line) {
          if (typeof piece === 'string') yield* filler.text(piece);
          // Copied: a piece longer than a chunk is handed on as it is, and the column's next line is read over it.
          else yield* filler.bytes(piece.length > CHUNK_BYTES ? Buffer.from(piece) : piece);
        }
        yield* filler.text(']\n');
      }
    }
    yield* filler.end();
  }
  return writeFileAtomically(file, chunks(), { durable: false });
}

/** Values of a column turned into JSON at a time. */
const VALUES_PER_PART = 500;

/** A character JSON.stringify writes escaped, or may (a surrogate is, unless it is half of a pair). */
// eslint-disable-next-line no-control-regex -- control characters are among those JSON escapes
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

const isText = (value: unknown): value is string => typeof value === 'string';
const isOneText = (value: unknown): value is readonly [string] =>
  Array.isArray(value) && value.length === 1 && typeof value[0] === 'string';

/** Whether `is` holds of every value: of a hole too, as Array.prototype.every does not ask (JSON writes it null). */
function every<T>(values: readonly unknown[], is: (value: unknown) => value is T): values is readonly T[] {
  for (let index = 0; index < values.length; index++) if (!is(values[index])) return false;
  return true;
}

/**
 * JSON.stringify's text of `values`, without its brackets. Most parts are texts with nothing to escape (ids, titles,
 * abstracts, dates), or lists of one such text (a paper's digests): those are joined, not stringified value by value,
 * in half the time (most of JSON.stringify's is spent per value, reaching each string); the same text either way.
 */
export function valuesText(values: readonly unknown[]): string {
  if (values.length > 0 && every(values, isText)) {
    if (!ESCAPED.test(values.join(''))) return `"${values.join('","')}"`;
  } else if (values.length > 0 && every(values, isOneText)) {
    const texts = values.map(([text]) => text);
    if (!ESCAPED.test(texts.join(''))) return `["${texts.join('"],["')}"]`;
  }
  return JSON.stringify(values).slice(1, -1);
}

/** The lines of UTF-8 text in `bytes`, each decoded only when asked for. */
class LineReader {
  #start = 0;

  constructor(private readonly bytes: Buffer) {}

  /** The next line, or undefined after the last (a final newline ends the last line and does not start another). */
  next(): string | undefined {
    if (this.#start >= this.bytes.length) return undefined;
    const newline = this.bytes.indexOf(0x0a, this.#start);
    const end = newline === -1 ? this.bytes.length : newline;
    const line = this.bytes.toString('utf8', this.#start, end);
    this.#start = end + 1;
    return line;
  }
}
