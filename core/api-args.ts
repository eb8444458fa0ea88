/** The schema of each API call's arguments: what every transport checks before the library is touched. */

import { z } from 'zod';

import { API_METHODS, MAX_PAPERS_PER_PAGE, type ApiMethod, type LibraryApi } from './api.js';
import { EXPORT_FORMATS } from './export/request.js';
import { MAX_DIGEST_BYTES } from './import/decode.js';
import { READING_STATUSES } from './model.js';
import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH } from './reading.js';
import { isoDay } from './import/dates.js';
import { paperSchema, readingStateSchema } from './record-schema.js';
import { TRIAGE_STATUSES } from './triage.js';

const MAX_IDS = 200_000;
const paperId = z.string().min(1).max(300);
const paperIds = z.array(paperId).max(MAX_IDS);
const status = z.enum(READING_STATUSES);
const tag = z
  .string()
  .min(1)
  .max(MAX_TAG_LENGTH * 4);
const tags = z.array(tag).min(1).max(100);
const note = z.string().max(MAX_NOTE_LENGTH);
const digestId = z.string().min(1).max(300);
/** A day that exists, as YYYY-MM-DD. */
const day = z.string().refine((text) => isoDay(text) !== null, { error: 'expected a day as YYYY-MM-DD' });

const paperFilterSchema = z
  .object({
    status: z.enum(TRIAGE_STATUSES).optional(),
    tag: tag.optional(),
    digest: digestId.optional(),
  })
  .strict();

const digestFile = z
  .object({
    name: z.string().min(1).max(1000),
    bytes: z.instanceof(Uint8Array),
    date: day.optional(),
  })
  .strict();

const exportRequest = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    layout: z.enum(['document', 'folder']),
    abstracts: z.boolean(),
    selection: paperFilterSchema
      .extend({
        ids: paperIds.optional(),
        query: z.string().max(1000).optional(),
        all: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();

/** Text imported as a digest: as long as a digest file may be, in characters. */
const digestText = z.string().min(1).max(MAX_DIGEST_BYTES);
const digestName = z.string().min(1).max(1000);

const taskId = z.string().min(1).max(200);
const taskOptions = z.object({ task: taskId.optional() }).strict();
/** Ids and links of papers to add: as many as a paste of a long list holds. */
const paperRefs = z.array(z.string().min(1).max(2000)).min(1).max(10_000);

const readingStateInput = z
  .object({
    id: paperId,
    status,
    tags: z.array(tag).max(100),
    note,
    readAt: z.iso.datetime().nullable(),
    snoozedUntil: day.exactOptional(),
  })
  .strict();

const mergeSide = z.object({ record: paperSchema, state: readingStateSchema.nullable() }).strict();

const paperMergeUndo = z
  .object({
    kept: mergeSide,
    merged: mergeSide,
    position: z.number().int().min(0),
    digests: z
      .array(
        z.object({ id: z.string().min(1).max(300), index: z.number().int().min(0), replaced: z.boolean() }).strict(),
      )
      .max(MAX_IDS),
  })
  .strict();

/** A folder's path, as typed or chosen. */
const folderPath = z.string().min(1).max(4096);

const notesSyncRequest = z
  .object({
    folder: folderPath,
    all: z.boolean().optional(),
    status: status.optional(),
    tag: tag.optional(),
    dryRun: z.boolean().optional(),
    restore: z.boolean().optional(),
    editing: z.array(paperId).max(1000).optional(),
  })
  .strict();

export const apiArgs = {
  getLibrary: z.tuple([]),
  getLibraryOutline: z.tuple([]),
  getPapers: z.tuple([z.number().int().min(0), z.number().int().min(1).max(MAX_PAPERS_PER_PAGE)]),
  listPapers: z.tuple([paperFilterSchema]),
  getPaper: z.tuple([paperId]),
  importFiles: z.tuple([z.array(digestFile).min(1).max(1000), taskOptions.optional()]),
  importSample: z.tuple([]),
  previewImport: z.tuple([digestText, digestName.optional(), taskOptions.optional()]),
  importText: z.tuple([digestText, digestName, taskOptions.optional()]),
  addPapers: z.tuple([paperRefs, taskOptions.optional()]),
  fetchDailyPapers: z.tuple([
    z.object({ date: day.optional(), since: day.optional() }).strict(),
    taskOptions.optional(),
  ]),
  completePapers: z.tuple([paperIds, taskOptions.optional()]),
  taskProgress: z.tuple([taskId]),
  cancelTask: z.tuple([taskId]),
  setStatus: z.tuple([paperIds, status]),
  snooze: z.tuple([paperIds, day]),
  addTags: z.tuple([paperIds, tags]),
  removeTags: z.tuple([paperIds, tags]),
  setNote: z.tuple([paperId, note, note.optional()]),
  resolveNote: z.tuple([paperId, note]),
  renameTag: z.tuple([tag, tag]),
  restoreStates: z.tuple([z.array(readingStateInput).max(MAX_IDS)]),
  tags: z.tuple([]),
  digests: z.tuple([]),
  setDigestDate: z.tuple([digestId, day]),
  stats: z.tuple([]),
  exportLibrary: z.tuple([exportRequest]),
  listBackups: z.tuple([]),
  restoreBackup: z.tuple([z.string().min(1).max(200)]),
  rankPapers: z.tuple([
    z
      .object({
        digest: digestId.optional(),
        ids: paperIds.optional(),
        tag: tag.optional(),
        limit: z.number().int().min(1).max(MAX_IDS).optional(),
      })
      .strict(),
  ]),
  similarPapers: z.tuple([paperId, z.number().int().min(1).max(MAX_IDS).optional()]),
  listPossibleDuplicates: z.tuple([]),
  mergePapers: z.tuple([paperId, paperId]),
  unmergePapers: z.tuple([paperMergeUndo]),
  syncNotes: z.tuple([notesSyncRequest]),
  notesSyncSettings: z.tuple([]),
  setNotesSyncSettings: z.tuple([z.object({ folder: folderPath.nullable(), onChange: z.boolean() }).strict()]),
  chooseNotesFolder: z.tuple([]),
  listDevices: z.tuple([]),
} as const;

/**
 * Compile-time: every method has a schema, and each schema's output is assignable to its parameters; and
 * API_METHODS lists every method.
 */
type ApiArgsMatch = {
  [K in ApiMethod]: z.output<(typeof apiArgs)[K]> extends Parameters<LibraryApi[K]> ? true : K;
};
type Mismatched = Exclude<ApiArgsMatch[ApiMethod], true>;
/** @public A check at compile time. */
export const API_ARGS_MATCH: [Mismatched] extends [never] ? true : Mismatched = true;
type Unlisted = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
/** @public A check at compile time. */
export const API_METHODS_COMPLETE: [Unlisted] extends [never] ? true : Unlisted = true;
