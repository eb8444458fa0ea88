/**
 * Changes to reading state (status and tags), optimistic: each shows at once, then takes the library's answer, or
 * rolls back and says why when the library refuses it. The undoable ones go on the undo stack; undo is itself such
 * a change. Only the latest change to a paper may touch it, so an older change's answer or failure never overturns
 * a newer one. The stack holds merges of possible duplicates too (merges.ts), which their own undoer takes apart.
 */

import type { LibraryApi } from '../../core/api.js';
import type { Paper, ReadingStatus } from '../../core/model.js';
import { isolated } from '../lib/bidi.js';
import { dayLabel } from '../lib/days.js';
import { describeStatusChange, plural } from '../lib/status.js';
import * as papersLib from '../state/papers.js';
import { announce, paperById, replacePapers, sameFilter } from '../state/state.js';
import type { Store } from '../state/store.js';
import type { AppState } from '../state/types.js';
import {
  applyRestore,
  dropUndo,
  isMergeUndo,
  pushUndo,
  recordsBefore,
  restoreInputs,
  type MergeUndo,
  type StateUndo,
  type UndoEntry,
} from '../state/undo.js';
import { errorMessage, sentence } from './error-text.js';
import type { Toaster } from './toasts.js';

export type MutationsApi = Pick<
  LibraryApi,
  'setStatus' | 'snooze' | 'addTags' | 'removeTags' | 'renameTag' | 'restoreStates'
>;

interface Mutation {
  readonly ids: readonly string[];
  /** The change as shown at once; may throw InvalidInputError (a tag the library would refuse). */
  readonly local: (paper: Paper, now: string) => Paper;
  readonly remote: (ids: readonly string[]) => Promise<readonly Paper[]>;
  /** Which fields undo puts back; none: the change is not undoable. */
  readonly undo?: { status?: boolean; tags?: boolean };
  readonly label: string;
  /** What the live region says once the change shows: "Marked read: <title>". */
  readonly announcement: (changed: readonly Paper[]) => string;
  /** "Couldn't mark 3 papers as read" */
  readonly failure: string;
}

/** Who a change was made to, as an announcement names them: the paper's title, or "3 papers". */
function subject(changed: readonly Paper[]): string {
  const [only] = changed;
  return changed.length === 1 && only !== undefined ? only.title : plural(changed.length, 'paper');
}

export class Mutations {
  private undoStack: UndoEntry[] = [];
  /** The latest change in flight for each paper: only its answer, or its failure, may touch the paper. */
  private readonly latestChange = new Map<string, number>();
  private changeCounter = 0;

  constructor(
    private readonly store: Store<AppState>,
    private readonly api: MutationsApi,
    private readonly toast: Toaster,
    /** Takes a merge apart (merges.ts); throws when the library refuses. */
    private readonly unmerge: (entry: MergeUndo) => Promise<void> = () =>
      Promise.reject(new Error('Merges cannot be undone here.')),
  ) {}

  /** The papers with a change on its way to the library: a reload read before it landed must not undo it. */
  inFlight(): ReadonlySet<string> {
    return new Set(this.latestChange.keys());
  }

  /** A change made elsewhere (a merge) that undo can take back. */
  pushUndo(entry: MergeUndo): void {
    this.setUndo(pushUndo(this.undoStack, entry));
  }

  setStatus(ids: readonly string[], status: ReadingStatus): Promise<void> {
    const what = ids.length === 1 ? 'paper' : plural(ids.length, 'paper');
    return this.mutate({
      ids,
      local: (paper, now) => papersLib.withStatus(paper, status, now),
      remote: (changed) => this.api.setStatus(changed, status),
      undo: { status: true },
      label: describeStatusChange(ids.length, status),
      announcement: (changed) =>
        status === 'dismissed' ? `Dismissed: ${subject(changed)}` : `Marked ${status}: ${subject(changed)}`,
      failure: status === 'dismissed' ? `Couldn't dismiss ${what}` : `Couldn't mark ${what} as ${status}`,
    });
  }

  /** Snoozes papers until `until` (YYYY-MM-DD); undo puts back their status, and any snooze they had. */
  snooze(ids: readonly string[], until: string): Promise<void> {
    const what = ids.length === 1 ? 'paper' : plural(ids.length, 'paper');
    return this.mutate({
      ids,
      local: (paper, now) => papersLib.withSnoozeUntil(paper, until, now),
      remote: (changed) => this.api.snooze(changed, until),
      undo: { status: true },
      label: `Snoozed ${what} until ${dayLabel(until)}`,
      announcement: (changed) => `Snoozed until ${dayLabel(until)}: ${subject(changed)}`,
      failure: `Couldn't snooze ${what}`,
    });
  }

  addTag(ids: readonly string[], tag: string): Promise<void> {
    return this.mutate({
      ids,
      local: (paper, now) => papersLib.withTagsAdded(paper, [tag], now),
      remote: (changed) => this.api.addTags(changed, [tag]),
      undo: { tags: true },
      label: `Tagged ${ids.length === 1 ? 'paper' : plural(ids.length, 'paper')} “${isolated(tag.trim())}”`,
      announcement: (changed) => `Tagged ${subject(changed)} with ${isolated(tag.trim())}`,
      failure: `Couldn't add the tag “${isolated(tag.trim())}”`,
    });
  }

