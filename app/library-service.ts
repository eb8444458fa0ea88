/** The library API implemented over the store: what the IPC handlers, the HTTP server and the CLI all call. */

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type {
  BackupSummary,
  DigestFile,
  ExportResult,
  FileImportResult,
  ImportReport,
  LibraryApi,
  LibraryOutline,
  LibraryView,
  ReadingStateInput,
} from '../core/api.js';
import type { ExportOutput } from '../core/export/index.js';
import { exportFileType, type ExportRequest } from '../core/export/request.js';
import { sameItems } from '../core/arrays.js';
import { InvalidInputError } from '../core/errors.js';
import type { LibrarySnapshot } from '../core/import/types.js';
import { findPaper, findPapers } from '../core/lookup.js';
import { mergeDigest, mergeLibrary } from '../core/merge.js';
import {
  readingStateOf,
  withReadingState,
  type Catalogue,
  type Digest,
  type Paper,
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
import { backUpDaily, listBackups, restoreBackup, type BackupInfo } from './store/backups.js';
import {
  fileSystemError,
  libraryPaths,
  openLibraryStore,
  readOnlyReason,
  type LibraryChange,
  type LibraryPaths,
  type LibraryStore,
  type OutlineSnapshot,
} from './store/index.js';

/** Saves an export where the user chooses (the desktop app's dialogs), or says they cancelled. */
export type ExportSaver = (output: ExportOutput, request: ExportRequest) => Promise<ExportResult>;

export interface LibraryServiceOptions {
  /** The bundled sample digest that `importSample` imports. */
  readonly sampleDigest: string;
  readonly now?: () => Date;
  /** Without one (browser mode), a one-document export comes back to download. */
  readonly saveExport?: ExportSaver;
}

/** How far an import has got: reading its files (`done` of `total` bytes parsed), then saving the library. */
export type ImportProgress =
  { readonly stage: 'reading'; readonly done: number; readonly total: number } | { readonly stage: 'saving' };

export interface ImportOptions {
  /** Told how far the import has got, now and then: a few times a second at most while files are parsed. */
  readonly onProgress?: (progress: ImportProgress) => void;
}

/** Loaded on first use: showing a library needs neither, and together they take ~40 ms to load. */
const parsers = (): Promise<typeof import('../core/import/index.js')> => import('../core/import/index.js');
const exporters = (): Promise<typeof import('../core/export/index.js')> => import('../core/export/index.js');

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
  #store: Promise<LibraryStore> | null = null;
  #outlineView: { readonly library: OutlineSnapshot; readonly view: Omit<LibraryOutline, 'readOnly'> } | null = null;

  /** Opens nothing yet: a library that cannot be read still lists and restores its backups. */
  constructor(
    catalogue: string,
    private readonly options: LibraryServiceOptions,
  ) {
    this.paths = libraryPaths(catalogue);
  }

  /** The store, opened on first use; it reads afresh on each call, so after a failure the next call tries again. */
  private store(): Promise<LibraryStore> {
    this.#store ??= openLibraryStore(this.paths.catalogue);
    return this.#store;
  }

  private async read(): Promise<LibrarySnapshot> {
    return (await this.store()).read();
  }

  async close(): Promise<void> {
    const store = this.#store;
    this.#store = null;
    await (await store)?.close();
  }

  private backedUpOn: string | null = null;

  private clock(): Date {
    return this.options.now?.() ?? new Date();
  }

  private now(): string {
    return this.clock().toISOString();
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
    return { ...made.view, readOnly: await readOnlyReason(this.paths) };
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
    return papersOf(library).filter((paper) => matchesFilter(paper, filter));
  }

  async getPaper(ref: string): Promise<Paper> {
    const library = await this.read();
    const paper = findPaper(library.catalogue, ref);
    return withReadingState(paper, readingStateOf(library.states, paper.id));
  }

  async importFiles(files: readonly DigestFile[], options: ImportOptions = {}): Promise<ImportReport> {
    const now = this.now();
    const { parseDigestFiles } = await parsers();
    const { onProgress } = options;
    const parsed = parseDigestFiles(
      files,
      now,
      onProgress === undefined ? undefined : (done, total) => onProgress({ stage: 'reading', done, total }),
    );
    const readable = parsed.filter((entry) => entry.ok);
    if (readable.length === 0) return summarise(parsed.filter((entry) => !entry.ok));
    onProgress?.({ stage: 'saving' });

    const results = await this.transact((library) => {
      let current: LibrarySnapshot = library;
      const states = emptyStateMap();
      const fileResults = parsed.map((entry): FileImportResult => {
        if (!entry.ok) return entry;
        if (entry.parsed.kind === 'macros') return { file: entry.file, ok: true, ...entry.parsed };
        if (entry.parsed.kind === 'digest') {
          const merged = mergeDigest(current.catalogue, entry.parsed.digest, basename(entry.file), now);
          current = { catalogue: merged.catalogue, states: current.states };
          return { file: entry.file, ok: true, kind: 'digest', summary: merged.summary };
        }
        const merged = mergeLibrary(current, entry.parsed.library);
        Object.assign(states, merged.states);
        current = { catalogue: merged.catalogue, states: { ...current.states, ...merged.states } };
        return { file: entry.file, ok: true, kind: 'library', summary: merged.summary };
      });
      const catalogueChanged = !sameCatalogue(library.catalogue, current.catalogue);
      return {
        ...(catalogueChanged ? { catalogue: current.catalogue } : {}),
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

  private changeStates(refs: readonly string[], change: StateChange): Promise<readonly Paper[]> {
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
      return { ...(Object.keys(states).length > 0 ? { states } : {}), result };
    });
  }

  setStatus(ids: readonly string[], status: ReadingStatus): Promise<readonly Paper[]> {
    return this.changeStates(ids, (state, now) => reading.setStatus(state, status, now));
  }

  addTags(ids: readonly string[], tags: readonly string[]): Promise<readonly Paper[]> {
    tags.forEach(reading.normalizeTag);
    return this.changeStates(ids, (state, now) => reading.addTags(state, tags, now));
  }

  removeTags(ids: readonly string[], tags: readonly string[]): Promise<readonly Paper[]> {
    tags.forEach(reading.normalizeTag);
    return this.changeStates(ids, (state, now) => reading.removeTags(state, tags, now));
  }

  async setNote(id: string, note: string): Promise<Paper> {
    const [paper] = await this.changeStates([id], (state, now) => reading.setNote(state, note, now));
    if (paper === undefined) throw new Error('setNote changed no paper');
    return paper;
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
    return renderExport(await this.read(), request);
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

  async stats(): Promise<LibraryStats> {
    return libraryStats(await this.read());
  }

  async listBackups(): Promise<readonly BackupSummary[]> {
    return (await listBackups(this.paths)).map(summariseBackup);
  }

  async restoreBackup(name: string): Promise<BackupSummary | null> {
    const safety = await restoreBackup(this.paths, name, this.clock());
    return safety === null ? null : summariseBackup(safety);
  }

  /** Folds the reading-state write-ahead log into its snapshot: for long-lived processes, before they exit. */
  async compact(): Promise<void> {
    await (await this.store()).compact();
  }

  /**
   * Every change goes through here, so that the day's first change is preceded by the day's backup, and a
   * file-system failure (a full disk, a busy file) is said in words that name the library's folder.
   */
  private async transact<T>(change: (library: LibrarySnapshot) => LibraryChange<T>): Promise<T> {
    try {
      const today = this.clock().toISOString().slice(0, 10);
      if (this.backedUpOn !== today) {
        await backUpDaily(this.paths, this.clock());
        this.backedUpOn = today;
      }
      return await (await this.store()).transact(change);
    } catch (error) {
      throw fileSystemError(error, this.paths.directory) ?? error;
    }
  }
}

function summariseBackup({ name, createdAt, reason, bytes }: BackupInfo): BackupSummary {
  return { name, createdAt, reason, bytes };
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
