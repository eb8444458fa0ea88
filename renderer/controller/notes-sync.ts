/**
 * Syncing notes with a folder from the app: the folder and "on every change" as the library remembers them, a
 * sync when asked (the dialog, File → Sync Notes Now, the toolbar) or a few seconds after the last change, and its
 * report. Notes typed and not yet saved are saved first; a note being typed is not taken in from its file.
 * Components follow it with useSyncExternalStore (subscribe, snapshot), as they do the note saver.
 */

import type { LibraryApi, NotesSyncSetup } from '../../core/api.js';
import type { NotesSyncReport } from '../../core/notes-sync/report.js';
import { plural } from '../lib/status.js';
import { errorMessage, sentence } from './error-text.js';
import type { Toast } from '../state/types.js';

type NotesSyncApi = Pick<LibraryApi, 'syncNotes' | 'notesSyncSettings' | 'setNotesSyncSettings' | 'chooseNotesFolder'>;

export interface NotesSyncView {
  /** As the library remembers it; null until it has said. */
  readonly setup: NotesSyncSetup | null;
  readonly running: boolean;
}

interface NotesSyncHooks {
  /** Reloads the papers a sync took edits into. */
  readonly reload: (changed: ReadonlySet<string>) => Promise<void>;
  readonly showReport: (report: NotesSyncReport) => void;
  readonly toast: (message: string, tone: Toast['tone'], action?: Toast['action']) => void;
  /** Saves the notes typed and not yet saved, and waits (a little) for the library to have them. */
  readonly saveNotes: () => Promise<void>;
  /** Papers whose notes are being typed now. */
  readonly editing: () => readonly string[];
}

interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** How a sync was asked for: its report is a dialog, except after a change, when only news is told, in a toast. */
type Trigger = 'asked' | 'change';

/** A change syncs this long after the last one: a burst of triage is one sync. */
const SYNC_AFTER_CHANGE_MS = 3000;

export class NotesSync {
  private view: NotesSyncView = { setup: null, running: false };
  private readonly listeners = new Set<() => void>();
  private timer: unknown = undefined;
  /** A change came while a sync ran: sync again after it. */
  private changedWhileRunning = false;

  constructor(
    private readonly api: NotesSyncApi,
    private readonly hooks: NotesSyncHooks,
    private readonly timers: Timers = globalThis,
    private readonly delayMs = SYNC_AFTER_CHANGE_MS,
  ) {}

  snapshot(): NotesSyncView {
    return this.view;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the library what it remembers. A library that cannot say leaves the sync off; the dialog asks again. */
  async start(): Promise<void> {
    try {
      this.update({ setup: await this.api.notesSyncSettings() });
    } catch {
      // Syncing is optional: the library's own errors are shown where it loads.
    }
  }

  /** The folder and the choice as the dialog opens: asked again, another window may have changed them. */
  async setup(): Promise<NotesSyncSetup> {
    const setup = await this.api.notesSyncSettings();
    this.update({ setup });
    return setup;
  }

  /** The desktop app's folder picker; null when cancelled. */
  chooseFolder(): Promise<string | null> {
    return this.api.chooseNotesFolder();
  }

  /** The dialog's Sync Now: remembers the folder and the choice, then syncs. Returns what went wrong, or null. */
  async saveAndSync(folder: string, onChange: boolean): Promise<string | null> {
    try {
      this.update({ setup: await this.api.setNotesSyncSettings({ folder, onChange }) });
    } catch (error) {
      return errorMessage(error);
    }
    return this.sync('asked');
  }

  /** Syncs with the folder remembered; returns what went wrong, or null. */
  async sync(trigger: Trigger = 'asked'): Promise<string | null> {
    const folder = this.view.setup?.folder ?? null;
    if (folder === null) return 'Choose a folder to sync notes with first.';
    if (this.view.running) {
      if (trigger === 'change') this.changedWhileRunning = true;
      return null;
    }
    this.update({ running: true });
    try {
      await this.hooks.saveNotes();
      const report = await this.api.syncNotes({ folder, editing: this.hooks.editing() });
      if (report.takenIn.length > 0) await this.hooks.reload(new Set(report.takenIn.map((file) => file.paper)));
      if (trigger === 'asked') this.hooks.showReport(report);
      else this.tellNews(report);
      return null;
    } catch (error) {
      const message = errorMessage(error);
      if (trigger === 'change') this.hooks.toast(`Couldn’t sync notes with the folder: ${sentence(message)}`, 'error');
      return message;
    } finally {
      this.update({ running: false });
      if (this.changedWhileRunning) {
        this.changedWhileRunning = false;
        this.changed();
      }
    }
  }

  /** The library changed: with "on every change", a sync once changes stop for a few seconds. */
  changed(): void {
    const setup = this.view.setup;
    if (setup === null || !setup.onChange || setup.folder === null) return;
    this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.sync('change');
    }, this.delayMs);
  }

  dispose(): void {
    this.timers.clearTimeout(this.timer);
  }

  /** After a change, what the user should look at: files taken in, conflicts, files skipped. */
  private tellNews(report: NotesSyncReport): void {
    const news = [
      report.takenIn.length > 0 ? `took in ${plural(report.takenIn.length, 'edited file')}` : '',
      report.conflicts.length > 0 ? plural(report.conflicts.length, 'conflict') : '',
      report.skipped.length > 0 ? `skipped ${plural(report.skipped.length, 'file')}` : '',
    ].filter((part) => part !== '');
    if (news.length === 0) return;
    const tone = report.conflicts.length + report.skipped.length > 0 ? 'error' : 'info';
    this.hooks.toast(`Notes sync: ${news.join(', ')}.`, tone, {
      label: 'Show',
      run: () => this.hooks.showReport(report),
    });
  }

  private update(change: Partial<NotesSyncView>): void {
    this.view = { ...this.view, ...change };
    for (const listener of [...this.listeners]) listener();
  }
}
