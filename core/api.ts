/**
 * The one API every front end talks to: the desktop app over IPC, browser mode over HTTP, the command line
 * in-process. Each call's arguments have a schema (api-args.ts), checked by every transport before the library
 * is touched. Free of zod and of the library's code, so that the renderer's bundle carries only this contract.
 */

import type { CompletionReport } from './complete.js';
import type { ImportPreview } from './import/preview.js';
import type { ImportWarning } from './import/types.js';
import type { LibraryMergeSummary, DigestImportSummary } from './merge.js';
import type { Paper, ReadingStatus } from './model.js';
import type { PossibleDuplicates } from './duplicates.js';
import type { PaperMerge, PaperMergeUndo } from './paper-merge.js';
import type { PaperColumns } from './outline.js';
import type { DigestProgress, LibraryStats, PaperFilter, TagCount } from './query.js';
import type { ExportRequest } from './export/index.js';
import type { FolderExportReport } from './export/folder-report.js';
import type { NotesSyncReport } from './notes-sync/report.js';
import type { NotesSyncSettings } from './notes-sync/sync-record.js';

export interface DigestFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The day (YYYY-MM-DD) the user says the digest is of, whatever the file says (`import --date`). */
  readonly date?: string | undefined;
}

/** A file imported: what it added, and what of it was cut to fit Shelfmark's field caps (core/import/field-caps.ts). */
interface FileImported {
  readonly file: string;
  readonly ok: true;
  readonly warnings: readonly ImportWarning[];
}

export type FileImportResult =
  | (FileImported & {
      readonly kind: 'digest';
      readonly summary: DigestImportSummary;
      /** What the user should know though nothing was skipped: a guessed day, a day shared, an entry cut short. */
      readonly notes: readonly string[];
    })
  | (FileImported & { readonly kind: 'library'; readonly summary: LibraryMergeSummary })
  /** A BibTeX file of @string macros alone, which the other files of the import (`usedBy`) use. */
  | (FileImported & { readonly kind: 'macros'; readonly macros: number; readonly usedBy: readonly string[] })
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
  /** A synced library's papers whose note was also written apart on another device; absent or empty: none. */
  readonly noteConflicts?: readonly PaperNoteConflicts[];
}

/**
 * Another version of a paper's note (a synced library, ARCHITECTURE.md "Many devices, one folder"): written on a
 * device while the note shown was written on another, kept beside it until the user keeps one (`resolveNote`).
 */
export interface NoteVersion {
  readonly text: string;
  /** The device's name ("desktop"); for a library's copy from before it was synced, "an older copy". */
  readonly device: string;
  readonly deviceId: string;
  /** Written on this computer (its own earlier text, which another computer's later one hid). */
  readonly thisDevice: boolean;
  /** When it was written (ISO). */
  readonly at: string;
}

export interface PaperNoteConflicts {
  readonly id: string;
  /** Latest first. */
  readonly versions: readonly NoteVersion[];
}

/** A paper as `getPaper` gives it: with its note's other versions, when it has any. */
export interface PaperDetail extends Paper {
  /** Latest first; absent when there are none. */
  readonly noteConflicts?: readonly NoteVersion[];
}

/** A device (one computer's Shelfmark) that wrote to a synced library. */
export interface LibraryDevice {
  readonly id: string;
  /** The computer's name when it first wrote ("laptop"); its id when it has not said (its file not arrived yet). */
  readonly name: string;
  /** When it first wrote to this library (ISO); null when not known yet. */
  readonly firstWrote: string | null;
  /** Its latest change in the library's files (ISO); null when none of its changes has arrived. */
  readonly lastWrote: string | null;
  readonly thisComputer: boolean;
  /**
   * How far its clock is ahead of this computer's (ms), when it is too far to follow (its changes are kept, their
   * stamps not adopted); null when it is not.
   */
  readonly clockAheadMs: number | null;
}

/** A file or a line of a synced library that cannot be read (yet): said, never fatal. */
export interface LibraryFileProblem {
  /** Relative to the library's folder. */
  readonly file: string;
  /** The line of a log; null for a file as a whole. */
  readonly line: number | null;
  readonly reason: string;
}

