/**
 * The undo stack: each entry of a change to reading state remembers, for the papers it touched, the fields it
 * changed as they were before. Undo restores only those fields, so undoing a status change never reverts a
 * note written since. An entry of a merge of possible duplicates holds what the library needs to take it apart.
 * Pure.
 */

import type { ReadingStateInput } from '../../core/api.js';
import type { Paper, ReadingStatus } from '../../core/model.js';
import type { PaperMergeUndo } from '../../core/paper-merge.js';
import { withSnooze } from './papers.js';

export interface UndoRecord {
  readonly id: string;
  readonly status?: { readonly status: ReadingStatus; readonly readAt: string | null; readonly snoozedUntil?: string };
  readonly tags?: readonly string[];
}

export interface StateUndo {
  /** What the change did, for the "Undone: …" toast: "Marked 3 papers as read". */
  readonly label: string;
  readonly records: readonly UndoRecord[];
}

/** Papers merged into one (possible duplicates the user said are one work). */
export interface MergeUndo {
  readonly label: string;
  /** What `unmergePapers` takes, one a merge, in the order they were made. */
  readonly merges: readonly PaperMergeUndo[];
}

export type UndoEntry = StateUndo | MergeUndo;

export function isMergeUndo(entry: UndoEntry): entry is MergeUndo {
  return 'merges' in entry;
}

export const UNDO_LIMIT = 100;

export function pushUndo(stack: readonly UndoEntry[], entry: UndoEntry, limit = UNDO_LIMIT): UndoEntry[] {
  if (isMergeUndo(entry) ? entry.merges.length === 0 : entry.records.length === 0) return [...stack];
  const next = [...stack, entry];
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/** The stack without `entry` (a change that failed is no change to undo). */
export function dropUndo(stack: readonly UndoEntry[], entry: UndoEntry): UndoEntry[] {
  const at = stack.lastIndexOf(entry);
  return at === -1 ? [...stack] : [...stack.slice(0, at), ...stack.slice(at + 1)];
}

/** A paper's status as undo puts it back: with its snooze, when it has one. */
function statusOf(paper: Paper): NonNullable<UndoRecord['status']> {
  const status = { status: paper.status, readAt: paper.readAt };
  return paper.snoozedUntil === undefined ? status : { ...status, snoozedUntil: paper.snoozedUntil };
}

/** What the papers looked like before a change to `fields` (a snooze is part of the status). */
export function recordsBefore(papers: readonly Paper[], fields: { status?: boolean; tags?: boolean }): UndoRecord[] {
  return papers.map((paper) => ({
    id: paper.id,
    ...(fields.status === true ? { status: statusOf(paper) } : {}),
    ...(fields.tags === true ? { tags: paper.tags } : {}),
  }));
}

/** The states `restoreStates` should put back: the recorded fields, everything else as the paper is now. */
export function restoreInputs(entry: StateUndo, current: (id: string) => Paper | undefined): ReadingStateInput[] {
  return entry.records.flatMap((record) => {
    const paper = current(record.id);
    if (paper === undefined) return [];
    const status = record.status ?? statusOf(paper);
    const input: ReadingStateInput = {
      id: record.id,
      status: status.status,
      readAt: status.readAt,
      tags: record.tags ?? paper.tags,
      note: paper.note,
    };
    return [status.snoozedUntil === undefined ? input : { ...input, snoozedUntil: status.snoozedUntil }];
  });
}

/** A paper with a restore input applied, for showing the undo at once. */
export function applyRestore(paper: Paper, input: ReadingStateInput, now: string): Paper {
  const readAt = input.status === 'read' ? (input.readAt ?? now) : null;
  const restored = { ...paper, status: input.status, readAt, tags: input.tags, note: input.note, updatedAt: now };
  return withSnooze(restored, input.status === 'unread' ? input.snoozedUntil : undefined);
}
