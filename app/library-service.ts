/** The library API implemented over the store: what the IPC handlers, the HTTP server and the CLI all call. */

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type {
  BackupSummary,
  DailyPapersReport,
  DailyPapersRequest,
  DigestDateChange,
  DigestFile,
  TaskProgress,
  ExportResult,
  FileImportResult,
  ImportReport,
  LibraryApi,
  LibraryDevices,
  LibraryOutline,
  PaperDetail,
  LibraryView,
  NotesSyncRequest,
  NotesSyncSetup,
  RankRequest,
  ReadingStateInput,
  ScoredPaper,
  UpNext,
} from '../core/api.js';
import type { NotesSyncReport } from '../core/notes-sync/report.js';
import type { NotesSyncSettings } from '../core/notes-sync/sync-record.js';
import { takeInChanges, type TakeInRequest } from '../core/notes-sync/take-in.js';
import type { NotesSyncTemplate } from '../core/notes-sync/template.js';
import { typedFolderPath } from './notes-sync/folder-path.js';
import type { SyncHooks } from './notes-sync/sync-notes.js';
import type { ExportOutput } from '../core/export/index.js';
import { exportFileType, type ExportRequest } from '../core/export/request.js';
import { sameItems } from '../core/arrays.js';
import { InvalidInputError, NotFoundError } from '../core/errors.js';
import { DigestError } from '../core/import/types.js';
import type { ArxivAnswers, ArxivEntry } from '../core/import/arxiv-atom.js';
import type { ArxivApi } from './arxiv/arxiv-api.js';
import { dayBefore, dayOf, daysFrom, isDay, localDayOf } from '../core/days.js';
import type { DailyPapersApi } from './hf/daily-papers-api.js';
import { throwIfCancelled } from './net/clock.js';
import { nodeByteSearch } from './byte-search.js';
import { networkSettings, type NetworkSettings } from './net/settings.js';
import { Tasks, type Run, type RunOptions } from './tasks.js';
import type { ImportPreview } from '../core/import/preview.js';
import type { DigestRead, MacrosFile } from '../core/import/index.js';
import { bytesWanted, type WantedBytes } from '../core/import/wanted-bytes.js';
import type { LibrarySnapshot, ParsedFile } from '../core/import/types.js';
import { findDigest, findPaper, findPapers } from '../core/lookup.js';
import {
  applyCompletions,
  thinPapers,
  type Completion,
  type CompletionReport,
  type NotCompleted,
  type NotCompletedReason,
} from '../core/complete.js';
import { CatalogueMerge } from '../core/merge.js';
import { possibleDuplicates, type PossibleDuplicates } from '../core/duplicates.js';
import { mergePapers, unmergePapers, type PaperMerge, type PaperMergeUndo } from '../core/paper-merge.js';
import { redateDigest, sameDayNote, withImportDate } from '../core/digest-date.js';
import {
  readingStateOf,
  withReadingState,
  type Catalogue,
  type CataloguePaper,
  type Digest,
  type Paper,
  type ParsedPaper,
  type ReadingState,
  type ReadingStatus,
  emptyStateMap,
} from '../core/model.js';
import {
  digestProgress,
  libraryStats,
  matchesFilter,
  papersOf,
  tagCounts,
  type DigestProgress,
  type LibraryStats,
  type PaperFilter,
  type TagCount,
} from '../core/query.js';
import { withStateColumns } from '../core/outline.js';
import * as reading from '../core/reading.js';
import { LibraryChanges } from './library-changes.js';
import { libraryDevices, noteConflicts } from './sync/devices-view.js';
import { appDataDirectory } from './library-location.js';
import { openLibraryStore, type LibraryFolderStore } from './sync/open-library-store.js';
import { Ranking } from './ranking.js';
import { inThisThread, inWorkerThread } from './rank-thread.js';
import { backUpDaily, listBackups, type BackupInfo } from './store/backups.js';
import { restoreBackup } from './sync/restore-backup.js';
import {
  fileSystemError,
  libraryPaths,
  readOnlyReason,
  userFileError,
  type LibraryChange,
  type LibraryPaths,
  type OutlineSnapshot,
} from './store/index.js';

/** Saves an export where the user chooses (the desktop app's dialogs), or says they cancelled. */
export type ExportSaver = (output: ExportOutput, request: ExportRequest) => Promise<ExportResult>;

export interface LibraryServiceOptions {
  /** Where the web APIs are and how to reach them; by default from the environment (networkSettings). */
  readonly network?: NetworkSettings;
  /** The bundled sample digest that `importSample` imports. */
  readonly sampleDigest: string;
  readonly now?: () => Date;
  /** Without one (browser mode), a one-document export comes back to download. */
  readonly saveExport?: ExportSaver;
  /** The desktop app's folder picker for syncing notes: the folder chosen, or null; `current` to start in. */
  readonly chooseNotesFolder?: (current: string | null) => Promise<string | null>;
  /**
   * Learn and rank (Up next, more like this) in a worker thread: for a process that answers other calls meanwhile
   * (the desktop app's main process, browser mode's server); the command line ranks in its own thread.
   */
  readonly rankInWorker?: boolean;
  /**
   * Shelfmark's app-data folder, where this computer's device id and what it keeps of each library live (Electron's
   * userData); by default the platform's, from the environment (appDataDirectory).
   */
  readonly appData?: string;
  /** How soon a change made elsewhere is told (onChangedElsewhere): tests make it quicker. */
  readonly follow?: { readonly debounceMs?: number; readonly pollMs?: number };
  /**
   * Whether an import of files by a process that has not read the library keeps its papers on disk while it merges
   * and writes them (app/bounded-import), as it does unless this is false: tests compare it with the usual way.
   */
  readonly shelvedImports?: boolean;
}

