/**
 * What https://huggingface.co/api/daily_papers returns: an array of items, each wrapping a
 * `paper` ({ id, title, summary, authors: [{ name }], publishedAt, submittedOnDailyAt, githubRepo,
 * projectPage, … }) with its own publishedAt, title, upvotes and comments. Checked by hand, field by
 * field: one odd item is skipped, not the whole file.
 *
 * The day of the page is `paper.submittedOnDailyAt`; `publishedAt` is the arXiv date (or the UTC day before
 * the page's), so it only serves for a guess, and the digest says that it guessed.
 */

import { arxivIdYear, normalizeArxivId } from '../identity.js';
import type { ParsedPaper } from '../model.js';
import { DigestError, type ParseContext, type ParsedDigest, type SkippedBlock } from './types.js';
import { collapseWhitespace, joinParagraphs, splitParagraphs } from './whitespace.js';
import { extractUrls, paperLinks } from '../links.js';
import { dayOf, isoDateLabel } from './dates.js';
import { dayInFileName } from './file-name.js';
import { isRecord, nonEmptyString, parseJson, type ParsedJson } from './json.js';
import { quoteForMessage } from '../terminal-text.js';
import { hasMath } from '../math-spans.js';
import { factsOf } from '../paper-facts.js';
import { ARXIV_TEX, decodeTex } from './tex.js';

type Item = Readonly<Record<string, unknown>>;

/** Where tools that save the API's answer in a wrapper object (`{ status, date, count, data: [...] }`) put it. */
const WRAPPER_LISTS = ['papers', 'data'] as const;

const holdsPaperItems = (list: readonly unknown[]): boolean =>
  list.some((item) => isRecord(item) && isRecord(item['paper']));

/**
 * The items of the API's array, or of a wrapper's list: its `papers` or `data`, else its one list that holds
 * paper items.
 */
function dailyPaperItems(value: unknown): readonly unknown[] | null {
  if (Array.isArray(value)) return value as readonly unknown[];
  if (!isRecord(value)) return null;
  const lists = [...WRAPPER_LISTS.map((key) => value[key]), ...Object.values(value)].filter(Array.isArray);
  return lists.find(holdsPaperItems) ?? lists[0] ?? null;
}

export function isHfDailyJson(value: unknown): boolean {
  const items = dailyPaperItems(value);
  return items !== null && holdsPaperItems(items);
}

export function parseHfDailyJson(text: string, ctx: ParseContext, json?: ParsedJson | null): ParsedDigest {
  const value = json != null ? json.value : parseJson(text);
  const items = dailyPaperItems(value);
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
  const { date, guessed } = dayOfPage(items.filter(isRecord), isRecord(value) ? value : {}, ctx);
  return {
    format: 'hf-daily-json',
    title: date === null ? 'Hugging Face Daily Papers' : `Hugging Face Daily Papers, ${isoDateLabel(date)}`,
    date,
    papers,
    skipped,
    ...(guessed && date !== null ? { notes: [guessedDayNote(date)] } : {}),
  };
}

/**
 * The day the page lists: its entries' submittedOnDailyAt; else a wrapper's own `date`; else the day asked for;
 * else a YYYY-MM-DD in the file's name; else, a guess, the day most entries were published on.
 */
function dayOfPage(
  items: readonly Item[],
  wrapper: Item,
  ctx: ParseContext,
): { readonly date: string | null; readonly guessed: boolean } {
  const listed =
    mostCommonDay(items.map((item) => paperFields(item)['submittedOnDailyAt'] ?? item['submittedOnDailyAt'])) ??
    dayOf(wrapper['date']) ??
    ctx.date ??
    dayInFileName(ctx.fileName);
  if (listed !== null) return { date: listed, guessed: false };
  const published = mostCommonDay(items.map((item) => item['publishedAt'] ?? paperFields(item)['publishedAt']));
  return { date: published, guessed: published !== null };
}

function guessedDayNote(date: string): string {
  return (
    `the file does not say which day’s page it is: it is dated ${isoDateLabel(date)}, the day most of its papers ` +
    'were published, a guess; change the date if it is wrong'
  );
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
  const title = titleOf(nonEmptyString(fields['title']), nonEmptyString(item['title']));
  if (title === null) return 'it has no title';
  const summary = nonEmptyString(fields['summary']) ?? nonEmptyString(item['summary']) ?? '';
  // HF copies arXiv's metadata, TeX and all: it is read as the arXiv importer reads it.
  const abstract = joinParagraphs(splitParagraphs(summary).map((paragraph) => decodeTex(paragraph, ARXIV_TEX)));
  const idText = nonEmptyString(fields['id']);
  const arxivId = idText === null ? null : normalizeArxivId(idText);
  const published = dayOf(fields['publishedAt']);
  const facts = factsOf({
    published,
    hfUpvotes: countOf(fields['upvotes']) ?? countOf(item['upvotes']),
    hfComments: countOf(item['numComments']) ?? countOf(fields['numComments']),
  });
  return {
    title: collapseWhitespace(decodeTex(title, ARXIV_TEX)),
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
    ...(facts === undefined ? {} : { facts }),
  };
}

/** A count the API gives (upvotes, comments): a whole number not below zero, else null. */
function countOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * The paper's title, or the item's where only that one keeps the math: HF's `paper.title` is a copy with the `$`s
 * taken out (`nabla^2DFT`), the item's is the author's (`$\nabla^2$DFT`).
 */
function titleOf(paperTitle: string | null, itemTitle: string | null): string | null {
  if (paperTitle === null) return itemTitle;
  return itemTitle !== null && hasMath(itemTitle) && !hasMath(paperTitle) ? itemTitle : paperTitle;
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

/** The most common day of these times ("2025-03-11T13:00:00.000Z"): a day's page may carry a few others. */
function mostCommonDay(times: readonly unknown[]): string | null {
  const counts = new Map<string, number>();
  for (const time of times) {
    const day = dayOf(time);
    if (day !== null) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [day, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = day;
  return best;
}
