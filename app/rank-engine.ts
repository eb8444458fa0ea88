/**
 * What ranking computes over the library's term index, wherever it runs: in the process that asks (the command
 * line), or in a worker thread (Electron's main process and browser mode's server, which answer every other call and
 * must not stop for the second that learning and scoring 100,000 papers take; rank-thread.ts). Papers are named by
 * their positions in the index, so a request is a few typed arrays. What is learnt from a set of decisions is kept
 * for the last few sets asked about: showing Up next again after nothing was decided, or switching between Up next
 * and a tag's, learns nothing again.
 */

import { learnRanker, rankPapers, type RankCandidate, type Ranker, type Ranking } from '../core/rank/rank.js';
import { similarPapers, type SimilarPaper } from '../core/rank/similar.js';
import { EMPTY_TERM_INDEX, type IdentifiedPaper, type TermIndex } from '../core/rank/term-index.js';

/** Decisions as positions in the index: what the ranking learns from. */
export interface PositionedDecisions {
  readonly kept: Int32Array;
  readonly dismissed: Int32Array;
}

export interface OrderRequest extends PositionedDecisions {
  /** The papers to rank, by position. */
  readonly candidates: Int32Array;
  /** Each candidate's Hugging Face upvotes; NaN where unknown. */
  readonly upvotes: Float64Array;
  /** How many of the best to give; all when absent. */
  readonly limit?: number | undefined;
}

/** The best papers of an order, with their texts: each is given the reasons that weigh most for it. */
export interface ExplainRequest extends PositionedDecisions {
  readonly papers: readonly RankCandidate[];
}

export interface SimilarRequest {
  readonly paper: IdentifiedPaper;
  readonly limit: number;
}

/** How many learnt rankers are kept: Up next's and a tag's or two (each holds a weight per term bucket, 16 MB). */
const LEARNT_KEPT = 3;

export class RankEngine {
  #index: TermIndex = EMPTY_TERM_INDEX;
  /** Rankers learnt from the index, by their decisions, the latest used last. */
  readonly #learnt = new Map<string, Ranker>();

  /** Ranks over `index` from now on. */
  useIndex(index: TermIndex): void {
    if (index === this.#index) return;
    this.#index = index;
    this.#learnt.clear();
  }

  /**
   * The candidates best first, the first `limit` of them; by upvotes, each with its count as its reason, while there
   * are too few decisions. Learnt, they come without reasons: those need the papers' texts (`explain`).
   */
  order(request: OrderRequest): Ranking {
    const { ids } = this.#index;
    const candidates = Array.from(request.candidates, (position, row) => {
      const upvotes = request.upvotes[row] ?? Number.NaN;
      return {
        id: ids[position] ?? '',
        title: '',
        abstract: '',
        authors: [],
        upvotes: Number.isNaN(upvotes) ? null : upvotes,
      };
    });
    return rankPapers(this.ranker(request), this.#index, candidates, request.limit);
  }

  /** `papers` (an order's best, in its order) with the words, phrases and authors that weigh most for each. */
  explain(request: ExplainRequest): Ranking {
    return rankPapers(this.ranker(request), this.#index, request.papers);
  }

  similar(request: SimilarRequest): SimilarPaper[] {
    return similarPapers(this.#index, request.paper, request.limit);
  }

  /** What the decisions teach: learnt again only when they or the index changed. */
  private ranker({ kept, dismissed }: PositionedDecisions): Ranker {
    const key = `${kept.join(',')}|${dismissed.join(',')}`;
    const known = this.#learnt.get(key);
    this.#learnt.delete(key);
    const { ids } = this.#index;
    const idsAt = (positions: Int32Array): string[] => Array.from(positions, (position) => ids[position] ?? '');
    const ranker = known ?? learnRanker(this.#index, { kept: idsAt(kept), dismissed: idsAt(dismissed) });
    this.#learnt.set(key, ranker);
    for (const oldest of this.#learnt.keys()) {
      if (this.#learnt.size <= LEARNT_KEPT) break;
      this.#learnt.delete(oldest);
    }
    return ranker;
  }
}
