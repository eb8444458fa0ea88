/**
 * A tolerant BibTeX reader: `@type{key, field = {braced {nested}} # "quoted" # macro, …}`, @string
 * macros, month macros, @comment and @preamble. Each entry is read on its own, so one broken
 * entry is reported and the rest are still imported.
 */

import { arxivIdYear, normalizeArxivId } from '../identity.js';
import type { ParsedPaper } from '../model.js';
import type { ParseContext, ParsedDigest, SkippedBlock } from './types.js';
import { baseName } from './file-name.js';
import { collapseWhitespace, joinParagraphs, splitParagraphs } from './whitespace.js';
import { decodeTex, matchingBrace } from './tex.js';
import { doiUrl, extractUrls, normalizeDoi, paperLinks } from '../links.js';
import { monthName } from './dates.js';
import { quoteForMessage } from '../terminal-text.js';
import { uniqueInOrder } from '../arrays.js';

/** Where an entry starts. A broken entry can run on only as far as the next one. */
const ENTRY_LINE = /^[ \t]*@[A-Za-z]+[ \t]*[{(]/;

// Sticky patterns, matched at the reader's position.
const ENTRY_TYPE = /[A-Za-z]+/y;
const ENTRY_KEY = /[^,\s{}()"=]*/y;
const FIELD_NAME = /[^\s=,{}()"#]+/y;
const NUMBER = /\d+/y;
const MACRO_NAME = /[A-Za-z_][\w:.+/-]*/y;

const MONTH_MACROS: ReadonlyMap<string, string> = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((macro, index) => [
    macro,
    monthName(index + 1),
  ]),
);

/**
 * How long a field may be once @string macros are expanded in it: a few doubling macros (`@string{b = a # a}`)
 * would otherwise make a title of hundreds of millions of characters out of a file of a kilobyte. Text written
 * out in the file is not limited (the file's size limits it).
 */
export const MAX_EXPANDED_FIELD_LENGTH = 1024 * 1024;
/** How much text @string macros may expand to in all, in a file: many fields of a long macro add up too. */
const MAX_MACRO_EXPANSION = 16 * 1024 * 1024;

export const FIELD_TOO_LONG = 'a field is too long after expanding @string macros';
const EXPANSION_TOO_LARGE = `its @string macros expand to more than ${MAX_MACRO_EXPANSION / 1024 / 1024} MB of text in all`;

export function looksLikeBibtex(text: string): boolean {
  return /^[ \t]*@[A-Za-z]+[ \t]*[{(][^\n,{}]*,/m.test(text) || /^[ \t]*@string[ \t]*[{(]/im.test(text);
}

export function parseBibtex(text: string, ctx: ParseContext): ParsedDigest {
  const papers: ParsedPaper[] = [];
  const skipped: SkippedBlock[] = [];
  const macros = new Macros();
  let entryNumber = 0;

  for (const block of readBlocks(text, macros)) {
    if (block.kind === 'string') {
      if (block.error !== null) skipped.push({ where: `@string at line ${block.line}`, reason: block.error });
      continue;
    }
    entryNumber++;
    const where = `entry ${entryNumber} (@${quoteForMessage(block.type)}{${quoteForMessage(block.key)}})`;
    if (block.error !== null) {
      skipped.push({ where, reason: block.error });
      continue;
    }
    const paper = paperOf(block.fields);
    if (paper === null) skipped.push({ where, reason: 'it has no title' });
    else papers.push(paper);
  }

  return { format: 'bibtex', title: `BibTeX: ${baseName(ctx.fileName)}`, date: null, papers, skipped };
}

// ---------------------------------------------------------------- reading

type Fields = ReadonlyMap<string, string>;

type Block =
  | {
      readonly kind: 'entry';
      readonly type: string;
      readonly key: string;
      readonly fields: Fields;
      readonly error: string | null;
    }
  | { readonly kind: 'string'; readonly line: number; readonly error: string | null };

/** A block with an error, and whether it was still read to its end (as one with a field too long is). */
type BlockResult = Block & { readonly readToEnd: boolean };

/**
 * What the reader throws inside a block and catches at its start, once for every block it skips: without a
 * stack trace, which would take most of the time of reading a file of a million broken entries.
 */
class SkipBlock extends Error {
  constructor(message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(message);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

/** A reason the entry cannot be read: the reader no longer knows where it is in the chunk. */
class BrokenEntry extends SkipBlock {}

/** A field that is read to its end, but too long to keep: the entry is skipped, and the reader knows where it is. */
class FieldTooLong extends SkipBlock {}

/** The @string macros defined so far, and how much text they have expanded to in all. */
class Macros {
  /** By lower-case name; null for a macro defined with a value too long to keep. */
  private readonly values = new Map<string, string | null>(MONTH_MACROS);
  private expanded = 0;

  define(name: string, value: string | null): void {
    this.values.set(name.toLowerCase(), value);
  }

  /** The macro's text, or undefined when there is no such macro. Throws FieldTooLong when it cannot be had. */
  expand(name: string): string | undefined {
    const value = this.values.get(name.toLowerCase());
    if (value === undefined) return undefined;
    if (value === null) throw new FieldTooLong(FIELD_TOO_LONG);
    this.expanded += value.length;
    if (this.expanded > MAX_MACRO_EXPANSION) throw new FieldTooLong(EXPANSION_TOO_LARGE);
    return value;
  }
}

function readBlocks(text: string, macros: Macros): readonly Block[] {
  const blocks: Block[] = [];
  for (const chunk of entryChunks(text)) {
    // One by one: a line can hold any number of entries, too many to pass as arguments.
    for (const block of new ChunkReader(chunk.text, chunk.firstLine, macros).read()) blocks.push(block);
  }
  return blocks;
}

function entryChunks(text: string): readonly { text: string; firstLine: number }[] {
  const lines = text.split('\n');
  const chunks: { text: string; firstLine: number }[] = [];
  let start = 0;
  for (let i = 1; i <= lines.length; i++) {
    if (i === lines.length || ENTRY_LINE.test(lines[i] ?? '')) {
      chunks.push({ text: lines.slice(start, i).join('\n'), firstLine: start + 1 });
      start = i;
    }
  }
  return chunks;
}

class ChunkReader {
  private pos = 0;
  /**
   * Lines are counted on from the last one asked for, so that a line of many @strings takes linear time: how
   * many so far, and where the next line break is (-1: none).
   */
  private lines: { readonly counted: number; readonly nextBreak: number } | null = null;

  constructor(
    private readonly text: string,
    private readonly firstLine: number,
    private readonly macros: Macros,
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
      this.pos++;
      const block: BlockResult = type === 'string' ? this.stringBlock(at, close) : this.entryBlock(type, close);
      blocks.push(block);
      // After a broken entry the reader cannot tell where it is: the rest of the chunk is its debris.
      if (block.error !== null && !block.readToEnd) return blocks;
    }
  }

  private stringBlock(at: number, close: string): BlockResult {
    const line = this.lineOf(at);
    let tooLong: string | null = null;
    try {
      this.skipSpace();
      const name = this.fieldName();
      let value: string | null;
      try {
        value = this.value(name);
      } catch (error) {
        if (!(error instanceof FieldTooLong)) throw error;
        // Defined, but unusable: a field that names it is too long too (rather than being the macro's name).
        tooLong = error.message;
        value = null;
      }
      this.macros.define(name, value);
      this.skipSpace();
      if (this.text[this.pos] !== close) throw new BrokenEntry(`it does not end with ${close} after the value`);
      this.pos++;
      return { kind: 'string', line, error: tooLong, readToEnd: true };
    } catch (error) {
      return { kind: 'string', line, error: brokenReason(error), readToEnd: false };
    }
  }

  private entryBlock(type: string, close: string): BlockResult {
    this.skipSpace();
    const key = this.match(ENTRY_KEY) ?? '';
    const fields = new Map<string, string>();
    let tooLong: string | null = null;
    try {
      for (;;) {
        this.skipSpace();
        const ch = this.text[this.pos];
        if (ch === undefined) throw new BrokenEntry(`it ends before its closing ${close}`);
        if (ch === close) {
          this.pos++;
          return { kind: 'entry', type, key, fields, error: tooLong, readToEnd: true };
        }
        if (ch === ',') {
          this.pos++;
          continue;
        }
        const name = this.fieldName();
        try {
          const value = this.value(name);
          if (!fields.has(name)) fields.set(name, value);
        } catch (error) {
          if (!(error instanceof FieldTooLong)) throw error;
          tooLong ??= error.message;
        }
      }
    } catch (error) {
      return { kind: 'entry', type, key, fields, error: brokenReason(error), readToEnd: false };
    }
  }

  private fieldName(): string {
    const name = this.match(FIELD_NAME);
    if (name === undefined) {
      const found = this.text[this.pos];
      throw new BrokenEntry(
        found === undefined ? 'it ends in the middle' : `"${quoteForMessage(found)}" where a field name should be`,
      );
    }
    this.skipSpace();
    if (this.text[this.pos] !== '=') throw new BrokenEntry(`the field "${quoteForMessage(name)}" has no "="`);
    this.pos++;
    return name.toLowerCase();
  }

  /**
   * A value: parts joined by `#`, each braced, quoted, a number or a macro name. Throws FieldTooLong, once the
   * value is read to its end, when its macros make it longer than MAX_EXPANDED_FIELD_LENGTH: that is found from
   * the lengths of its parts, before they are put together.
   */
  private value(field: string): string {
    let value = '';
    let expanded = false;
    let tooLong: string | null = null;
    for (;;) {
      this.skipSpace();
      try {
        const part = this.valuePart(field);
        expanded ||= part.macro;
        if (expanded && value.length + part.text.length > MAX_EXPANDED_FIELD_LENGTH) tooLong ??= FIELD_TOO_LONG;
        if (tooLong === null) value += part.text;
      } catch (error) {
        if (!(error instanceof FieldTooLong)) throw error;
        tooLong ??= error.message;
      }
      this.skipSpace();
      if (this.text[this.pos] !== '#') break;
      this.pos++;
    }
    if (tooLong !== null) throw new FieldTooLong(tooLong);
    return value;
  }

  /** One part of a value, and whether it is the text of a macro. */
  private valuePart(field: string): { readonly text: string; readonly macro: boolean } {
    const part = this.literalPart(field);
    if (part !== undefined) return { text: part, macro: false };
    const macro = this.match(MACRO_NAME);
    if (macro === undefined) throw new BrokenEntry(`the field "${quoteForMessage(field)}" has no value`);
    const text = this.macros.expand(macro);
    return text === undefined ? { text: macro, macro: false } : { text, macro: true };
  }

  /** A braced or quoted part, or a number; undefined when the part is none of these. */
  private literalPart(field: string): string | undefined {
    const ch = this.text[this.pos];
    if (ch === '{') {
      const end = matchingBrace(this.text, this.pos);
      if (end < 0) throw new BrokenEntry(`the value of "${quoteForMessage(field)}" has no closing }`);
      const part = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return part;
    }
    if (ch === '"') {
      const end = closingQuote(this.text, this.pos + 1);
      if (end < 0) throw new BrokenEntry(`the value of "${quoteForMessage(field)}" has no closing "`);
      const part = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return part;
    }
    return this.match(NUMBER);
  }

  /** The line (1-based, in the file) of `at`, which is not before the last one asked for. */
  private lineOf(at: number): number {
    let { counted, nextBreak } = this.lines ?? { counted: 0, nextBreak: this.text.indexOf('\n') };
    while (nextBreak >= 0 && nextBreak < at) {
      counted++;
      nextBreak = this.text.indexOf('\n', nextBreak + 1);
    }
    this.lines = { counted, nextBreak };
    return this.firstLine + counted;
  }

  private skipGroup(close: string): void {
    const end = close === '}' ? matchingBrace(this.text, this.pos) : this.text.indexOf(')', this.pos);
    this.pos = end < 0 ? this.text.length : end + 1;
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  /** The text matching a sticky `pattern` at the current position, consumed; undefined when none does. */
  private match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    const found = pattern.exec(this.text)?.[0];
    if (found === undefined || found === '') return undefined;
    this.pos += found.length;
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

function brokenReason(error: unknown): string {
  if (error instanceof BrokenEntry) return error.message;
  throw error;
}

// ---------------------------------------------------------------- from fields to a paper

function paperOf(fields: Fields): ParsedPaper | null {
  const title = collapseWhitespace(decodeTex(fields.get('title') ?? ''));
  if (title === '') return null;
  const arxivId = arxivIdOf(fields);
  const doi = normalizeDoi(withoutBraces(fields.get('doi') ?? ''));
  const rawAbstract = fields.get('abstract') ?? '';
  return {
    title,
    abstract: joinParagraphs(splitParagraphs(decodeTex(rawAbstract))),
    authors: splitNames(fields.get('author') ?? ''),
    arxivId,
    doi,
    year: yearOf(fields) ?? (arxivId === null ? null : arxivIdYear(arxivId)),
    links: paperLinks(arxivId, [
      doi === null ? null : doiUrl(doi),
      ...extractUrls(fields.get('url') ?? ''),
      ...extractUrls(fields.get('howpublished') ?? ''),
      ...extractUrls(rawAbstract),
    ]),
    categories: uniqueInOrder(
      decodeTex(fields.get('keywords') ?? '')
        .split(/[,;]/)
        .map(collapseWhitespace)
        .filter((keyword) => keyword !== ''),
    ),
  };
}

function withoutBraces(text: string): string {
  return text.replace(/[{}]/g, '').trim();
}

function arxivIdOf(fields: Fields): string | null {
  const prefix = fields.get('archiveprefix') ?? fields.get('eprinttype');
  const eprint = fields.get('eprint');
  if (eprint !== undefined && (prefix === undefined || /arxiv/i.test(prefix))) {
    const id = normalizeArxivId(withoutBraces(eprint));
    if (id !== null) return id;
  }
  for (const name of ['arxivid', 'arxiv']) {
    const id = normalizeArxivId(withoutBraces(fields.get(name) ?? ''));
    if (id !== null) return id;
  }
  const arxivDoi = /^10\.48550\/arxiv\.(.+)$/i.exec(withoutBraces(fields.get('doi') ?? ''))?.[1];
  if (arxivDoi !== undefined) return normalizeArxivId(arxivDoi);
  for (const name of ['url', 'journal', 'note', 'howpublished']) {
    const id = arxivIdMentionedIn(withoutBraces(fields.get(name) ?? ''));
    if (id !== null) return id;
  }
  return null;
}

/** "arXiv preprint arXiv:2303.12345", "https://arxiv.org/abs/2303.12345v2". */
function arxivIdMentionedIn(text: string): string | null {
  const mentions = text.matchAll(/arxiv\.org\/(?:abs|pdf)\/([\w./-]+)|arxiv:\s*([\w./-]+)/gi);
  for (const mention of mentions) {
    const id = normalizeArxivId((mention[1] ?? mention[2] ?? '').replace(/[.,;]+$/, ''));
    if (id !== null) return id;
  }
  return null;
}

function yearOf(fields: Fields): number | null {
  const year =
    /\b(\d{4})\b/.exec(fields.get('year') ?? '')?.[1] ?? /^\s*\{?(\d{4})/.exec(fields.get('date') ?? '')?.[1];
  return year === undefined ? null : Number(year);
}

/** "Schr{\"o}dinger, Erwin and {The ATLAS Collaboration} and others" → ["Erwin Schrödinger", "The ATLAS Collaboration"]. */
export function splitNames(raw: string): readonly string[] {
  const names: string[][] = [[]];
  for (const word of topLevelWords(raw)) {
    if (word.toLowerCase() === 'and') names.push([]);
    else names.at(-1)?.push(word);
  }
  return names
    .map((words) => words.join(' '))
    .filter((name) => name !== '' && name.toLowerCase() !== 'others')
    .map((name) => collapseWhitespace(decodeTex(firstNameFirst(name))))
    .filter((name) => name !== '');
}

/** "Last, First" → "First Last"; "Last, Jr., First" → "First Last Jr.". */
function firstNameFirst(name: string): string {
  const [last = '', second, third] = splitTopLevel(name, ',').map((part) => part.trim());
  if (third !== undefined) return `${third} ${last} ${second ?? ''}`;
  if (second !== undefined) return `${second} ${last}`;
  return last;
}

function topLevelWords(text: string): readonly string[] {
  return splitTopLevel(text, /\s/).filter((word) => word !== '');
}

/** Splits at separators outside braces. */
function splitTopLevel(text: string, separator: string | RegExp): readonly string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    const separates = typeof separator === 'string' ? ch === separator : separator.test(ch);
    if (depth === 0 && separates) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}
