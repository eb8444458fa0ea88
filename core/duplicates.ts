/**
 * Possible duplicates: papers of the library with one title that identity kept apart (same-work.ts), with why.
 * The user decides: merge two (paper-merge.ts), or leave them. Pure.
 */

import { normalizeTitle } from './identity.js';
import type { Catalogue, CataloguePaper } from './model.js';
import { differences } from './same-work.js';

/** A paper of a group, with what tells it from the others. */
export interface DuplicateCandidate {
  readonly id: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly year: number | null;
  readonly arxivId: string | null;
  readonly doi: string | null;
}

/** Why two papers of a group were kept apart: "years 1974 and 1986". */
interface KeptApart {
  readonly ids: readonly [string, string];
  /** Empty when nothing tells them apart (they came to be two papers some other way). */
  readonly reasons: readonly string[];
}

export interface PossibleDuplicates {
  /** The title as the group's first paper has it. */
  readonly title: string;
  /** In the library's order. */
  readonly papers: readonly DuplicateCandidate[];
  /** Each pair of the group, in the order of its papers. */
  readonly keptApart: readonly KeptApart[];
}

function candidate(paper: CataloguePaper): DuplicateCandidate {
  const { id, title, authors, year, arxivId, doi } = paper;
  return { id, title, authors, year, arxivId, doi };
}

/** Every group of two or more papers with one title, in the order of each group's first paper. */
export function possibleDuplicates(catalogue: Catalogue): PossibleDuplicates[] {
  const byTitle = new Map<string, CataloguePaper[]>();
  for (const paper of catalogue.papers) {
    const title = normalizeTitle(paper.title);
    if (title === '') continue;
    const group = byTitle.get(title);
    if (group === undefined) byTitle.set(title, [paper]);
    else group.push(paper);
  }
  const groups: PossibleDuplicates[] = [];
  for (const papers of byTitle.values()) {
    const [first] = papers;
    if (first === undefined || papers.length < 2) continue;
    const keptApart: KeptApart[] = [];
    papers.forEach((a, index) => {
      for (const b of papers.slice(index + 1)) keptApart.push({ ids: [a.id, b.id], reasons: differences(a, b) });
    });
    groups.push({ title: first.title, papers: papers.map(candidate), keptApart });
  }
  return groups;
}
