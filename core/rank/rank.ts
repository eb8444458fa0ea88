/**
 * The unread papers in the order worth reading: learnt from what the user kept against what they dismissed, each
 * paper with the words, phrases and authors that weigh most for it. Until there are enough decisions to learn
 * from, Hugging Face upvotes, then the order given (the listing's), and the ranking says so. Pure.
 */

import { HeaviestTerms, isCommonTerm, reasonsFrom } from './reasons.js';
import { learnLinearModel, type LinearModel } from './learn.js';
import { termsIn, type IdentifiedPaper, type TermIndex } from './term-index.js';
import { countTerms, termLabels, TERM_BITS } from './terms.js';
import { inverseDocumentFrequency, sublinear, vectorsOf, type TermRows } from './vectors.js';

/** Decisions of each kind needed before a ranking is learnt: fewer teach a model only noise. */
export const ENOUGH_KEPT = 5;
export const ENOUGH_DISMISSED = 5;
/** How strongly the model is regularised (the SVM's C): found on the benchmark's readers (bench/rank.ts). */
const REGULARISATION_C = 0.3;

export interface Decisions {
  /** Ids of papers the user kept (tagged, noted, reading or read; for a tag: tagged with it). */
  readonly kept: readonly string[];
  /** Ids of papers the user said are not for them. */
  readonly dismissed: readonly string[];
}

interface LearntRanker {
  readonly learnt: true;
  readonly kept: number;
  readonly dismissed: number;
  readonly model: LinearModel;
  readonly idf: Float32Array;
}

/** What was learnt: a model, or why there is none yet. */
export type Ranker = LearntRanker | { readonly learnt: false; readonly kept: number; readonly dismissed: number };

export interface RankCandidate extends IdentifiedPaper {
  /** Hugging Face upvotes, when known. */
  readonly upvotes?: number | null | undefined;
}

interface RankedPaper {
  readonly id: string;
  /** Learnt: how far the paper is on the kept side (above 0) or the dismissed side; else its upvotes (0 unknown). */
  readonly score: number;
  readonly reasons: readonly string[];
}

export interface Ranking {
  /** `learnt` from decisions, or `upvotes` then listing order while there are too few. */
  readonly basis: 'learnt' | 'upvotes';
  readonly kept: number;
  readonly dismissed: number;
  /** Best first. */
  readonly papers: readonly RankedPaper[];
}

/** Learns from `decisions` over the papers of `index` (ids it does not hold are passed over). */
export function learnRanker(index: TermIndex, decisions: Decisions): Ranker {
  const kept = new Set(decisions.kept.filter((id) => index.positions.has(id)));
  const dismissed = new Set(decisions.dismissed.filter((id) => index.positions.has(id) && !kept.has(id)));
  const counts = { kept: kept.size, dismissed: dismissed.size };
  if (kept.size < ENOUGH_KEPT || dismissed.size < ENOUGH_DISMISSED) return { learnt: false, ...counts };
  const idf = inverseDocumentFrequency(index);
  const papers = [...kept, ...dismissed].map((id) => index.positions.get(id) ?? 0);
  const model = learnLinearModel(vectorsOf(index, papers, idf), kept.size, 1 << TERM_BITS, { c: REGULARISATION_C });
  return { learnt: true, ...counts, model, idf };
}

