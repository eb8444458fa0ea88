/**
 * Brings the library into the page: the outline first (the list shows at once), then the whole records page by
 * page in the background, and the record under the cursor ahead of its page; then the possible duplicates. Reloads
 * after an import, a merge, after a backup is put back, and when another process changed the library.
 */

import type { LibraryApi } from '../../core/api.js';
import { factColumnsOf, papersOfColumns } from '../../core/outline.js';
import { nextPaint } from '../lib/after-paint.js';
import { loadedOutline, paperById, replacePapers, withWholeRecords } from '../state/state.js';
import { noteConflictsOf } from '../state/note-conflicts.js';
import type { Store } from '../state/store.js';
import type { AppState } from '../state/types.js';
import { errorMessage, sentence } from './error-text.js';
import type { Toaster } from './toasts.js';

/** Whole records per getPapers call in the background: ~2 MB, read in a few tens of milliseconds. */
const RECORDS_PER_PAGE = 1000;

type LoaderApi = Pick<
  LibraryApi,
  'getLibraryOutline' | 'getPapers' | 'getPaper' | 'restoreBackup' | 'listPossibleDuplicates'
>;

/** What loading touches beyond the store. */
interface LoaderHooks {
  /** A paper's note as the library has it now; `typing`: the papers whose note is being typed. */
  readonly noteLoaded: (id: string, note: string, typing: readonly string[]) => void;
  /** The papers whose note is being typed now (its editor has the focus). */
  readonly typing: () => readonly string[];
  /** The papers with a change on its way to the library (Mutations.inFlight): the page's version of them stays. */
  readonly inFlight: () => ReadonlySet<string>;
  /** Runs the search again: the papers it ran over changed. */
  readonly search: (query: string) => void;
  readonly toast: Toaster;
}

export class Loader {
  private generation = 0;
  private fetchingRecord: string | null = null;
  /** The list has been drawn once: from then on the cursor's whole record is fetched as soon as it moves. */
  private listShown = false;
  private lastCursor: string | null = null;

  constructor(
    private readonly store: Store<AppState>,
    private readonly api: LoaderApi,
    private readonly hooks: LoaderHooks,
  ) {}

  /**
   * Loads the outline first (the list shows at once), then, once the list is drawn, the whole records page by
   * page in the background: each page is small, so reading it never holds up typing, and the search index fills
   * in as they arrive. `changed`: after an import, the papers it added or changed; the page keeps the whole records
   * it holds of every other paper, and fetches only the pages that hold changed ones.
   */
  async load(changed?: ReadonlySet<string>): Promise<void> {
    const generation = ++this.generation;
    try {
      const outline = await this.api.getLibraryOutline();
      if (generation !== this.generation) return;
      const papers = papersOfColumns(outline.papers);
      const inFlight = this.hooks.inFlight();
      this.store.update((state) => {
        const next = loadedOutline(state, papers, outline.digests, changed, factColumnsOf(outline.papers));
        // The outline may have been read before a change made meanwhile landed: the change's answer will come.
        const changing = [...inFlight].flatMap((id) => paperById(state, id) ?? []);
        return {
          ...replacePapers(next, changing),
          readOnly: outline.readOnly,
          noteConflicts: noteConflictsOf(state.noteConflicts, outline.noteConflicts),
        };
      });
      const typing = this.hooks.typing();
      for (const paper of papers) this.hooks.noteLoaded(paper.id, paper.note, typing);
      // The whole records make the server read the whole catalogue: they wait for the list's first frame.
      void nextPaint().then(() => {
        if (generation !== this.generation) return;
        this.listShown = true;
        this.fetchCursorRecord();
        void this.loadDuplicates();
        return this.loadWholeRecords(generation);
      });
      const { query } = this.store.get();
      if (query.trim() !== '') this.hooks.search(query);
    } catch (error) {
      const message = errorMessage(error);
      this.store.update((state) =>
        state.load.phase === 'ready' ? state : { ...state, load: { phase: 'error', message } },
      );
      if (this.store.get().load.phase === 'ready') {
        this.hooks.toast(`Couldn't reload the library: ${message}`, 'error');
      }
    }
  }

