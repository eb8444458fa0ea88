/**
 * A PaperShelf (core/paper-index.ts) that keeps the papers put on it in a file of its own rather than in memory, each
 * as its canonical JSON text (what an import's document and `library.json` hold), and their outline in files of its
 * columns (column-files.ts: the JSON text of each of a paper's outline values, core/outline.ts). In memory only
 * where each paper is, and the outline of a paper put again in place of another. A paper asked for is read back and
 * parsed: a copy, as papers are never changed in place.
 *
 * The files are removed as soon as they are made where the system allows (they live on while open), else when closed.
 */

import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { OUTLINE_ABSTRACT_LENGTH } from '../../core/api.js';
import { DIGEST_PLACEHOLDER } from '../../core/merge.js';
import type { CataloguePaper } from '../../core/model.js';
import { OUTLINE_COLUMNS, outlineRowValues } from '../../core/outline.js';
import { settled, type PaperShelf } from '../../core/paper-index.js';
import { canonicalJson } from '../../core/sync/canonical-json.js';
import { OUTLINE_PAPERS_PER_LINE, valuesText } from '../store/outline-file.js';
import { ColumnFiles } from './column-files.js';
import type { SavedOutline } from './saved-outline.js';

/** Bytes written to the file at a time. */
const WRITE_BYTES = 1024 * 1024;
/** Bytes read from it at a time, around what is asked for: papers come back mostly in the order they were put. */
const READ_BYTES = 256 * 1024;

/** The placeholder as JSON writes it, up to its number: a placeholder is nowhere else in a paper's text. */
const PLACEHOLDER_TEXT = Buffer.from(JSON.stringify(DIGEST_PLACEHOLDER).slice(0, -1));
const QUOTE = 0x22;
/** Outline rows kept before they are written to the columns' files: a line of the outline file holds ten times as many. */
const ROWS_AT_A_TIME = OUTLINE_PAPERS_PER_LINE / 10;

/** Where papers the shelf starts with are (a synced folder's `library.json`, cache-file.ts): read back by place. */
export interface StoredTexts {
  /** `length` bytes from `start`: a view, valid until it is read again. */
  bytes(start: number, length: number): Buffer;
}

export class SpillShelf implements PaperShelf {
  readonly #folder: string;
  readonly #fd: number;
  #removed: boolean;
  /** Per position: where its text starts in the file, and how long it is. */
  #starts = new Float64Array(1024);
  #lengths = new Uint32Array(1024);
  /** Per position: 1 while its text is the stored one (putStored), in `#stored` at its place there. */
  #isStored = new Uint8Array(1024);
  readonly #stored: StoredTexts | null;
  #beforePut: (() => void) | null = null;
  #storedCount = 0;
  /** The papers whose outline rows are the saved outline's (putStored), from the first. */
  #savedRows = 0;
  #storedStarts = new Float64Array(0);
  #storedLengths = new Uint32Array(0);
  /** The outline of the papers in their order, as first put: the last rows' values, and the files of the others. */
  readonly #columns: ColumnFiles;
  readonly #rows: unknown[][] = OUTLINE_COLUMNS.map(() => []);
  #rowsFrom = 0;
  /** The lines of the outline's columns (OUTLINE_PAPERS_PER_LINE papers each) with a paper put again, once written. */
  readonly #replacedLines = new Set<number>();
  #count = 0;
  readonly #ids: string[] = [];
  /** What is not written yet: the bytes after `#flushed`. */
  readonly #pending = Buffer.allocUnsafe(WRITE_BYTES);
  #pendingLength = 0;
  #flushed = 0;
  /** The last bytes read, from `#windowFrom` on. */
  readonly #window = Buffer.allocUnsafe(READ_BYTES);
  #windowFrom = 0;
  #windowLength = 0;
  readonly #settled = new Map<string, string>();
  /** Each settled id as JSON writes it, in UTF-8. */
  readonly #listedTexts = new Map<string, Buffer>();