/** What the command line adds to a sync of notes (`sync-notes --template`), and tests' hooks. */
export interface NotesSyncExtras {
  readonly template?: NotesSyncTemplate;
  readonly hooks?: SyncHooks;
}

/** What an import tells of its progress (RunOptions.onProgress, taskProgress): reading its files, then saving. */
export const IMPORT_READING = 'Reading the files';
export const IMPORT_SAVING = 'Saving the library';

/** Loaded on first use: showing a library needs neither, and together they take ~40 ms to load. */
const parsers = (): Promise<typeof import('../core/import/index.js')> => import('../core/import/index.js');
const exporters = (): Promise<typeof import('../core/export/index.js')> => import('../core/export/index.js');
/** Loaded on first sync, with the YAML parser. */
const notesSync = (): Promise<typeof import('./notes-sync/sync-notes.js')> => import('./notes-sync/sync-notes.js');

/** What `previewImport` names text it is not given a name for. */
const PASTED_TEXT = 'Pasted text';

/** How far back `fetchDailyPapers` looks for the latest day with papers: a week has weekends and holidays. */
const LOOK_BACK_DAYS = 7;
/** Days one `fetchDailyPapers` fetches at most: a year's, at a second a day. */
const MAX_FETCHED_DAYS = 366;

const EMPTY_ANSWERS: ArxivAnswers = { papers: new Map(), problems: new Map(), errors: [] };

/**
 * A digest file that the import reads when it needs it rather than holding its bytes from start to end: twice, as
 * BibTeX files share their @string macros, and a BibTeX file a window of its bytes at a time (core/import/index.ts,
 * ImportFiles). Each read must give the same bytes.
 */
export interface DigestFileSource {
  readonly name: string;
  /** How many bytes it has, for the import's progress. */
  readonly size: number;
  /** The day its digest is of (YYYY-MM-DD), when the user said so. */
  readonly date?: string;
  /**
   * The bytes `wanted` of it (fewer at the file's end), or why they cannot be read, in words that name no file. They
   * are used before the next read: the reader may read the next ones into the same buffer.
   */
  readonly read: (wanted: WantedBytes) => Promise<Uint8Array | { readonly error: string }>;
}

/** A digest to import: a file, or text (pasted, or from standard input). */
type DigestSource = DigestFileSource | { readonly name: string; readonly text: string };

/** A file whose bytes are in hand, as a source. */
export function sourceOf(file: DigestFile): DigestFileSource {
  return {
    name: file.name,
    size: file.bytes.length,
    ...(file.date === undefined ? {} : { date: file.date }),
    read: (wanted) => Promise.resolve(bytesWanted(file.bytes, wanted)),
  };
}

/** A digest source read: what it holds, or why it cannot be imported. */
type ParsedSource =
  | { readonly file: string; readonly ok: true; readonly parsed: ParsedFile | MacrosFile }
  | { readonly file: string; readonly ok: false; readonly error: string };

type StateChange = (state: ReadingState | undefined, now: string, paperId: string) => ReadingState | undefined;

/**
 * Whether a change left the catalogue as it was. A digest imported again comes back as a new record with the same
 * fields: the same digest, and no reason to write the whole catalogue again.
 */
function sameCatalogue(a: Catalogue, b: Catalogue): boolean {
  if (!sameItems(a.papers, b.papers) || a.digests.length !== b.digests.length) return false;
  return a.digests.every((digest, index) => {
    const other = b.digests[index];
    if (other === undefined) return false;
    const keys = Object.keys(digest) as (keyof Digest)[];
    return keys.length === Object.keys(other).length && keys.every((key) => sameField(digest[key], other[key]));
  });
}

function sameField(a: unknown, b: unknown): boolean {
  return a === b || (Array.isArray(a) && Array.isArray(b) && sameItems(a, b));
}

export class LibraryService implements LibraryApi {
  readonly paths: LibraryPaths;
  #store: Promise<LibraryFolderStore> | null = null;
  readonly #tasks = new Tasks();
  #arxiv: ArxivApi | null = null;
  #dailyPapers: DailyPapersApi | null = null;
  #outlineView: { readonly library: OutlineSnapshot; readonly view: Omit<LibraryOutline, 'readOnly'> } | null = null;
  #ranking: Ranking | null = null;
  readonly #changes: LibraryChanges;

  /** Opens nothing yet: a library that cannot be read still lists and restores its backups. */
  constructor(
    catalogue: string,
    private readonly options: LibraryServiceOptions,
  ) {
    this.paths = libraryPaths(catalogue);
    this.#changes = new LibraryChanges(this.paths, async () => (await this.store()).follow(), options.follow);
  }

