/** Changes to papers as the UI shows them before the API confirms: the same rules as the library's. Pure. */

import type { Paper, ReadingState, ReadingStatus } from '../../core/model.js';
import * as reading from '../../core/reading.js';

function stateOf(paper: Paper): ReadingState {
  const state: ReadingState = {
    status: paper.status,
    tags: paper.tags,
    note: paper.note,
    readAt: paper.readAt,
    updatedAt: paper.updatedAt ?? '',
  };
  return paper.snoozedUntil === undefined ? state : { ...state, snoozedUntil: paper.snoozedUntil };
}

/** The paper snoozed until `until`, or not snoozed at all (undefined). */
export function withSnooze(paper: Paper, until: string | undefined): Paper {
  if (paper.snoozedUntil === until) return paper;
  if (until !== undefined) return { ...paper, snoozedUntil: until };
  const record: { -readonly [K in keyof Paper]: Paper[K] } = { ...paper };
  delete record.snoozedUntil;
  return record;
}

function withState(paper: Paper, state: ReadingState | undefined): Paper {
  if (state === undefined) return paper;
  const before = stateOf(paper);
  if (state === before) return paper;
  const changed: Paper = {
    ...paper,
    status: state.status,
    tags: state.tags,
    note: state.note,
    readAt: state.readAt,
    updatedAt: state.updatedAt,
  };
  return withSnooze(changed, state.snoozedUntil);
}

function change(paper: Paper, next: (state: ReadingState) => ReadingState | undefined): Paper {
  const before = stateOf(paper);
  const after = next(before);
  return after === undefined || after === before ? paper : withState(paper, after);
}

export function withStatus(paper: Paper, status: ReadingStatus, now: string): Paper {
  return change(paper, (state) => reading.setStatus(state, status, now));
}

export function withSnoozeUntil(paper: Paper, until: string, now: string): Paper {
  return change(paper, (state) => reading.snooze(state, until, now));
}

/** Throws InvalidInputError for a tag the library would refuse. */
export function withTagsAdded(paper: Paper, tags: readonly string[], now: string): Paper {
  return change(paper, (state) => reading.addTags(state, tags, now));
}

export function withTagsRemoved(paper: Paper, tags: readonly string[], now: string): Paper {
  return change(paper, (state) => reading.removeTags(state, tags, now));
}

export function withTagRenamed(paper: Paper, from: string, to: string, now: string): Paper {
  return change(paper, (state) => reading.renameTag(state, from, to, now));
}

export function hasTag(paper: Paper, tag: string): boolean {
  return paper.tags.some((candidate) => reading.sameTag(candidate, tag));
}

export const { normalizeTag, sameTag } = reading;
