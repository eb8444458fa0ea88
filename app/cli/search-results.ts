/**
 * Search results as the command line shows them: ranked, each paper's matched words marked `[like this]` in its
 * title and in a short stretch of any other field they were found in. Pure; every field made terminal-safe.
 */

import type { Paper } from '../../core/model.js';
import { fieldText } from '../../core/search/fields.js';
import type { SearchField, SearchHit, TextRange } from '../../core/search/types.js';
import { terminalLine } from '../../core/terminal-text.js';
import { plural, statusMark } from './format.js';

/** A hit with its paper, and the words it matched, field by field: what `search --json` prints. */
export interface SearchResult {
  readonly id: string;
  readonly title: string;
  readonly status: Paper['status'];
  /** 0 (perfect) to 1. */
  readonly score: number;
  readonly matched: Partial<Record<SearchField, readonly string[]>>;
}

/** Fields shown below the title, in this order, with the words matched in them. */
const OTHER_FIELDS: readonly SearchField[] = ['authors', 'tags', 'note', 'abstract'];
/** How much of a long field a result shows around its first matched word. */
const SNIPPET_LENGTH = 110;
const SNIPPET_BEFORE = 30;

export function searchResult(paper: Paper, hit: SearchHit): SearchResult {
  const document = { ...paper };
  const matched: Partial<Record<SearchField, readonly string[]>> = {};
  for (const [field, ranges] of Object.entries(hit.highlights) as [SearchField, readonly TextRange[]][]) {
    const text = fieldText(document, field);
    matched[field] = [...new Set(ranges.map(([start, end]) => text.slice(start, end)))];
  }
  return { id: paper.id, title: paper.title, status: paper.status, score: hit.score, matched };
}

/** `text` between `from` and `to`, on one line, with the ranges within it marked. */
function marked(text: string, ranges: readonly TextRange[], from = 0, to = text.length): string {
  let out = '';
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const [s, e] = [Math.max(start, from), Math.min(end, to)];
    out += `${terminalLine(text.slice(at, s))}[${terminalLine(text.slice(s, e))}]`;
    at = e;
  }
  return out + terminalLine(text.slice(at, to));
}

/** A stretch of a long field around its first matched word, its line breaks as spaces. */
function snippet(text: string, ranges: readonly TextRange[]): string {
  const flat = text.replace(/\s/g, ' ');
  const first = ranges[0]?.[0] ?? 0;
  let from = Math.max(0, first - SNIPPET_BEFORE);
  if (from > 0) from = flat.indexOf(' ', from) + 1 || from;
  let to = Math.min(flat.length, from + SNIPPET_LENGTH);
  if (to < flat.length) to = flat.lastIndexOf(' ', to) > first ? flat.lastIndexOf(' ', to) : to;
  return `${from > 0 ? '…' : ''}${marked(flat, ranges, from, to).trim()}${to < flat.length ? '…' : ''}`;
}

/** The hits, best first; `more`: whether there are more than shown. */
export function formatSearchResults(
  query: string,
  hits: readonly { readonly paper: Paper; readonly hit: SearchHit }[],
  more: boolean,
  today: string,
): string {
  if (hits.length === 0) return `No papers match ${JSON.stringify(terminalLine(query))}.\n`;
  const ids = hits.map(({ paper }) => terminalLine(paper.id));
  const width = Math.max(...ids.map((id) => id.length));
  const lines: string[] = [];
  for (const [index, { paper, hit }] of hits.entries()) {
    const title = marked(paper.title.replace(/\s/g, ' '), hit.highlights.title ?? []);
    lines.push(`${statusMark(paper, today)} ${(ids[index] ?? '').padEnd(width)}  ${title}`);
    for (const field of OTHER_FIELDS) {
      const ranges = hit.highlights[field];
      if (ranges === undefined || ranges.length === 0) continue;
      lines.push(`    ${field}: ${snippet(fieldText({ ...paper }, field), ranges)}`);
    }
  }
  const shown = more
    ? `The best ${plural(hits.length, 'paper')} shown; --limit N shows more.`
    : `${plural(hits.length, 'paper')} match.`;
  return `${lines.join('\n')}\n${shown}\n`;
}