  /**
   * Calls `listener` whenever another process (the command line, a sync tool bringing another computer's files)
   * has changed the library, a few hundred milliseconds after it did; returns the function that stops it. The
   * library's folder is watched meanwhile, until the last listener stops or the library closes.
   */
  onChangedElsewhere(listener: () => void): () => void {
    return this.#changes.subscribe(listener);
  }

  /** The store, opened on first use; it reads afresh on each call, so after a failure the next call tries again. */
  private store(): Promise<LibraryFolderStore> {
    this.#store ??= openLibraryStore(this.paths.catalogue, {
      appData: this.appData,
      now: () => this.clock(),
    }).catch((error: unknown) => {
      this.#store = null;
      throw error;
    });
    return this.#store;
  }

  private async read(): Promise<LibrarySnapshot> {
    return (await this.store()).read();
  }

  async close(): Promise<void> {
    await this.#changes.close();
    const store = this.#store;
    this.#store = null;
    await this.#ranking?.close();
    this.#ranking = null;
    await (await store)?.close();
  }

  private backedUpOn: string | null = null;

  /** Whether this service changed the library since it opened (what a long-lived process compacts before exit). */
  changed = false;

  /** Shelfmark's app-data folder: this computer's device, and what it keeps of each library. */
  private get appData(): string {
    return this.options.appData ?? appDataDirectory();
  }

  private get network(): NetworkSettings {
    return this.options.network ?? networkSettings(process.env);
  }

  private clock(): Date {
    return this.options.now?.() ?? new Date();
  }

  private now(): string {
    return this.clock().toISOString();
  }

  /** The user's day (YYYY-MM-DD, this computer's calendar), on which snoozes end. */
  today(): string {
    return localDayOf(this.clock());
  }

  /** The filter with its digest named by its whole id (`--digest` takes an unambiguous start of one). */
  private resolved<T extends PaperFilter>(library: LibrarySnapshot, filter: T): T {
    if (filter.digest === undefined) return filter;
    return { ...filter, digest: findDigest(library.catalogue, filter.digest).id };
  }

  async getLibrary(): Promise<LibraryView> {
    const library = await this.read();
    return { papers: papersOf(library), digests: digestProgress(library.catalogue.digests, library.states) };
  }

  async getLibraryOutline(): Promise<LibraryOutline> {
    const library = await (await this.store()).readOutline();
    // The store hands out the same outline and states until the library changes: the view made ahead of time
    // serves the page.
    let made = this.#outlineView;
    if (made === null || made.library.outline !== library.outline || made.library.states !== library.states) {
      const { outline, states } = library;
      made = {
        library,
        view: { papers: withStateColumns(outline.papers, states), digests: digestProgress(outline.digests, states) },
      };
      this.#outlineView = made;
    }
    const store = await this.store();
    // The conflicts the outline's own frame says: a first frame saved at the last close has them, read nothing else.
    const conflicts = await noteConflicts(store, await store.view(true));
    return {
      ...made.view,
      readOnly: await readOnlyReason(this.paths),
      ...(conflicts.length > 0 ? { noteConflicts: conflicts } : {}),
    };
  }

  async getPapers(offset: number, limit: number): Promise<readonly Paper[]> {
    const library = await this.read();
    return library.catalogue.papers
      .slice(offset, offset + limit)
      .map((paper) => withReadingState(paper, readingStateOf(library.states, paper.id)));
  }

  /** Reads what the first call asks for, the library's outline, ahead of it (errors are left for that call). */
  async warm(): Promise<void> {
    await this.getLibraryOutline().catch(() => undefined);
  }

  async listPapers(filter: PaperFilter): Promise<readonly Paper[]> {
    const library = await this.read();
    const wanted = this.resolved(library, filter);
    const today = this.today();
    return papersOf(library).filter((paper) => matchesFilter(paper, wanted, today));
  }

  async getPaper(ref: string): Promise<PaperDetail> {
    const library = await this.read();
    const found = findPaper(library.catalogue, ref);
    return this.withNoteConflicts(withReadingState(found, readingStateOf(library.states, found.id)));
  }

  /** `paper` with its note's other versions, when it has any. */
  private async withNoteConflicts(paper: Paper): Promise<PaperDetail> {
    const store = await this.store();
    const view = await store.view();
    const mine = view.conflicts.get(paper.id);
    if (mine === undefined || mine.length === 0) return paper;
    const [named] = await noteConflicts(store, { ...view, conflicts: new Map([[paper.id, mine]]) });
    return named === undefined ? paper : { ...paper, noteConflicts: named.versions };
  }

  importFiles(files: readonly DigestFile[], options: RunOptions = {}): Promise<ImportReport> {
    return this.importFileSources(files.map(sourceOf), options);
  }

  /**
   * As importFiles, for a caller in this process that can read each file when the import needs it: an import of
   * many large files then holds one file's bytes at a time, not all of them.
   */
  importFileSources(files: readonly DigestFileSource[], options: RunOptions = {}): Promise<ImportReport> {
    return this.#tasks.run(
      options,
      async (run) =>
        (await this.importShelved(files, run)) ?? this.commitParsed(await this.parseSources(files, run), run),
    );
  }

  /**
   * An import of files into a library with no import yet, or onto its cache's papers where the store has not read
   * them (SyncedLibraryStore.shelfBase), its papers and the library's kept on disk rather than in memory while they
   * are merged and written (app/bounded-import): the same library as the usual way, which this leaves an import it
   * does not make the same way to (null).
   */
  private async importShelved(files: readonly DigestFileSource[], run: Run): Promise<ImportReport | null> {
    const store = await this.store();
    if (this.options.shelvedImports === false || files.length === 0) return null;
    const [{ shelveImport, closeShelved }, { withHeapGrowthBounded }] = await Promise.all([
      import('./bounded-import/shelved-import.js'),
      import('./bounded-import/heap-growth.js'),
    ]);
    // Bounded from the start: the limit V8 sets at a full collection holds until the next, and the cache's head,
    // read here, makes the first.
    const intoEmpty = await store.hasNoImport();
    return withHeapGrowthBounded(!intoEmpty, async () => {
      const onto = intoEmpty ? undefined : await store.shelfBase();
      if (onto === null) return null;
      const shelved = await shelveImport(files, {
        now: this.now(),
        search: nodeByteSearch,
        onProgress: importReadingProgress(run),
        checkCancelled: () => throwIfCancelled(run.signal),
        ...(onto === undefined ? {} : { onto }),
      });
      if (shelved === null) return null;
      try {
        // The last moment to stop: from here on, the library changes whole or not at all.
        throwIfCancelled(run.signal);
        run.progress({ message: IMPORT_SAVING, done: 0, total: null });
        await this.backUpIfDue();
        if (!(await store.importShelved(shelved))) return null;
        if (shelved.change !== null) this.changed = true;
        return summarise(shelved.results);
      } catch (error) {
        throw fileSystemError(error, this.paths.directory) ?? error;
      } finally {
        closeShelved(shelved);
      }
    });
  }

  /** Imports text as a digest (pasted, or read from standard input), named `name`. */
  importText(text: string, name: string, options?: RunOptions): Promise<ImportReport> {
    return this.#tasks.run(options, async (run) =>
      this.commitParsed(await this.parseSources([{ name, text }], run), run),
    );
  }

  /** What importing `text` would do, without storing anything. */
  previewImport(text: string, name = PASTED_TEXT, options?: RunOptions): Promise<ImportPreview> {
    return this.#tasks.run(options, async (run) => {
      const [entry] = await this.parseSources([{ name, text }], run);
      if (entry === undefined) throw new Error('previewImport parsed nothing');
      if (!entry.ok) throw new InvalidInputError(entry.error);
      if (entry.parsed.kind === 'macros') throw new InvalidInputError('it holds BibTeX macros and no entries');
      const { previewImport } = await parsers();
      return previewImport(await this.read(), entry.parsed, name);
    });
  }

  /** Adds papers by arXiv id or link, with their details from the arXiv API. */
  addPapers(refs: readonly string[], options?: RunOptions): Promise<ImportReport> {
    return this.#tasks.run(options, async (run) => {
      const { arxivRefsOf, arxivIdsFile, notArxivRefsMessage } = await parsers();
      const { refs: wanted, unknown } = arxivRefsOf(refs);
      if (unknown.length > 0) throw new InvalidInputError(notArxivRefsMessage(unknown));
      const arxiv = await this.arxiv();
      const answers = await arxiv.lookUp(
        wanted.map((ref) => ref.arxivId),
        run,
      );
      let parsed: ParsedFile;
      try {
        parsed = arxivIdsFile(wanted, answers);
      } catch (error) {
        if (error instanceof DigestError) throw new NotFoundError(error.message);
        throw error;
      }
      return this.commitParsed([{ file: arxiv.host, ok: true, parsed }], run);
    });
  }

  /** Imports days of Hugging Face Daily Papers: every day is fetched before the library changes at all. */
  fetchDailyPapers(request: DailyPapersRequest, options?: RunOptions): Promise<DailyPapersReport> {
    return this.#tasks.run(options, async (run) => {
      const today = dayOf(this.now());
      const { date, since } = request;
      if (date !== undefined && since !== undefined) {
        throw new InvalidInputError('Ask for one day (date) or for every day since one (since), not both.');
      }
      for (const value of [date, since]) {
        if (value === undefined) continue;
        if (!isDay(value)) throw new InvalidInputError(`"${value}" is not a day: write it YYYY-MM-DD (2025-03-11).`);
        if (value > today) throw new InvalidInputError(`${value} is after today (${today}, in UTC).`);
      }
      const wanted = since !== undefined ? daysFrom(since, today) : date !== undefined ? [date] : null;
      if (wanted !== null && wanted.length > MAX_FETCHED_DAYS) {
        throw new InvalidInputError(
          `That is ${wanted.length.toLocaleString('en')} days; fetch at most ${MAX_FETCHED_DAYS} at once.`,
        );
      }
      const api = await this.dailyPapers();
      const { parseDigestText } = await parsers();
      const now = this.now();
      const days: { date: string; papers: number }[] = [];
      const sources: ParsedSource[] = [];
      const fetchDay = async (day: string, step: { done: number; total: number | null }): Promise<boolean> => {
        const answer = await api.day(day, run, step);
        if ('empty' in answer) {
          days.push({ date: day, papers: 0 });
          return false;
        }
        const file = `${api.host} ${day}`;
        try {
          const parsed = parseDigestText(answer.json, { fileName: `daily_papers-${day}.json`, now, date: day });
          days.push({ date: day, papers: parsed.kind === 'digest' ? parsed.digest.papers.length : 0 });
          sources.push({ file, ok: true, parsed });
        } catch (error) {
          days.push({ date: day, papers: 0 });
          sources.push({ file, ok: false, error: errorMessage(error) });
        }
        return true;
      };
      let latest: string | null = null;
      if (wanted !== null) {
        for (const [index, day] of wanted.entries()) await fetchDay(day, { done: index, total: wanted.length });
      } else {
        // The latest day with papers: today's list is empty until the day's first papers are in, and weekends
        // and holidays have none.
        let day = today;
        for (let back = 0; back <= LOOK_BACK_DAYS && latest === null; back++, day = dayBefore(day)) {
          if (await fetchDay(day, { done: back, total: null })) latest = day;
        }
      }
      const report = await this.commitParsed(sources, run);
      return { days: days.sort((a, b) => a.date.localeCompare(b.date)), latest, report };
    });
  }

  /** Completes papers from arXiv: by title, or by arXiv id for those that have one. Nothing changes until the end. */
  completePapers(ids: readonly string[], options?: RunOptions): Promise<CompletionReport> {
    return this.#tasks.run(options, async (run) => {
      const { catalogue } = await this.read();
      const papers = ids.length > 0 ? findPapers(catalogue, ids) : thinPapers(catalogue);
      const arxiv = await this.arxiv();
      const { matchTitle } = await parsers();
      const byId = papers.filter((paper) => paper.arxivId !== null);
      const byTitle = papers.filter((paper) => paper.arxivId === null);
      const answers =
        byId.length === 0
          ? EMPTY_ANSWERS
          : await arxiv.lookUp(
              byId.map((paper) => paper.arxivId ?? ''),
              run,
            );
      const found =
        byTitle.length === 0
          ? new Map<string, readonly ArxivEntry[]>()
          : await arxiv.searchTitles(
              byTitle.map((paper) => paper.title),
              run,
            );
      const completions: Completion[] = [];
      const notCompleted: NotCompleted[] = [];
      const leave = (
        paper: CataloguePaper,
        reason: NotCompletedReason,
        message: string,
        candidates: readonly ParsedPaper[] = [],
      ): void => {
        notCompleted.push({
          id: paper.id,
          title: paper.title,
          reason,
          message,
          candidates: candidates.map((candidate) => ({ arxivId: candidate.arxivId ?? '', title: candidate.title })),
        });
      };
      for (const paper of byId) {
        const arxivId = paper.arxivId ?? '';
        const record = answers.papers.get(arxivId);
        if (record !== undefined) completions.push({ paperId: paper.id, record });
        else leave(paper, 'not-found', answers.problems.get(arxivId) ?? 'arXiv has no paper with this id');
      }
      for (const paper of byTitle) {
        const match = matchTitle(paper.title, found.get(paper.title) ?? []);
        if (match.kind === 'one') completions.push({ paperId: paper.id, record: match.paper });
        else if (match.kind === 'several')
          leave(paper, 'ambiguous', 'several papers on arXiv have this title', match.candidates);
        else if (match.kind === 'withdrawn') leave(paper, 'withdrawn', `${match.arxivId}: ${match.reason}`);
        else leave(paper, 'no-match', 'no paper on arXiv has this title');
      }
      throwIfCancelled(run.signal);
      if (completions.length === 0) return { completed: [], notCompleted };
      const applied = await this.transact((library) => {
        const result = applyCompletions(library, completions);
        const changed = !sameCatalogue(library.catalogue, result.catalogue);
        return { ...(changed ? { catalogue: result.catalogue } : {}), result };
      });
      return { completed: applied.completed, notCompleted: [...notCompleted, ...applied.kept] };
    });
  }

  taskProgress(task: string): Promise<TaskProgress | null> {
    return Promise.resolve(this.#tasks.progress(task));
  }

  cancelTask(task: string): Promise<boolean> {
    return Promise.resolve(this.#tasks.cancel(task));
  }

  private async dailyPapers(): Promise<DailyPapersApi> {
    const { DailyPapersApi } = await import('./hf/daily-papers-api.js');
    this.#dailyPapers ??= new DailyPapersApi(this.network);
    return this.#dailyPapers;
  }

  /** Loaded on first use, with the XML parser: most calls go nowhere near the network. */
  private async arxiv(): Promise<ArxivApi> {
    const { ArxivApi } = await import('./arxiv/arxiv-api.js');
    this.#arxiv ??= new ArxivApi(this.network);
    return this.#arxiv;
  }

  /**
   * Reads each source; a list of arXiv ids has its papers asked of arXiv, all lists' ids together. The files of an
   * import are read together, so that BibTeX files share their @string macros (core/import/index.ts).
   */
  private async parseSources(sources: readonly DigestSource[], run: Run): Promise<ParsedSource[]> {
    const now = this.now();
    const { ImportFiles, readDigestText, arxivIdsFile, readPass } = await parsers();
    const files = sources.filter((source): source is DigestFileSource => 'read' in source);
    const importFiles = new ImportFiles(files, now, importReadingProgress(run), nodeByteSearch);
    // A file at a time, and of a BibTeX file a window at a time, each read again for its second pass.
    const cancelled = () => throwIfCancelled(run.signal);
    for (const [index, file] of files.entries()) await readPass(importFiles.readFirst(index), file.read, cancelled);
    for (const [index, file] of files.entries()) await readPass(importFiles.parse(index), file.read, cancelled);
    const filesRead = importFiles.outcomes();
    let nextFile = 0;
    const read = sources.map((source) => {
      const date = 'date' in source ? source.date : undefined;
      try {
        let digest: DigestRead | MacrosFile;
        if ('read' in source) {
          const outcome = filesRead[nextFile++];
          if (outcome === undefined) throw new Error('parseDigestFiles answered for fewer files than it was given');
          if (!outcome.ok) return { file: source.name, ok: false as const, error: outcome.error };
          digest = outcome.parsed;
        } else {
          digest = readDigestText(source.text, { fileName: source.name, now, ...(date === undefined ? {} : { date }) });
        }
        const dated =
          digest.kind === 'digest' && date !== undefined
            ? { ...digest, digest: withImportDate(digest.digest, date) }
            : digest;
        return { file: source.name, ok: true as const, read: dated };
      } catch (error) {
        return { file: source.name, ok: false as const, error: errorMessage(error) };
      }
    });
    const arxivIds = read.flatMap((entry) =>
      entry.ok && entry.read.kind === 'arxiv-ids' ? entry.read.refs.map((ref) => ref.arxivId) : [],
    );
    const answers = arxivIds.length === 0 ? null : await (await this.arxiv()).lookUp(arxivIds, run);
    return read.map((entry): ParsedSource => {
      if (!entry.ok) return entry;
      if (entry.read.kind !== 'arxiv-ids') return { file: entry.file, ok: true, parsed: entry.read };
      try {
        return { file: entry.file, ok: true, parsed: arxivIdsFile(entry.read.refs, answers ?? EMPTY_ANSWERS) };
      } catch (error) {
        return { file: entry.file, ok: false, error: errorMessage(error) };
      }
    });
  }

  /** Merges what was read into the library, in one change: every digest and library in order. */
  private async commitParsed(parsed: readonly ParsedSource[], run: Run): Promise<ImportReport> {
    // The last moment to stop: from here on, the library changes whole or not at all.
    throwIfCancelled(run.signal);
    const now = this.now();
    const readable = parsed.filter((entry) => entry.ok);
    if (readable.length === 0) return summarise(parsed.filter((entry) => !entry.ok));
    run.progress({ message: IMPORT_SAVING, done: 0, total: null });

    const results = await this.transact((library) => {
      // One merge for every file: the catalogue is copied and indexed once, not once per file.
      const merge = new CatalogueMerge(library.catalogue);
      let currentStates = library.states;
      const states = emptyStateMap();
      const fileResults = parsed.map((entry): FileImportResult => {
        if (!entry.ok) return entry;
        if (entry.parsed.kind === 'macros') return { file: entry.file, ok: true, ...entry.parsed, warnings: [] };
        const { warnings } = entry.parsed;
        if (entry.parsed.kind === 'digest') {
          const { digest } = entry.parsed;
          const summary = merge.addDigest(digest, basename(entry.file), now);
          const sameDay = sameDayNote(merge.digests, summary.digest.id);
          const notes = [...(digest.notes ?? []), ...(sameDay === null ? [] : [sameDay])];
          return { file: entry.file, ok: true, kind: 'digest', summary, warnings, notes };
        }
        const merged = merge.addLibrary(entry.parsed.library, currentStates);
        Object.assign(states, merged.states);
        currentStates = { ...currentStates, ...merged.states };
        return { file: entry.file, ok: true, kind: 'library', summary: merged.summary, warnings };
      });
      const catalogue = merge.catalogue();
      const catalogueChanged = !sameCatalogue(library.catalogue, catalogue);
      return {
        ...(catalogueChanged ? { catalogue } : {}),
        ...(Object.keys(states).length > 0 ? { states } : {}),
        result: fileResults,
      };
    });
    return summarise(results);
  }

  async importSample(): Promise<ImportReport> {
    const bytes = await readFile(this.options.sampleDigest);
    return this.importFiles([{ name: basename(this.options.sampleDigest), bytes }]);
  }

  /** `noteOver`: of a note changed, the note it was typed over (LibraryChange.noteBases). */
  private changeStates(refs: readonly string[], change: StateChange, noteOver?: string): Promise<readonly Paper[]> {
    const now = this.now();
    return this.transact((library) => {
      const papers = findPapers(library.catalogue, refs);
      const states = emptyStateMap();
      const result = papers.map((paper) => {
        const before = readingStateOf(library.states, paper.id);
        const after = change(before, now, paper.id);
        if (after !== undefined && after !== before) states[paper.id] = after;
        return withReadingState(paper, after);
      });
      if (Object.keys(states).length === 0) return { result };
      if (noteOver === undefined) return { states, result };
      return { states, noteBases: new Map(papers.map((paper) => [paper.id, noteOver])), result };
    });
  }

  setStatus(ids: readonly string[], status: ReadingStatus): Promise<readonly Paper[]> {
    return this.changeStates(ids, (state, now) => reading.setStatus(state, status, now));
  }

  snooze(ids: readonly string[], until: string): Promise<readonly Paper[]> {
    return this.changeStates(ids, (state, now) => reading.snooze(state, until, now));
  }

  addTags(ids: readonly string[], tags: readonly string[]): Promise<readonly Paper[]> {
    tags.forEach(reading.normalizeTag);
    return this.changeStates(ids, (state, now) => reading.addTags(state, tags, now));
  }

  removeTags(ids: readonly string[], tags: readonly string[]): Promise<readonly Paper[]> {
    tags.forEach(reading.normalizeTag);
    return this.changeStates(ids, (state, now) => reading.removeTags(state, tags, now));
  }

  async setNote(ref: string, note: string, over?: string): Promise<PaperDetail> {
    const [paper] = await this.changeStates([ref], (state, now) => reading.setNote(state, note, now), over);
    if (paper === undefined) throw new Error('setNote changed no paper');
    return over === undefined ? paper : this.withNoteConflicts(paper);
  }

  async resolveNote(ref: string, note: string): Promise<Paper> {
    const { id } = findPaper((await this.read()).catalogue, ref);
    try {
      await (await this.store()).resolveNote(id, note);
    } catch (error) {
      throw fileSystemError(error, this.paths.directory) ?? error;
    }
    const library = await this.read();
    return withReadingState(findPaper(library.catalogue, id), readingStateOf(library.states, id));
  }

  async renameTag(from: string, to: string): Promise<readonly Paper[]> {
    reading.normalizeTag(to);
    const tagged = (await this.listPapers({ tag: from })).map((paper) => paper.id);
    if (tagged.length === 0) return [];
    return this.changeStates(tagged, (state, now) => (state ? reading.renameTag(state, from, to, now) : state));
  }

  restoreStates(states: readonly ReadingStateInput[]): Promise<readonly Paper[]> {
    const wanted = new Map(states.map((state) => [state.id, state]));
    return this.changeStates([...wanted.keys()], (state, now, paperId) => {
      const target = wanted.get(paperId);
      return target === undefined ? state : reading.restoreState(state, target, now);
    });
  }

  async renderExport(request: ExportRequest): Promise<ExportOutput> {
    const { renderExport } = await exporters();
    const library = await this.read();
    const selection = { ...this.resolved(library, request.selection), today: this.today() };
    return renderExport(library, { ...request, selection });
  }

  /** Saves the export through `saveExport`, else hands a one-document export back to download. */
  async exportLibrary(request: ExportRequest): Promise<ExportResult> {
    const { saveExport } = this.options;
    if (saveExport !== undefined) return saveExport(await this.renderExport(request), request);
    if (request.format === 'md' && request.layout === 'folder') {
      throw new InvalidInputError(
        'A folder of Markdown files can be saved by the desktop app or "shelfmark export"; here, export one document instead.',
      );
    }
    const output = await this.renderExport(request);
    if (output.kind === 'folder') throw new Error('a one-document export gave a folder');
    const { fileName, mimeType } = exportFileType(request.format, this.clock());
    return { kind: 'download', fileName, mimeType, content: output.content, papers: output.papers };
  }

  async tags(): Promise<readonly TagCount[]> {
    return tagCounts(papersOf(await this.read()));
  }

  async digests(): Promise<readonly DigestProgress[]> {
    const library = await this.read();
    return digestProgress(library.catalogue.digests, library.states);
  }

  setDigestDate(digestId: string, date: string): Promise<DigestDateChange> {
    return this.transact((library) => {
      const catalogue = redateDigest(library.catalogue, digestId, date);
      const result = {
        digests: digestProgress(catalogue.digests, library.states),
        note: sameDayNote(catalogue.digests, digestId),
      };
      return { ...(catalogue !== library.catalogue ? { catalogue } : {}), result };
    });
  }

  async stats(): Promise<LibraryStats> {
    return libraryStats(await this.read(), this.today());
  }

  async listBackups(): Promise<readonly BackupSummary[]> {
    return (await listBackups(await (await this.store()).backups())).map(summariseBackup);
  }

  async restoreBackup(name: string): Promise<BackupSummary | null> {
    try {
      const safety = await restoreBackup(await this.store(), name, this.clock());
      return safety === null ? null : summariseBackup(safety);
    } catch (error) {
      // Named by the library's folder: the paths the errors carry are Shelfmark's own staging folders.
      throw userFileError(error, this.paths.directory) ?? error;
    }
  }

  private get ranking(): Ranking {
    this.#ranking ??= new Ranking(
      this.paths.rankCache,
      this.options.rankInWorker === true ? inWorkerThread() : inThisThread(),
    );
    return this.#ranking;
  }

  async rankPapers(request: RankRequest): Promise<UpNext> {
    return this.ranking.upNext(await this.read(), request, this.today());
  }

  async similarPapers(ref: string, limit = 10): Promise<readonly ScoredPaper[]> {
    const library = await this.read();
    const paper = findPaper(library.catalogue, ref);
    return this.ranking.similar(library, withReadingState(paper, readingStateOf(library.states, paper.id)), limit);
  }

  async listPossibleDuplicates(): Promise<readonly PossibleDuplicates[]> {
    return possibleDuplicates((await this.read()).catalogue);
  }

  mergePapers(keepId: string, mergeId: string): Promise<PaperMerge> {
    const now = this.now();
    return this.transact((library) => mergePapers(library, keepId, mergeId, now));
  }

  unmergePapers(undo: PaperMergeUndo): Promise<readonly Paper[]> {
    const now = this.now();
    return this.transact((library) => unmergePapers(library, undo, now));
  }

  async syncNotes(request: NotesSyncRequest, extras: NotesSyncExtras = {}): Promise<NotesSyncReport> {
    const { syncNotesWithFolder } = await notesSync();
    const { status, tag } = request;
    const { syncRecordPlace } = await import('./notes-sync/record-file.js');
    const library = {
      record: await syncRecordPlace(this.paths, this.appData),
      read: () => this.read(),
      takeIn: (requests: readonly TakeInRequest[]) => {
        const now = this.now();
        return this.transact((snapshot) => takeInChanges(snapshot, requests, now));
      },
    };
    try {
      return await syncNotesWithFolder(library, {
        folder: typedFolderPath(request.folder),
        scope:
          status !== undefined || tag !== undefined
            ? { kind: 'filter', status, tag }
            : { kind: request.all === true ? 'all' : 'default' },
        dryRun: request.dryRun === true,
        restore: request.restore === true,
        editing: request.editing,
        template: extras.template,
        hooks: extras.hooks,
      });
    } catch (error) {
      throw fileSystemError(error, this.paths.directory) ?? error;
    }
  }

  async notesSyncSettings(): Promise<NotesSyncSetup> {
    const { readSyncRecord, syncRecordPlace } = await import('./notes-sync/record-file.js');
    const { settings } = await readSyncRecord(await syncRecordPlace(this.paths, this.appData));
    return { ...settings, canChooseFolder: this.options.chooseNotesFolder !== undefined };
  }

  async setNotesSyncSettings(settings: NotesSyncSettings): Promise<NotesSyncSetup> {
    const { readSyncRecord, syncRecordPlace, withSyncRecordLock, writeSyncRecord } =
      await import('./notes-sync/record-file.js');
    const folder = settings.folder === null ? null : typedFolderPath(settings.folder);
    try {
      await withSyncRecordLock(await syncRecordPlace(this.paths, this.appData), async (place) => {
        const record = await readSyncRecord(place);
        await writeSyncRecord(place, { ...record, settings: { folder, onChange: settings.onChange } });
      });
    } catch (error) {
      throw fileSystemError(error, this.paths.directory) ?? error;
    }
    return this.notesSyncSettings();
  }

  async chooseNotesFolder(): Promise<string | null> {
    const choose = this.options.chooseNotesFolder;
    if (choose === undefined) {
      throw new InvalidInputError(
        'Type the folder’s path: in a browser, Shelfmark cannot show this computer’s folders.',
      );
    }
    return choose((await this.notesSyncSettings()).folder);
  }

  async listDevices(): Promise<LibraryDevices> {
    const store = await this.store();
    return libraryDevices(store, await store.view(), this.clock().getTime());
  }

  /** Folds the reading-state write-ahead log into its snapshot: for long-lived processes, before they exit. */
  async compact(): Promise<void> {
    await (await this.store()).compact();
  }

  /**
   * Every change goes through here, so that the day's first change is preceded by the day's backup, and a
   * file-system failure (a full disk, a busy file) is said in words that name the library's folder.
   */
  /** The day's first backup, before the day's first change (app/store/backups.ts). */
  private async backUpIfDue(): Promise<void> {
    const today = this.clock().toISOString().slice(0, 10);
    // A library that cannot be written is not changed, so not backed up either: the change is refused below.
    if (this.backedUpOn !== today && (await readOnlyReason(this.paths)) === null) {
      const store = await this.store();
      await backUpDaily(await store.backups(), this.clock(), () => store.read());
      this.backedUpOn = today;
    }
  }

  private async transact<T>(change: (library: LibrarySnapshot) => LibraryChange<T>): Promise<T> {
    try {
      await this.backUpIfDue();
      const result = await (await this.store()).transact(change);
      this.changed = true;
      return result;
    } catch (error) {
      throw fileSystemError(error, this.paths.directory) ?? error;
    }
  }
}

function summariseBackup({ name, createdAt, reason, bytes }: BackupInfo): BackupSummary {
  return { name, createdAt, reason, bytes };
}

/** An import's progress while it reads its files, as a percentage of their bytes. */
function importReadingProgress(run: Run): (done: number, total: number) => void {
  return (done, total) => {
    const share = total === 0 ? 1 : Math.min(1, done / total);
    run.progress({ message: IMPORT_READING, done: Math.floor(share * 100), total: 100, percent: true });
  };
}

function summarise(files: readonly FileImportResult[]): ImportReport {
  let added = 0;
  let merged = 0;
  for (const file of files) {
    if (!file.ok || file.kind === 'macros') continue;
    added += file.summary.added.length;
    merged += file.summary.merged.length;
  }
  return { files, added, merged };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
