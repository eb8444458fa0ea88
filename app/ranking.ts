/**
 * Ranking over the library as the store holds it: Up next and "more like this" (core/rank/). What it learns from
 * each paper's text, its term index, is kept in memory while the catalogue is unchanged and in a cache file beside
 * the library (`library.rank-cache`) between processes: indexing again counts only the papers that are new or
 * changed. The file is a cache: missing, stale or unreadable it is made again, and failing to write it (a
 * read-only folder) is no error. What is learnt from the user's decisions is kept in memory too, for the few
 * decisions last asked about: learning takes most of a second at 100,000 papers, in the process that also answers
 * every other call (Electron's main process), and showing Up next again after nothing was decided, or switching
 * between Up next and a tag's, learns nothing again.
 */

import { readFile } from 'node:fs/promises';
import type { RankRequest, ScoredPaper, UpNext } from '../core/api.js';
import type { LibrarySnapshot } from '../core/import/types.js';
import type { Catalogue, Paper } from '../core/model.js';
import { matchesFilter, papersOf } from '../core/query.js';
import { decodeTermIndex, encodeTermIndex } from '../core/rank/cache-codec.js';
import { decisionsOf, isUpNext } from '../core/rank/decisions.js';
import {
  ENOUGH_DISMISSED,
  ENOUGH_KEPT,
  learnRanker,
  rankPapers,
  type Decisions,
  type Ranker,
} from '../core/rank/rank.js';
import { similarPapers } from '../core/rank/similar.js';
import { EMPTY_TERM_INDEX, indexPapers, type TermIndex } from '../core/rank/term-index.js';
import { writeFileAtomically } from './store/atomic-write.js';

async function readCache(file: string): Promise<TermIndex | null> {
  try {
    return decodeTermIndex(await readFile(file));
  } catch {
    return null;
  }
}

/** How many learnt rankers are kept: Up next's and a tag's or two (each holds a weight per term bucket, 16 MB). */
const LEARNT_KEPT = 3;

/** One text for one set of decisions: two that are the same learn the same ranker. */
const decisionsKey = ({ kept, dismissed }: Decisions): string => `${kept.join('\n')}\u0000${dismissed.join('\n')}`;

export class Ranking {
  #current: { readonly catalogue: Catalogue; readonly index: TermIndex } | null = null;
  /** Rankers learnt from the current index, by their decisions, the latest used last. */
  #learnt = new Map<string, Ranker>();
  #learntFrom: TermIndex | null = null;

  constructor(private readonly cacheFile: string) {}

  /** The term index of `catalogue`: the one in memory or in the cache file, brought up to date. */
  private async index(catalogue: Catalogue): Promise<TermIndex> {
    if (this.#current?.catalogue === catalogue) return this.#current.index;
    const previous = this.#current?.index ?? (await readCache(this.cacheFile)) ?? EMPTY_TERM_INDEX;
    const index = indexPapers(previous, catalogue.papers);
    if (index !== previous) {
      await writeFileAtomically(this.cacheFile, encodeTermIndex(index), { durable: false }).catch(() => undefined);
    }
    this.#current = { catalogue, index };
    return index;
  }

  /** What `decisions` teach over `index`: learnt again only when the decisions or the papers changed. */
  private ranker(index: TermIndex, decisions: Decisions): Ranker {
    if (this.#learntFrom !== index) {
      this.#learnt.clear();
      this.#learntFrom = index;
    }
    const key = decisionsKey(decisions);
    const known = this.#learnt.get(key);
    this.#learnt.delete(key);
    const ranker = known ?? learnRanker(index, decisions);
    this.#learnt.set(key, ranker);
    for (const oldest of this.#learnt.keys()) {
      if (this.#learnt.size <= LEARNT_KEPT) break;
      this.#learnt.delete(oldest);
    }
    return ranker;
  }

  async upNext(library: LibrarySnapshot, request: RankRequest, today: string): Promise<UpNext> {
    const index = await this.index(library.catalogue);
    const papers = papersOf(library);
    const decisions = decisionsOf(papers, request.tag);
    const candidates = papers.filter(
      (paper) => isUpNext(paper, today) && matchesFilter(paper, { digest: request.digest }),
    );
    // Until the order is learnt: by Hugging Face's upvotes, which the record keeps among its facts.
    const ranked = candidates.map((paper) => ({ ...paper, upvotes: paper.facts?.hfUpvotes }));
    const ranking = rankPapers(this.ranker(index, decisions), index, ranked, request.limit);
    return {
      basis: ranking.basis,
      kept: ranking.kept,
      dismissed: ranking.dismissed,
      needed: { kept: ENOUGH_KEPT, dismissed: ENOUGH_DISMISSED },
      total: candidates.length,
      papers: scored(ranking.papers, candidates),
    };
  }

  async similar(library: LibrarySnapshot, paper: Paper, limit: number): Promise<readonly ScoredPaper[]> {
    const index = await this.index(library.catalogue);
    const found = similarPapers(index, paper, limit);
    const wanted = new Set(found.map(({ id }) => id));
    return scored(
      found,
      papersOf(library).filter(({ id }) => wanted.has(id)),
    );
  }
}

/** Each ranked paper's record, with its score and reasons, in the ranking's order. */
function scored(
  ranked: readonly { readonly id: string; readonly score: number; readonly reasons: readonly string[] }[],
  papers: readonly Paper[],
): ScoredPaper[] {
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  return ranked.flatMap(({ id, score, reasons }) => {
    const paper = byId.get(id);
    return paper === undefined ? [] : [{ ...paper, score, reasons }];
  });
}
