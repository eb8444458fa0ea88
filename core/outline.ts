/**
 * The library as its list first shows it, column by column: a column per field, each with an entry per paper in the
 * library's order. Every paper has the same fields, so columns spare naming each field once per paper: at 100,000
 * papers the answer is a quarter smaller than an array of objects and parses in half the time, on the server and
 * in the page. Pure.
 *
 * An outlined paper has its abstract cut to its first line and no links or categories: what a list row shows. The
 * detail pane fetches the whole record. Of its facts (paper-facts.ts), the outline has what a row shows and the
 * list's sorts need, derived (FactColumns): where it appeared, when it was published, its upvotes.
 */

import { sameItems } from './arrays.js';
import type { Catalogue, CataloguePaper, Digest, Paper, ReadingStateMap, ReadingStatus } from './model.js';
import { DEFAULT_READING_STATE, readingStateOf } from './model.js';
import { publishedDate, venueLabelOf } from './paper-facts.js';

export interface CatalogueColumns {
  readonly id: readonly string[];
  readonly title: readonly string[];
  readonly abstract: readonly string[];
  readonly authors: readonly (readonly string[])[];
  readonly arxivId: readonly (string | null)[];
  readonly doi: readonly (string | null)[];
  readonly year: readonly (number | null)[];
  readonly digests: readonly (readonly string[])[];
  readonly addedAt: readonly string[];
}

/** What a list row shows of each paper's facts, and what the list's sorts read: derived from the record. */
export interface FactColumns {
  /** Where it appeared, as a row names it: "NeurIPS", "arXiv cs.CL" (venueLabelOf). */
  readonly venue: readonly (string | null)[];
  /** When it was published, YYYY-MM-DD or YYYY-MM (publishedDate). */
  readonly published: readonly (string | null)[];
  /** Its upvotes on Hugging Face Daily Papers, as of the latest import that gave them. */
  readonly upvotes: readonly (number | null)[];
}

/** Every column of an outline: the record's own fields a row shows, and its facts as the row shows them. */
export interface OutlineColumns extends CatalogueColumns, FactColumns {}

interface StateColumns {
  readonly status: readonly ReadingStatus[];
  readonly tags: readonly (readonly string[])[];
  readonly note: readonly string[];
  readonly readAt: readonly (string | null)[];
  readonly updatedAt: readonly (string | null)[];
  /** Null for a paper not snoozed. */
  readonly snoozedUntil: readonly (string | null)[];
}

export type PaperColumns = OutlineColumns & StateColumns;

/** The catalogue, outlined. */
export interface CatalogueOutline {
  readonly papers: OutlineColumns;
  readonly digests: readonly Digest[];
}

/** Every catalogue column, in the order the outline file stores them. */
export const CATALOGUE_COLUMNS = [
  'id',
  'title',
  'abstract',
  'authors',
  'arxivId',
  'doi',
  'year',
  'digests',
  'addedAt',
] as const satisfies readonly (keyof CatalogueColumns)[];

// Every column is in the list: a column added to CatalogueColumns and not here fails to compile, naming it.
type Unlisted = Exclude<keyof CatalogueColumns, (typeof CATALOGUE_COLUMNS)[number]>;
/** @public A check at compile time. */
export const CATALOGUE_COLUMNS_COMPLETE: [Unlisted] extends [never] ? true : Unlisted = true;

/** The facts' columns, in the order the outline file stores them (after the catalogue's). */
const FACT_COLUMNS = ['venue', 'published', 'upvotes'] as const satisfies readonly (keyof FactColumns)[];

type UnlistedFact = Exclude<keyof FactColumns, (typeof FACT_COLUMNS)[number]>;
/** @public A check at compile time. */
export const FACT_COLUMNS_COMPLETE: [UnlistedFact] extends [never] ? true : UnlistedFact = true;

/** Every column of an outline, in the order the outline file stores them. */
export const OUTLINE_COLUMNS = [...CATALOGUE_COLUMNS, ...FACT_COLUMNS] as const;

/** The papers' facts as their rows show them, in columns. */
export function factColumns(papers: readonly CataloguePaper[]): FactColumns {
  return {
    venue: papers.map(venueLabelOf),
    published: papers.map(publishedDate),
    upvotes: papers.map((paper) => paper.facts?.hfUpvotes ?? null),
  };
}

/** The facts' columns of `columns`, and nothing else of them. */
export function factColumnsOf(columns: FactColumns): FactColumns {
  const { venue, published, upvotes } = columns;
  return { venue, published, upvotes };
}

/** The abstract's first line (leading blank space skipped), at most `maxLength` characters. */
export function firstLineOf(abstract: string, maxLength: number): string {
  const trimmed = abstract.trimStart();
  // The line break looked for only where it would matter: most abstracts are one line, many times maxLength.
  const head = trimmed.length > maxLength ? trimmed.slice(0, maxLength) : trimmed;
  const newline = head.indexOf('\n');
  return newline === -1 ? head : head.slice(0, newline);
}

