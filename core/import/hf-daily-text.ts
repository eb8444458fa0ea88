/**
 * The text of a Hugging Face Daily Papers page, as copied from the browser: a few header lines, a
 * date line ("Mar 11"), then each paper as a title line followed by its abstract paragraph(s).
 */

import type { ParsedPaper } from '../model.js';
import type { ParseContext, ParsedDigest, SkippedBlock } from './types.js';
import { ARXIV_TEX, decodeTex } from './tex.js';
import { collapseWhitespace, joinParagraphs } from './whitespace.js';
import { extractUrls, paperLinks } from '../links.js';
import { isoDate, latestDateNotAfter, monthNumber, shortDate } from './dates.js';

/** Lines only this page has: enough to recognise it without a date line. */
const PAGE_MARKERS = new Set(['Get trending papers in your email inbox!', 'byAK and the research community']);
const HEADER_LINES = new Set([...PAGE_MARKERS, 'new', 'Subscribe', 'Daily Papers']);

const DATE_LINE =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?([a-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/i;

/** The upvote count the page shows beside a paper, on a line of its own before its title: "42", "▲ 42". */
const UPVOTES_LINE = /^(?:▲\s*|upvotes?\s*)?(\d{1,7})(?:\s*upvotes?)?$/i;

/** Abstracts run to a thousand characters or more; no title comes near this. */
const MAX_TITLE_LENGTH = 300;
const MIN_ABSTRACT_LENGTH = 200;

interface Line {
  /** 1-based, as an editor shows it. */
  readonly number: number;
  readonly text: string;
}

interface DayLine {
  readonly month: number;
  readonly day: number;
  readonly year: number | undefined;
}

export function looksLikeHfDailyText(text: string): boolean {
  const lines = nonBlankLines(text);
  if (lines.slice(0, 40).some((line) => PAGE_MARKERS.has(line.text))) return true;
  const dateIndex = findDateLine(lines);
  if (dateIndex < 0) return false;
  const [title, abstract] = lines.slice(dateIndex + 1);
  return (
    title !== undefined &&
    abstract !== undefined &&
    looksLikeTitle(title.text) &&
    abstract.text.length >= MIN_ABSTRACT_LENGTH
  );
}

export function parseHfDailyText(text: string, ctx: ParseContext): ParsedDigest {
  const lines = nonBlankLines(text);
  const dateIndex = findDateLine(lines);
  const dayLine = dateIndex < 0 ? null : parseDayLine(lines[dateIndex]?.text ?? '');
  const body = lines.slice(dateIndex < 0 ? afterHeaderLines(lines) : dateIndex + 1);
  const { papers, skipped } = readPapers(body);
  return {
    format: 'hf-daily-text',
    title: dayLine === null ? 'Hugging Face Daily Papers' : `Hugging Face Daily Papers, ${dayLineLabel(dayLine)}`,
    date: dayLine === null ? null : dayLineDate(dayLine, ctx.now),
    papers,
    skipped,
  };
}

function nonBlankLines(text: string): readonly Line[] {
  return text
    .split('\n')
    .map((line, index) => ({ number: index + 1, text: line.trim() }))
    .filter((line) => line.text !== '');
}

/** A short line that does not end a sentence or clause, and holds no URL. */
function looksLikeTitle(text: string): boolean {
  return text.length <= MAX_TITLE_LENGTH && !/[.,;:]$/.test(text) && extractUrls(text).length === 0;
}

/** The date line, looked for only before the first abstract so that a title like "May 5" is safe. */
function findDateLine(lines: readonly Line[]): number {
  for (const [index, line] of lines.entries()) {
    if (!looksLikeTitle(line.text)) return -1;
    if (parseDayLine(line.text) !== null) return index;
  }
  return -1;
}

function parseDayLine(text: string): DayLine | null {
  const match = DATE_LINE.exec(text);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  const month = monthNumber(match[1]);
  const day = Number(match[2]);
  const year = match[3] === undefined ? undefined : Number(match[3]);
  if (month === null || isoDate(year ?? 2000, month, day) === null) return null;
  return { month, day, year };
}

function dayLineLabel({ month, day, year }: DayLine): string {
  return shortDate(month, day, year);
}

function dayLineDate({ month, day, year }: DayLine, now: string): string | null {
  return year === undefined ? latestDateNotAfter(month, day, now) : isoDate(year, month, day);
}

/** Without a date line, the papers start after the last known header line at the top. */
function afterHeaderLines(lines: readonly Line[]): number {
  let start = 0;
  for (const [index, line] of lines.entries()) {
    if (!looksLikeTitle(line.text)) break;
    if (HEADER_LINES.has(line.text)) start = index + 1;
  }
  return start;
}

function readPapers(body: readonly Line[]): { papers: ParsedPaper[]; skipped: SkippedBlock[] } {
  const papers: ParsedPaper[] = [];
  const skipped: SkippedBlock[] = [];
  const lastAbstractLine = body.findLastIndex((line) => !looksLikeTitle(line.text));
  let title: Line | null = null;
  let paragraphs: string[] = [];
  let upvotes: number | null = null;
  let titleUpvotes: number | null = null;
  const flush = (): void => {
    const paper = title === null ? null : paperOf(title.text, paragraphs, titleUpvotes);
    if (paper !== null && paper.title !== '') papers.push(paper);
    else if (title !== null)
      skipped.push({ where: `line ${title.number}`, reason: 'its title is empty once its TeX is read' });
    paragraphs = [];
  };

  const lines = body.slice(0, lastAbstractLine + 1);
  for (const [index, line] of lines.entries()) {
    const count = UPVOTES_LINE.exec(line.text)?.[1];
    const next = lines[index + 1];
    if (count !== undefined && next !== undefined && looksLikeTitle(next.text) && !UPVOTES_LINE.test(next.text)) {
      upvotes = Number(count);
    } else if (looksLikeTitle(line.text)) {
      flush();
      title = line;
      titleUpvotes = upvotes;
      upvotes = null;
    } else if (title === null) {
      skipped.push({ where: `line ${line.number}`, reason: 'a paragraph with no title before it' });
    } else {
      paragraphs.push(line.text);
    }
  }
  flush();

  // A page ends with links and buttons that look just like titles. A real last paper without an
  // abstract would look the same, so it is reported rather than dropped silently.
  const footer = body.slice(lastAbstractLine + 1);
  const [first, last] = [footer[0], footer.at(-1)];
  if (first !== undefined && last !== undefined) {
    skipped.push({
      where: first === last ? `line ${first.number}` : `lines ${first.number}–${last.number}`,
      reason: 'short lines with no abstract after them, taken as the page footer',
    });
  }
  return { papers, skipped };
}

/** The page shows arXiv's metadata as arXiv wrote it, TeX and all: decoded as every importer of it decodes it. */
function paperOf(title: string, paragraphs: readonly string[], upvotes: number | null): ParsedPaper {
  const abstract = joinParagraphs(paragraphs.map((paragraph) => decodeTex(paragraph, ARXIV_TEX)));
  return {
    title: collapseWhitespace(decodeTex(title, ARXIV_TEX)),
    abstract,
    authors: [],
    arxivId: null,
    doi: null,
    year: null,
    links: paperLinks(null, extractUrls(abstract)),
    categories: [],
    ...(upvotes === null ? {} : { facts: { hfUpvotes: upvotes } }),
  };
}
