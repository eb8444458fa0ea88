/** Plain, immutable data shared by every part of Shelfmark. */

import type { PaperFacts } from './paper-facts.js';

export type { PaperFacts } from './paper-facts.js';

/** 'dismissed': "not for me", a decision like reading it; the paper stays in the library and in search. */
export const READING_STATUSES = ['unread', 'reading', 'read', 'dismissed'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

export function isReadingStatus(value: unknown): value is ReadingStatus {
  return typeof value === 'string' && (READING_STATUSES as readonly string[]).includes(value);
}

export const DIGEST_FORMATS = [
  'hf-daily-text',
  'hf-daily-json',
  'arxiv-email',
  'bibtex',
  'shelfmark-json',
  /** A list of arXiv ids or links, the papers' details from the arXiv API. */
  'arxiv-ids',
] as const;
export type DigestFormat = (typeof DIGEST_FORMATS)[number];

/** A paper as a digest describes it, before it has an identity in the library. */
export interface ParsedPaper {
  readonly title: string;
  readonly abstract: string;
  readonly authors: readonly string[];
  readonly arxivId: string | null;
  readonly doi: string | null;
  readonly year: number | null;
  readonly links: readonly string[];
  /** Subject categories or keywords the source gives (arXiv categories, BibTeX keywords). */
  readonly categories: readonly string[];
  /** What the source says of where and when it appeared, and more (paper-facts.ts); absent when it says nothing. */
  readonly facts?: PaperFacts;
}

/** A paper in the catalogue: what is known about it, never what the user did with it. */
export interface CataloguePaper extends ParsedPaper {
  readonly id: string;
  /** Ids of the digests it came from, oldest first. */
  readonly digests: readonly string[];
  readonly addedAt: string;
  /**
   * Other ids that name this paper, present once another paper was merged into it: the merged paper's id (so that
   * it still finds this one) and its workId (so that importing the merged paper's record again joins this one).
   */
  readonly aliases?: readonly string[];
}

export interface Digest {
  readonly id: string;
  readonly format: DigestFormat;
  /** A human-readable name, e.g. "Hugging Face Daily Papers, Mar 11". */
  readonly title: string;
  /** The date the digest is for (YYYY-MM-DD), when it says. */
  readonly date: string | null;
  /** The file it was imported from (base name only). */
  readonly source: string;
  readonly importedAt: string;
  /** Papers in the order the digest lists them. */
  readonly paperIds: readonly string[];
}

/** What the user did with a paper. Absent from the store until the first change. */
export interface ReadingState {
  readonly status: ReadingStatus;
  /** In the order added. */
  readonly tags: readonly string[];
  readonly note: string;
  /** When the paper was last marked read; null unless its status is read. */
  readonly readAt: string | null;
  /** When this state last changed: the newer one wins when two copies of a library merge. */
  readonly updatedAt: string;
  /**
   * Snoozed ("later"): the day (YYYY-MM-DD, the user's calendar) the paper comes back to Unread. Only an unread
   * paper has one. Kept once that day has come, marking the paper as returned, until the next decision on it
   * (core/triage.ts tells which). Absent otherwise.
   */
  readonly snoozedUntil?: string;
}

export const DEFAULT_READING_STATE: Omit<ReadingState, 'updatedAt'> = {
  status: 'unread',
  tags: [],
  note: '',
  readAt: null,
};

export interface Catalogue {
  /** In the order first added. */
  readonly papers: readonly CataloguePaper[];
  readonly digests: readonly Digest[];
}

export type ReadingStateMap = Readonly<Record<string, ReadingState>>;

/** The paper's state in `states`, if it has one (a paper id such as "constructor" is not a state). */
export function readingStateOf(states: ReadingStateMap, id: string): ReadingState | undefined {
  return Object.hasOwn(states, id) ? states[id] : undefined;
}

/** A paper with its reading state: what the user sees, and what `--json` prints. */
export interface Paper extends CataloguePaper {
  readonly status: ReadingStatus;
  readonly tags: readonly string[];
  readonly note: string;
  readonly readAt: string | null;
  readonly updatedAt: string | null;
  /** As in ReadingState: absent unless the paper was snoozed. */
  readonly snoozedUntil?: string;
}

/**
 * A catalogue paper of `paper`'s own fields and nothing else, built field by field: every paper then has one
 * shape, which at 100,000 papers is several times quicker to build and read than spreading objects JSON.parse made.
 * The fields are in code-point order, the order a library's files write them in (canonical-json.ts): written, the
 * paper is not copied first to put them in order.
 */
export function cataloguePaper(
  paper: ParsedPaper,
  id: string,
  digests: readonly string[],
  addedAt: string,
): CataloguePaper {
  const { abstract, arxivId, authors, categories, doi, facts, links, title, year } = paper;
  return facts === undefined
    ? { abstract, addedAt, arxivId, authors, categories, digests, doi, id, links, title, year }
    : { abstract, addedAt, arxivId, authors, categories, digests, doi, facts, id, links, title, year };
}

/** `record` with `facts` as its facts: none when undefined. */
export function withFacts<T extends CataloguePaper>(record: T, facts: PaperFacts | undefined): T {
  if (facts === record.facts) return record;
  if (facts !== undefined) return { ...record, facts };
  const copy: { -readonly [K in keyof T]: T[K] } = { ...record };
  delete copy.facts;
  return copy;
}

/** `paper` with `aliases` as its aliases: none, when the list is empty. */
export function withAliases(paper: CataloguePaper, aliases: readonly string[]): CataloguePaper {
  if (aliases.length > 0) return { ...paper, aliases };
  if (paper.aliases === undefined) return paper;
  const record: { -readonly [K in keyof CataloguePaper]: CataloguePaper[K] } = { ...paper };
  delete record.aliases;
  return record;
}

export function withReadingState(paper: CataloguePaper, state: ReadingState | undefined): Paper {
  // Field by field too, and not a spread of cataloguePaper(): a spread costs as much again as the whole call.
  const withState: Paper = {
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    arxivId: paper.arxivId,
    doi: paper.doi,
    year: paper.year,
    links: paper.links,
    categories: paper.categories,
    digests: paper.digests,
    addedAt: paper.addedAt,
    status: state?.status ?? DEFAULT_READING_STATE.status,
    tags: state?.tags ?? DEFAULT_READING_STATE.tags,
    note: state?.note ?? DEFAULT_READING_STATE.note,
    readAt: state?.readAt ?? null,
    updatedAt: state?.updatedAt ?? null,
  };
  // Added, not spread in: papers without them keep one shape, and those with them one more.
  const record = withState as { -readonly [K in keyof Paper]: Paper[K] };
  if (state?.snoozedUntil !== undefined) record.snoozedUntil = state.snoozedUntil;
  if (paper.facts !== undefined) record.facts = paper.facts;
  if (paper.aliases !== undefined) record.aliases = paper.aliases;
  return record;
}

/**
 * An empty map of reading states by paper id, safe for any id: a paper id is user data ("__proto__",
 * "constructor"), so the object has no prototype whose members an id could hit.
 */
export function emptyStateMap(): Record<string, ReadingState> {
  return Object.create(null) as Record<string, ReadingState>;
}