  removeTag(ids: readonly string[], tag: string): Promise<void> {
    return this.mutate({
      ids,
      local: (paper, now) => papersLib.withTagsRemoved(paper, [tag], now),
      remote: (changed) => this.api.removeTags(changed, [tag]),
      undo: { tags: true },
      label: `Removed the tag “${isolated(tag)}”`,
      announcement: (changed) => `Removed the tag ${isolated(tag)} from ${subject(changed)}`,
      failure: `Couldn't remove the tag “${isolated(tag)}”`,
    });
  }

  /** Renames a tag everywhere; into a tag that exists, merges the two. */
  async renameTag(from: string, to: string): Promise<void> {
    let target: string;
    try {
      target = papersLib.normalizeTag(to);
    } catch (error) {
      this.toast(`Couldn't rename “${isolated(from)}”: ${sentence(errorMessage(error))}`, 'error');
      return;
    }
    if (target === from) return;
    const state = this.store.get();
    const existing = state.counts.tags.find(
      (count) => papersLib.sameTag(count.tag, target) && !papersLib.sameTag(count.tag, from),
    );
    const ids = state.papers.filter((paper) => papersLib.hasTag(paper, from)).map((paper) => paper.id);
    if (sameFilter(state.filter, { kind: 'tag', tag: from })) {
      this.store.update((current) => ({ ...current, filter: { kind: 'tag', tag: existing?.tag ?? target } }));
    }
    const label =
      existing === undefined
        ? `Renamed “${isolated(from)}” to “${isolated(target)}”`
        : `Merged “${isolated(from)}” into “${isolated(existing.tag)}”`;
    await this.mutate({
      ids,
      local: (paper, now) => papersLib.withTagRenamed(paper, from, target, now),
      // The library renames by tag, not by id: one call, whatever was selected.
      remote: () => this.api.renameTag(from, target),
      undo: { tags: true },
      label,
      announcement: () => label,
      failure:
        existing === undefined
          ? `Couldn't rename “${isolated(from)}”`
          : `Couldn't merge “${isolated(from)}” into “${isolated(existing.tag)}”`,
    });
  }

  /** Puts back the fields the last change to reading state changed, or takes the last merge apart. */
  async undo(): Promise<void> {
    const entry = this.undoStack.at(-1);
    if (entry === undefined) {
      this.toast('Nothing to undo.', 'info');
      return;
    }
    await this.undoEntry(entry);
  }

  /** Undoes `entry`, wherever it is on the stack (a toast's Undo); nothing when it has been undone already. */
  async undoEntry(entry: UndoEntry): Promise<void> {
    if (!this.undoStack.includes(entry)) return;
    this.setUndo(dropUndo(this.undoStack, entry));
    try {
      if (isMergeUndo(entry)) await this.unmerge(entry);
      else await this.restore(entry);
      this.toast(`Undone: ${entry.label}.`, 'info');
    } catch (error) {
      this.setUndo(pushUndo(this.undoStack, entry));
      this.toast(`Couldn't undo “${entry.label}”: ${sentence(errorMessage(error))}`, 'error');
    }
  }

  private async restore(entry: StateUndo): Promise<void> {
    const state = this.store.get();
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
    await this.optimistic(before, restored, () => this.api.restoreStates(inputs));
  }

  private async mutate(mutation: Mutation): Promise<void> {
    const state = this.store.get();
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
    this.store.update((current) => announce(current, mutation.announcement(changed)));

    let entry: StateUndo | null = null;
    if (mutation.undo !== undefined) {
      entry = { label: mutation.label, records: recordsBefore(changedBefore, mutation.undo) };
      this.setUndo(pushUndo(this.undoStack, entry));
    }
    try {
      await this.optimistic(changedBefore, changed, () => mutation.remote(changed.map((paper) => paper.id)));
    } catch (error) {
      if (entry !== null) this.setUndo(dropUndo(this.undoStack, entry));
      this.toast(`${mutation.failure}: ${sentence(errorMessage(error))} Nothing was changed.`, 'error');
    }
  }

  /**
   * Shows `after` in place of `before` at once, then the library's answer to `remote`; when the library refuses,
   * puts back `before` and throws. Either touches only the papers this change is still the latest change to.
   */
  private async optimistic(
    before: readonly Paper[],
    after: readonly Paper[],
    remote: () => Promise<readonly Paper[]>,
  ): Promise<void> {
    const change = ++this.changeCounter;
    for (const paper of after) this.latestChange.set(paper.id, change);
    const isLatest = (paper: Paper): boolean => this.latestChange.get(paper.id) === change;
    this.store.update((current) => replacePapers(current, after, true));
    try {
      const confirmed = await remote();
      this.store.update((current) => confirmPapers(current, confirmed.filter(isLatest)));
    } catch (error) {
      this.store.update((current) => replacePapers(current, before.filter(isLatest)));
      throw error;
    } finally {
      for (const paper of after) if (isLatest(paper)) this.latestChange.delete(paper.id);
    }
  }

  private setUndo(stack: UndoEntry[]): void {
    this.undoStack = stack;
    const canUndo = stack.length > 0;
    this.store.update((state) => (state.canUndo === canUndo ? state : { ...state, canUndo }));
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
