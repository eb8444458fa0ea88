/**
 * What the user decided about each paper, as ranking reads it: the one place that says which papers were kept,
 * which dismissed, and which are waiting in Up next. Kept: tagged, noted, reading or read. Dismissed: a status of
 * 'dismissed'. A paper not decided on is neither: it is not a dismissal. Up next: unread, neither dismissed nor
 * snoozed. Pure.
 */

import { sameTag } from '../reading.js';
import type { Paper } from '../model.js';
import { triageStatusOf } from '../triage.js';
import type { Decisions } from './rank.js';

/** What the predicates read of a paper. */
type DecidedPaper = Pick<Paper, 'id' | 'status' | 'tags' | 'note' | 'snoozedUntil'>;

const isDismissed = (paper: DecidedPaper): boolean => paper.status === 'dismissed';

function isKept(paper: DecidedPaper): boolean {
  if (isDismissed(paper)) return false;
  return paper.status === 'reading' || paper.status === 'read' || paper.tags.length > 0 || paper.note.trim() !== '';
}

/** Whether the paper waits in Up next on `today` (YYYY-MM-DD, the user's calendar): unread, and not snoozed. */
export function isUpNext(paper: DecidedPaper, today: string): boolean {
  return triageStatusOf(paper, today) === 'unread';
}

/** What the user kept and dismissed; with `tag`, kept is the papers with that tag, and papers kept under other tags only count as not it. */
export function decisionsOf(papers: readonly DecidedPaper[], tag?: string): Decisions {
  const kept: string[] = [];
  const dismissed: string[] = [];
  for (const paper of papers) {
    if (isDismissed(paper)) dismissed.push(paper.id);
    else if (tag === undefined ? isKept(paper) : paper.tags.some((candidate) => sameTag(candidate, tag))) {
      kept.push(paper.id);
    } else if (tag !== undefined && paper.tags.length > 0) dismissed.push(paper.id);
  }
  return { kept, dismissed };
}
