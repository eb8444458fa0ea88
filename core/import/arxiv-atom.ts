/**
 * What the arXiv API (https://info.arxiv.org/help/api/user-manual.html) answers, as plain data: the entries of its
 * Atom feed, read from the XML by the shell (app/arxiv/atom-feed.ts), and what they mean for Shelfmark: a paper,
 * a paper withdrawn, an error, or nothing for an id asked for. Pure.
 */

import { arxivIdYear, normalizeArxivId, normalizeTitle } from '../identity.js';
import { doiUrl, extractUrls, normalizeDoi, paperLinks } from '../links.js';
import type { ParsedPaper } from '../model.js';
import { quoteForMessage } from '../terminal-text.js';
import type { ArxivRef } from './arxiv-ids.js';
import { factsOf } from '../paper-facts.js';
import { dayOf } from './dates.js';
import { decodeTex } from './tex.js';
import type { ParsedDigest, SkippedBlock } from './types.js';
import { collapseWhitespace, joinParagraphs, splitParagraphs } from './whitespace.js';

export interface ArxivAuthor {
  readonly name: string;
  readonly affiliations: readonly string[];
}

export interface ArxivLink {
  readonly href: string;
  readonly rel: string | null;
  readonly title: string | null;
  readonly type: string | null;
}

/** An `<entry>` of the feed, its text as the XML holds it (entities decoded, line breaks kept). */
export interface ArxivEntry {
  /** `http://arxiv.org/abs/2410.03060v2`; for an error, `http://arxiv.org/api/errors#…`. */
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** When version 1 was submitted, ISO. */
  readonly published: string | null;
  readonly updated: string | null;
  readonly authors: readonly ArxivAuthor[];
  readonly doi: string | null;
  readonly journalRef: string | null;
  readonly comment: string | null;
  readonly primaryCategory: string | null;
  readonly categories: readonly string[];
  readonly links: readonly ArxivLink[];
}

export interface ArxivFeed {
  /** `opensearch:totalResults`: how many entries the query has in all. */
  readonly totalResults: number | null;
  readonly entries: readonly ArxivEntry[];
}

/** What one entry is. */
export type ArxivEntryReading =
  | { readonly kind: 'paper'; readonly arxivId: string; readonly version: number | null; readonly paper: ParsedPaper }
  | { readonly kind: 'withdrawn'; readonly arxivId: string; readonly title: string; readonly reason: string }
  /** An error the API reports as an entry; `arxivId` is the id it is about, when it says. */
  | { readonly kind: 'error'; readonly arxivId: string | null; readonly reason: string }
  /** An entry with no title: the API's answer for an id it has no paper for. */
  | { readonly kind: 'empty'; readonly arxivId: string | null };

const TEX = { tilde: 'keep' } as const;
const ERROR_ID = /^https?:\/\/arxiv\.org\/api\/errors/i;
/** A comment that says so: "This paper has been withdrawn by the authors", "withdrawn due to an error". */
const WITHDRAWN_COMMENT = /\bwithdrawn\b/i;
/** An abstract replaced by the notice, as arXiv shows a withdrawn paper's latest version. */
const WITHDRAWN_ABSTRACT = /^\s*(?:this|the) (?:paper|article|submission|manuscript) (?:has been|is|was) withdrawn/i;

const NO_SUCH_PAPER = 'arXiv has no paper with this id';

export function readArxivEntry(entry: ArxivEntry): ArxivEntryReading {
  if (ERROR_ID.test(entry.id)) {
    const about = /_for_(.+)$/.exec(entry.id)?.[1];
    const reason = collapseWhitespace(entry.summary) || collapseWhitespace(entry.title) || 'an error';
    return { kind: 'error', arxivId: about === undefined ? null : normalizeArxivId(about), reason };
  }
  const arxivId = normalizeArxivId(entry.id);
  const title = collapseWhitespace(decodeTex(entry.title, TEX));
  if (arxivId === null || title === '') return { kind: 'empty', arxivId };
  const comment = collapseWhitespace(entry.comment ?? '');
  if (WITHDRAWN_COMMENT.test(comment) || WITHDRAWN_ABSTRACT.test(entry.summary)) {
    const said = comment !== '' ? comment : collapseWhitespace(entry.summary);
    return {
      kind: 'withdrawn',
      arxivId,
      title,
      reason: `arXiv lists it as withdrawn (“${quoteForMessage(said, 120)}”)`,
    };
  }
  const version = /v(\d+)$/.exec(entry.id)?.[1];
  return {
    kind: 'paper',
    arxivId,
    version: version === undefined ? null : Number(version),
    paper: paperOf(entry, arxivId, title),
  };
}