  /**
   * Another process changed the library (the command line, a sync tool): the list as the library is now, in the
   * same view, with the same search, selection and cursor where their papers still are; the whole records the page
   * holds stay unless the outline shows their paper changed. A library that could not be read is tried again.
   */
  reloadChangedElsewhere(): Promise<void> {
    return this.load(this.store.get().load.phase === 'ready' ? new Set() : undefined);
  }

  /** Puts a backup in place of the library (which is itself backed up first), then opens it. */
  async restoreBackup(name: string): Promise<void> {
    try {
      await this.api.restoreBackup(name);
      this.store.update((state) => ({ ...state, load: { phase: 'loading' } }));
      await this.load();
      if (this.store.get().load.phase === 'ready')
        this.hooks.toast('Restored the backup. Your library is back.', 'info');
    } catch (error) {
      this.hooks.toast(`Couldn't restore the backup: ${sentence(errorMessage(error))}`, 'error');
    }
  }

  /**
   * The possible duplicates as the library lists them now. Not worth a toast when it fails: the list keeps what it
   * had, and the next load asks again.
   */
  async loadDuplicates(): Promise<void> {
    const generation = this.generation;
    try {
      const duplicates = await this.api.listPossibleDuplicates();
      if (generation === this.generation) this.store.update((state) => ({ ...state, duplicates }));
    } catch (error) {
      console.warn(`Couldn't list the possible duplicates: ${errorMessage(error)}`);
    }
  }

  /** After any change to the state: once the list is shown, the cursor's paper comes whole as soon as it moves. */
  followCursor(): void {
    const { cursor } = this.store.get().selection;
    if (cursor === this.lastCursor) return;
    this.lastCursor = cursor;
    if (this.listShown) this.fetchCursorRecord();
  }

  /** The whole records of the papers still shown in outline, a page at a time. */
  private async loadWholeRecords(generation: number): Promise<void> {
    const { partial, index } = this.store.get();
    const pages = new Set<number>();
    for (const id of partial) pages.add(Math.floor((index.get(id) ?? 0) / RECORDS_PER_PAGE));
    const inOrder = [...pages].sort((a, b) => a - b);
    try {
      for (const [count, page] of inOrder.entries()) {
        const records = await this.api.getPapers(page * RECORDS_PER_PAGE, RECORDS_PER_PAGE);
        if (generation !== this.generation) return;
        this.store.update((state) => withWholeRecords(state, records));
        const { query } = this.store.get();
        // The index has every abstract now: a search made before runs again over them.
        if (count === inOrder.length - 1 && query.trim() !== '') this.hooks.search(query);
      }
    } catch (error) {
      if (generation === this.generation) {
        this.hooks.toast(`Couldn't load the papers' abstracts: ${sentence(errorMessage(error))}`, 'error');
      }
    }
  }

  /** The paper under the cursor, whole, ahead of its page: the detail pane shows its abstract at once. */
  private fetchCursorRecord(): void {
    const { selection, partial } = this.store.get();
    const { cursor } = selection;
    if (cursor === null || !partial.has(cursor) || this.fetchingRecord === cursor) return;
    this.fetchingRecord = cursor;
    const generation = this.generation;
    this.api.getPaper(cursor).then(
      ({ noteConflicts: _versions, ...record }) => {
        // The note's versions from other computers come with the outline (state.noteConflicts), not with a record.
        if (this.fetchingRecord === cursor) this.fetchingRecord = null;
        if (generation === this.generation) this.store.update((state) => withWholeRecords(state, [record]));
      },
      () => {
        // Its page will bring it.
        if (this.fetchingRecord === cursor) this.fetchingRecord = null;
      },
    );
  }
}
