/**
 * What https://huggingface.co/api/daily_papers returns: an array of items, each wrapping a
 * `paper` ({ id, title, summary, authors: [{ name }], publishedAt, githubRepo, projectPage, … })
 * with the day's own publishedAt, title, upvotes and comments. Checked by hand, field by field:
 * one odd item is skipped, not the whole file.
 */

import { arxivIdYear, normalizeArxivId } from '../identity.js';
import type { ParsedPaper } from '../model.js';
import { DigestError, type ParseContext, type ParsedDigest, type SkippedBlock } from './types.js';
import { collapseWhitespace, joinParagraphs, splitParagraphs } from './whitespace.js';
import { extractUrls, paperLinks } from '../links.js';
import { isoDate, isoDateLabel } from './dates.js';
import { isRecord, nonEmptyString, parseJson, type ParsedJson } from './json.js';
import { quoteForMessage } from '../terminal-text.js';

type Item = Readonly<Record<string, unknown>>;

/** The items of the API's array, or of a `{ "papers": [...] }` wrapper some tools save. */
function dailyPaperItems(value: unknown): readonly unknown[] | null {
  const list: unknown = isRecord(value) ? value['papers'] : value;
  return Array.isArray(list) ? (list as readonly unknown[]) : null;
}

export function isHfDailyJson(value: unknown): boolean {
  return dailyPaperItems(value)?.some((item) => isRecord(item) && isRecord(item['paper'])) ?? false;
}

export function parseHfDailyJson(text: string, ctx: ParseContext, json?: ParsedJson | null): ParsedDigest {
  const items = dailyPaperItems(json != null ? json.value : parseJson(text));
  if (items === null) throw new DigestError('it is JSON, but not a list of Hugging Face daily papers');
  const papers: ParsedPaper[] = [];
  const skipped: SkippedBlock[] = [];
  for (const [index, item] of items.entries()) {
    const where = `item ${index + 1}`;
    if (!isRecord(item)) {
      skipped.push({ where, reason: 'it is not an object' });
      continue;
    }
    const paper = paperOf(item);
    if (typeof paper === 'string') skipped.push({ where: withId(where, item), reason: paper });
    else papers.push(paper);
  }
  const date = ctx.date ?? mostCommonDay(items.filter(isRecord));
  return {
    format: 'hf-daily-json',
    title: date === null ? 'Hugging Face Daily Papers' : `Hugging Face Daily Papers, ${isoDateLabel(date)}`,
    date,
    papers,
    skipped,
  };
}

/** The paper's own fields: the wrapped `paper`, or the item itself when it is a bare paper. */
function paperFields(item: Item): Item {
  const paper = item['paper'];
  return isRecord(paper) ? paper : item;
}

function withId(where: string, item: Item): string {
  const id = nonEmptyString(paperFields(item)['id']);
  return id === null ? where : `${where} (${quoteForMessage(id)})`;
}

function paperOf(item: Item): ParsedPaper | string {
  const fields = paperFields(item);
  const title = nonEmptyString(fields['title']) ?? nonEmptyString(item['title']);
  if (title === null) return 'it has no title';
  const summary = nonEmptyString(fields['summary']) ?? nonEmptyString(item['summary']) ?? '';
  const abstract = joinParagraphs(splitParagraphs(summary));
  const idText = nonEmptyString(fields['id']);
  const arxivId = idText === null ? null : normalizeArxivId(idText);
  const published = dayOf(fields['publishedAt']);
  return {
    title: collapseWhitespace(title),
    abstract,
    authors: authorNames(fields['authors']),
    arxivId,
    doi: null,
    year: published === null ? (arxivId === null ? null : arxivIdYear(arxivId)) : Number(published.slice(0, 4)),
    links: paperLinks(arxivId, [
      ...urlsIn(fields['githubRepo']),
      ...urlsIn(fields['projectPage']),
      ...extractUrls(abstract),
    ]),
    categories: [],
  };
}

function authorNames(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((author) => nonEmptyString(isRecord(author) ? author['name'] : author))
    .filter((name) => name !== null)
    .map(collapseWhitespace);
}

function urlsIn(value: unknown): readonly string[] {
  const text = nonEmptyString(value);
  return text === null ? [] : extractUrls(text);
}

/** "2025-03-11" from "2025-03-11T13:00:00.000Z"; null for anything that is not such a time. */
function dayOf(value: unknown): string | null {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (match === null) return null;
  return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The day most items were published on: a day's listing may carry a few from the days around it. */
function mostCommonDay(items: readonly Item[]): string | null {
  const counts = new Map<string, number>();
  for (const item of items) {
    const day = dayOf(item['publishedAt']) ?? dayOf(paperFields(item)['publishedAt']);
    if (day !== null) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [day, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = day;
  return best;
}