function paperOf(entry: ArxivEntry, arxivId: string, title: string): ParsedPaper {
  const abstract = joinParagraphs(splitParagraphs(entry.summary).map((paragraph) => decodeTex(paragraph, TEX)));
  const doi = entry.doi === null ? null : normalizeDoi(entry.doi);
  const published = dayOf(entry.published);
  const primaryCategory = collapseWhitespace(entry.primaryCategory ?? '');
  const facts = factsOf({
    published,
    journalRef: collapseWhitespace(decodeTex(entry.journalRef ?? '', TEX)),
    primaryCategory,
    comment: collapseWhitespace(decodeTex(entry.comment ?? '', TEX)),
  });
  const pdf = entry.links.some((link) => link.title === 'pdf' || link.type === 'application/pdf');
  return {
    title,
    abstract,
    authors: entry.authors
      .map((author) => collapseWhitespace(decodeTex(author.name, TEX)))
      .filter((name) => name !== ''),
    arxivId,
    doi,
    year: published === null ? arxivIdYear(arxivId) : Number(published.slice(0, 4)),
    links: [
      ...paperLinks(arxivId, [
        doi === null ? null : doiUrl(doi),
        ...extractUrls(entry.comment ?? ''),
        ...extractUrls(abstract),
      ]),
      // After the abs page, which names the same paper: paperLinks would take it for the same link.
      ...(pdf ? [`https://arxiv.org/pdf/${arxivId}`] : []),
    ],
    categories: uniqueInOrder(
      [primaryCategory, ...entry.categories.map(collapseWhitespace)].filter((category) => category !== ''),
    ),
    ...(facts === undefined ? {} : { facts }),
  };
}

function uniqueInOrder(values: readonly string[]): readonly string[] {
  return [...new Set(values)];
}

/** What the feed says of each id asked for: its paper, or why there is none. */
export interface ArxivAnswers {
  readonly papers: ReadonlyMap<string, ParsedPaper>;
  readonly problems: ReadonlyMap<string, string>;
  /** Errors the feed gave that name no id asked for. */
  readonly errors: readonly string[];
}

/** The feeds' answers to `arxivIds` (without versions); an id no entry answers is one arXiv has no paper for. */
export function answersFor(arxivIds: readonly string[], entries: readonly ArxivEntry[]): ArxivAnswers {
  const asked = new Set(arxivIds);
  const papers = new Map<string, ParsedPaper>();
  const problems = new Map<string, string>();
  const errors: string[] = [];
  for (const entry of entries) {
    const reading = readArxivEntry(entry);
    const id = reading.arxivId;
    if (reading.kind === 'paper' && asked.has(reading.arxivId)) papers.set(reading.arxivId, reading.paper);
    else if (id === null || !asked.has(id)) {
      if (reading.kind === 'error') errors.push(`arXiv answered: ${reading.reason}`);
    } else if (reading.kind === 'withdrawn' || reading.kind === 'error') problems.set(id, reading.reason);
    else if (reading.kind === 'empty') problems.set(id, NO_SUCH_PAPER);
  }
  for (const id of arxivIds) {
    if (!papers.has(id) && !problems.has(id)) problems.set(id, NO_SUCH_PAPER);
  }
  return { papers, problems, errors };
}

/**
 * The digest a list of arXiv ids makes, once arXiv has answered for them: its papers in the list's order, and a
 * skipped block for each id it gave none for, saying why.
 */
export function arxivIdsDigest(refs: readonly ArxivRef[], answers: ArxivAnswers): ParsedDigest {
  const papers: ParsedPaper[] = [];
  const skipped: SkippedBlock[] = [];
  for (const ref of refs) {
    const paper = answers.papers.get(ref.arxivId);
    if (paper !== undefined) papers.push(paper);
    else skipped.push({ where: ref.where, reason: answers.problems.get(ref.arxivId) ?? NO_SUCH_PAPER });
  }
  for (const reason of answers.errors) skipped.push({ where: 'arXiv’s answer', reason });
  const [first] = refs;
  const more = refs.length > 1 ? ` and ${(refs.length - 1).toLocaleString('en')} more` : '';
  return {
    format: 'arxiv-ids',
    title: first === undefined ? 'arXiv' : `arXiv ${first.arxivId}${more}`,
    date: null,
    papers,
    skipped,
  };
}

/**
 * The papers of `candidates` whose title is `title`, with case, spacing, punctuation, diacritics and TeX braces
 * ignored (core/identity.ts), one for each arXiv id.
 */
export function papersTitled(title: string, candidates: readonly ParsedPaper[]): readonly ParsedPaper[] {
  const wanted = normalizeTitle(title);
  if (wanted === '') return [];
  const found = new Map<string, ParsedPaper>();
  for (const paper of candidates) {
    if (paper.arxivId !== null && !found.has(paper.arxivId) && normalizeTitle(paper.title) === wanted) {
      found.set(paper.arxivId, paper);
    }
  }
  return [...found.values()];
}

/** What arXiv's answer to a title search holds for one title. */
export type TitleMatch =
  | { readonly kind: 'one'; readonly paper: ParsedPaper }
  | { readonly kind: 'none' }
  /** More than one paper has the title: none is taken. */
  | { readonly kind: 'several'; readonly candidates: readonly ParsedPaper[] }
  | { readonly kind: 'withdrawn'; readonly arxivId: string; readonly reason: string };

/** The one paper among `entries` whose title is `title` (normalised, see papersTitled), or why there is none. */
export function matchTitle(title: string, entries: readonly ArxivEntry[]): TitleMatch {
  const readings = entries.map(readArxivEntry);
  const found = papersTitled(
    title,
    readings.flatMap((reading) => (reading.kind === 'paper' ? [reading.paper] : [])),
  );
  const [only] = found;
  if (only !== undefined)
    return found.length === 1 ? { kind: 'one', paper: only } : { kind: 'several', candidates: found };
  const wanted = normalizeTitle(title);
  for (const reading of readings) {
    if (reading.kind === 'withdrawn' && normalizeTitle(reading.title) === wanted) {
      return { kind: 'withdrawn', arxivId: reading.arxivId, reason: reading.reason };
    }
  }
  return { kind: 'none' };
}