/** Whether `outlined` is what outlining `record` gives: nothing an outline shows differs between them. */
export function isOutlineOf(outlined: CataloguePaper, record: CataloguePaper, abstractLength: number): boolean {
  return (
    outlined.id === record.id &&
    outlined.title === record.title &&
    outlined.arxivId === record.arxivId &&
    outlined.doi === record.doi &&
    outlined.year === record.year &&
    outlined.addedAt === record.addedAt &&
    sameItems(outlined.authors, record.authors) &&
    sameItems(outlined.digests, record.digests) &&
    outlined.abstract === firstLineOf(record.abstract, abstractLength)
  );
}

/**
 * A paper's values in an outline, in OUTLINE_COLUMNS's order: what outlineCatalogue puts in each column for it (for
 * a caller that outlines papers one at a time, the command line's import of a large file).
 */
export function outlineRowValues(paper: CataloguePaper, abstractLength: number): readonly unknown[] {
  return [
    paper.id,
    paper.title,
    firstLineOf(paper.abstract, abstractLength),
    paper.authors,
    paper.arxivId,
    paper.doi,
    paper.year,
    paper.digests,
    paper.addedAt,
    venueLabelOf(paper),
    publishedDate(paper),
    paper.facts?.hfUpvotes ?? null,
  ];
}

/** The catalogue's papers in columns, each abstract cut to its first line of at most `abstractLength` characters. */
export function outlineCatalogue(catalogue: Catalogue, abstractLength: number): CatalogueOutline {
  const { papers } = catalogue;
  const id: string[] = [];
  const title: string[] = [];
  const abstract: string[] = [];
  const authors: (readonly string[])[] = [];
  const arxivId: (string | null)[] = [];
  const doi: (string | null)[] = [];
  const year: (number | null)[] = [];
  const digests: (readonly string[])[] = [];
  const addedAt: string[] = [];
  // One pass over the papers for the record's columns, not a pass per column: at 100,000 papers, half the time.
  // Pushed, not assigned to arrays made at their length, so that each column is an array without holes, which
  // JSON.stringify writes faster.
  for (const paper of papers) {
    id.push(paper.id);
    title.push(paper.title);
    abstract.push(firstLineOf(paper.abstract, abstractLength));
    authors.push(paper.authors);
    arxivId.push(paper.arxivId);
    doi.push(paper.doi);
    year.push(paper.year);
    digests.push(paper.digests);
    addedAt.push(paper.addedAt);
  }
  return {
    papers: { id, title, abstract, authors, arxivId, doi, year, digests, addedAt, ...factColumns(papers) },
    digests: catalogue.digests,
  };
}

/** The papers' reading states as columns beside the catalogue's. */
export function withStateColumns(papers: OutlineColumns, states: ReadingStateMap): PaperColumns {
  const found = papers.id.map((id) => readingStateOf(states, id));
  return {
    ...papers,
    status: found.map((state) => state?.status ?? DEFAULT_READING_STATE.status),
    tags: found.map((state) => state?.tags ?? DEFAULT_READING_STATE.tags),
    note: found.map((state) => state?.note ?? DEFAULT_READING_STATE.note),
    readAt: found.map((state) => state?.readAt ?? null),
    updatedAt: found.map((state) => state?.updatedAt ?? null),
    snoozedUntil: found.map((state) => state?.snoozedUntil ?? null),
  };
}

const NONE: readonly string[] = Object.freeze([]);

/** The papers the columns hold, each built field by field (see cataloguePaper in model.ts). */
export function papersOfColumns(columns: PaperColumns): Paper[] {
  const { id, title, abstract, authors, arxivId, doi, year, digests, addedAt } = columns;
  const { status, tags, note, readAt, updatedAt, snoozedUntil } = columns;
  const papers = new Array<Paper>(id.length);
  for (let index = 0; index < id.length; index++) {
    const paper: Paper = {
      id: id[index] ?? '',
      title: title[index] ?? '',
      abstract: abstract[index] ?? '',
      authors: authors[index] ?? NONE,
      arxivId: arxivId[index] ?? null,
      doi: doi[index] ?? null,
      year: year[index] ?? null,
      links: NONE,
      categories: NONE,
      digests: digests[index] ?? NONE,
      addedAt: addedAt[index] ?? '',
      status: status[index] ?? DEFAULT_READING_STATE.status,
      tags: tags[index] ?? NONE,
      note: note[index] ?? '',
      readAt: readAt[index] ?? null,
      updatedAt: updatedAt[index] ?? null,
    };
    const snoozed = snoozedUntil[index] ?? null;
    papers[index] = snoozed === null ? paper : { ...paper, snoozedUntil: snoozed };
  }
  return papers;
}
