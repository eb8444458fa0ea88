/**
 * The daily listing email arXiv sends to subscribers: a header, then one entry per paper between
 * dashed lines (new submissions, cross-listings, replacements), then a footer.
 *
 *   \\
 *   arXiv:2403.01234 (*cross-listing*)
 *   Date: Mon, 4 Mar 2024 12:00:01 GMT   (1024kb,D)
 *
 *   Title: A title that may wrap
 *     onto indented lines
 *   Authors: ...
 *   \\
 *     The abstract, wrapped; an indented line starts a new paragraph.
 *   \\ ( https://arxiv.org/abs/2403.01234 ,  1024kb)
 */

import { arxivIdYear, normalizeArxivId } from '../identity.js';
import type { ParsedPaper } from '../model.js';
import type { ParseContext, ParsedDigest, SkippedBlock } from './types.js';
import { baseName } from './file-name.js';
import { collapseWhitespace, joinParagraphs } from './whitespace.js';
import { decodeTex } from './tex.js';
import { doiUrl, extractUrls, normalizeDoi, paperLinks } from '../links.js';
import { isoDate, isoDateLabel, monthNumber } from './dates.js';
import { quoteForMessage } from '../terminal-text.js';
import { uniqueInOrder } from '../arrays.js';
import { mailLines, type MailLines } from './mail.js';
import { factsOf } from '../paper-facts.js';

const ENTRY_START = /^arXiv:(\S+)/;
/** The dashed lines between entries and the %%--%%--%% lines between sections. */
const SEPARATOR = /^[-%]{10,}\s*$/;
const BACKSLASHES = /^\\\\\s*$/;
/** The line that closes an entry: "\\ ( https://arxiv.org/abs/2403.01234 ,  1024kb)". */
const LINK_LINE = /^\\\\\s*\(\s*https?:\/\/[^\s)]+[^)]*\)\s*$/;
const FIELD = /^([A-Za-z][A-Za-z-]*(?: \([^)]*\))?):\s*(.*)$/;
const REVISION_LINE = /^(?:Date\b|replaced with revised version\b)/i;
/** "4 Mar 2024" or "4 Mar 24" in a Date: line or a "received from … to …" line. */
const DAY_MONTH_YEAR = /(\d{1,2})\s+([A-Z][a-z]{2})[a-z]*\s+(\d{4}|\d{2})\b/;

const TEX = { tilde: 'keep' } as const;

export function looksLikeArxivEmail(text: string): boolean {
  return /^arXiv:\S+/m.test(text) && (/^\\\\\s*$/m.test(text) || /^-{20,}\s*$/m.test(text));
}

