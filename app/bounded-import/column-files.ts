/**
 * An outline's columns written aside a few hundred rows at a time, to be read back a column at a time, a line of
 * values at a time (store/outline-file.ts, writeOutlineColumns): the command line's import of a large file outlines
 * its papers in their order without holding the outline, a fifth of the catalogue's size. A file per column, the JSON
 * texts of its values between commas, and where each line starts; removed as soon as made where the system allows,
 * else when closed.
 */

import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BUFFER_BYTES = 256 * 1024;

interface Column {
  readonly fd: number;
  readonly buffer: Buffer;
  length: number;
  written: number;
  /** Where each line of values starts (`perLine` values a line). */
  readonly lines: number[];
}

export class ColumnFiles {
  readonly #folder: string;
  readonly #columns: Column[] = [];
  readonly #perLine: number;
  #rows = 0;
  #removed = true;

  /** `perLine`: values a line of a column holds (`lines`). */
  constructor(columns: number, perLine: number, directory = tmpdir()) {
    this.#perLine = perLine;
    this.#folder = mkdtempSync(join(directory, 'shelfmark-outline-'));
    try {
      for (let index = 0; index < columns; index++) {
        const file = join(this.#folder, String(index));
        const fd = openSync(file, 'w+');
        this.#columns.push({ fd, buffer: Buffer.allocUnsafe(BUFFER_BYTES), length: 0, written: 0, lines: [] });
        try {
          unlinkSync(file);
        } catch {
          this.#removed = false;
        }
      }
    } catch (error) {
      this.#removed = false;
      this.close();
      throw error;
    }
    if (this.#removed) rmSync(this.#folder, { recursive: true, force: true });
  }

  /** How many rows were added (or skipped, startAt). */
  get rows(): number {
    return this.#rows;
  }

  /**
   * Has the files begin at row `row` of their lines, before any row is added: their first line holds what is left of
   * that row's line (the rows before it are elsewhere).
   */
  startAt(row: number): void {
    if (this.#rows !== 0) throw new Error("an outline's columns started after rows were added");
    this.#rows = row;
  }

  /**
   * Appends `rows` rows (at most what is left of their line): for each column, the JSON texts of its values in them,
   * between commas (store/outline-file.ts, valuesText).
   */
  add(rows: number, texts: readonly string[]): void {
    const inLine = this.#rows % this.#perLine;
    if (inLine + rows > this.#perLine) throw new RangeError("rows added across a line's end");
    this.#rows += rows;
    texts.forEach((text, index) => {
      const column = this.#columns[index];
      if (column === undefined) throw new RangeError('a row with more values than columns');
      const starts = inLine === 0 || column.lines.length === 0;
      if (starts) column.lines.push(column.written + column.length);
      const piece = starts ? text : `,${text}`;
      if (piece.length * 3 > column.buffer.length - column.length) {
        flush(column);
        if (Buffer.byteLength(piece) > column.buffer.length) {
          writeAll(column, Buffer.from(piece));
          return;
        }
      }
      column.length += column.buffer.write(piece, column.length);
    });
  }

  /**
   * The lines of column `index`, in order: each the JSON texts of its values (`perLine` of them, the last line's
   * fewer) between commas, as UTF-8; each to be used before the next is asked for.
   */
  *lines(index: number): Generator<Buffer, void, undefined> {
    const column = this.#columns[index];
    if (column === undefined) throw new RangeError(`there is no column ${String(index)}`);
    flush(column);
    let buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    for (const [line, start] of column.lines.entries()) {
      const end = column.lines[line + 1] ?? column.written;
      if (end - start > buffer.length) buffer = Buffer.allocUnsafe(end - start);
      let done = 0;
      while (done < end - start) {
        const read = readSync(column.fd, buffer, done, end - start - done, start + done);
        if (read === 0) throw new Error('an outline column was cut short');
        done += read;
      }
      yield buffer.subarray(0, done);
    }
  }

  close(): void {
    for (const column of this.#columns) closeSync(column.fd);
    if (!this.#removed) rmSync(this.#folder, { recursive: true, force: true });
  }
}

function flush(column: Column): void {
  writeAll(column, column.buffer.subarray(0, column.length));
  column.length = 0;
}

function writeAll(column: Column, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(column.fd, bytes, done, bytes.length - done, column.written + done);
  column.written += bytes.length;
}
