/**
 * Asks the library for the ranked views' order: Up next (rankPapers) and More like this (similarPapers). The
 * library ranks (it learns from the decisions, in its own process); the page only shows the answer. Asked when such
 * a view is shown or refreshed, never on a key press in it, so deciding on papers there leaves them in place.
 */

import type { LibraryApi } from '../../core/api.js';
import { rankingAsked, rankingCame, rankingFailed } from '../state/state.js';
import type { Store } from '../state/store.js';
import type { AppState, RankedFilter } from '../state/types.js';
import { errorMessage, sentence } from './error-text.js';

/** Up next ranks the best this many, with their reasons; the other unread papers follow in the list's order. */
const RANKED_LIMIT = 500;
/** More like this lists this many papers. */
const SIMILAR_LIMIT = 20;

type RankingApi = Pick<LibraryApi, 'rankPapers' | 'similarPapers'>;

export class Rankings {
  /** The latest request: an answer to an earlier one is dropped. */
  private latest = 0;

  constructor(
    private readonly store: Store<AppState>,
    private readonly api: RankingApi,
  ) {}

  /**
   * Asks for the order of `filter`, the view shown; the view shows it when it comes, the cursor on its first paper
   * (on `cursorOn`, if the view holds it).
   */
  async rank(filter: RankedFilter, cursorOn: string | null = null): Promise<void> {
    const request = ++this.latest;
    this.store.update((state) => rankingAsked(state, filter));
    try {
      if (filter.kind === 'up-next') {
        const { papers, ...basis } = await this.api.rankPapers({
          ...(filter.tag === null ? {} : { tag: filter.tag }),
          limit: RANKED_LIMIT,
        });
        if (request === this.latest) this.store.update((state) => rankingCame(state, filter, papers, basis, cursorOn));
      } else {
        const papers = await this.api.similarPapers(filter.id, SIMILAR_LIMIT);
        if (request === this.latest) this.store.update((state) => rankingCame(state, filter, papers, null, cursorOn));
      }
    } catch (error) {
      if (request !== this.latest) return;
      const message = sentence(errorMessage(error));
      this.store.update((state) => rankingFailed(state, filter, message));
    }
  }
}