export function parseArxivEmail(text: string, ctx: ParseContext): ParsedDigest {
  const mail = mailLines(text);
  const entries = splitEntries(mail);
  const header = mail.lines.slice(0, entries[0] === undefined ? mail.lines.length : entries[0].index);
  const papers: ParsedPaper[] = [];
  const skipped: SkippedBlock[] = [];
  const notes: string[] = [];
  let firstDateLine: string | null = null;

  for (const entry of entries) {
    const read = readEntry(entry);
    firstDateLine ??= read.dateLine;
    const { paper } = read;
    if (typeof paper === 'string') {
      skipped.push({ where: entry.where, reason: paper });
      continue;
    }
    papers.push(paper);
    notes.push(...read.notes.map((note) => `${entry.where}, “${quoteForMessage(paper.title)}”: ${note}`));
  }

  const date = headerDate(header) ?? (firstDateLine === null ? null : dateIn(firstDateLine));
  const subject = /^Subject:\s*(.+)$/m.exec(header.join('\n'))?.[1]?.trim();
  return {
    format: 'arxiv-email',
    title: `arXiv listing, ${date === null ? (subject ?? baseName(ctx.fileName)) : isoDateLabel(date)}`,
    date,
    papers,
    skipped,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** How an entry ended: at its closing link line, or cut short by a rule or the end of the file. */
type EntryEnd = 'link' | 'rule' | 'end of file';

interface Entry {
  readonly where: string;
  /** Where its arXiv: line is in the lines read. */
  readonly index: number;
  readonly rawId: string;
  /** The header block: the lines after the arXiv: line, up to the \\ before the abstract. */
  readonly header: readonly string[];
  /** The abstract's lines, between its \\ line and the closing link line; null when it has none. */
  readonly abstract: readonly string[] | null;
  readonly end: EntryEnd;
}

/**
 * The entries, delimited by the listing's own structure: an entry starts at an arXiv: line found between
 * entries, holds its header block up to a \\ line, then its abstract, and ends at its closing link line
 * (or, cut short, at a rule or the end of the file). A line inside an abstract that starts with "arXiv:",
 * "Title:" or "Authors:" (a citation wrapped onto its own line) is abstract text, never a new entry.
 */
function splitEntries({ lines, lineNumber }: MailLines): readonly Entry[] {
  const entries: Entry[] = [];
  let current: { index: number; rawId: string; header: string[]; abstract: string[] | null } | null = null;
  const close = (end: EntryEnd): void => {
    if (current === null) return;
    const { index, rawId } = current;
    entries.push({ ...current, where: `line ${lineNumber(index)} (arXiv:${quoteForMessage(rawId)})`, end });
    current = null;
  };
  for (const [index, line] of lines.entries()) {
    if (current === null) {
      const start = ENTRY_START.exec(line);
      if (start?.[1] !== undefined) current = { index, rawId: start[1], header: [], abstract: null };
    } else if (LINK_LINE.test(line)) {
      close('link');
    } else if (SEPARATOR.test(line)) {
      close('rule');
    } else if (current.abstract !== null) {
      // A \\ alone on a line inside an abstract is TeX's line break.
      if (!BACKSLASHES.test(line)) current.abstract.push(line);
    } else if (BACKSLASHES.test(line)) {
      current.abstract = [];
    } else {
      current.header.push(line);
    }
  }
  close('end of file');
  return entries;
}

interface EntryParts {
  readonly dateLine: string | null;
  readonly replaced: boolean;
  readonly fields: ReadonlyMap<string, string>;
}

function readEntry(entry: Entry): {
  readonly paper: ParsedPaper | string;
  readonly dateLine: string | null;
  readonly notes: readonly string[];
} {
  const parts = headerParts(entry.header);
  const title = parts.fields.get('title');
  if (title === undefined || title === '') {
    return { paper: 'the entry has no Title: line', dateLine: parts.dateLine, notes: [] };
  }
  const arxivId = normalizeArxivId(entry.rawId);
  const doi = normalizeDoi(parts.fields.get('doi') ?? '');
  const comments = parts.fields.get('comments') ?? '';
  const rawAbstract = joinParagraphs(abstractParagraphs(entry.abstract ?? []));
  // The listing gives the primary category first, then those the paper is cross-listed in.
  const categories = uniqueInOrder((parts.fields.get('categories') ?? '').split(/\s+/).filter((c) => c !== ''));
  const published = publishedDay(parts);
  const facts = factsOf({
    published,
    journalRef: collapseWhitespace(decodeTex(parts.fields.get('journal-ref') ?? '', TEX)),
    primaryCategory: categories[0],
    comment: collapseWhitespace(decodeTex(comments, TEX)),
  });
  const paper: ParsedPaper = {
    title: collapseWhitespace(decodeTex(title, TEX)),
    abstract: joinParagraphs(rawAbstract.split('\n\n').map((paragraph) => decodeTex(paragraph, TEX))),
    authors: splitAuthors(parts.fields.get('authors') ?? ''),
    arxivId,
    doi,
    year: arxivId !== null ? arxivIdYear(arxivId) : published === null ? null : Number(published.slice(0, 4)),
    links: paperLinks(arxivId, [
      doi === null ? null : doiUrl(doi),
      ...extractUrls(comments),
      ...extractUrls(rawAbstract),
    ]),
    categories,
    ...(facts === undefined ? {} : { facts }),
  };
  return { paper, dateLine: parts.dateLine, notes: entryNotes(entry, arxivId) };
}

/** What an imported entry lost: its arXiv id when that is not one, the end of its text when it was cut short. */
function entryNotes(entry: Entry, arxivId: string | null): readonly string[] {
  const notes: string[] = [];
  if (arxivId === null) {
    notes.push(`“${quoteForMessage(entry.rawId)}” is not an arXiv identifier, so the paper has none`);
  }
  if (entry.end !== 'link') {
    const cut = entry.end === 'rule' ? 'a dashed line' : 'the end of the file';
    const lost = entry.abstract === null ? 'its abstract is missing' : 'its abstract may be cut short';
    notes.push(`the entry stops at ${cut} before its closing “\\\\ ( https://arxiv.org/abs/… )” line: ${lost}`);
  }
  return notes;
}

/** The Date: or "replaced with revised version" line, then the Title:, Authors:, … fields. */
function headerParts(lines: readonly string[]): EntryParts {
  let i = 0;
  let dateLine: string | null = null;
  let replaced = false;
  const skipBlank = (): void => {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  };

  skipBlank();
  while (i < lines.length && REVISION_LINE.test((lines[i] ?? '').trim())) {
    const line = (lines[i] ?? '').trim();
    replaced ||= /^replaced/i.test(line);
    dateLine ??= line;
    i++;
  }
  skipBlank();

  const fields = new Map<string, string>();
  let field: string | null = null;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const match = /^\s/.test(line) ? null : FIELD.exec(line);
    if (match?.[1] !== undefined) {
      field = match[1].toLowerCase();
      fields.set(field, match[2] ?? '');
    } else if (field !== null && line.trim() !== '') {
      fields.set(field, `${fields.get(field) ?? ''} ${line.trim()}`);
    }
  }
  return { dateLine, replaced, fields };
}

/**
 * arXiv marks a new paragraph with an indented line. Some mail clients indent every line, and then
 * the indentation means nothing; blank lines always separate paragraphs.
 */
function abstractParagraphs(lines: readonly string[]): readonly string[] {
  const content = lines.filter((line) => line.trim() !== '');
  const indentMarksParagraphs = content.slice(1).some((line) => !/^\s/.test(line));
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const [index, line] of lines.entries()) {
    const startsParagraph = line.trim() === '' || (indentMarksParagraphs && index > 0 && /^\s/.test(line));
    if (startsParagraph && current.length > 0) {
      paragraphs.push(current);
      current = [];
    }
    if (line.trim() !== '') current.push(line);
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs.map((paragraph) => paragraph.join(' '));
}

/** "A (MIT), B and C ((1) X, (2) Y)" → ["A", "B", "C"], with TeX accents decoded. */
export function splitAuthors(raw: string): readonly string[] {
  return withoutParentheses(raw)
    .replace(/\s+/g, ' ') // one space per run: with runs, the split below takes quadratic time
    .split(/\s*,\s*and\s+|\s+and\s+|\s*[,;]\s*/)
    .map((name) => collapseWhitespace(decodeTex(name, TEX)))
    .filter((name) => name !== '' && !/^(?:et al\.?|others)$/i.test(name));
}

function withoutParentheses(text: string): string {
  let result = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0) result += ch;
  }
  return result;
}

