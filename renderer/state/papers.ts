/** Changes to papers as the UI shows them before the API confirms: the same rules as the library's. Pure. */

import type { Paper, ReadingState, ReadingStatus } from '../../core/model.js';
import * as reading from '../../core/reading.js';

function stateOf(paper: Paper): ReadingState {
  return {
    status: paper.status,
    tags: paper.tags,
    note: paper.note,
    readAt: paper.readAt,
    updatedAt: paper.updatedAt ?? '',
  };
}

function withState(paper: Paper, state: ReadingState | undefined): Paper {
  if (state === undefined) return paper;
  const before = stateOf(paper);
  if (state === before) return paper;
  return {
    ...paper,
    status: state.status,
    tags: state.tags,
    note: state.note,
    readAt: state.readAt,
    updatedAt: state.updatedAt,
  };
}

function change(paper: Paper, next: (state: ReadingState) => ReadingState | undefined): Paper {
  const before = stateOf(paper);
  const after = next(before);
  return after === undefined || after === before ? paper : withState(paper, after);
}

export function withStatus(paper: Paper, status: ReadingStatus, now: string): Paper {
  return change(paper, (state) => reading.setStatus(state, status, now));
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
