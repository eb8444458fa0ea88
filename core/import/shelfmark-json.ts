/**
 * Shelfmark's own library export (its backup format):
 *
 *   { "format": "shelfmark-library", "version": 1, "digests": Digest[],
 *     "papers": (CataloguePaper & { status, tags, note, readAt, updatedAt, snoozedUntil? })[] }
 *
 * updatedAt is null for a paper the user never touched: it then has no reading state. Everything
 * is checked, so a damaged file is refused with the first bad path rather than half imported: a tag
 * Shelfmark would refuse, or a note over its length limit, included. A link that is not an http(s) URL
 * (`javascript:…`, `data:…`) is dropped instead, as it is not the user's own work; spaces around one are trimmed.
 */

import { z } from 'zod';
import { DIGEST_FORMATS, READING_STATUSES, type CataloguePaper, emptyStateMap } from '../model.js';
import { MAX_NOTE_LENGTH, normalizeTag } from '../reading.js';
import { isHttpLink } from '../links.js';
import type { FactName, PaperFacts } from '../paper-facts.js';
import { PUBLISHED_DATE } from '../record-schema.js';
import { DigestError, type LibrarySnapshot, type ParseContext } from './types.js';
import { isRecord, parseJson, type ParsedJson } from './json.js';
import { quoteForMessage } from '../terminal-text.js';

export const LIBRARY_FORMAT = 'shelfmark-library';
export const LIBRARY_FORMAT_VERSION = 1;

/** A schema option whose message reads after the path: "papers[3].status must be …". */
function must(what: string): { error: (issue: { readonly input?: unknown }) => string } {
  return { error: (issue) => (issue.input === undefined ? 'is missing' : `must be ${what}`) };
}

function inWords(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1) ?? ''}`;
}

const text = z.string(must('a string'));
const id = z.string(must('a string')).min(1, 'must not be empty');
const optionalText = z.string(must('a string or null')).nullable();
const texts = z.array(z.string(must('a string')), must('a list of strings'));
// Times are compared as strings when libraries merge, so any offset is brought to UTC.
const time = z.iso
  .datetime({ offset: true, ...must('an ISO date-time such as 2025-03-11T09:30:00.000Z') })
  .transform(toUtc);
const optionalTime = z.iso
  .datetime({ offset: true, ...must('an ISO date-time or null') })
  .transform(toUtc)
  .nullable();

function toUtc(time: string): string {
  return new Date(time).toISOString();
}

const links = texts.transform((values) => values.map((link) => link.trim()).filter(isHttpLink));

/** A tag as Shelfmark stores it (normalizeTag), or an issue saying why Shelfmark would refuse it. */
const tag = z.string(must('a string')).transform((raw, context) => {
  try {
    return normalizeTag(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
    const lowerFirst = reason.charAt(0).toLowerCase() + reason.slice(1);
    context.addIssue({
      code: 'custom',
      message: `is not a tag Shelfmark accepts (${quoteForMessage(lowerFirst, 200)})`,
    });
    return z.NEVER;
  }
});
const tags = z.array(tag, must('a list of strings'));

const factText = text.exactOptional();
const factCount = z.int(must('a whole number')).min(0, 'must not be negative').exactOptional();

/** A paper's facts (core/paper-facts.ts); one it does not know of is left out. */
const FactsSchema = z.object(
  {
    type: factText,
    venue: factText,
    series: factText,
    volume: factText,
    number: factText,
    pages: factText,
    publisher: factText,
    editors: texts.exactOptional(),
    month: z
      .int(must('a month, 1 to 12'))
      .min(1, 'must be a month, 1 to 12')
      .max(12, 'must be a month, 1 to 12')
      .exactOptional(),
    published: z
      .string(must('a date such as 2025-03-11 or 2025-03'))
      .regex(PUBLISHED_DATE, 'must be a date such as 2025-03-11 or 2025-03')
      .exactOptional(),
    journalRef: factText,
    primaryCategory: factText,
    comment: factText,
    hfUpvotes: factCount,
    hfComments: factCount,
  } satisfies Record<FactName, z.ZodType>,
  must('an object'),
) satisfies z.ZodType<PaperFacts>;

const note = text.max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH.toLocaleString('en')} characters long`);

const DigestSchema = z.object(
  {
    id,
    format: z.enum(DIGEST_FORMATS, must(inWords(DIGEST_FORMATS))),
    title: text,
    date: z.iso.date(must('a date such as 2025-03-11, or null')).nullable(),
    source: text,
    importedAt: time,
    paperIds: texts,
  },
  must('an object'),
);

