/**
 * BibTeX's syntax, read into blocks: `@type{key, field = {braced {nested}} # "quoted" # macro, …}` entries with their
 * fields as written (macros not yet expanded), and @string definitions. @comment and @preamble are passed over, and
 * so is everything outside entries. Each entry is read on its own, so one broken entry is reported and the rest are
 * still read. Pure.
 */

import { quoteForMessage } from '../terminal-text.js';
import { matchingBrace } from './tex.js';
import { QuietError } from './quiet-error.js';
import { isWhitespaceCode } from './whitespace.js';

/** A macro named in a value, as written. */
export interface MacroRef {
  readonly macro: string;
}

/** A value as written: one literal (braced, quoted or a number), or parts joined by `#`. */
export type FieldValue = string | readonly (string | MacroRef)[];

export type Block =
  | {
      readonly kind: 'entry';
      readonly type: string;
      readonly key: string;
      /** By lower-case name; the first of a field given twice. Empty when only counted. */
      readonly fields: ReadonlyMap<string, FieldValue>;
      readonly error: string | null;
    }
  | {
      readonly kind: 'string';
      readonly line: number;
      /** Lower-case; null when the block is broken. */
      readonly name: string | null;
      readonly value: FieldValue;
      readonly error: string | null;
    };

export interface ReadOptions {
  /** Only count entries, without reading their fields: what a pass that collects @string macros needs. */
  readonly countEntriesOnly?: boolean;
  /** Called now and then with how much of the text has been read (in characters). */
  readonly onProgress?: (done: number) => void;
  /**
   * The line the text starts on, when it is a piece of a file (1 when not given); null when not counted, as the
   * piece holds no @string (the only blocks told by their line).
   */
  readonly firstLine?: number | null;
}

