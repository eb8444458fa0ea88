/**
 * Ranking over the library as the store holds it: Up next and "more like this" (core/rank/). What it learns from
 * each paper's text, its term index, is kept in memory while the catalogue is unchanged and in a cache file beside
 * the library (`library.rank-cache`) between processes: indexing again counts only the papers that are new or
 * changed. The file is a cache: missing, stale or unreadable it is made again, and failing to write it (a
 * read-only folder) is no error. Learning from the decisions and scoring the papers runs where `runner` says
 * (rank-thread.ts): in a worker thread for the app and browser mode, whose process answers every other call.
 */

import { readFile } from 'node:fs/promises';
import type { RankRequest, ScoredPaper, UpNext } from '../core/api.js';
import type { LibrarySnapshot } from '../core/import/types.js';
import type { Catalogue, Paper } from '../core/model.js';
import { matchesFilter, papersOf } from '../core/query.js';
import { decodeTermIndex, encodeTermIndex } from '../core/rank/cache-codec.js';
import { decisionsOf, isUpNext } from '../core/rank/decisions.js';
import { ENOUGH_DISMISSED, ENOUGH_KEPT } from '../core/rank/rank.js';
import { EMPTY_TERM_INDEX, indexPapers, type TermIndex } from '../core/rank/term-index.js';
import type { RankRunner } from './rank-thread.js';
import { writeFileAtomically } from './store/atomic-write.js';

async function readCache(file: string): Promise<Uint8Array | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

/** The positions in `index` of the papers `ids` names (a paper it does not hold is left out). */
function positionsOf(index: TermIndex, ids: readonly string[]): Int32Array {
  const positions: number[] = [];
  for (const id of ids) {
    const position = index.positions.get(id);
    if (position !== undefined) positions.push(position);
  }
  return Int32Array.from(positions);
}

const textOf = ({ id, title, abstract, authors }: Paper) => ({ id, title, abstract, authors });

export class Ranking {
  #current: { readonly catalogue: Catalogue; readonly index: TermIndex } | null = null;

  constructor(
    private readonly cacheFile: string,
    private readonly runner: RankRunner,
  ) {}

  /**
   * The term index of `catalogue`: the one in memory or in the cache file, brought up to date, and handed to the
   * runner. The index read or made is read from where the runner's thread reads it too (`shared`), so that the
   * terms are held once.
   */
  private async index(catalogue: Catalogue): Promise<TermIndex> {
    if (this.#current?.catalogue === catalogue) return this.#current.index;
    const held = this.#current?.index;
    let bytes: Uint8Array | null = null;
    let previous = held;
    if (previous === undefined) {
      const file = await readCache(this.cacheFile);
      bytes = file === null ? null : this.runner.shared(file);
      previous = (bytes === null ? null : decodeTermIndex(bytes)) ?? EMPTY_TERM_INDEX;
    }
    let index = indexPapers(previous, catalogue.papers);
    if (index !== previous) {
      const encoded = encodeTermIndex(index);
      await writeFileAtomically(this.cacheFile, encoded, { durable: false }).catch(() => undefined);
      bytes = this.runner.shared(encoded);
      if (bytes !== encoded) index = decodeTermIndex(bytes) ?? index;
    }
    if (index !== held) this.runner.useIndex(index, bytes);
    this.#current = { catalogue, index };
    return index;
  }

  async upNext(library: LibrarySnapshot, request: RankRequest, today: string): Promise<UpNext> {
    const index = await this.index(library.catalogue);
    const papers = papersOf(library);
    const decisions = decisionsOf(papers, request.tag);
    const only = request.ids === undefined ? null : new Set(request.ids);
    const candidates = papers.filter(
      (paper) =>
        isUpNext(paper, today) &&
        matchesFilter(paper, { digest: request.digest }) &&
        (only === null || only.has(paper.id)) &&
        index.positions.has(paper.id),
    );
    const kept = positionsOf(index, decisions.kept);
    const dismissed = positionsOf(index, decisions.dismissed);
    const order = await this.runner.order({
      kept,
      dismissed,
      candidates: positionsOf(
        index,
        candidates.map(({ id }) => id),
      ),
      // Until the order is learnt: by Hugging Face's upvotes, which the record keeps among its facts.
      upvotes: Float64Array.from(candidates, (paper) => paper.facts?.hfUpvotes ?? Number.NaN),
      limit: request.limit,
    });
    const byId = new Map(candidates.map((paper) => [paper.id, paper]));
    // Learnt, the best are given their reasons from their texts, which only this thread holds.
    const ranking =
      order.basis === 'learnt' && order.papers.length > 0
        ? await this.runner.explain({
            kept,
            dismissed,
            papers: order.papers.flatMap(({ id }) => {
              const paper = byId.get(id);
              return paper === undefined ? [] : [textOf(paper)];
            }),
          })
        : order;
    return {
      basis: ranking.basis,
      kept: ranking.kept,
      dismissed: ranking.dismissed,
      needed: { kept: ENOUGH_KEPT, dismissed: ENOUGH_DISMISSED },
      total: candidates.length,
      papers: scored(ranking.papers, byId),
    };
  }

  async similar(library: LibrarySnapshot, paper: Paper, limit: number): Promise<readonly ScoredPaper[]> {
    await this.index(library.catalogue);
    const found = await this.runner.similar({ paper: textOf(paper), limit });
    const wanted = new Set(found.map(({ id }) => id));
    const papers = papersOf(library).filter(({ id }) => wanted.has(id));
    return scored(found, new Map(papers.map((other) => [other.id, other])));
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}

/** Each ranked paper's record, with its score and reasons, in the ranking's order. */
function scored(
  ranked: readonly { readonly id: string; readonly score: number; readonly reasons: readonly string[] }[],
  papers: ReadonlyMap<string, Paper>,
): ScoredPaper[] {
  return ranked.flatMap(({ id, score, reasons }) => {
    const paper = papers.get(id);
    return paper === undefined ? [] : [{ ...paper, score, reasons }];
  });
}