/** The day of the entry's Date: line, when its first version was submitted; null for a replacement's. */
function publishedDay(parts: EntryParts): string | null {
  return parts.replaced || parts.dateLine === null ? null : dateIn(parts.dateLine);
}

/** "to 5 Mar 24" after "received from …": found from the first "received from" on, so in linear time. */
const RECEIVED_TO = /\bto\s+([^\n]+)/gi;

/** The listing's day: the end of the "received from … to …" period, or the email's own Date:. */
function headerDate(header: readonly string[]): string | null {
  const text = header.join('\n');
  const received = receivedTo(text);
  const emailDate = /^Date:\s*(.+)$/m.exec(text)?.[1];
  return (received === undefined ? null : dateIn(received)) ?? (emailDate === undefined ? null : dateIn(emailDate));
}

/**
 * What follows "to" after the first "received from" (the end of the submission period). A single regular
 * expression, /received from[\s\S]*?\bto\s+(…)/, would start over at every "received from" when there is no
 * "to": quadratic in a header of them. Later ones cannot find a "to" the first one did not, so one search does.
 */
function receivedTo(text: string): string | undefined {
  const from = text.search(/received from/i);
  if (from < 0) return undefined;
  RECEIVED_TO.lastIndex = from + 'received from'.length;
  return RECEIVED_TO.exec(text)?.[1];
}

function dateIn(text: string): string | null {
  const match = DAY_MONTH_YEAR.exec(text);
  if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined) return null;
  const month = monthNumber(match[2]);
  const year = match[3].length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  return month === null ? null : isoDate(year, month, Number(match[1]));
}
