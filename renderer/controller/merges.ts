/**
 * Merging possible duplicates: papers with one title that the library kept apart (core/duplicates.ts), which the
 * user says are one work. Not optimistic: the library merges their records, notes, tags, statuses and digests
 * (core/paper-merge.ts), and the page then reloads what changed. Each merge goes on the undo stack, and its toast
 * offers to undo it; undoing takes the papers apart again, as they were.
 */

import type { LibraryApi } from '../../core/api.js';
import type { PaperMergeUndo } from '../../core/paper-merge.js';
import { isolated } from '../lib/bidi.js';
import { plural } from '../lib/status.js';
import type { Store } from '../state/store.js';
import type { AppState, Toast } from '../state/types.js';
import type { MergeUndo } from '../state/undo.js';
import { errorMessage, sentence } from './error-text.js';

type MergesApi = Pick<LibraryApi, 'mergePapers' | 'unmergePapers'>;

/** What merging touches beyond the store. */
interface MergesHooks {
  /** Reloads the library; `changed`: the papers a merge or its undo changed. */
  readonly reload: (changed: ReadonlySet<string>) => Promise<void>;
  readonly pushUndo: (entry: MergeUndo) => void;
  /** Undoes `entry` through the undo stack, wherever it is on it. */
  readonly undo: (entry: MergeUndo) => Promise<void>;
  /** Returns the toast's id. */
  readonly toast: (message: string, tone: Toast['tone'], action?: Toast['action']) => number;
  readonly dismissToast: (id: number) => void;
}

/** Every paper a merge touched: the kept one and the one merged into it. */
function papersOf(merges: readonly PaperMergeUndo[]): Set<string> {
  return new Set(merges.flatMap((merge) => [merge.kept.record.id, merge.merged.record.id]));
}

export class Merges {
  private merging = false;
  /** The toast that offers to undo each merge: it goes once the merge is undone, by it or by Ctrl/Cmd+Z. */
  private readonly toasts = new WeakMap<MergeUndo, number>();

  constructor(
    private readonly store: Store<AppState>,
    private readonly api: MergesApi,
    private readonly hooks: MergesHooks,
  ) {}

  /**
   * Merges each of `others` into `keepId`, one after another. Returns whether all were merged; the ones that were
   * stay merged, and undoable, when a later one is refused.
   */
  async mergeInto(keepId: string, others: readonly string[], title: string): Promise<boolean> {
    if (this.merging || others.length === 0) return false;
    this.merging = true;
    const merges: PaperMergeUndo[] = [];
    let failure: string | null = null;
    try {
      for (const other of others) merges.push((await this.api.mergePapers(keepId, other)).undo);
    } catch (error) {
      failure = sentence(errorMessage(error));
    } finally {
      this.merging = false;
    }
    const label = `Merged ${plural(merges.length + 1, 'paper')} titled “${isolated(title)}” into one`;
    if (merges.length > 0) {
      const changed = papersOf(merges);
      // Gone from the possible duplicates at once; the reload's list follows.
      this.store.update((state) => ({
        ...state,
        duplicates: state.duplicates.filter((group) => !group.papers.some((paper) => changed.has(paper.id))),
      }));
      await this.hooks.reload(changed);
      const entry: MergeUndo = { label, merges };
      this.hooks.pushUndo(entry);
      // The toast is heard: the toasts are a polite live region.
      if (failure === null) {
        const toast = this.hooks.toast(`${label}.`, 'info', { label: 'Undo', run: () => void this.hooks.undo(entry) });
        this.toasts.set(entry, toast);
      }
    }
    if (failure !== null) {
      const done = merges.length > 0 ? ` ${label}; the rest are as they were.` : ' Nothing was changed.';
      this.hooks.toast(`Couldn't merge the papers titled “${isolated(title)}”: ${failure}${done}`, 'error');
    }
    return failure === null;
  }

  /** Takes the papers of `entry` apart again, the last merged first; throws when the library refuses. */
  async unmerge(entry: MergeUndo): Promise<void> {
    const toast = this.toasts.get(entry);
    if (toast !== undefined) {
      this.toasts.delete(entry);
      this.hooks.dismissToast(toast);
    }
    const undone: PaperMergeUndo[] = [];
    try {
      for (const merge of [...entry.merges].reverse()) {
        await this.api.unmergePapers(merge);
        undone.push(merge);
      }
    } finally {
      if (undone.length > 0) await this.hooks.reload(papersOf(undone));
    }
  }
}
