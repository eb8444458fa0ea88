/**
 * Everything the UI does, behind one object: components read the store and call these methods; they never call
 * the API themselves. The work is done by the parts beside: the loader, the mutations (optimistic changes and
 * undo), import and export, the note saver and the search client; this routes to them, and keeps the filter,
 * search, selection, focus, dialogs and toasts.
 */

import type { BackupSummary, ImportReport, LibraryApi } from '../../core/api.js';
import type { ExportRequest } from '../../core/export/index.js';
import type { AppEvent } from '../../core/ipc.js';
import type { ListSort } from '../../core/list-sort.js';
import type { Paper, ReadingStatus } from '../../core/model.js';
import { isolated } from '../lib/bidi.js';
import { afterNextPaint } from '../lib/after-paint.js';
import { nextStatus } from '../lib/status.js';
import { SearchClient } from '../search/client.js';
import { inPagePort, startSearchWorker } from '../search/port.js';
import type { WorkerPort } from '../search/protocol.js';
import * as selections from '../state/selection.js';
import {
  ALL,
  dismissToast,
  INITIAL_STATE,
  paperById,
  refreshView,
  replacePapers,
  sameFilter,
  setFilter,
  setQuery,
  setResults,
  setSort,
  withToday,
} from '../state/state.js';
import { withColumns, withDrawerOpen, withPaperOpen } from '../state/layout.js';
import { createStore, type Store } from '../state/store.js';
import type { AppState, Dialog, Layout, SidebarFilter, Toast } from '../state/types.js';
import { visibleIds } from '../state/visible.js';
import { withPaperConflicts } from '../state/note-conflicts.js';
import { FocusRegistry, type FocusTarget } from './focus.js';
import { ImportExport } from './import-export.js';
import { Intake } from './intake.js';
import { Loader } from './loader.js';
import { Merges } from './merges.js';
import { Mutations } from './mutations.js';
import { NoteConflicts } from './note-conflicts.js';
import { NoteSaver } from './note-saver.js';
import { TaskRunner } from './tasks.js';
import { NotesSync } from './notes-sync.js';
import { Rankings } from './rankings.js';
import { RelevanceRankings } from './relevance.js';
import { isRankedFilter } from '../state/ranked.js';
import { sortOf } from '../state/sort.js';
import { pageStorage, readListSorts, writeListSorts, type PreferenceStorage } from './sort-memory.js';
import { SortsAhead } from './sorts-ahead.js';
import { showToast } from './toasts.js';
import { errorMessage, sentence } from './error-text.js';
import { isoDateLabel } from '../../core/import/dates.js';
import { localDayOf } from '../../core/days.js';

export class Controller {
  readonly store: Store<AppState>;
  readonly notes: NoteSaver;
  readonly notesSync: NotesSync;
  private readonly search: SearchClient;
  private readonly loader: Loader;
  private readonly mutations: Mutations;
  private readonly conflicts: NoteConflicts;
  private readonly merges: Merges;
  private readonly transfer: ImportExport;
  private readonly tasks: TaskRunner;
  private readonly intake: Intake;
  private readonly rankings: Rankings;
  private readonly relevance: RelevanceRankings;
  private readonly focusRegistry = new FocusRegistry();
  private readonly sortsAhead: SortsAhead;
  private syncedPapers: readonly Paper[] | null = null;
  private readonly disposers: (() => void)[] = [];