const PaperSchema = z.object(
  {
    id,
    title: text,
    abstract: text,
    authors: texts,
    arxivId: optionalText,
    doi: optionalText,
    year: z.int(must('a whole number or null')).nullable(),
    links,
    categories: texts,
    digests: texts,
    addedAt: time,
    aliases: z.array(id, must('a list of strings')).exactOptional(),
    facts: FactsSchema.exactOptional(),
    status: z.enum(READING_STATUSES, must(inWords(READING_STATUSES))),
    tags,
    note,
    readAt: optionalTime,
    updatedAt: optionalTime,
    snoozedUntil: z.iso.date(must('a date such as 2025-03-11')).exactOptional(),
  },
  must('an object'),
);

const LibrarySchema = z.object(
  {
    format: z.literal(LIBRARY_FORMAT),
    version: z.literal(LIBRARY_FORMAT_VERSION, must(String(LIBRARY_FORMAT_VERSION))),
    digests: z.array(DigestSchema, must('a list')),
    papers: z.array(PaperSchema, must('a list')),
  },
  must('an object'),
);

type LibraryFile = z.infer<typeof LibrarySchema>;

export function isShelfmarkLibrary(value: unknown): boolean {
  return isRecord(value) && value['format'] === LIBRARY_FORMAT;
}

export function parseShelfmarkJson(text: string, _ctx: ParseContext, json?: ParsedJson | null): LibrarySnapshot {
  const value = json != null ? json.value : parseJson(text);
  if (!isRecord(value) || !isShelfmarkLibrary(value)) {
    throw new DigestError(`it is JSON, but not a Shelfmark library export (it has no "format": "${LIBRARY_FORMAT}")`);
  }
  const version = value['version'];
  if (typeof version === 'number' && version > LIBRARY_FORMAT_VERSION) {
    throw new DigestError(
      `it was made by a newer version of Shelfmark (library format ${version}; this one reads format ${LIBRARY_FORMAT_VERSION}): update Shelfmark to import it`,
    );
  }
  const result = LibrarySchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw invalid(issue === undefined ? 'it does not match the format' : `${pathText(issue.path)} ${issue.message}`);
  }
  const problem = firstReferenceProblem(result.data);
  if (problem !== null) throw invalid(problem);
  return snapshotOf(result.data);
}

function invalid(problem: string): DigestError {
  return new DigestError(`it is not a valid Shelfmark library export: ${problem}`);
}

/** ["papers", 3, "status"] → "papers[3].status". */
function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the file';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** Ids must be unique, and digests and papers must name only each other. */
function firstReferenceProblem(library: LibraryFile): string | null {
  const paperIds = new Map<string, number>();
  for (const [index, paper] of library.papers.entries()) {
    const first = paperIds.get(paper.id);
    if (first !== undefined) return `papers[${index}].id repeats papers[${first}].id ("${quoteForMessage(paper.id)}")`;
    paperIds.set(paper.id, index);
  }
  for (const [index, paper] of library.papers.entries()) {
    const repeated = (paper.aliases ?? []).findIndex((alias) => paperIds.has(alias));
    if (repeated >= 0) return `papers[${index}].aliases[${repeated}] is the id of a paper in the file`;
  }
  const digestIds = new Map<string, number>();
  for (const [index, digest] of library.digests.entries()) {
    const first = digestIds.get(digest.id);
    if (first !== undefined)
      return `digests[${index}].id repeats digests[${first}].id ("${quoteForMessage(digest.id)}")`;
    digestIds.set(digest.id, index);
  }
  for (const [index, digest] of library.digests.entries()) {
    const missing = digest.paperIds.findIndex((paperId) => !paperIds.has(paperId));
    if (missing >= 0) return `digests[${index}].paperIds[${missing}] names no paper in the file`;
  }
  for (const [index, paper] of library.papers.entries()) {
    const missing = paper.digests.findIndex((digestId) => !digestIds.has(digestId));
    if (missing >= 0) return `papers[${index}].digests[${missing}] names no digest in the file`;
  }
  return null;
}

function snapshotOf(library: LibraryFile): LibrarySnapshot {
  const papers: CataloguePaper[] = [];
  const states = emptyStateMap();
  for (const { status, tags, note, readAt, updatedAt, snoozedUntil, ...paper } of library.papers) {
    papers.push(paper);
    if (updatedAt === null) continue;
    const state = { status, tags, note, readAt, updatedAt };
    // Only an unread paper is snoozed (core/reading.ts).
    states[paper.id] = snoozedUntil === undefined || status !== 'unread' ? state : { ...state, snoozedUntil };
  }
  return { catalogue: { papers, digests: library.digests }, states };
}
