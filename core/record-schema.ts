/** The schemas of a catalogue paper and a reading state as Shelfmark stores them: the library's files and the API. */

import { z } from 'zod';

import { isDay } from './days.js';
import { READING_STATUSES, type CataloguePaper, type ReadingState } from './model.js';

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
}) satisfies z.ZodType<CataloguePaper>;

export const readingStateSchema = z.object({
  status: z.enum(READING_STATUSES),
  tags: z.array(z.string()),
  note: z.string(),
  readAt: z.string().nullable(),
  updatedAt: z.string(),
  snoozedUntil: z.string().refine(isDay, { error: 'expected a day as YYYY-MM-DD' }).exactOptional(),
}) satisfies z.ZodType<ReadingState>;