  constructor(
    private readonly api: LibraryApi,
    port: WorkerPort | null = null,
    /** Where the sort chosen in each view is remembered between sessions (sort-memory.ts). */
    private readonly preferences: PreferenceStorage | null = pageStorage(),
  ) {
    this.store = createStore<AppState>({
      ...INITIAL_STATE,
      today: localDayOf(new Date()),
      sorts: readListSorts(preferences),
    });
    // Notes belong to the note saver: a saved note updates only the note (a status change may be in flight),
    // and the answers to other changes never touch it (see Mutations).
    this.notes = new NoteSaver(async (id, note, over) => {
      // What the note was when this was typed over: a note written meanwhile elsewhere comes back as another version.
      const saved = await this.api.setNote(id, note, over);
      this.store.update((state) => {
        const current = paperById(state, id);
        if (current === undefined) return state;
        const noteConflicts = withPaperConflicts(state.noteConflicts, id, saved.noteConflicts);
        return { ...replacePapers(state, [{ ...current, note: saved.note }]), noteConflicts };
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
      failed: (query: string, message: string) =>
        this.toast(`Search for “${isolated(query)}” failed: ${message}`, 'error'),
    };
    // Should the worker fail to start, startSearchWorker's failure callback brings in the in-page fallback.
    this.search = new SearchClient(workerPort, events);
    const toast = (message: string, tone: Toast['tone']): void => this.toast(message, tone);
    this.loader = new Loader(this.store, api, {
      noteLoaded: (id, note, typing) => this.notes.settle(id, note, typing.includes(id)),
      typing: () => this.noteBeingTyped(),
      inFlight: () => this.mutations.inFlight(),
      search: (query) => this.search.search(query, this.state.today),
      toast,
    });
    this.mutations = new Mutations(this.store, api, toast, (entry) => this.merges.unmerge(entry));
    this.conflicts = new NoteConflicts(this.store, api, {
      kept: (id, note) => this.notes.kept(id, note),
      draft: (id) => this.notes.draft(id),
      restoreDraft: (id, draft, stored) => this.notes.edit(id, draft, stored),
      toast,
    });
    this.merges = new Merges(this.store, api, {
      reload: (changed) => this.load(changed),
      pushUndo: (entry) => this.mutations.pushUndo(entry),
      undo: (entry) => this.mutations.undoEntry(entry),
      toast: (message, tone, action) => showToast(this.store, message, tone, action),
      dismissToast: (id) => this.dismissToast(id),
    });
    this.tasks = new TaskRunner(this.store, api);
    this.transfer = new ImportExport(this.store, api, this.tasks, {
      reload: (changed) => this.load(changed),
      openDialog: (dialog) => this.openDialog(dialog),
      closeDialog: () => this.closeDialog(),
      toast,
    });
    this.rankings = new Rankings(this.store, api);
    this.relevance = new RelevanceRankings(this.store, api);
    this.intake = new Intake(this.store, api, this.tasks, {
      reload: (changed) => this.load(changed),
      openDialog: (dialog) => this.openDialog(dialog),
      closeDialog: () => this.closeDialog(),
      toast,
    });
    this.notesSync = new NotesSync(api, {
      reload: (changed) => this.load(changed),
      showReport: (report) => this.openDialog({ kind: 'notes-sync-report', report }),
      toast: (message, tone, action) => this.toast(message, tone, action),
      saveNotes: () => this.saveNotes(),
      editing: () => this.noteBeingTyped(),
    });
    this.sortsAhead = new SortsAhead(this.store);
    this.disposers.push(
      () => this.sortsAhead.stop(),
      this.store.subscribe(() => {
        const { papers } = this.store.get();
        if (papers !== this.syncedPapers) {
          this.syncedPapers = papers;
          this.search.sync(papers);
          this.notesSync.changed();
        }
        this.loader.followCursor();
        this.sortsAhead.changed();
      }),
    );
  }

  get state(): AppState {
    return this.store.get();
  }

  dispose(): void {
    this.disposers.forEach((dispose) => dispose());
    this.notesSync.dispose();
    this.search.dispose();
  }

  // ——— Loading ———

  /** The outline at once, then the whole records in the background; see Loader.load. */
  async load(changed?: ReadonlySet<string>): Promise<void> {
    await this.loader.load(changed);
    // A view sorted by relevance is ranked again over the library as it is now.
    void this.relevance.rankIfSorted();
  }

  /** The library's backups, newest first: offered when the library cannot be read. */
  listBackups(): Promise<readonly BackupSummary[]> {
    return this.api.listBackups();
  }

  /** Puts a backup in place of the library (which is itself backed up first), then opens it. */
  restoreBackup(name: string): Promise<void> {
    return this.loader.restoreBackup(name);
  }

  // ——— Focus ———

  /** A component that can take focus for a shortcut registers here; returns the unregistering function. */
  onFocusRequest(target: FocusTarget, handler: () => void): () => void {
    return this.focusRegistry.register(target, handler);
  }

  /**
   * Focuses `target`, first showing it when a narrow window hides it (the list under the paper, the drawer); the
   * list's targets bring the list back in place of the possible duplicates.
   */
  focus(target: FocusTarget): void {
    const { layout, view } = this.state;
    // The list's and the paper's targets are not there while the possible duplicates stand in their place.
    const leaving = view === 'duplicates' && target !== 'duplicates' && target !== 'sidebar' && target !== 'menu';
    let shown = layout;
    if (target === 'search' || target === 'list') shown = withPaperOpen(withDrawerOpen(layout, false), false);
    else if (target === 'tag' || target === 'note' || target === 'paper')
      shown = withPaperOpen(withDrawerOpen(layout, false), true);
    if (shown === layout && !leaving) {
      this.focusRegistry.focus(target);
    } else {
      this.store.update((state) => ({ ...state, layout: shown, view: leaving ? 'papers' : state.view }));
      this.focusOnceShown(target);
    }
  }

  /** Esc in a field: back to the list, or to the paper while it is shown over the list. */
  leaveField(): void {
    this.focus(this.state.layout.paperOpen ? 'paper' : 'list');
  }

  /** Focuses `target` once the page has drawn what it shows now (a component that is about to appear). */
  focusOnceShown(target: FocusTarget): void {
    afterNextPaint(() => this.focusRegistry.focus(target));
  }

  // ——— Layout: how many columns, and what a narrow window shows ———

  /** The window now has room for this many columns (the app follows its width). */
  setColumns(columns: Layout['columns']): void {
    this.setLayout(withColumns(this.state.layout, columns));
  }

  /** Enter on the list, or a click on a row, in one column: the paper over the list, and focus on it. */
  openPaper(): void {
    const { layout, selection } = this.state;
    if (layout.columns === 1 && selection.cursor !== null) this.focus('paper');
  }

  /** Back (or Esc) from the paper over the list: the list again, on the paper's row. */
  closePaper(): void {
    this.focus('list');
  }

  /** Slides the sidebar in over a narrow window, focus on its current item; or out, focus back on its button. */
  toggleDrawer(open = !this.state.layout.drawerOpen): void {
    const layout = withDrawerOpen(this.state.layout, open);
    if (layout === this.state.layout) return;
    this.setLayout(layout);
    this.focusOnceShown(open ? 'sidebar' : 'menu');
  }

  private setLayout(layout: Layout): void {
    this.store.update((state) => (state.layout === layout ? state : { ...state, layout }));
  }

  // ——— Possible duplicates ———

  /** Shows the possible duplicates in place of the list, as the library lists them now; focus on their heading. */
  showDuplicates(): void {
    this.store.update((state) => ({ ...state, view: 'duplicates', layout: withDrawerOpen(state.layout, false) }));
    this.focusOnceShown('duplicates');
    void this.loader.loadDuplicates();
  }

  /** Merges the others of a group of possible duplicates into `keepId`; undoable. Returns whether all merged. */
  mergeDuplicates(keepId: string, others: readonly string[], title: string): Promise<boolean> {
    return this.merges.mergeInto(keepId, others, title);
  }

  // ——— Filter, search, selection ———

  /**
   * Shows the papers `filter` picks (the view shown already: shows it afresh, see refreshView); in a narrow window
   * the list comes back into view (and focus, if it was hidden). A ranked view (Up next, More like this) is ranked
   * by the library each time it is shown.
   */
  setFilter(filter: SidebarFilter): void {
    const { layout } = this.state;
    const again = this.state.view === 'papers' && sameFilter(this.state.filter, filter);
    this.store.update((state) => (again ? refreshView(state) : setFilter(state, filter)));
    if (isRankedFilter(filter)) void this.rankings.rank(filter);
    else void this.relevance.rankIfSorted();
    if (layout.drawerOpen || layout.paperOpen) this.focus('list');
  }

  /** Up next, ranked by everything the user kept, or (`tag`) by what they filed under a tag. */
  showUpNext(tag: string | null = null): void {
    this.setFilter({ kind: 'up-next', tag });
  }

  /**
   * More like this: the papers nearest `id` (by default the cursor's) in the list's place, until Esc or Back
   * returns to the view it was asked from.
   */
  showSimilar(id: string | null = selections.shownPaperId(this.state.selection)): void {
    if (id === null) return;
    const { filter } = this.state;
    this.setFilter({ kind: 'similar', id, back: filter.kind === 'similar' && filter.id === id ? filter.back : filter });
    this.focus('list');
  }

  /** Back from More like this to the view it was asked from, shown afresh, the cursor on the paper it was about. */
  leaveSimilar(): void {
    const { filter } = this.state;
    if (filter.kind !== 'similar') return;
    const { back, id } = filter;
    this.store.update((state) => {
      const shown = setFilter(state, back);
      return visibleIds(shown).includes(id) ? { ...shown, selection: selections.selectOnly(id) } : shown;
    });
    if (isRankedFilter(back)) void this.rankings.rank(back, id);
    else void this.relevance.rankIfSorted();
    this.focus('list');
  }

  setQuery(query: string): void {
    this.store.update((state) => setQuery(state, query));
    if (query.trim() === '') this.search.cancel();
    else this.search.search(query, this.state.today);
  }

  /**
   * The day is `today` now (midnight came, or the computer woke on a later day): snoozes of that day end, their
   * papers back in Unread; a search with `is:` runs again.
   */
  setToday(today: string): void {
    if (today === this.state.today) return;
    this.store.update((state) => withToday(state, today));
    const { query } = this.state;
    if (query.trim() !== '') this.search.search(query, today);
  }

  /** Lists the view shown in the order `sort` says, remembered for this view from now on. */
  setSort(sort: ListSort): void {
    const before = this.state.sorts;
    const wasRelevance = sortOf(this.state).by === 'relevance';
    this.store.update((state) => setSort(state, sort));
    if (this.state.sorts !== before) writeListSorts(this.preferences, this.state.sorts);
    // Relevance the other way round is the same order read backwards: it is not asked for again.
    if (sort.by === 'relevance' && !wasRelevance) void this.relevance.rankIfSorted();
  }

  /** The view shown afresh: the papers decided on in it, shown dimmed until now, leave it; a ranked one is ranked again. */
  refreshView(): void {
    this.store.update(refreshView);
    const { filter } = this.state;
    if (isRankedFilter(filter)) void this.rankings.rank(filter);
    else void this.relevance.rankIfSorted();
  }

  /** A click on a row: plain selects it (and in one column opens it), Shift extends, Ctrl/Cmd toggles. */
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
    if (!modifiers.shift && !modifiers.toggle && this.state.layout.columns === 1) this.openPaper();
    else this.focus('list');
  }

  move(delta: number, extend = false): void {
    this.flushCurrentNote();
    this.store.update((state) => ({
      ...state,
      selection: selections.move(state.selection, visibleIds(state), delta, extend),
    }));
  }

  /** Ctrl/Cmd+↓/↑: the cursor alone moves; what is selected stays. */
  moveCursor(delta: number): void {
    this.store.update((state) => ({
      ...state,
      selection: selections.moveCursor(state.selection, visibleIds(state), delta),
    }));
  }

  /** `x`: the cursor's paper joins the selection or leaves it. */
  toggleAtCursor(): void {
    this.flushCurrentNote();
    this.store.update((state) => ({ ...state, selection: selections.toggleAtCursor(state.selection) }));
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

  /**
   * Esc outside a field: the drawer closes; else the possible duplicates give way to the list; else a
   * multi-selection collapses to one paper; else the paper shown over the list goes back to the list; else the
   * search clears; else More like this gives way to the view it was asked from.
   */
  escape(): void {
    const { selection, query, layout, view } = this.state;
    if (layout.drawerOpen) {
      this.toggleDrawer(false);
    } else if (view === 'duplicates') {
      this.focus('list');
    } else if (selection.ids.size > 1) {
      this.store.update((state) => ({ ...state, selection: selections.selectOnly(state.selection.cursor) }));
    } else if (layout.paperOpen) {
      this.closePaper();
    } else if (query !== '') {
      this.setQuery('');
    } else if (this.state.filter.kind === 'similar') {
      this.leaveSimilar();
    }
  }

  /** The papers an action applies to: the whole selection, or the paper the cursor is on. */
  private targetIds(): string[] {
    const { selection } = this.state;
    if (selection.ids.size > 0) return [...selection.ids];
    return selection.cursor === null ? [] : [selection.cursor];
  }

  private flushCurrentNote(): void {
    const shown = selections.shownPaperId(this.state.selection);
    if (shown !== null) this.notes.flush(shown);
  }

  // ——— Changes to reading state ———

  setStatus(ids: readonly string[], status: ReadingStatus): Promise<void> {
    return this.mutations.setStatus(ids, status);
  }

  /** `r`: the cursor's paper (or the whole selection) to the status after the cursor's. */
  cycleStatus(): void {
    const state = this.state;
    const paper =
      paperById(state, selections.shownPaperId(state.selection)) ??
      paperById(state, state.selection.cursor) ??
      paperById(state, this.targetIds()[0] ?? null);
    if (paper === undefined) return;
    void this.setStatus(this.targetIds(), nextStatus(paper.status));
  }

  /**
   * A decision from the keyboard (`e` read, `d` dismiss, or a day in the snooze chooser) on the selection, or the
   * cursor's paper. Decided on one paper, the cursor moves on to the next: the decided one stays in place, dimmed.
   */
  decide(
    decision: 'read' | 'dismissed' | { readonly snoozeUntil: string },
    ids: readonly string[] = this.targetIds(),
  ): void {
    if (ids.length === 0) return;
    const { cursor } = this.state.selection;
    void (typeof decision === 'string' ? this.setStatus(ids, decision) : this.snooze(ids, decision.snoozeUntil));
    if (ids.length === 1 && ids[0] === cursor) this.move(1);
  }

  /** `s` (or a Snooze button): the snooze chooser for `ids`, by default the selection or the cursor's paper. */
  openSnooze(ids: readonly string[] = this.targetIds()): void {
    if (ids.length > 0) this.openDialog({ kind: 'snooze', ids });
  }

  /** Snoozes papers until `until` (YYYY-MM-DD); undoable. */
  snooze(ids: readonly string[], until: string): Promise<void> {
    return this.mutations.snooze(ids, until);
  }

  addTag(ids: readonly string[], tag: string): Promise<void> {
    return this.mutations.addTag(ids, tag);
  }

  removeTag(ids: readonly string[], tag: string): Promise<void> {
    return this.mutations.removeTag(ids, tag);
  }

  /** Renames a tag everywhere; into a tag that exists, merges the two. */
  renameTag(from: string, to: string): Promise<void> {
    return this.mutations.renameTag(from, to);
  }

  /** Changes the day a digest is of; the toast says so, and names another digest of that day if there is one. */
  async setDigestDate(id: string, date: string): Promise<void> {
    try {
      const change = await this.api.setDigestDate(id, date);
      this.store.update((state) => ({ ...state, digests: change.digests }));
      const title = change.digests.find((digest) => digest.id === id)?.title ?? id;
      const note = change.note === null ? '' : ` Note: ${sentence(change.note)}`;
      this.toast(`“${title}” is dated ${isoDateLabel(date)} now.${note}`, 'info');
    } catch (error) {
      this.toast(`Couldn't change the digest's date: ${sentence(errorMessage(error))}`, 'error');
    }
  }

  /** Ctrl/Cmd+Z: puts back the fields the last change to reading state changed, or takes the last merge apart. */
  undo(): Promise<void> {
    return this.mutations.undo();
  }

  // ——— Import and export ———

  importFiles(files: readonly File[]): Promise<void> {
    return this.transfer.importFiles(files);
  }

  importSample(): Promise<void> {
    return this.transfer.importSample();
  }

  /** The desktop app imported files itself (File → Import): reload, and show what happened. */
  imported(report: ImportReport): Promise<void> {
    return this.transfer.imported(report);
  }

  /** Returns an error message for the export dialog to show, or null when done. */
  exportLibrary(request: ExportRequest): Promise<string | null> {
    return this.transfer.exportLibrary(request);
  }

  // ——— The day's papers in: paste, fetch, add, complete (tasks that go to the network) ———

  /** Ctrl/Cmd+V outside a field, Edit → Paste Digest, the Paste dialog: what importing the text would do. */
  previewPaste(text: string): Promise<void> {
    return this.intake.previewPaste(text);
  }

  /** Import, in the paste's preview. */
  importPaste(text: string): Promise<void> {
    return this.intake.importPaste(text);
  }

  /** Imports a day (YYYY-MM-DD) of Hugging Face Daily Papers. */
  fetchDailyPapers(date: string): Promise<void> {
    return this.intake.fetchDailyPapers(date);
  }

  /** Adds papers by arXiv id or link. */
  addPapers(refs: readonly string[]): Promise<void> {
    return this.intake.addPapers(refs);
  }

  /** Completes papers from arXiv, by their title (or their arXiv id). */
  completePapers(ids: readonly string[]): Promise<void> {
    return this.intake.completePapers(ids);
  }

  /** Stops the running task; it changes nothing. */
  cancelTask(): void {
    this.tasks.cancel();
  }

  // ——— A synced library: its notes written on two computers at once, its devices ———

  /** Keeps `note` as the paper's note, its versions from other computers dropped; `said` once it is kept. */
  keepNote(id: string, note: string, said: string): Promise<void> {
    return this.conflicts.keep(id, note, said);
  }

  /** The Devices dialog: the computers that wrote to the library, and when. */
  showDevices(): Promise<void> {
    return this.conflicts.showDevices();
  }

  // ——— Notes synced with a folder ———

  /** File → Sync Notes Now, the toolbar's Sync: with the folder remembered, else the dialog to choose one. */
  async syncNotesNow(): Promise<void> {
    const setup = this.notesSync.snapshot().setup ?? (await this.notesSync.setup().catch(() => null));
    if (setup === null || setup.folder === null) {
      this.openDialog({ kind: 'notes-sync' });
      return;
    }
    const problem = await this.notesSync.sync('asked');
    if (problem !== null) this.toast(`Couldn’t sync notes with the folder: ${sentence(problem)}`, 'error');
  }

  /** Saves every note typed, and waits up to 3 s for the library to have them. */
  private async saveNotes(): Promise<void> {
    this.notes.flushAll();
    for (let wait = 0; wait < 30 && this.notes.hasUnsaved(); wait += 1) {
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  /** The paper whose note is being typed: the one shown, while its note editor has the focus. */
  private noteBeingTyped(): string[] {
    const shown = selections.shownPaperId(this.state.selection);
    // No document, no editor: the controller's tests run without one.
    if (shown === null || typeof document === 'undefined') return [];
    const active = document.activeElement;
    return active?.tagName === 'TEXTAREA' && active.closest('.note') !== null ? [shown] : [];
  }

  // ——— Events from the desktop app, and from browser mode's server ———

  handleEvent(event: AppEvent): void {
    if (event.type === 'imported') {
      void this.imported(event.report);
      return;
    }
    if (event.type === 'paste-digest') {
      void this.previewPaste(event.text);
      return;
    }
    if (event.type === 'library-changed') {
      void this.loader.reloadChangedElsewhere();
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
      case 'duplicates':
        this.showDuplicates();
        break;
      case 'add-papers':
        this.openDialog({ kind: 'add-papers' });
        break;
      case 'fetch-daily-papers':
        this.openDialog({ kind: 'fetch-daily-papers' });
        break;
      case 'sync-notes':
        this.openDialog({ kind: 'notes-sync' });
        break;
      case 'sync-notes-now':
        void this.syncNotesNow();
        break;
      case 'devices':
        void this.showDevices();
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
    showToast(this.store, message, tone, action);
  }

  dismissToast(id: number): void {
    this.store.update((state) => dismissToast(state, id));
  }

  showAll(): void {
    this.setFilter(ALL);
  }

  /** The papers of a digest in the list ("Show these papers" after an import); the dialog it came from closes. */
  showDigest(id: string): void {
    this.closeDialog();
    this.store.update((state) => setQuery(setFilter(state, { kind: 'digest', id }), ''));
    this.search.cancel();
    this.focus('list');
  }
}

function inTextField(): boolean {
  const element = document.activeElement;
  return (
    element instanceof HTMLTextAreaElement ||
    (element instanceof HTMLInputElement && element.type !== 'checkbox' && element.type !== 'button') ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}
