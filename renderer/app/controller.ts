/**
 * Everything the UI does, in one place: loading, searching, selecting, optimistic changes with rollback and
 * undo, imports, export and the app's events. Components read the store and call these methods; they never
 * call the API themselves.
 */

import {
  ApiCallError,
  type BackupSummary,
  type FileImportResult,
  type ImportReport,
  type LibraryApi,
} from '../../core/api.js';
import type { ExportRequest } from '../../core/export/index.js';
import { describeFolderExport } from '../../core/export/folder-report.js';
import type { AppEvent } from '../../core/ipc.js';
import type { Paper, ReadingStatus } from '../../core/model.js';
import { papersOfColumns } from '../../core/outline.js';
import { NoteSaver } from '../detail/note-saver.js';
import { nextPaint } from '../lib/after-paint.js';
import { plural, describeStatusChange, nextStatus } from '../lib/status.js';
import { SearchClient } from '../search/client.js';
import { inPagePort, startSearchWorker } from '../search/port.js';
import type { WorkerPort } from '../search/protocol.js';
import * as papersLib from '../state/papers.js';
import * as selections from '../state/selection.js';
import {
  addToast,
  ALL,
  dismissToast,
  INITIAL_STATE,
  loadedOutline,
  paperById,
  replacePapers,
  sameFilter,
  setFilter,
  setQuery,
  setResults,
  withWholeRecords,
  type AppState,
  type Dialog,
  type SidebarFilter,
  type Toast,
} from '../state/state.js';
import { createStore, type Store } from '../state/store.js';
import { applyRestore, dropUndo, pushUndo, recordsBefore, restoreInputs, type UndoEntry } from '../state/undo.js';
import { visibleIds } from '../state/visible.js';

export type FocusTarget = 'search' | 'list' | 'tag' | 'note';

/** Files larger than this are refused before they are read: no digest is anywhere near it. */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** Whole records per getPapers call in the background: ~2 MB, read in a few tens of milliseconds. */
const RECORDS_PER_PAGE = 1000;