/** `candidates` best first, the first `limit` of them with their reasons. */
export function rankPapers(
  ranker: Ranker,
  index: TermIndex,
  candidates: readonly RankCandidate[],
  limit = candidates.length,
): Ranking {
  const { kept, dismissed } = ranker;
  if (!ranker.learnt) {
    const order = candidates
      .map((paper, position) => ({ paper, position, upvotes: paper.upvotes ?? null }))
      .sort((a, b) => (b.upvotes ?? -1) - (a.upvotes ?? -1) || a.position - b.position)
      .slice(0, limit);
    const papers = order.map(({ paper, upvotes }) => ({
      id: paper.id,
      score: upvotes ?? 0,
      reasons: upvotes === null ? [] : [`${upvotes.toLocaleString('en')} upvote${upvotes === 1 ? '' : 's'}`],
    }));
    return { basis: 'upvotes', kept, dismissed, papers };
  }
  const { model, idf } = ranker;
  const [terms, positions] = candidateTerms(index, candidates);
  const papers = index.ids.length;
  const isCommon = (bucket: number): boolean => isCommonTerm(index.documentFrequency[bucket] ?? 0, papers);
  // Every candidate given reasons (a day's digest): the terms that weigh most are found as it is scored, its terms
  // read once. Else only the best are given them, once they are known.
  const allExplained = limit >= candidates.length;
  const scored = candidates.map((paper, row) => {
    const heaviest = allExplained && hasText(paper) ? new HeaviestTerms(isCommon) : null;
    return { paper, row, heaviest, score: scoreOf(terms, positions[row] ?? 0, idf, model, heaviest) };
  });
  scored.sort((a, b) => b.score - a.score || a.row - b.row);
  const ranked = scored.slice(0, limit).map(({ paper, row, score, heaviest }) => {
    let weighed = heaviest;
    if (weighed === null && hasText(paper)) {
      weighed = new HeaviestTerms(isCommon);
      scoreOf(terms, positions[row] ?? 0, idf, model, weighed);
    }
    const reasons =
      weighed === null
        ? []
        : reasonsFrom(weighed.terms, termLabels(paper, new Set(weighed.terms.map(({ bucket }) => bucket))));
    return { id: paper.id, score, reasons };
  });
  return { basis: 'learnt', kept, dismissed, papers: ranked };
}

/**
 * Where the candidates' terms are: in the index, or, when it lacks some candidate (a paper not indexed yet), in
 * rows made for them.
 */
function candidateTerms(index: TermIndex, candidates: readonly RankCandidate[]): [TermRows, number[]] {
  const positions = candidates.map((paper) => index.positions.get(paper.id) ?? -1);
  if (!positions.includes(-1)) return [index, positions];
  const buckets: number[] = [];
  const counts: number[] = [];
  const starts = [0];
  for (const [row, paper] of candidates.entries()) {
    const terms = positions[row] === -1 ? countTerms(paper) : termsIn(index, paper.id);
    buckets.push(...(terms?.buckets ?? []));
    counts.push(...(terms?.counts ?? []));
    starts.push(buckets.length);
  }
  const rows = {
    starts: Uint32Array.from(starts),
    buckets: Uint32Array.from(buckets),
    counts: Uint16Array.from(counts),
  };
  return [rows, candidates.map((_, row) => row)];
}

/**
 * The model's score of the paper at `position` in `terms`: its TF-IDF vector's, made as it is read. Each term is
 * offered to `heaviest` with what it adds to the score (but for the vector's length, the same for every term).
 */
function scoreOf(
  terms: TermRows,
  position: number,
  idf: Float32Array,
  model: LinearModel,
  heaviest: HeaviestTerms | null,
): number {
  let dot = 0;
  let squares = 0;
  const { buckets, counts } = terms;
  for (let k = terms.starts[position] ?? 0; k < (terms.starts[position + 1] ?? 0); k++) {
    const bucket = buckets[k] ?? 0;
    const value = sublinear(counts[k] ?? 1) * (idf[bucket] ?? 0);
    const adds = value * (model.weights[bucket] ?? 0);
    squares += value * value;
    dot += adds;
    heaviest?.offer(bucket, adds);
  }
  return model.bias + (squares > 0 ? dot / Math.sqrt(squares) : 0);
}

/** Whether a candidate comes with its text (an order asked for by position does not: its reasons come later). */
const hasText = (paper: RankCandidate): boolean =>
  paper.title !== '' || paper.abstract !== '' || paper.authors.length > 0;
