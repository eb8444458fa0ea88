/**
 * Completing thin papers (no arXiv id: no authors, no links) with the arXiv record found for each: merged as an
 * import that knows the arXiv id merges (core/merge.ts fillIn: what the paper lacks is filled in, nothing it has
 * is replaced, its reading state is untouched), and into the paper the library has for that arXiv id when it has
 * one. Pure.
 */

import { fillIn } from './merge.js';
import { readingStateOf, type Catalogue, type CataloguePaper, type Digest, type ParsedPaper } from './model.js';
import type { LibrarySnapshot } from './import/types.js';

/** A paper of the library, and the arXiv record found for it. */
export interface Completion {
  readonly paperId: string;
  readonly record: ParsedPaper;
}

export interface CompletedPaper {
  readonly id: string;
  readonly title: string;
  readonly arxivId: string;
  /** The paper it was merged into, which the library had for that arXiv id; null when completed in place. */
  readonly mergedInto: string | null;
}

/** Why a paper was left as it was. */
export type NotCompletedReason = 'no-match' | 'ambiguous' | 'withdrawn' | 'not-found' | 'kept-apart';

export interface NotCompleted {
  readonly id: string;
  readonly title: string;
  readonly reason: NotCompletedReason;
  /** In words: "arXiv has no paper of this title". */
  readonly message: string;
  /** The papers it could be, for `ambiguous`: none was taken. */
  readonly candidates: readonly { readonly arxivId: string; readonly title: string }[];
}

export interface CompletionReport {
  readonly completed: readonly CompletedPaper[];
  readonly notCompleted: readonly NotCompleted[];
}

/** The catalogue with each completion merged; `kept` lists those that could not be, and why. */
export function applyCompletions(
  library: LibrarySnapshot,
  completions: readonly Completion[],
): {
  readonly catalogue: Catalogue;
  readonly completed: readonly CompletedPaper[];
  readonly kept: readonly NotCompleted[];
} {
  const papers = [...library.catalogue.papers];
  let digests = library.catalogue.digests;
  const completed: CompletedPaper[] = [];
  const kept: NotCompleted[] = [];
  for (const { paperId, record } of completions) {
    const position = papers.findIndex((paper) => paper.id === paperId);
    const paper = papers[position];
    const arxivId = record.arxivId;
    if (paper === undefined || arxivId === null) continue;
    const otherPosition = papers.findIndex((other) => other.arxivId === arxivId && other.id !== paperId);
    const other = papers[otherPosition];
    if (other === undefined) {
      papers[position] = fillIn(paper, record, []);
      completed.push({ id: paper.id, title: paper.title, arxivId, mergedInto: null });
      continue;
    }
    if (readingStateOf(library.states, paper.id) !== undefined) {
      kept.push({
        id: paper.id,
        title: paper.title,
        reason: 'kept-apart',
        message: `it is ${arxivId}, which the library has as ${other.id}; both have a reading state, so they are left apart`,
        candidates: [],
      });
      continue;
    }
    // The paper is the one the library has: that one takes what either knows, and its digests; this one goes.
    papers[otherPosition] = fillIn(fillIn(other, record, []), paper, paper.digests);
    papers.splice(position, 1);
    digests = digests.map((digest) => withPaperReplaced(digest, paper.id, other.id));
    completed.push({ id: paper.id, title: paper.title, arxivId, mergedInto: other.id });
  }
  return { catalogue: { papers, digests }, completed, kept };
}

/** The digest with `from` listed as `to`, once, where `from` was. */
function withPaperReplaced(digest: Digest, from: string, to: string): Digest {
  if (!digest.paperIds.includes(from)) return digest;
  const hasTo = digest.paperIds.includes(to);
  const paperIds = digest.paperIds.flatMap((id) => (id === from ? (hasTo ? [] : [to]) : [id]));
  return { ...digest, paperIds };
}

/** The papers to complete when none are named: every one without an arXiv id. */
export function thinPapers(catalogue: Catalogue): readonly CataloguePaper[] {
  return catalogue.papers.filter((paper) => paper.arxivId === null);
}
