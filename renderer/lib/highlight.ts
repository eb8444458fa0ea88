/** Splitting text around search matches, and cutting a snippet around the first one. Pure. */

import { mathSpans } from '../../core/math-spans.js';

/** A match: [start, end) in UTF-16 code units, as the search index reports it. */
export type Range = readonly [number, number];

export interface Segment {
  readonly text: string;
  readonly match: boolean;
}

/** Ranges clamped to the text, empty ones dropped, sorted, overlapping and touching ones joined. */
export function normalizeRanges(ranges: readonly Range[] | undefined, length: number): Range[] {
  if (ranges === undefined || ranges.length === 0) return [];
  const clamped = ranges
    .map(([start, end]): Range => [Math.max(0, Math.min(start, length)), Math.max(0, Math.min(end, length))])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of clamped) {
    const last = merged.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The text as alternating plain and matched segments; one plain segment when nothing matched. */
export function splitHighlights(text: string, ranges: readonly Range[] | undefined): Segment[] {
  const segments: Segment[] = [];
  let position = 0;
  for (const [start, end] of normalizeRanges(ranges, text.length)) {
    if (start > position) segments.push({ text: text.slice(position, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    position = end;
  }
  if (position < text.length || segments.length === 0) segments.push({ text: text.slice(position), match: false });
  return segments;
}

export interface Snippet {
  readonly text: string;
  /** The matches inside `text`. */
  readonly ranges: readonly Range[];
  /** Text was cut off before / after. */
  readonly clippedStart: boolean;
  readonly clippedEnd: boolean;
}

/**
 * A piece of `text` that shows its first match with some context before it, starting at a word boundary;
 * the text's beginning when nothing matched. The snippet is at most `maxLength` long (before the ellipses).
 */
export function snippetAround(
  text: string,
  ranges: readonly Range[] | undefined,
  { context = 48, maxLength = 240 }: { context?: number; maxLength?: number } = {},
): Snippet {
  const flat = text.replace(/\s+/g, ' ');
  // Whitespace runs collapse, so positions shift: map them through the collapsing.
  const map = collapseMap(text);
  const normalized = normalizeRanges(
    ranges?.map(([start, end]): Range => [map(start), map(end)]),
    flat.length,
  );
  const first = normalized[0];
  let start = 0;
  if (first !== undefined && first[0] > context) {
    start = first[0] - context;
    const space = flat.indexOf(' ', start);
    start = space !== -1 && space < first[0] ? space + 1 : start;
  }
  const end = Math.min(flat.length, start + maxLength);
  let cutEnd = end;
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + maxLength * 0.6) cutEnd = space;
  }
  // A formula is shown whole or not at all: half of one would pair its `$` with another's.
  if (flat.includes('$')) [start, cutEnd] = outsideMath(flat, start, cutEnd);
  const shifted = normalized
    .filter(([rangeStart, rangeEnd]) => rangeEnd > start && rangeStart < cutEnd)
    .map(([rangeStart, rangeEnd]): Range => [Math.max(rangeStart, start) - start, Math.min(rangeEnd, cutEnd) - start]);
  return {
    text: flat.slice(start, cutEnd).trimEnd(),
    ranges: shifted,
    clippedStart: start > 0,
    clippedEnd: cutEnd < flat.length,
  };
}

/** A formula longer than this is left out of a snippet it would end in, rather than make it this much longer. */
const LONGEST_FORMULA_KEPT = 120;

/** [start, end) moved out of any formula (core/math-spans.ts) they fall in: the start to its beginning, the end past it. */
function outsideMath(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  for (const span of mathSpans(text)) {
    if (span.start >= to) break;
    if (span.start < from && from < span.end) from = span.start;
    if (span.start < to && to < span.end) to = span.end - span.start <= LONGEST_FORMULA_KEPT ? span.end : span.start;
  }
  return to > from ? [from, to] : [start, end];
}

/** Maps an offset in `text` to the offset in `text` with each whitespace run collapsed to one space. */
function collapseMap(text: string): (offset: number) => number {
  if (!/\s\s|[\t\n\r\f\v]/.test(text)) return (offset) => offset;
  const mapped: number[] = [];
  let out = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i += 1) {
    mapped.push(out);
    const space = /\s/.test(text[i] ?? '');
    if (!(space && inSpace)) out += 1;
    inSpace = space;
  }
  mapped.push(out);
  return (offset) => mapped[Math.max(0, Math.min(offset, text.length))] ?? out;
}

/**
 * The ranges that fall in each tag, for highlights reported over the tags' joined text (`tags.join(', ')`),
 * as the search index reports array fields.
 */
export function rangesPerTag(tags: readonly string[], ranges: readonly Range[] | undefined): Range[][] {
  const result: Range[][] = tags.map(() => []);
  if (ranges === undefined || ranges.length === 0) return result;
  let offset = 0;
  tags.forEach((tag, index) => {
    const tagEnd = offset + tag.length;
    for (const [start, end] of ranges) {
      if (end > offset && start < tagEnd) {
        result[index]?.push([Math.max(start, offset) - offset, Math.min(end, tagEnd) - offset]);
      }
    }
    offset = tagEnd + 2;
  });
  return result;
}

/** The first line of a text (an abstract's opening), whitespace tidied. */
export function firstLine(text: string): string {
  const trimmed = text.trim();
  const newline = trimmed.indexOf('\n');
  return (newline === -1 ? trimmed : trimmed.slice(0, newline)).replace(/\s+/g, ' ');
}

export interface Paragraph {
  readonly text: string;
  readonly ranges: readonly Range[];
}

/** A text's paragraphs (split at blank lines, trimmed), each with the matches that fall in it. */
export function paragraphsOf(text: string, ranges: readonly Range[] | undefined): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const matches = normalizeRanges(ranges, text.length);
  const separator = /\n[^\S\n]*\n\s*/g;
  let start = 0;
  const push = (from: number, to: number): void => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    const begin = from + lead;
    const end = begin + trimmed.length;
    paragraphs.push({
      text: trimmed,
      ranges: matches
        .filter(([rangeStart, rangeEnd]) => rangeEnd > begin && rangeStart < end)
        .map(([rangeStart, rangeEnd]): Range => [Math.max(rangeStart, begin) - begin, Math.min(rangeEnd, end) - begin]),
    });
  };
  for (const match of text.matchAll(separator)) {
    push(start, match.index);
    start = match.index + match[0].length;
  }
  push(start, text.length);
  return paragraphs;
}
