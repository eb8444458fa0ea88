/**
 * A synced library's note conflicts (ARCHITECTURE.md, "Many devices, one folder"): a note written on two computers
 * at the same time has versions beside it, and one click keeps one of them (or the user's text, or both). Shown at
 * once, then confirmed by the library, or put back with the reason. The library's Devices list, for its dialog.
 */

import type { LibraryApi, NoteVersion } from '../../core/api.js';
import { paperById, replacePapers } from '../state/state.js';
import type { Store } from '../state/store.js';
import type { AppState } from '../state/types.js';
import { errorMessage, sentence } from './error-text.js';
import type { Toaster } from './toasts.js';

type ConflictsApi = Pick<LibraryApi, 'resolveNote' | 'listDevices'>;

/** What keeping a version touches beyond the state. */
interface ConflictHooks {
  /** The note saver: `note` is the note now, whatever the user had typed (they chose it). */
  readonly kept: (id: string, note: string) => void;
  /** The note saver: the text typed and not saved yet, if any; and to put it back, when keeping failed. */
  readonly draft: (id: string) => string | undefined;
  readonly restoreDraft: (id: string, draft: string, stored: string) => void;
  readonly toast: Toaster;
}

/** The state with `id`'s note `note` and no versions beside it; the paper stays in the view it is shown in. */
function withKept(state: AppState, id: string, note: string): AppState {
  const paper = paperById(state, id);
  const noteConflicts = new Map(state.noteConflicts);
  noteConflicts.delete(id);
  const next = { ...state, noteConflicts, keep: new Set([...state.keep, id]) };
  return paper === undefined || paper.note === note ? next : replacePapers(next, [{ ...paper, note }]);
}

export class NoteConflicts {
  constructor(
    private readonly store: Store<AppState>,
    private readonly api: ConflictsApi,
    private readonly hooks: ConflictHooks,
  ) {}

  /**
   * Keeps `note` as the paper's note, the other versions dropped on every computer; `said` is what the toast says
   * once the library has it ("Kept the note from desktop").
   */
  async keep(id: string, note: string, said: string): Promise<void> {
    const before = this.store.get();
    const versions = before.noteConflicts.get(id);
    const shown = paperById(before, id)?.note;
    const draft = this.hooks.draft(id);
    this.hooks.kept(id, note);
    this.store.update((state) => withKept(state, id, note));
    try {
      const paper = await this.api.resolveNote(id, note);
      this.store.update((state) => withKept(state, id, paper.note));
      this.hooks.kept(id, paper.note);
      this.hooks.toast(said, 'info');
    } catch (error) {
      this.store.update((state) => putBack(state, id, versions, shown));
      this.hooks.kept(id, shown ?? '');
      if (draft !== undefined && draft !== shown) this.hooks.restoreDraft(id, draft, shown ?? '');
      this.hooks.toast(`Couldn’t keep the note: ${sentence(errorMessage(error))}`, 'error');
    }
  }

  /** Opens the Devices dialog, and fills it in once the library has said. */
  async showDevices(): Promise<void> {
    this.store.update((state) => ({ ...state, dialog: { kind: 'devices', devices: null } }));
    const shown = (state: AppState): boolean => state.dialog?.kind === 'devices';
    try {
      const devices = await this.api.listDevices();
      this.store.update((state) => (shown(state) ? { ...state, dialog: { kind: 'devices', devices } } : state));
    } catch (error) {
      const failed = sentence(errorMessage(error));
      this.store.update((state) =>
        shown(state) ? { ...state, dialog: { kind: 'devices', devices: null, failed } } : state,
      );
    }
  }
}

/** A keep the library refused: the versions and the note as they were. */
function putBack(
  state: AppState,
  id: string,
  versions: readonly NoteVersion[] | undefined,
  note: string | undefined,
): AppState {
  const noteConflicts = new Map(state.noteConflicts);
  if (versions !== undefined) noteConflicts.set(id, versions);
  const paper = paperById(state, id);
  const next = { ...state, noteConflicts };
  return paper === undefined || note === undefined ? next : replacePapers(next, [{ ...paper, note }]);
}
