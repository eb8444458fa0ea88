/**
 * A folder's edits made the papers': the same changes to note, tags and status as the app and the command line
 * make (core/reading.ts), each only while the paper is still as the sync saw it, so that nothing typed in Shelfmark
 * meanwhile is overwritten.
 */

import { sameItems } from '../arrays.js';
import type { LibrarySnapshot } from '../import/types.js';
import { emptyStateMap, readingStateOf, withReadingState, type Paper, type ReadingStateMap } from '../model.js';
import * as reading from '../reading.js';
import type { TakeIn } from './plan.js';

export interface TakeInRequest {
  /** The paper as the plan saw it. */
  readonly paper: Paper;
  readonly take: TakeIn;
}

/** The paper as stored after the take-in, or why it was not taken in. */
export type TakeInResult =
  { readonly ok: true; readonly paper: Paper } | { readonly ok: false; readonly reason: string };

export function takeInChanges(
  library: LibrarySnapshot,
  requests: readonly TakeInRequest[],
  now: string,
): { readonly states: ReadingStateMap; readonly result: TakeInResult[] } {
  const wanted = new Set(requests.map((request) => request.paper.id));
  const records = new Map(
    library.catalogue.papers.filter((paper) => wanted.has(paper.id)).map((paper) => [paper.id, paper]),
  );
  const states = emptyStateMap();
  const result = requests.map(({ paper, take }): TakeInResult => {
    const record = records.get(paper.id);
    if (record === undefined) return { ok: false, reason: 'its paper is no longer in the library; left as it is' };
    const before = Object.hasOwn(states, paper.id) ? states[paper.id] : readingStateOf(library.states, paper.id);
    const current = withReadingState(record, before);
    if (current.note !== paper.note || current.status !== paper.status || !sameItems(current.tags, paper.tags)) {
      return {
        ok: false,
        reason: 'its paper changed in Shelfmark during the sync; the file is synced at the next sync',
      };
    }
    let state = before;
    if (take.note !== null) state = reading.setNote(state, take.note, now);
    if (take.removeTags.length > 0) state = reading.removeTags(state, take.removeTags, now);
    if (take.addTags.length > 0) state = reading.addTags(state, take.addTags, now);
    if (take.status !== null) state = reading.setStatus(state, take.status, now);
    if (state !== undefined && state !== before) states[paper.id] = state;
    return { ok: true, paper: withReadingState(record, state) };
  });
  return { states, result };
}