/** An entry at the start of a line, after spaces: a broken entry can run on only as far as the next one. */
const ENTRY_START = /@[A-Za-z]+[ \t]*[{(]/y;

// Sticky patterns, matched at the reader's position.
const ENTRY_TYPE = /[A-Za-z]+/y;
const ENTRY_KEY = /[^,\s{}()"=]*/y;
/** One character of a field name: anything but white space and `=,{}()"#`. */
const FIELD_NAME = /[^\s=,{}()"#]/;
const NUMBER = /\d+/y;
/** BibTeX's identifiers: anything but white space and `"#%'(),={}`, not starting with a digit. */
const MACRO_NAME = /[^\d\s"#%'(),={}][^\s"#%'(),={}]*/y;

/** How many characters are read between two progress reports. */
const PROGRESS_EVERY = 1 << 20;

/** Every block of the text, in order. */
export function readBibtexBlocks(text: string, options: ReadOptions = {}): readonly Block[] {
  return [...bibtexBlocks(text, options)];
}

/** Every block of the text, in order, each read when asked for. */
export function* bibtexBlocks(text: string, options: ReadOptions = {}): Generator<Block, void, undefined> {
  const lines = linesOf(text, options.firstLine);
  let reported = 0;
  for (const [start, end] of chunks(text)) {
    // One by one: a line can hold any number of entries, too many to pass as arguments.
    yield* new ChunkReader(text.slice(start, end), start, lines, options.countEntriesOnly === true).read();
    if (options.onProgress !== undefined && end - reported >= PROGRESS_EVERY) {
      reported = end;
      options.onProgress(end);
    }
  }
}

function linesOf(text: string, firstLine: number | null = 1): Lines {
  if (firstLine === null) {
    return {
      lineOf: () => {
        throw new Error('a line was asked of a piece of a file whose lines were not counted');
      },
    };
  }
  const counter = new LineCounter(text);
  return firstLine === 1 ? counter : { lineOf: (at: number) => firstLine - 1 + counter.lineOf(at) };
}

/** The bounds of each chunk: from the start of a line that starts an entry to the next one. */
function* chunks(text: string): Generator<readonly [start: number, end: number], void, undefined> {
  let start = 0;
  // From one "@" to the next: the text has far fewer than it has lines.
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const line = entryLineStart(text, at);
    if (line > start) {
      yield [start, line];
      start = line;
    }
  }
  if (start < text.length || text.length === 0) yield [start, text.length];
}

/** Where the line starts when the "@" at `at` starts an entry on it, after spaces and tabs only; else -1. */
function entryLineStart(text: string, at: number): number {
  let line = at;
  for (let code = text.charCodeAt(line - 1); code === 0x20 || code === 0x09; code = text.charCodeAt(line - 1)) line--;
  if (line > 0 && text.charCodeAt(line - 1) !== 0x0a) return -1;
  ENTRY_START.lastIndex = at;
  return ENTRY_START.test(text) ? line : -1;
}

/**
 * The blocks of one chunk of a text (as `chunks` cuts it: from the start of a line that starts an entry to the next
 * one), for a reader that finds the chunks itself; `firstLine` tells the line the chunk starts on, when a block needs
 * it.
 */
export function chunkBlocks(chunk: string, firstLine: () => number, countEntriesOnly: boolean): readonly Block[] {
  const inChunk = new LineCounter(chunk);
  const lines = { lineOf: (at: number) => firstLine() - 1 + inChunk.lineOf(at) };
  return new ChunkReader(chunk, 0, lines, countEntriesOnly).read();
}

/** Line numbers (1-based) of positions asked for in increasing order. */
interface Lines {
  lineOf(at: number): number;
}

/** Line numbers (1-based) of positions asked for in increasing order, counted on from the last one: linear in all. */
class LineCounter implements Lines {
  private counted = 0;
  private nextBreak: number;

  constructor(private readonly text: string) {
    this.nextBreak = text.indexOf('\n');
  }

  lineOf(at: number): number {
    while (this.nextBreak >= 0 && this.nextBreak < at) {
      this.counted++;
      this.nextBreak = this.text.indexOf('\n', this.nextBreak + 1);
    }
    return this.counted + 1;
  }
}

/**
 * What the reader throws inside a block and catches at its start, once for every block it skips: without a
 * stack trace, which would take most of the time of reading a file of a million broken entries.
 */
class BrokenEntry extends QuietError {}

const NO_FIELDS: ReadonlyMap<string, FieldValue> = new Map();

class ChunkReader {
  private pos = 0;
  /** Where the first `{` and `\` after the last value read are (-1: none), as closingBrace last found them. */
  private nextOpen = 0;
  private nextBackslash = 0;

  constructor(
    private readonly text: string,
    /** Where the chunk starts in the whole text. */
    private readonly offset: number,
    private readonly lines: Lines,
    private readonly countEntriesOnly: boolean,
  ) {}

  read(): readonly Block[] {
    const blocks: Block[] = [];
    for (;;) {
      const at = this.text.indexOf('@', this.pos);
      if (at < 0) return blocks;
      this.pos = at + 1;
      const type = this.match(ENTRY_TYPE)?.toLowerCase();
      this.skipSpace();
      const open = this.text[this.pos];
      // Outside entries everything is comment, "ada@example.org" included.
      if (type === undefined || (open !== '{' && open !== '(')) continue;
      const close = open === '{' ? '}' : ')';
      if (type === 'comment' || type === 'preamble') {
        this.skipGroup(close);
        continue;
      }
      if (type !== 'string' && this.countEntriesOnly) {
        blocks.push({ kind: 'entry', type, key: '', fields: NO_FIELDS, error: null });
        // No other "@" in the chunk: no other block either, and no need to find where this one ends.
        if (!this.text.includes('@', this.pos)) return blocks;
        this.skipGroup(close);
        continue;
      }
      this.pos++;
      const block = type === 'string' ? this.stringBlock(at, close) : this.entryBlock(type, close);
      blocks.push(block);
      // After a broken entry the reader cannot tell where it is: the rest of the chunk is its debris.
      if (block.error !== null) return blocks;
    }
  }

  private stringBlock(at: number, close: string): Block {
    const line = this.lines.lineOf(this.offset + at);
    try {
      this.skipSpace();
      const name = this.fieldName();
      const value = this.value(name);
      this.skipSpace();
      if (this.text[this.pos] !== close) throw new BrokenEntry(`it does not end with ${close} after the value`);
      this.pos++;
      return { kind: 'string', line, name, value, error: null };
    } catch (error) {
      return { kind: 'string', line, name: null, value: '', error: brokenReason(error) };
    }
  }

  private entryBlock(type: string, close: string): Block {
    this.skipSpace();
    const keyStart = this.pos;
    let key = this.match(ENTRY_KEY) ?? '';
    this.skipSpace();
    // An entry without a key starts with its first field.
    if (this.text[this.pos] === '=') {
      this.pos = keyStart;
      key = '';
    }
    const fields = new Map<string, FieldValue>();
    // By character code: a block's every field passes here.
    const closeCode = close.charCodeAt(0);
    try {
      for (;;) {
        this.skipSpace();
        if (this.pos >= this.text.length) throw new BrokenEntry(`it ends before its closing ${close}`);
        const code = this.text.charCodeAt(this.pos);
        if (code === closeCode) {
          this.pos++;
          return { kind: 'entry', type, key, fields, error: null };
        }
        if (code === 0x2c) {
          this.pos++;
          continue;
        }
        const name = this.fieldName();
        const value = this.value(name);
        if (!fields.has(name)) fields.set(name, value);
      }
    } catch (error) {
      return { kind: 'entry', type, key, fields, error: brokenReason(error) };
    }
  }

  private fieldName(): string {
    const name = this.fieldNameAsWritten();
    if (name === undefined) {
      const found = this.text[this.pos];
      throw new BrokenEntry(
        found === undefined ? 'it ends in the middle' : `"${quoteForMessage(found)}" where a field name should be`,
      );
    }
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== 0x3d) {
      throw new BrokenEntry(`the field "${quoteForMessage(name)}" has no "="`);
    }
    this.pos++;
    return name.toLowerCase();
  }

  /** The field name at the reader's position (FIELD_NAME's characters), consumed; undefined when there is none. */
  private fieldNameAsWritten(): string | undefined {
    const { text, pos } = this;
    let end = pos;
    while (end < text.length && !endsFieldName(text.charCodeAt(end))) end++;
    if (end === pos) return undefined;
    this.pos = end;
    return text.slice(pos, end);
  }

  /** A value: parts joined by `#`, each braced, quoted, a number or a macro name. */
  private value(field: string): FieldValue {
    this.skipSpace();
    const first = this.valuePart(field);
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== 0x23) return typeof first === 'string' ? first : [first];
    const parts = [first];
    while (this.text.charCodeAt(this.pos) === 0x23) {
      this.pos++;
      this.skipSpace();
      parts.push(this.valuePart(field));
      this.skipSpace();
    }
    return parts;
  }

  private valuePart(field: string): string | MacroRef {
    const code = this.text.charCodeAt(this.pos);
    if (code === 0x7b) {
      const end = this.closingBrace(this.pos);
      if (end < 0) throw new BrokenEntry(`the value of "${quoteForMessage(field)}" has no closing }`);
      const part = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return part;
    }
    if (code === 0x22) {
      const end = closingQuote(this.text, this.pos + 1);
      if (end < 0) throw new BrokenEntry(`the value of "${quoteForMessage(field)}" has no closing "`);
      const part = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return part;
    }
    const number = this.match(NUMBER);
    if (number !== undefined) return number;
    const macro = this.match(MACRO_NAME);
    if (macro === undefined) throw new BrokenEntry(`the field "${quoteForMessage(field)}" has no value`);
    return { macro };
  }

  /**
   * The `}` closing the `{` at `open`, or -1. Most values hold no brace nor backslash: their end is the next `}`,
   * found by a search many times faster than going through them a character at a time. Where the next `{` and
   * `\` are is kept, so that in all the chunk is searched for them once.
   */
  private closingBrace(open: number): number {
    const close = this.text.indexOf('}', open + 1);
    if (close < 0) return -1;
    if (this.nextOpen <= open && this.nextOpen >= 0) this.nextOpen = this.text.indexOf('{', open + 1);
    if (this.nextBackslash <= open && this.nextBackslash >= 0) this.nextBackslash = this.text.indexOf('\\', open + 1);
    const plain =
      (this.nextOpen < 0 || this.nextOpen > close) && (this.nextBackslash < 0 || this.nextBackslash > close);
    return plain ? close : matchingBrace(this.text, open);
  }

  private skipGroup(close: string): void {
    const end = close === '}' ? matchingBrace(this.text, this.pos) : this.text.indexOf(')', this.pos);
    this.pos = end < 0 ? this.text.length : end + 1;
  }

  private skipSpace(): void {
    // A loop, not a regular expression: called a hundred times an entry, most often with nothing to skip.
    const { text } = this;
    let { pos } = this;
    while (pos < text.length && isWhitespaceCode(text.charCodeAt(pos))) pos++;
    this.pos = pos;
  }

  /** The text matching a sticky `pattern` at the current position, consumed; undefined when none does. */
  private match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    // test, not exec: no array made for every field of every entry.
    if (!pattern.test(this.text) || pattern.lastIndex === this.pos) return undefined;
    const found = this.text.slice(this.pos, pattern.lastIndex);
    this.pos = pattern.lastIndex;
    return found;
  }
}

/** In a quoted value, a `"` inside braces (as in `{\"o}`) or escaped does not end it. */
function closingQuote(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === '"' && depth === 0) return i;
  }
  return -1;
}

/** Whether a character cannot be part of a field name: white space, or one of `=,{}()"#`. */
function endsFieldName(code: number): boolean {
  if (code < 0x80) return FIELD_NAME_CHARACTERS[code] === 0;
  return isWhitespaceCode(code);
}

/** By ASCII code: 1 where FIELD_NAME matches it. */
const FIELD_NAME_CHARACTERS = Uint8Array.from({ length: 0x80 }, (_, code) =>
  FIELD_NAME.test(String.fromCharCode(code)) ? 1 : 0,
);

function brokenReason(error: unknown): string {
  if (error instanceof BrokenEntry) return error.message;
  throw error;
}
