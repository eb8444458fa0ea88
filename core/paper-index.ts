/**
 * Which paper of the catalogue an incoming record is: the one with its arXiv id, else its DOI, else its title where
 * nothing contradicts it (same-work.ts), else the one a paper with its workId was merged into. Pure apart from the
 * array of papers it is given to keep up to date.
 */

import { normalizeTitle, paperIdFor, workId } from './identity.js';
import type { CataloguePaper, ParsedPaper } from './model.js';
import { mayBeSameWork } from './same-work.js';

export class PaperIndex {
  /** Every id that names a paper: its own, and its aliases. */
  private readonly byId = new Map<string, number>();
  private readonly byAlias = new Map<string, number>();
  private readonly byArxiv = new Map<string, number>();
  private readonly byDoi = new Map<string, number>();
  /** Papers by normalised title, in the catalogue's order: a number for the one paper most titles have. */
  private readonly byTitle = new Map<string, number | number[]>();

  constructor(private readonly papers: CataloguePaper[]) {
    papers.forEach((paper, position) => this.remember(paper, position));
  }

  /** The position of the paper `incoming` is, if the catalogue has it. `titleKey`: its normalised title, if known. */
  find(incoming: ParsedPaper, titleKey = normalizeTitle(incoming.title)): number | undefined {
    if (incoming.arxivId !== null) {
      const position = this.byArxiv.get(incoming.arxivId) ?? this.byId.get(incoming.arxivId);
      if (position !== undefined) return position;
    }
    if (incoming.doi !== null) {
      const position = this.byDoi.get(incoming.doi.toLowerCase());
      const stored = position === undefined ? undefined : this.papers[position];
      const otherArxiv = stored?.arxivId != null && incoming.arxivId !== null;
      if (position !== undefined && !otherArxiv) return position;
    }
    const sameTitle = this.byTitle.get(titleKey);
    for (const position of typeof sameTitle === 'number' ? [sameTitle] : (sameTitle ?? [])) {
      const stored = this.papers[position];
      if (stored !== undefined && mayBeSameWork(stored, incoming)) return position;
    }
    return this.byAlias.size === 0 ? undefined : this.byAlias.get(workId(incoming));
  }

  /** The position of the paper `id` is an alias of. */
  aliasOf(id: string): number | undefined {
    return this.byAlias.get(id);
  }

  /** Whether `id` names a paper, as its id or an alias. */
  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * The id a new paper gets: its arXiv id or titleId, else (another work has that title) its workId. `titleKey` and
   * `first`: its normalised title and paperIdFor, when the caller has them.
   */
  newId(incoming: ParsedPaper, titleKey?: string, first = paperIdFor(incoming, titleKey)): string {
    if (!this.has(first)) return first;
    if (incoming.arxivId === null) {
      const second = workId(incoming);
      if (!this.has(second)) return second;
    }
    return this.uniqueId(first);
  }

  /** `id`, or `id-2`, `id-3`, … when a paper has it. */
  uniqueId(id: string): string {
    if (!this.has(id)) return id;
    let suffix = 2;
    while (this.has(`${id}-${suffix}`)) suffix += 1;
    return `${id}-${suffix}`;
  }

  /** `titleKey`: normalizeTitle(paper.title), when the caller has it. */
  add(paper: CataloguePaper, titleKey?: string): void {
    if (titleKey !== undefined) titleKeys.set(paper, titleKey);
    this.papers.push(paper);
    this.remember(paper, this.papers.length - 1);
  }

  replace(position: number, paper: CataloguePaper): void {
    this.papers[position] = paper;
    this.remember(paper, position);
  }

  private remember(paper: CataloguePaper, position: number): void {
    this.byId.set(paper.id, position);
    for (const alias of paper.aliases ?? []) {
      this.byId.set(alias, position);
      this.byAlias.set(alias, position);
    }
    if (paper.arxivId !== null) this.byArxiv.set(paper.arxivId, position);
    const doi = paper.doi?.toLowerCase();
    if (doi !== undefined && !this.byDoi.has(doi)) this.byDoi.set(doi, position);
    const title = storedTitleKey(paper);
    if (title === '') return;
    const sameTitle = this.byTitle.get(title);
    if (sameTitle === undefined) this.byTitle.set(title, position);
    else if (typeof sameTitle === 'number') {
      if (sameTitle !== position) this.byTitle.set(title, [sameTitle, position]);
    } else if (!sameTitle.includes(position)) sameTitle.push(position);
  }
}

/**
 * A stored paper's normalised title, kept as long as the paper is (papers are never changed in place): the index is
 * made again for every digest of an import, and a nine-file import of 100,000 entries would otherwise normalise
 * every stored title nine times.
 */
const titleKeys = new WeakMap<CataloguePaper, string>();

export function storedTitleKey(paper: CataloguePaper): string {
  let key = titleKeys.get(paper);
  if (key === undefined) {
    key = normalizeTitle(paper.title);
    titleKeys.set(paper, key);
  }
  return key;
}