  /**
   * A shelf whose file is in a folder of its own under `directory` (the system's temporary folder by default);
   * `stored`: where the papers it starts with are (putStored).
   */
  constructor(directory = tmpdir(), stored: StoredTexts | null = null) {
    this.#stored = stored;
    this.#columns = new ColumnFiles(OUTLINE_COLUMNS.length, OUTLINE_PAPERS_PER_LINE, directory);
    try {
      this.#folder = mkdtempSync(join(directory, 'shelfmark-import-'));
      this.#fd = openSync(join(this.#folder, 'papers'), 'w+');
    } catch (error) {
      this.#columns.close();
      throw error;
    }
    try {
      unlinkSync(join(this.#folder, 'papers'));
      rmSync(this.#folder, { recursive: true, force: true });
      this.#removed = true;
    } catch {
      this.#removed = false;
    }
  }

  get length(): number {
    return this.#count;
  }

  at(position: number): CataloguePaper | undefined {
    if (position >= this.#count) return undefined;
    const bytes = this.#read(position, this.#lengths[position] ?? 0);
    const paper = JSON.parse(bytes.toString('utf8')) as { id: string } & CataloguePaper;
    // Its id the very string the shelf keeps (the one parsed is new, and not yet anyone's): what a merge keeps of
    // the paper (its report lists every paper merged) then costs no string more.
    const id = this.#ids[position];
    if (id === paper.id) paper.id = id;
    return this.#settledPaper(paper);
  }

  /** How many papers the shelf started with (putStored). */
  get storedLength(): number {
    return this.#storedCount;
  }

  /**
   * Takes a paper the shelf starts with onto it, after the last: its text is `length` bytes at `start` of the stored
   * texts, as it is, and stays there until the paper is put again. `paper`: the paper, for its outline row, or null
   * where the outline saved with the stored texts has the rows (outlineLines), which it must then have for all.
   */
  putStored(id: string, start: number, length: number, paper: CataloguePaper | null): void {
    if (this.#stored === null || this.#storedCount !== this.#count) throw new Error('a stored paper put after others');
    this.#grow();
    const position = this.#count;
    if (position >= this.#storedStarts.length) {
      const starts = new Float64Array(this.#starts.length);
      starts.set(this.#storedStarts);
      const lengths = new Uint32Array(this.#starts.length);
      lengths.set(this.#storedLengths);
      [this.#storedStarts, this.#storedLengths] = [starts, lengths];
    }
    this.#starts[position] = this.#storedStarts[position] = start;
    this.#lengths[position] = this.#storedLengths[position] = length;
    this.#isStored[position] = 1;
    this.#storedCount += 1;
    this.#count += 1;
    if (paper !== null) this.#took(position, paper);
    else {
      this.#ids[position] = id;
      this.#rowsFrom = this.#savedRows = this.#count;
    }
  }

  /** The paper at `position` as the shelf started with it (putStored), whatever was put there since. */
  storedAt(position: number): CataloguePaper | undefined {
    if (this.#stored === null || position >= this.#storedCount) return undefined;
    const bytes = this.#stored.bytes(this.#storedStarts[position] ?? 0, this.#storedLengths[position] ?? 0);
    return JSON.parse(bytes.toString('utf8')) as CataloguePaper;
  }

  /** Whether the paper at `position` is not the one the shelf started with there, byte for byte. */
  changed(position: number): boolean {
    if (position >= this.#storedCount || this.#stored === null) return true;
    if (this.#isStored[position] === 1) return false;
    const now = Buffer.concat(this.text(position));
    const before = this.#stored.bytes(this.#storedStarts[position] ?? 0, this.#storedLengths[position] ?? 0);
    return !now.equals(before);
  }

  #listedText(id: string): Buffer {
    let text = this.#listedTexts.get(id);
    if (text === undefined) {
      text = Buffer.from(JSON.stringify(id));
      this.#listedTexts.set(id, text);
    }
    return text;
  }

  #settledPaper<T extends Pick<CataloguePaper, 'digests'>>(paper: T): T {
    let settling = paper;
    if (this.#settled.size === 0) return settling;
    for (const listed of paper.digests) {
      const id = this.#settled.get(listed);
      if (id !== undefined) settling = settled(settling, listed, id);
    }
    return settling;
  }

  /** Has `callback` called once, before a paper is next put (not putStored). */
  beforeFirstPut(callback: () => void): void {
    this.#beforePut = callback;
  }

  put(position: number, paper: CataloguePaper): void {
    if (position > this.#count) throw new Error('a paper put on a shelf past its end');
    const beforePut = this.#beforePut;
    this.#beforePut = null;
    beforePut?.();
    const added = position === this.#count;
    if (added) this.#grow();
    this.#starts[position] = this.#flushed + this.#pendingLength;
    this.#lengths[position] = this.#append(canonicalJson(paper));
    this.#isStored[position] = 0;
    if (added) this.#count += 1;
    this.#took(position, paper);
  }

  /** Notes the paper now at `position`: its id, and its outline row. */
  #took(position: number, paper: CataloguePaper): void {
    this.#ids[position] = paper.id;
    if (position < this.#rowsFrom) {
      this.#replacedLines.add(Math.floor(position / OUTLINE_PAPERS_PER_LINE));
      return;
    }
    const row = outlineRowValues(paper, OUTLINE_ABSTRACT_LENGTH);
    for (const [column, values] of this.#rows.entries()) values[position - this.#rowsFrom] = row[column];
    // Written a line's end at a time too: the stored papers' last line is the columns' files' first.
    if (this.#count - this.#rowsFrom === ROWS_AT_A_TIME || this.#count % OUTLINE_PAPERS_PER_LINE === 0) {
      this.#writeRows();
    }
  }

  /** The papers' ids, in the shelf's order. */
  ids(): readonly string[] {
    return this.#ids;
  }

  settle(placeholder: string, id: string): void {
    this.#settled.set(placeholder, id);
  }

  /** The paper's canonical text as UTF-8, its placeholders settled: pieces to be used before the shelf is asked again. */
  text(position: number): readonly Uint8Array[] {
    // A paper that lists the id already as well (a digest imported again, filling papers in) is made again whole.
    return (
      this.#settledPieces(this.#read(position, this.#lengths[position] ?? 0), true) ?? [
        Buffer.from(canonicalJson(this.at(position))),
      ]
    );
  }

  /**
   * The lines of outline column `index` (OUTLINE_COLUMNS's order) as the outline file has them, in the shelf's order:
   * the JSON texts of OUTLINE_PAPERS_PER_LINE papers' values between commas, as UTF-8, their digests settled; each to
   * be used before the next is asked for. Lines of stored papers whose rows were not made (putStored) and left as
   * they were are `saved`'s (the outline saved with the stored papers' file); a line with a paper put again is made
   * from the papers.
   */
  *outlineLines(index: number, saved: SavedOutline | null = null): Generator<readonly Uint8Array[], void, undefined> {
    if (this.#rowsFrom < this.#count) this.#writeRows();
    const digests = OUTLINE_COLUMNS[index] === 'digests';
    const written = this.#columns.lines(index);
    for (let line = 0; line * OUTLINE_PAPERS_PER_LINE < this.#count; line++) {
      const from = line * OUTLINE_PAPERS_PER_LINE;
      const to = Math.min(this.#count, from + OUTLINE_PAPERS_PER_LINE);
      const stored = Math.min(this.#savedRows, to) - from;
      if (this.#replacedLines.has(line)) {
        // The columns' files have a line for it when it has papers whose rows they hold.
        if (from + Math.max(0, stored) < to) written.next();
        yield [Buffer.from(this.#lineOfPapers(line, index))];
      } else if (stored <= 0) {
        const bytes = written.next().value;
        if (bytes === undefined) throw new Error("an outline column's lines ran out");
        yield digests ? (this.#settledPieces(bytes, false) ?? []) : [bytes];
      } else if (from + stored === to) {
        yield [saved === null ? Buffer.from(this.#lineOfPapers(line, index)) : saved.line(index, line)];
      } else {
        // The saved rows' last line, which the papers added after them end.
        const bytes = written.next().value;
        if (bytes === undefined) throw new Error("an outline column's lines ran out");
        const storedPart = Buffer.from(`${this.#valuesOfPapers(from, from + stored, index)},`);
        yield [storedPart, ...(digests ? (this.#settledPieces(bytes, false) ?? []) : [bytes])];
      }
    }
  }

  /** The rows not written yet, written (their values' texts as valuesText makes them, outline-file.ts). */
  #writeRows(): void {
    // The columns' files start where the saved outline's rows end.
    if (this.#columns.rows === 0) this.#columns.startAt(this.#savedRows);
    this.#columns.add(
      this.#count - this.#rowsFrom,
      this.#rows.map((values) => valuesText(values)),
    );
    for (const values of this.#rows) values.length = 0;
    this.#rowsFrom = this.#count;
  }

  /** A line of a column made again from its papers (one of them put again in place of another: rare). */
  #lineOfPapers(line: number, index: number): string {
    const first = line * OUTLINE_PAPERS_PER_LINE;
    return this.#valuesOfPapers(first, Math.min(this.#count, first + OUTLINE_PAPERS_PER_LINE), index);
  }

  /** The texts of column `index`'s values of the papers from `from` to `to`, as valuesText makes them. */
  #valuesOfPapers(from: number, to: number, index: number): string {
    const values: unknown[] = [];
    for (let position = from; position < to; position++) {
      const paper = this.at(position);
      if (paper !== undefined) values.push(outlineRowValues(paper, OUTLINE_ABSTRACT_LENGTH)[index]);
    }
    return valuesText(values);
  }

  /**
   * `bytes` with each placeholder in them the id it was settled to, in pieces (views of `bytes` and ids). `oneRecord`:
   * they are one paper's text, and null when it lists the id already.
   */
  #settledPieces(bytes: Buffer, oneRecord: boolean): Buffer[] | null {
    const pieces: Buffer[] = [];
    let from = 0;
    for (let at = bytes.indexOf(PLACEHOLDER_TEXT); at !== -1; at = bytes.indexOf(PLACEHOLDER_TEXT, from)) {
      const end = bytes.indexOf(QUOTE, at + PLACEHOLDER_TEXT.length);
      const placeholder = DIGEST_PLACEHOLDER + bytes.toString('latin1', at + PLACEHOLDER_TEXT.length, end);
      const id = this.#settled.get(placeholder);
      if (id === undefined) throw new Error('a paper on the shelf lists a digest still being imported');
      const listed = this.#listedText(id);
      if (oneRecord && bytes.indexOf(listed) !== -1) return null;
      pieces.push(bytes.subarray(from, at), listed);
      from = end + 1;
    }
    pieces.push(bytes.subarray(from));
    return pieces;
  }

  /** Closes the files (and removes them, where they could not be removed while open). */
  close(): void {
    this.#columns.close();
    closeSync(this.#fd);
    if (!this.#removed) rmSync(this.#folder, { recursive: true, force: true });
  }

  #grow(): void {
    if (this.#count < this.#starts.length) return;
    const size = this.#starts.length * 2;
    const starts = new Float64Array(size);
    starts.set(this.#starts);
    const lengths = new Uint32Array(size);
    lengths.set(this.#lengths);
    const isStored = new Uint8Array(size);
    isStored.set(this.#isStored);
    [this.#starts, this.#lengths, this.#isStored] = [starts, lengths, isStored];
  }

  /** Appends `text` as UTF-8; how many bytes it took. */
  #append(text: string): number {
    // Most texts are a paper's, a few kilobytes, and fit without being measured first.
    if (text.length * 3 <= this.#pending.length - this.#pendingLength) {
      const written = this.#pending.write(text, this.#pendingLength);
      this.#pendingLength += written;
      return written;
    }
    const bytes = Buffer.byteLength(text);
    if (this.#pendingLength + bytes > this.#pending.length) this.#flush();
    if (bytes > this.#pending.length) {
      this.#writeAll(Buffer.from(text));
      return bytes;
    }
    this.#pending.write(text, this.#pendingLength);
    this.#pendingLength += bytes;
    return bytes;
  }

  #flush(): void {
    this.#writeAll(this.#pending.subarray(0, this.#pendingLength));
    this.#pendingLength = 0;
  }

  #writeAll(bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) done += writeSync(this.#fd, bytes, done, bytes.length - done, this.#flushed + done);
    this.#flushed += bytes.length;
  }

  /** The `length` bytes from where `position`'s text starts: a view, valid until the next read. */
  #read(position: number, length: number): Buffer {
    const start = this.#starts[position] ?? 0;
    if (this.#isStored[position] === 1 && this.#stored !== null) return this.#stored.bytes(start, length);
    if (start >= this.#flushed) {
      const from = start - this.#flushed;
      return this.#pending.subarray(from, from + length);
    }
    if (start < this.#windowFrom || start + length > this.#windowFrom + this.#windowLength) {
      if (start + length > this.#flushed) this.#flush();
      const buffer = length > this.#window.length ? Buffer.allocUnsafe(length) : this.#window;
      let done = 0;
      while (done < buffer.length) {
        const read = readSync(this.#fd, buffer, done, buffer.length - done, start + done);
        if (read === 0) break;
        done += read;
      }
      if (done < length) throw new Error("a paper put on the import's shelf could not be read back");
      if (buffer !== this.#window) return buffer.subarray(0, length);
      [this.#windowFrom, this.#windowLength] = [start, done];
    }
    const from = start - this.#windowFrom;
    return this.#window.subarray(from, from + length);
  }
}
