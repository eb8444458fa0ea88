/**
 * The one API every front end talks to: the desktop app over IPC, browser mode over HTTP, the command line
 * in-process. Each call's arguments have a schema (api-args.ts), checked by every transport before the library
 * is touched. Free of zod and of the library's code, so that the renderer's bundle carries only this contract.
 */

import type { LibraryMergeSummary, DigestImportSummary } from './merge.js';
import type { Paper, ReadingStatus } from './model.js';
import type { PaperColumns } from './outline.js';
import type { DigestProgress, LibraryStats, PaperFilter, TagCount } from './query.js';
import type { ExportRequest } from './export/index.js';
import type { FolderExportReport } from './export/folder-report.js';

export interface DigestFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type FileImportResult =
  | { readonly file: string; readonly ok: true; readonly kind: 'digest'; readonly summary: DigestImportSummary }
  | { readonly file: string; readonly ok: true; readonly kind: 'library'; readonly summary: LibraryMergeSummary }
  /** A BibTeX file of @string macros alone, which the other files of the import (`usedBy`) use. */
  | {
      readonly file: string;
      readonly ok: true;
      readonly kind: 'macros';
      readonly macros: number;
      readonly usedBy: readonly string[];
    }
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

/** The library as the list first shows it: every paper outlined (core/outline.ts), in columns. */
export interface LibraryOutline {
  readonly papers: PaperColumns;
  readonly digests: readonly DigestProgress[];
  /** Why the library cannot be changed ("/media/backup/papers cannot be written (…)"); null when it can. */
  readonly readOnly: string | null;
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
  | {
      readonly kind: 'saved';
      readonly path: string;
      readonly papers: number;
      /** A folder export: what it replaced in the folder and what it left. */
      readonly folder?: FolderExportReport;
    }
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
   * first line (at most OUTLINE_ABSTRACT_LENGTH characters) and its links and categories left out, in columns.
   * Small and quick; `getPapers` and `getPaper` bring the whole records.
   */
  getLibraryOutline(): Promise<LibraryOutline>;
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

export type ApiMethod = keyof LibraryApi;

/** Every method, in a list the transports build their proxies from (api-args.ts checks it is every method). */
export const API_METHODS = [
  'getLibrary',
  'getLibraryOutline',
  'getPapers',
  'listPapers',
  'getPaper',
  'importFiles',
  'importSample',
  'setStatus',
  'addTags',
  'removeTags',
  'setNote',
  'renameTag',
  'restoreStates',
  'tags',
  'digests',
  'stats',
  'exportLibrary',
  'listBackups',
  'restoreBackup',
] as const satisfies readonly ApiMethod[];

const METHOD_NAMES: ReadonlySet<string> = new Set(API_METHODS);

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && METHOD_NAMES.has(name);
}

/**
 * An error a front end shows as it is: bad input, an unknown paper, a library file it cannot read, a library that
 * cannot be written, a file-system failure (a full disk, a busy file) said in words.
 */
export interface ApiError {
  readonly message: string;
  readonly kind: 'invalid-input' | 'not-found' | 'library-file' | 'read-only' | 'file-system' | 'internal';
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