/** The papers an import added or changed. */
function papersChangedBy(report: ImportReport): ReadonlySet<string> {
  const changed = new Set<string>();
  for (const file of report.files) {
    if (!file.ok) continue;
    for (const paper of [...file.summary.added, ...file.summary.merged]) changed.add(paper.id);
  }
  return changed;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** "Couldn't mark as read: The library file is locked." without doubled full stops. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

interface Mutation {
  readonly ids: readonly string[];
  /** The change as shown at once; may throw InvalidInputError (a tag the library would refuse). */
  readonly local: (paper: Paper, now: string) => Paper;
  readonly remote: (ids: readonly string[]) => Promise<readonly Paper[]>;
  /** Which fields undo puts back; none: the change is not undoable. */
  readonly undo?: { status?: boolean; tags?: boolean };
  readonly label: string;
  /** "Couldn't mark 3 papers as read" */
  readonly failure: string;
}

export class Controller {
  readonly store: Store<AppState> = createStore(INITIAL_STATE);
  readonly notes: NoteSaver;
  private readonly search: SearchClient;
  private undoStack: UndoEntry[] = [];
  /** The latest change in flight for each paper: only its answer, or its failure, may touch the paper. */
  private readonly latestChange = new Map<string, number>();
  private changeCounter = 0;
  private readonly focusHandlers = new Map<FocusTarget, () => void>();
  private syncedPapers: readonly Paper[] | null = null;
  private loadGeneration = 0;
  private fetchingRecord: string | null = null;
  /** The list has been drawn once: from then on the cursor's whole record is fetched as soon as it moves. */
  private listShown = false;
  private lastCursor: string | null = null;
  private readonly disposers: (() => void)[] = [];

  constructor(
    private readonly api: LibraryApi,
    port: WorkerPort | null = null,
  ) {
    // Notes belong to the note saver: a saved note updates only the note (a status change may be in flight),
    // and the answers to other changes never touch it (see confirmPapers).
    this.notes = new NoteSaver(async (id, note) => {
      const saved = await this.api.setNote(id, note);
      this.store.update((state) => {
        const current = paperById(state, id);
        return current === undefined ? state : replacePapers(state, [{ ...current, note: saved.note }]);
      });
    });
    const workerPort =
      port ??
      startSearchWorker((reason) => {
        console.warn(`Search runs in the page: ${reason}`);
        void inPagePort().then((fallback) => this.search.replacePort(fallback));
      });
    const events = {
      results: (results: Parameters<typeof setResults>[1]) => this.store.update((state) => setResults(state, results)),
      failed: (query: string, message: string) => this.toast(`Search for “${query}” failed: ${message}`, 'error'),
    };
    // Should the worker fail to start, startSearchWorker's failure callback brings in the in-page fallback.
    this.search = new SearchClient(workerPort, events);
    this.disposers.push(
      this.store.subscribe(() => {
        const { papers } = this.store.get();
        if (papers !== this.syncedPapers) {
          this.syncedPapers = papers;
          this.search.sync(papers);
        }
        const { cursor } = this.store.get().selection;
        if (cursor !== this.lastCursor) {
          this.lastCursor = cursor;
          if (this.listShown) this.fetchCursorRecord();
        }
      }),
    );
  }

  get state(): AppState {
    return this.store.get();
  }

  dispose(): void {
    this.disposers.forEach((dispose) => dispose());
    this.search.dispose();
  }

  // ——— Loading ———

  /**
   * Loads the outline first (the list shows at once), then, once the list is drawn, the whole records page by
   * page in the background: each page is small, so reading it never holds up typing, and the search index fills
   * in as they arrive. `changed`: after an import, the papers it added or changed; the page keeps the whole records
   * it holds of every other paper, and fetches only the pages that hold changed ones.
   */
  async load(changed?: ReadonlySet<string>): Promise<void> {
    const generation = ++this.loadGeneration;
    try {
      const outline = await this.api.getLibraryOutline();
      if (generation !== this.loadGeneration) return;
      const papers = papersOfColumns(outline.papers);
      this.store.update((state) => loadedOutline(state, papers, outline.digests, changed));
      for (const paper of papers) this.notes.settle(paper.id, paper.note);
      // The whole records make the server read the whole catalogue: they wait for the list's first frame.
      void nextPaint().then(() => {
        if (generation !== this.loadGeneration) return;
        this.listShown = true;
        this.fetchCursorRecord();
        return this.loadWholeRecords(generation);
      });
      const { query } = this.state;
      if (query.trim() !== '') this.search.search(query);
    } catch (error) {
      const message = errorMessage(error);
      this.store.update((state) =>
        state.load.phase === 'ready' ? state : { ...state, load: { phase: 'error', message } },
      );
      if (this.state.load.phase === 'ready') this.toast(`Couldn't reload the library: ${message}`, 'error');
    }
  }

  /** The whole records of the papers still shown in outline, a page at a time. */
  private async loadWholeRecords(generation: number): Promise<void> {
    const { partial, index } = this.state;
    const pages = new Set<number>();
    for (const id of partial) pages.add(Math.floor((index.get(id) ?? 0) / RECORDS_PER_PAGE));
    const inOrder = [...pages].sort((a, b) => a - b);
    try {
      for (const [count, page] of inOrder.entries()) {
        const records = await this.api.getPapers(page * RECORDS_PER_PAGE, RECORDS_PER_PAGE);
        if (generation !== this.loadGeneration) return;
        this.store.update((state) => withWholeRecords(state, records));
        const { query } = this.state;
        // The index has every abstract now: a search made before runs again over them.
        if (count === inOrder.length - 1 && query.trim() !== '') this.search.search(query);
      }
    } catch (error) {
      if (generation === this.loadGeneration) {
        this.toast(`Couldn't load the papers' abstracts: ${sentence(errorMessage(error))}`, 'error');
      }
    }
  }

  /** The paper under the cursor, whole, ahead of its page: the detail pane shows its abstract at once. */
  private fetchCursorRecord(): void {
    const { cursor } = this.state.selection;
    if (cursor === null || !this.state.partial.has(cursor) || this.fetchingRecord === cursor) return;
    this.fetchingRecord = cursor;
    const generation = this.loadGeneration;
    this.api.getPaper(cursor).then(
      (record) => {
        if (this.fetchingRecord === cursor) this.fetchingRecord = null;
        if (generation === this.loadGeneration) this.store.update((state) => withWholeRecords(state, [record]));
      },
      () => {
        // Its page will bring it.
        if (this.fetchingRecord === cursor) this.fetchingRecord = null;
      },
    );
  }

  /** The library's backups, newest first: offered when the library cannot be read. */
  listBackups(): Promise<readonly BackupSummary[]> {
    return this.api.listBackups();
  }

  /** Puts a backup in place of the library (which is itself backed up first), then opens it. */
  async restoreBackup(name: string): Promise<void> {
    try {
      await this.api.restoreBackup(name);
      this.store.update((state) => ({ ...state, load: { phase: 'loading' } }));
      await this.load();
      if (this.state.load.phase === 'ready') this.toast('Restored the backup. Your library is back.', 'info');
    } catch (error) {
      this.toast(`Couldn't restore the backup: ${sentence(errorMessage(error))}`, 'error');
    }
  }

  // ——— Focus ———

  /** A component that can take focus for a shortcut registers here; returns the unregistering function. */
  onFocusRequest(target: FocusTarget, handler: () => void): () => void {
    this.focusHandlers.set(target, handler);
    return () => {
      if (this.focusHandlers.get(target) === handler) this.focusHandlers.delete(target);
    };
  }

  focus(target: FocusTarget): void {
    this.focusHandlers.get(target)?.();
  }

  // ——— Filter, search, selection ———

  setFilter(filter: SidebarFilter): void {
    this.store.update((state) => setFilter(state, filter));
  }

  setQuery(query: string): void {
    this.store.update((state) => setQuery(state, query));
    if (query.trim() === '') this.search.cancel();
    else this.search.search(query);
  }

  /** A click on a row: plain selects it, Shift extends, Ctrl/Cmd toggles. */
  click(id: string, modifiers: { shift: boolean; toggle: boolean }): void {
    this.flushCurrentNote();
    this.store.update((state) => {
      const selection = modifiers.shift
        ? selections.extendTo(state.selection, id, visibleIds(state))
        : modifiers.toggle
          ? selections.toggle(state.selection, id)
          : selections.selectOnly(id);
      return { ...state, selection };
    });
  }

  move(delta: number, extend = false): void {
    this.flushCurrentNote();
    this.store.update((state) => ({
      ...state,
      selection: selections.move(state.selection, visibleIds(state), delta, extend),
    }));
  }

  moveTo(position: 'first' | 'last'): void {
    this.flushCurrentNote();
    this.store.update((state) => ({ ...state, selection: selections.moveTo(visibleIds(state), position) }));
  }

  selectAll(): void {
    this.store.update((state) => ({
      ...state,
      selection: selections.selectAll(visibleIds(state), state.selection.cursor),
    }));
  }

  /** Esc outside a field: a multi-selection collapses to one paper; else the search clears. */
  escape(): void {
    const { selection, query } = this.state;
    if (selection.ids.size > 1) {
      this.store.update((state) => ({ ...state, selection: selections.selectOnly(state.selection.cursor) }));
    } else if (query !== '') {
      this.setQuery('');
    }
  }

  /** The papers an action applies to: the whole selection, or the paper the cursor is on. */
  targetIds(): string[] {
    const { selection } = this.state;
    if (selection.ids.size > 0) return [...selection.ids];
    return selection.cursor === null ? [] : [selection.cursor];
  }

  private flushCurrentNote(): void {
    const { cursor } = this.state.selection;
    if (cursor !== null) this.notes.flush(cursor);
  }

  // ——— Changes to reading state ———

  private async mutate(mutation: Mutation): Promise<void> {
    const state = this.state;
    const before = mutation.ids.flatMap((id) => {
      const paper = paperById(state, id);
      return paper === undefined ? [] : [paper];
    });
    const now = new Date().toISOString();
    let after: Paper[];
    try {
      after = before.map((paper) => mutation.local(paper, now));
    } catch (error) {
      this.toast(`${mutation.failure}: ${sentence(errorMessage(error))}`, 'error');
      return;
    }
    const changedBefore = before.filter((paper, position) => after[position] !== paper);
    const changed = after.filter((paper, position) => before[position] !== paper);
    if (changed.length === 0) return;

    const change = ++this.changeCounter;
    for (const paper of changed) this.latestChange.set(paper.id, change);
    const isLatest = (paper: Paper): boolean => this.latestChange.get(paper.id) === change;

    this.store.update((current) => replacePapers(current, changed, true));
    let entry: UndoEntry | null = null;
    if (mutation.undo !== undefined) {
      entry = { label: mutation.label, records: recordsBefore(changedBefore, mutation.undo) };
      this.setUndo(pushUndo(this.undoStack, entry));
    }

    try {
      const confirmed = await mutation.remote(changed.map((paper) => paper.id));
      this.store.update((current) => confirmPapers(current, confirmed.filter(isLatest)));
    } catch (error) {
      this.store.update((current) => replacePapers(current, changedBefore.filter(isLatest)));
      if (entry !== null) this.setUndo(dropUndo(this.undoStack, entry));
      this.toast(`${mutation.failure}: ${sentence(errorMessage(error))} Nothing was changed.`, 'error');
    } finally {
      for (const paper of changed) if (isLatest(paper)) this.latestChange.delete(paper.id);
    }
  }

  private setUndo(stack: UndoEntry[]): void {
    this.undoStack = stack;
    const canUndo = stack.length > 0;
    this.store.update((state) => (state.canUndo === canUndo ? state : { ...state, canUndo }));
  }

  setStatus(ids: readonly string[], status: ReadingStatus): Promise<void> {
    const what = ids.length === 1 ? 'paper' : plural(ids.length, 'paper');
    return this.mutate({
      ids,
      local: (paper, now) => papersLib.withStatus(paper, status, now),
      remote: (changed) => this.api.setStatus(changed, status),
      undo: { status: true },
      label: describeStatusChange(ids.length, status),
      failure: `Couldn't mark ${what} as ${status}`,
    });
  }

  /** `r`: the cursor's paper (or the whole selection) to the status after the cursor's. */
  cycleStatus(): void {
    const state = this.state;
    const paper = paperById(state, state.selection.cursor) ?? paperById(state, this.targetIds()[0] ?? null);
    if (paper === undefined) return;
    void this.setStatus(this.targetIds(), nextStatus(paper.status));
  }

  addTag(ids: readonly string[], tag: string): Promise<void> {
    return this.mutate({
      ids,
      local: (paper, now) => papersLib.withTagsAdded(paper, [tag], now),
      remote: (changed) => this.api.addTags(changed, [tag]),
      undo: { tags: true },
      label: `Tagged ${ids.length === 1 ? 'paper' : plural(ids.length, 'paper')} “${tag.trim()}”`,
      failure: `Couldn't add the tag “${tag.trim()}”`,
    });
  }

  removeTag(ids: readonly string[], tag: string): Promise<void> {
    return this.mutate({
      ids,
      local: (paper, now) => papersLib.withTagsRemoved(paper, [tag], now),
      remote: (changed) => this.api.removeTags(changed, [tag]),
      undo: { tags: true },
      label: `Removed the tag “${tag}”`,
      failure: `Couldn't remove the tag “${tag}”`,
    });
  }

  /** Renames a tag everywhere; into a tag that exists, merges the two. */
  async renameTag(from: string, to: string): Promise<void> {
    let target: string;
    try {
      target = papersLib.normalizeTag(to);
    } catch (error) {
      this.toast(`Couldn't rename “${from}”: ${sentence(errorMessage(error))}`, 'error');
      return;
    }
    if (target === from) return;
    const state = this.state;
    const existing = state.counts.tags.find(
      (count) => papersLib.sameTag(count.tag, target) && !papersLib.sameTag(count.tag, from),
    );
    const ids = state.papers.filter((paper) => papersLib.hasTag(paper, from)).map((paper) => paper.id);
    if (sameFilter(state.filter, { kind: 'tag', tag: from })) {
      this.store.update((current) => ({ ...current, filter: { kind: 'tag', tag: existing?.tag ?? target } }));
    }
    await this.mutate({
      ids,
      local: (paper, now) => papersLib.withTagRenamed(paper, from, target, now),
      // The library renames by tag, not by id: one call, whatever was selected.
      remote: () => this.api.renameTag(from, target),
      undo: { tags: true },
      label: existing === undefined ? `Renamed “${from}” to “${target}”` : `Merged “${from}” into “${existing.tag}”`,
      failure: existing === undefined ? `Couldn't rename “${from}”` : `Couldn't merge “${from}” into “${existing.tag}”`,
    });
  }

  /** Ctrl/Cmd+Z: puts back the fields the last change to reading state changed. */
  async undo(): Promise<void> {
    const entry = this.undoStack.at(-1);
    if (entry === undefined) {
      this.toast('Nothing to undo.', 'info');
      return;
    }
    this.setUndo(this.undoStack.slice(0, -1));
    const state = this.state;
    const inputs = restoreInputs(entry, (id) => paperById(state, id));
    const before = inputs.flatMap((input) => {
      const paper = paperById(state, input.id);
      return paper === undefined ? [] : [paper];
    });
    const now = new Date().toISOString();
    const restored = before.map((paper, position) => {
      const input = inputs[position];
      return input === undefined ? paper : applyRestore(paper, input, now);
    });
    const change = ++this.changeCounter;
    for (const paper of restored) this.latestChange.set(paper.id, change);
    const isLatest = (paper: Paper): boolean => this.latestChange.get(paper.id) === change;
    this.store.update((current) => replacePapers(current, restored, true));
    try {
      const confirmed = await this.api.restoreStates(inputs);
      this.store.update((current) => confirmPapers(current, confirmed.filter(isLatest)));
      this.toast(`Undone: ${entry.label}.`, 'info');
    } catch (error) {
      this.store.update((current) => replacePapers(current, before.filter(isLatest)));
      this.setUndo(pushUndo(this.undoStack, entry));
      this.toast(`Couldn't undo “${entry.label}”: ${sentence(errorMessage(error))}`, 'error');
    } finally {
      for (const paper of restored) if (isLatest(paper)) this.latestChange.delete(paper.id);
    }
  }

  // ——— Import and export ———

  async importFiles(files: readonly File[]): Promise<void> {
    if (files.length === 0 || this.state.busy !== null) return;
    this.store.update((state) => ({ ...state, busy: 'importing' }));
    try {
      const tooLarge: FileImportResult[] = files
        .filter((file) => file.size > MAX_IMPORT_BYTES)
        .map((file) => ({
          file: file.name,
          ok: false as const,
          error: `At ${(file.size / 1024 / 1024).toFixed(0)} MB it is far larger than any digest; it was not read.`,
        }));
      const readable = files.filter((file) => file.size <= MAX_IMPORT_BYTES);
      const payload = await Promise.all(
        readable.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
      );
      const report: ImportReport =
        payload.length > 0 ? await this.api.importFiles(payload) : { files: [], added: 0, merged: 0 };
      const combined = { ...report, files: [...report.files, ...tooLarge] };
      if (report.added + report.merged > 0) await this.load(papersChangedBy(report));
      this.openDialog({ kind: 'import-report', report: combined });
    } catch (error) {
      this.openDialog({ kind: 'import-failed', message: errorMessage(error) });
    } finally {
      this.store.update((state) => ({ ...state, busy: null }));
    }
  }

  async importSample(): Promise<void> {
    if (this.state.busy !== null) return;
    this.store.update((state) => ({ ...state, busy: 'importing' }));
    try {
      const report = await this.api.importSample();
      await this.load(papersChangedBy(report));
      const problems = report.files.some(
        (file) => !file.ok || (file.kind === 'digest' && file.summary.skipped.length > 0),
      );
      if (problems || report.added === 0) this.openDialog({ kind: 'import-report', report });
      else this.toast(`Imported ${plural(report.added, 'paper')} from the sample digest.`, 'info');
    } catch (error) {
      this.openDialog({ kind: 'import-failed', message: errorMessage(error) });
    } finally {
      this.store.update((state) => ({ ...state, busy: null }));
    }
  }

  /** The desktop app imported files itself (File → Import): reload, and show what happened. */
  async imported(report: ImportReport): Promise<void> {
    await this.load(papersChangedBy(report));
    this.openDialog({ kind: 'import-report', report });
  }

  /**
   * Exports through the library: the desktop app asks where to save; browser mode hands the document back and it
   * is downloaded here. Returns an error message for the export dialog to show, or null when done.
   */
  async exportLibrary(request: ExportRequest): Promise<string | null> {
    try {
      const result = await this.api.exportLibrary(request);
      if (result.kind === 'cancelled') return null;
      const what = request.format === 'json' ? 'the whole library' : plural(result.papers, 'paper');
      if (result.kind === 'saved') {
        const folder = result.folder === undefined ? '' : describeFolderExport(result.folder, 5);
        this.toast(`Exported ${what} to ${result.path}.${folder === '' ? '' : ` ${folder}`}`, 'info');
      } else {
        download(result.fileName, result.mimeType, result.content);
        this.toast(`Exported ${what} as ${result.fileName}.`, 'info');
      }
      this.closeDialog();
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  // ——— Events from the desktop app ———

  handleEvent(event: AppEvent): void {
    if (event.type === 'imported') {
      void this.imported(event.report);
      return;
    }
    switch (event.command) {
      case 'find':
        this.focus('search');
        break;
      case 'export':
        this.openDialog({ kind: 'export' });
        break;
      case 'shortcuts':
        this.openDialog({ kind: 'shortcuts' });
        break;
      case 'undo':
        // The menu's accelerator took Ctrl/Cmd+Z from a text field: give the field its own undo back.
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- the one way to run a field's native undo
        if (inTextField()) document.execCommand('undo');
        else void this.undo();
        break;
      case 'select-all': {
        const field = document.activeElement;
        if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.select();
        else if (!inTextField()) this.selectAll();
        break;
      }
    }
  }

  // ——— Dialogs and toasts ———

  openDialog(dialog: Dialog): void {
    this.store.update((state) => ({ ...state, dialog }));
  }

  closeDialog(): void {
    this.store.update((state) => (state.dialog === null ? state : { ...state, dialog: null }));
  }

  toast(message: string, tone: Toast['tone'], action?: Toast['action']): void {
    let id = 0;
    this.store.update((state) => {
      const added = addToast(state, action === undefined ? { message, tone } : { message, tone, action });
      id = added.id;
      return added.state;
    });
    setTimeout(() => this.dismissToast(id), tone === 'error' ? 9000 : 4500);
  }

  dismissToast(id: number): void {
    this.store.update((state) => dismissToast(state, id));
  }

  showAll(): void {
    this.setFilter(ALL);
  }
}

/** The library's answer to a change of status or tags, keeping the note as the note saver last left it. */
function confirmPapers(state: AppState, confirmed: readonly Paper[]): AppState {
  return replacePapers(
    state,
    confirmed.map((paper) => {
      const current = paperById(state, paper.id);
      return current === undefined || current.note === paper.note ? paper : { ...paper, note: current.note };
    }),
  );
}

/** Saves text as a file through the browser's download. */
function download(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function inTextField(): boolean {
  const element = document.activeElement;
  return (
    element instanceof HTMLTextAreaElement ||
    (element instanceof HTMLInputElement && element.type !== 'checkbox' && element.type !== 'button') ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}
