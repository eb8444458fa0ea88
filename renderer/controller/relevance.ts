/**
 * Asks the library for the relevance order of the view shown, when it is sorted by relevance (state/relevance.ts):
 * when the sort is chosen, the view shown or shown afresh, or the library loaded again; never on a key press in the
 * list, so deciding on papers there leaves them in place. The library ranks (in its own process, as for Up next).
 */

import type { LibraryApi } from '../../core/api.js';
import {
  relevanceAsked,
  relevanceCame,
  relevanceFailed,
  relevanceRequest,
  sortedByRelevance,
} from '../state/relevance.js';
import { selectOnly } from '../state/selection.js';
import { viewKey } from '../state/sort.js';
import type { Store } from '../state/store.js';
import type { AppState } from '../state/types.js';
import { visibleIds } from '../state/visible.js';
import { errorMessage, sentence } from './error-text.js';

/** The best this many of a view are ranked, with their reasons, as in Up next; the others follow in its order. */
const RANKED_LIMIT = 500;

export class RelevanceRankings {
  /** The latest request: an answer to an earlier one is dropped. */
  private latest = 0;

  constructor(
    private readonly store: Store<AppState>,
    private readonly api: Pick<LibraryApi, 'rankPapers'>,
  ) {}

  /**
   * Asks for the view's order if it is sorted by relevance. The first order of a view puts the cursor on its first
   * paper when it comes; an order asked again leaves the cursor where it is.
   */
  async rankIfSorted(): Promise<void> {
    const state = this.store.get();
    if (!sortedByRelevance(state) || state.load.phase === 'loading') return;
    const request = ++this.latest;
    const { filter } = state;
    const view = viewKey(filter);
    this.store.update((current) => relevanceAsked(current, view));
    try {
      const { papers, ...basis } = await this.api.rankPapers(relevanceRequest(state, filter, RANKED_LIMIT));
      if (request !== this.latest) return;
      this.store.update((current) => {
        const fresh = current.relevance?.ids.length === 0;
        const next = relevanceCame(current, view, papers, basis);
        return next === current || !fresh ? next : { ...next, selection: selectOnly(visibleIds(next)[0] ?? null) };
      });
    } catch (error) {
      if (request !== this.latest) return;
      const message = sentence(errorMessage(error));
      this.store.update((current) => relevanceFailed(current, view, message));
    }
  }
}