/** Who wrote to the library and when (`shelfmark devices`). */
export interface LibraryDevices {
  /** This computer first, then by their last write, latest first. */
  readonly devices: readonly LibraryDevice[];
  /** Changes to papers whose import has not arrived yet from the device that made it. */
  readonly waiting: number;
  readonly problems: readonly LibraryFileProblem[];
}

/** A digest's day changed: the digests as the sidebar lists them, and what the user should know of the new day. */
export interface DigestDateChange {
  readonly digests: readonly DigestProgress[];
  /** Another digest of a one-a-day source is of that day too: which. Null when none is. */
  readonly note: string | null;
}

/** A paper's reading state as an undo restores it. */
export interface ReadingStateInput {
  readonly id: string;
  readonly status: ReadingStatus;
  readonly tags: readonly string[];
  readonly note: string;
  readonly readAt: string | null;
  /** The snooze to put back (an unread paper only); absent: none. */
  readonly snoozedUntil?: string;
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

/**
 * A call that goes to the network (arXiv, Hugging Face) may be given a task id of the caller's choosing, by which
 * `taskProgress` follows it and `cancelTask` stops it. A cancelled call changes nothing and fails as `cancelled`.
 */
export interface TaskOptions {
  readonly task?: string | undefined;
}

/** How far a task has come: "Asking arXiv for 12 papers" (request 1 of 1), "Reading the files" (43 %). */
export interface TaskProgress {
  readonly message: string;
  /** Steps done and steps in all (requests, days), or with `percent` a share of 100; total null while unknown. */
  readonly done: number;
  readonly total: number | null;
  /** `done` is a percentage (of bytes read, say), not a count of steps. */
  readonly percent?: true;
}

/**
 * Which days of Hugging Face Daily Papers `fetchDailyPapers` imports (YYYY-MM-DD, UTC): one day, every day from one
 * to today, or when neither is given the latest day with papers (today, else the day before, and so on back a week).
 */
export interface DailyPapersRequest {
  readonly date?: string | undefined;
  readonly since?: string | undefined;
}

export interface DailyPapersReport {
  /** Every day asked for, oldest first, with how many papers Hugging Face lists for it (0: none, none imported). */
  readonly days: readonly { readonly date: string; readonly papers: number }[];
  /** When no day was named: the latest day with papers, which was imported; null when there was none. */
  readonly latest: string | null;
  /** What was imported: one digest a day with papers, merged as any re-import is. */
  readonly report: ImportReport;
}

/** A sync of notes with a folder of Markdown files (`syncNotes`). */
export interface NotesSyncRequest {
  /** The folder's full path on the computer the library is on (`~/` for the home folder). */
  readonly folder: string;
  /** Every paper; by default those with a note, a tag or a status other than unread, and those synced there before. */
  readonly all?: boolean | undefined;
  /** Only papers with this status (and `tag`, if given). */
  readonly status?: ReadingStatus | undefined;
  readonly tag?: string | undefined;
  /** Change nothing: the report says what a sync would do. */
  readonly dryRun?: boolean | undefined;
  /** Write again the files of papers the user deleted from the folder. */
  readonly restore?: boolean | undefined;
  /** Papers whose notes are being typed in the app now: their files' edits wait for a later sync. */
  readonly editing?: readonly string[] | undefined;
}

/** What the app remembers of syncing notes, and whether this front end can show a folder picker. */
export interface NotesSyncSetup extends NotesSyncSettings {
  readonly canChooseFolder: boolean;
}

/** Which unread papers `rankPapers` ranks: all of them, a digest's, and against the papers of one tag. */
export interface RankRequest {
  readonly digest?: string | undefined;
  /** Only these papers (those of them up next): a view's, sorted by relevance. */
  readonly ids?: readonly string[] | undefined;
  /** Rank by what the user filed under this tag rather than by everything they kept. */
  readonly tag?: string | undefined;
  /** At most this many papers, the best (default: all). */
  readonly limit?: number | undefined;
}

/** A paper as `getPaper` gives it, with how it ranks and why. */
export interface ScoredPaper extends Paper {
  readonly score: number;
  /** The words, phrases and authors that weigh most for it ("graph generation", "J. Leskovec"). */
  readonly reasons: readonly string[];
}

/** Up next: the unread papers that are neither dismissed nor snoozed, best first. */
export interface UpNext {
  /**
   * `learnt` from the user's decisions; `upvotes` while there are too few of them (fewer than `needed` kept or
   * dismissed): Hugging Face upvotes, then the listing's order.
   */
  readonly basis: 'learnt' | 'upvotes';
  readonly kept: number;
  readonly dismissed: number;
  readonly needed: { readonly kept: number; readonly dismissed: number };
  /** How many papers are up next in all, `papers` being the first of them. */
  readonly total: number;
  readonly papers: readonly ScoredPaper[];
}

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
  /**
   * The papers a filter picks: `status` a view (a reading status, or 'snoozed'), judged on the library's day;
   * `digest` a digest's id or an unambiguous start of one.
   */
  listPapers(filter: PaperFilter): Promise<readonly Paper[]>;
  /** By id, arXiv id (any version) or an unambiguous id prefix; with its note's other versions (PaperDetail). */
  getPaper(ref: string): Promise<PaperDetail>;
  /** A file that lists arXiv ids has its papers' details asked of arXiv: a task (TaskOptions). */
  importFiles(files: readonly DigestFile[], options?: TaskOptions): Promise<ImportReport>;
  /** Imports the sample digest that ships with Shelfmark. */
  importSample(): Promise<ImportReport>;
  /**
   * What importing `text` (pasted: a digest in any format Shelfmark reads) would do, without storing anything: the
   * format detected, how many papers are new and how many the library has, each paper, and every block skipped.
   */
  previewImport(text: string, name?: string, options?: TaskOptions): Promise<ImportPreview>;
  /** Imports `text` as a digest named `name` ("Pasted text"): what `previewImport` said it would do. */
  importText(text: string, name: string, options?: TaskOptions): Promise<ImportReport>;
  /**
   * Adds papers by arXiv id (`2410.03060`, `2410.03060v2`, `hep-th/9901001`, `arXiv:…`) or link (arxiv.org abs or
   * PDF, huggingface.co/papers), with their details from the arXiv API. An id arXiv has no paper for, or a paper it
   * lists as withdrawn, is a skipped block of the report; the rest are added.
   */
  addPapers(refs: readonly string[], options?: TaskOptions): Promise<ImportReport>;
  /** Imports days of Hugging Face Daily Papers from its API; a task (TaskOptions), one request a day. */
  fetchDailyPapers(request: DailyPapersRequest, options?: TaskOptions): Promise<DailyPapersReport>;
  /**
   * Completes papers from arXiv: each paper without an arXiv id is looked up by its title, and where exactly one
   * paper on arXiv has that title (case, punctuation and accents aside) its arXiv id, authors, year, categories and
   * links are filled in, as an import that knows the arXiv id would; a paper with one is filled in from its record.
   * Reading states are untouched. Papers none or several match are listed, never guessed. `ids` empty: every paper
   * without an arXiv id. A task (TaskOptions).
   */
  completePapers(ids: readonly string[], options?: TaskOptions): Promise<CompletionReport>;
  /** How far a running task has come; null when none of that id runs. */
  taskProgress(task: string): Promise<TaskProgress | null>;
  /** Stops a running task, which then fails as `cancelled` having changed nothing; false when none of that id runs. */
  cancelTask(task: string): Promise<boolean>;
  /** Any status, 'dismissed' ("not for me") included; 'unread' undoes a snooze. */
  setStatus(ids: readonly string[], status: ReadingStatus): Promise<readonly Paper[]>;
  /**
   * Snoozes papers ("later") until the day `until` (YYYY-MM-DD, the user's calendar): unread, and out of Unread
   * until then. The caller says which day; the front ends offer only days still to come.
   */
  snooze(ids: readonly string[], until: string): Promise<readonly Paper[]>;
  addTags(ids: readonly string[], tags: readonly string[]): Promise<readonly Paper[]>;
  removeTags(ids: readonly string[], tags: readonly string[]): Promise<readonly Paper[]>;
  /**
   * `over`: the note as the caller last had it, which it edited. When the library's note is another by then (written
   * meanwhile from the command line, another window or computer), that one is kept as another version of the note
   * (`noteConflicts` of the answer) rather than overwritten unseen.
   */
  setNote(id: string, note: string, over?: string): Promise<PaperDetail>;
  /**
   * Keeps `note` as the paper's note and drops the other versions written apart on other devices (PaperDetail), on
   * every device once the files are carried.
   */
  resolveNote(id: string, note: string): Promise<Paper>;
  /** Renames a tag on every paper (into an existing tag: merges them). Returns the papers changed. */
  renameTag(from: string, to: string): Promise<readonly Paper[]>;
  restoreStates(states: readonly ReadingStateInput[]): Promise<readonly Paper[]>;
  tags(): Promise<readonly TagCount[]>;
  digests(): Promise<readonly DigestProgress[]>;
  /** Changes the day (YYYY-MM-DD) a digest is of, and the day its title names. */
  setDigestDate(digestId: string, date: string): Promise<DigestDateChange>;
  stats(): Promise<LibraryStats>;
  /** Exports notes (Markdown), citations (BibTeX, CSL-JSON, RIS) or the library (JSON). None chosen: an error. */
  exportLibrary(request: ExportRequest): Promise<ExportResult>;
  /** Newest first. Works even when the library itself cannot be read. */
  listBackups(): Promise<readonly BackupSummary[]>;
  /** Replaces the library with a backup, after backing up the library as it is. Returns that safety backup. */
  restoreBackup(name: string): Promise<BackupSummary | null>;
  /** Up next: unread papers, neither dismissed nor snoozed, best first, learnt from what the user kept and dismissed. */
  rankPapers(request: RankRequest): Promise<UpNext>;
  /** "More like this": the papers nearest the one `ref` names (as getPaper takes it), most alike first. */
  similarPapers(ref: string, limit?: number): Promise<readonly ScoredPaper[]>;
  /** Papers with one title that identity kept apart, in groups, with why each pair was kept apart. */
  listPossibleDuplicates(): Promise<readonly PossibleDuplicates[]>;
  /**
   * Merges the paper `mergeId` names into the one `keepId` names: notes, tags, status, digests and the richer record
   * fields; `mergeId` names the kept paper from then on. Returns it, and what `unmergePapers` takes to undo.
   */
  mergePapers(keepId: string, mergeId: string): Promise<PaperMerge>;
  /** Undoes a merge: both papers as they were (what the kept one gained since stays). Returns both. */
  unmergePapers(undo: PaperMergeUndo): Promise<readonly Paper[]>;
  /**
   * Syncs notes with a folder both ways (core/notes-sync/plan.ts): writes new and changed papers' files, takes in
   * what was edited in the folder, and never overwrites a side that changed; says what it did, file by file.
   */
  syncNotes(request: NotesSyncRequest): Promise<NotesSyncReport>;
  /** The folder the app syncs notes with, and whether on every change. */
  notesSyncSettings(): Promise<NotesSyncSetup>;
  setNotesSyncSettings(settings: NotesSyncSettings): Promise<NotesSyncSetup>;
  /** The desktop app's folder picker: the folder chosen, or null. Browser mode has none: there, a path is typed. */
  chooseNotesFolder(): Promise<string | null>;
  /** The devices that wrote to the library, when each last wrote, and what of its files cannot be read. */
  listDevices(): Promise<LibraryDevices>;
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
  'previewImport',
  'importText',
  'addPapers',
  'fetchDailyPapers',
  'completePapers',
  'taskProgress',
  'cancelTask',
  'setStatus',
  'snooze',
  'addTags',
  'removeTags',
  'setNote',
  'resolveNote',
  'renameTag',
  'restoreStates',
  'tags',
  'digests',
  'setDigestDate',
  'stats',
  'exportLibrary',
  'listBackups',
  'restoreBackup',
  'rankPapers',
  'similarPapers',
  'listPossibleDuplicates',
  'mergePapers',
  'unmergePapers',
  'syncNotes',
  'notesSyncSettings',
  'setNotesSyncSettings',
  'chooseNotesFolder',
  'listDevices',
] as const satisfies readonly ApiMethod[];

const METHOD_NAMES: ReadonlySet<string> = new Set(API_METHODS);

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && METHOD_NAMES.has(name);
}

/**
 * An error a front end shows as it is: bad input, an unknown paper, a library file it cannot read, a library that
 * cannot be written, a file-system failure (a full disk, a busy file) said in words, a server that could not be
 * reached; or a call the user cancelled, which changed nothing.
 */
export interface ApiError {
  readonly message: string;
  readonly kind:
    'invalid-input' | 'not-found' | 'library-file' | 'read-only' | 'file-system' | 'network' | 'cancelled' | 'internal';
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
