/**
 * The one API every front end talks to: the desktop app over IPC, browser mode over HTTP, the command line
 * in-process. Each call's arguments have a schema, checked by every transport before the library is touched,
 * and the `ApiArgsMatch` check below keeps schemas and signatures in step at compile time.
 */

import { z } from 'zod';
import type { LibraryMergeSummary, DigestImportSummary } from './merge.js';
import { READING_STATUSES, type Paper, type ReadingStatus } from './model.js';
import type { DigestProgress, LibraryStats, PaperFilter, TagCount } from './query.js';
import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH } from './reading.js';
import { EXPORT_FORMATS, type ExportRequest } from './export/index.js';

export interface DigestFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type FileImportResult =
  | { readonly file: string; readonly ok: true; readonly kind: 'digest'; readonly summary: DigestImportSummary }
  | { readonly file: string; readonly ok: true; readonly kind: 'library'; readonly summary: LibraryMergeSummary }
  | { readonly file: string; readonly ok: false; readonly error: string };

export interface ImportReport {
  readonly files: readonly FileImportResult[];
  readonly added: number;
  readonly merged: number;
}

export interface LibraryView {
  readonly papers: readonly Paper[];
  readonly digests: readonly DigestProgress[];
}

/** A paper's reading state as an undo restores it. */
export interface ReadingStateInput {
  readonly id: string;
  readonly status: ReadingStatus;
  readonly tags: readonly string[];
  readonly note: string;
  readonly readAt: string | null;
}

export interface BackupSummary {
  /** What `restoreBackup` takes. */
  readonly name: string;
  readonly createdAt: string;
  readonly reason: 'daily' | 'before-restore';
  readonly bytes: number;
}

/** What became of an export: saved by the desktop app where the user chose, or handed back to download. */
export type ExportResult =
  | { readonly kind: 'saved'; readonly path: string; readonly papers: number }
  | {
      readonly kind: 'download';
      readonly fileName: string;
      readonly mimeType: string;
      readonly content: string;
      readonly papers: number;
    }
  | { readonly kind: 'cancelled' };

/** The longest abstract an outline carries: enough for a list row's one line. */
export const OUTLINE_ABSTRACT_LENGTH = 160;

/** At most this many papers per `getPapers` call: each answer stays small enough to read without a pause. */
export const MAX_PAPERS_PER_PAGE = 5_000;

export interface LibraryApi {
  getLibrary(): Promise<LibraryView>;
  /**
   * The library as the list first shows it: every paper with its reading state, but its abstract cut to its
   * first line (at most OUTLINE_ABSTRACT_LENGTH characters) and its links and categories left out. Small and
   * quick; `getPapers` and `getPaper` bring the whole records.
   */
  getLibraryOutline(): Promise<LibraryView>;
  /** Whole papers `offset` to `offset + limit` (exclusive) in the library's order, as `getLibrary` lists them. */
  getPapers(offset: number, limit: number): Promise<readonly Paper[]>;
  listPapers(filter: PaperFilter): Promise<readonly Paper[]>;
  /** By id, arXiv id (any version) or an unambiguous id prefix. */
  getPaper(ref: string): Promise<Paper>;
  importFiles(files: readonly DigestFile[]): Promise<ImportReport>;
  /** Imports the sample digest that ships with Shelfmark. */
  importSample(): Promise<ImportReport>;
  setStatus(ids: readonly string[], status: ReadingStatus): Promise<readonly Paper[]>;
  addTags(ids: readonly string[], tags: readonly string[]): Promise<readonly Paper[]>;
  removeTags(ids: readonly string[], tags: readonly string[]): Promise<readonly Paper[]>;
  setNote(id: string, note: string): Promise<Paper>;
  /** Renames a tag on every paper (into an existing tag: merges them). Returns the papers changed. */
  renameTag(from: string, to: string): Promise<readonly Paper[]>;
  restoreStates(states: readonly ReadingStateInput[]): Promise<readonly Paper[]>;
  tags(): Promise<readonly TagCount[]>;
  digests(): Promise<readonly DigestProgress[]>;
  stats(): Promise<LibraryStats>;
  /** Exports notes (Markdown), citations (BibTeX) or the whole library (JSON). Nothing selected: an error. */
  exportLibrary(request: ExportRequest): Promise<ExportResult>;
  /** Newest first. Works even when the library itself cannot be read. */
  listBackups(): Promise<readonly BackupSummary[]>;
  /** Replaces the library with a backup, after backing up the library as it is. Returns that safety backup. */
  restoreBackup(name: string): Promise<BackupSummary | null>;
}

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

export const paperFilterSchema = z
  .object({
    status: status.optional(),
    tag: tag.optional(),
    digest: z.string().min(1).max(300).optional(),
  })
  .strict();

const digestFile = z
  .object({
    name: z.string().min(1).max(1000),
    bytes: z.instanceof(Uint8Array),
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

const readingStateInput = z
  .object({ id: paperId, status, tags: z.array(tag).max(100), note, readAt: z.iso.datetime().nullable() })
  .strict();

export const apiArgs = {
  getLibrary: z.tuple([]),
  getLibraryOutline: z.tuple([]),
  getPapers: z.tuple([z.number().int().min(0), z.number().int().min(1).max(MAX_PAPERS_PER_PAGE)]),
  listPapers: z.tuple([paperFilterSchema]),
  getPaper: z.tuple([paperId]),
  importFiles: z.tuple([z.array(digestFile).min(1).max(1000)]),
  importSample: z.tuple([]),
  setStatus: z.tuple([paperIds, status]),
  addTags: z.tuple([paperIds, tags]),
  removeTags: z.tuple([paperIds, tags]),
  setNote: z.tuple([paperId, note]),
  renameTag: z.tuple([tag, tag]),
  restoreStates: z.tuple([z.array(readingStateInput).max(MAX_IDS)]),
  tags: z.tuple([]),
  digests: z.tuple([]),
  stats: z.tuple([]),
  exportLibrary: z.tuple([exportRequest]),
  listBackups: z.tuple([]),
  restoreBackup: z.tuple([z.string().min(1).max(200)]),
} as const;

export type ApiMethod = keyof LibraryApi;
export const API_METHODS = Object.keys(apiArgs) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(apiArgs, name);
}

/** Compile-time: every method has a schema, and each schema's output is assignable to its parameters. */
type ApiArgsMatch = {
  [K in ApiMethod]: z.output<(typeof apiArgs)[K]> extends Parameters<LibraryApi[K]> ? true : K;
};
type Mismatched = ApiArgsMatch[ApiMethod] extends true ? never : Exclude<ApiArgsMatch[ApiMethod], true>;
export const API_ARGS_MATCH: [Mismatched] extends [never] ? true : Mismatched = true;

/** An error a front end shows as it is: bad input, an unknown paper, a library file it cannot read. */
export interface ApiError {
  readonly message: string;
  readonly kind: 'invalid-input' | 'not-found' | 'library-file' | 'internal';
}

export type ApiResponse<T = unknown> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** Thrown on the calling side when the API answers with an error. */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}
