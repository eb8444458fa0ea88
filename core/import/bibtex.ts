/**
 * A tolerant BibTeX reader: `@type{key, field = {braced {nested}} # "quoted" # macro, …}`, @string
 * macros, month macros, @comment and @preamble. Each entry is read on its own, so one broken
 * entry is reported and the rest are still imported.
 */

import { normalizeArxivId } from '../identity.js';
import type { ParsedPaper } from '../model.js';
import type { ParseContext, ParsedDigest, SkippedBlock } from './types.js';
import {
  arxivIdYear,
  baseName,
  collapseWhitespace,
  decodeTex,
  doiUrl,
  extractUrls,
  joinParagraphs,
  matchingBrace,
  monthName,
  normalizeDoi,
  paperLinks,
  splitParagraphs,
  uniqueInOrder,
} from './text.js';

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

export function looksLikeBibtex(text: string): boolean {
  return /^[ \t]*@[A-Za-z]+[ \t]*[{(][^\n,{}]*,/m.test(text) || /^[ \t]*@string[ \t]*[{(]/im.test(text);
}

export function parseBibtex(text: string, ctx: ParseContext): ParsedDigest {
  const papers: ParsedPaper[] = [];
  const skipped: SkippedBlock[] = [];
  const macros = new Map(MONTH_MACROS);
  let entryNumber = 0;

  for (const block of readBlocks(text, macros)) {
    if (block.kind === 'string') {
      if (block.error !== null) skipped.push({ where: `@string at line ${block.line}`, reason: block.error });
      continue;
    }
    entryNumber++;
    const where = `entry ${entryNumber} (@${block.type}{${block.key}})`;
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

/** A reason the entry cannot be read; thrown inside an entry, caught at its start. */
class BrokenEntry extends Error {}

function readBlocks(text: string, macros: Map<string, string>): readonly Block[] {
  const blocks: Block[] = [];
  for (const chunk of entryChunks(text)) blocks.push(...new ChunkReader(chunk.text, chunk.firstLine, macros).read());
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

  constructor(
    private readonly text: string,
    private readonly firstLine: number,
    private readonly macros: Map<string, string>,
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
      const block = type === 'string' ? this.stringBlock(at, close) : this.entryBlock(type, close);
      blocks.push(block);
      // After a broken entry the reader cannot tell where it is: the rest of the chunk is its debris.
      if (block.error !== null) return blocks;
    }
  }

  private stringBlock(at: number, close: string): Block {
    const line = this.firstLine + countNewlines(this.text.slice(0, at));
    try {
      this.skipSpace();
      const name = this.fieldName();
      const value = this.value(name);
      this.macros.set(name, value);
      this.skipSpace();
      if (this.text[this.pos] !== close) throw new BrokenEntry(`it does not end with ${close} after the value`);
      this.pos++;
      return { kind: 'string', line, error: null };
    } catch (error) {
      return { kind: 'string', line, error: brokenReason(error) };
    }
  }

  private entryBlock(type: string, close: string): Block {
    this.skipSpace();
    const key = this.match(ENTRY_KEY) ?? '';
    const fields = new Map<string, string>();
    try {
      for (;;) {
        this.skipSpace();
        const ch = this.text[this.pos];
        if (ch === undefined) throw new BrokenEntry(`it ends before its closing ${close}`);
        if (ch === close) {
          this.pos++;
          return { kind: 'entry', type, key, fields, error: null };
        }
        if (ch === ',') {
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
    const name = this.match(FIELD_NAME);
    if (name === undefined) {
      const found = this.text[this.pos];
      throw new BrokenEntry(found === undefined ? 'it ends in the middle' : `"${found}" where a field name should be`);
    }
    this.skipSpace();
    if (this.text[this.pos] !== '=') throw new BrokenEntry(`the field "${name}" has no "="`);
    this.pos++;
    return name.toLowerCase();
  }

  /** A value: parts joined by `#`, each braced, quoted, a number or a macro name. */
  private value(field: string): string {
    let value = '';
    for (;;) {
      this.skipSpace();
      value += this.valuePart(field);
      this.skipSpace();
      if (this.text[this.pos] !== '#') return value;
      this.pos++;
    }
  }

  private valuePart(field: string): string {
    const ch = this.text[this.pos];
    if (ch === '{') {
      const end = matchingBrace(this.text, this.pos);
      if (end < 0) throw new BrokenEntry(`the value of "${field}" has no closing }`);
      const part = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return part;
    }
    if (ch === '"') {
      const end = closingQuote(this.text, this.pos + 1);
      if (end < 0) throw new BrokenEntry(`the value of "${field}" has no closing "`);
      const part = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return part;
    }
    const number = this.match(NUMBER);
    if (number !== undefined) return number;
    const macro = this.match(MACRO_NAME);
    if (macro !== undefined) return this.macros.get(macro.toLowerCase()) ?? macro;
    throw new BrokenEntry(`the field "${field}" has no value`);
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

function countNewlines(text: string): number {
  return text.split('\n').length - 1;
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
