/** The schemas of a catalogue paper, a digest and a reading state as Shelfmark stores them: the library's files and the API. */

import { z } from 'zod';

import { isDay } from './days.js';
import { DIGEST_FORMATS, READING_STATUSES, type CataloguePaper, type Digest, type ReadingState } from './model.js';
import type { FactName, PaperFacts } from './paper-facts.js';

/** "2020-12" or "2020-12-06": a month, or a day, as PaperFacts.published holds it. */
export const PUBLISHED_DATE = /^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/;

const text = z.string().exactOptional();
const count = z.int().min(0).exactOptional();

const factsSchema = z.object({
  type: text,
  venue: text,
  series: text,
  volume: text,
  number: text,
  pages: text,
  publisher: text,
  editors: z.array(z.string()).exactOptional(),
  month: z.int().min(1).max(12).exactOptional(),
  published: z.string().regex(PUBLISHED_DATE).exactOptional(),
  journalRef: text,
  primaryCategory: text,
  comment: text,
  hfUpvotes: count,
  hfComments: count,
} satisfies Record<FactName, z.ZodType>) satisfies z.ZodType<PaperFacts>;

export const paperSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  abstract: z.string(),
  authors: z.array(z.string()),
  arxivId: z.string().nullable(),
  doi: z.string().nullable(),
  year: z.number().int().nullable(),
  links: z.array(z.string()),
  categories: z.array(z.string()),
  digests: z.array(z.string()),
  addedAt: z.string(),
  aliases: z.array(z.string().min(1)).min(1).exactOptional(),
  facts: factsSchema.exactOptional(),
}) satisfies z.ZodType<CataloguePaper>;

export const digestSchema = z.object({
  id: z.string().min(1),
  format: z.enum(DIGEST_FORMATS),
  title: z.string(),
  date: z.string().nullable(),
  source: z.string(),
  importedAt: z.string(),
  paperIds: z.array(z.string()),
}) satisfies z.ZodType<Digest>;

export const readingStateSchema = z.object({
  status: z.enum(READING_STATUSES),
  tags: z.array(z.string()),
  note: z.string(),
  readAt: z.string().nullable(),
  updatedAt: z.string(),
  snoozedUntil: z.string().refine(isDay, { error: 'expected a day as YYYY-MM-DD' }).exactOptional(),
}) satisfies z.ZodType<ReadingState>;
