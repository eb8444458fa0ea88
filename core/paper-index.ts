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
  /**
   * A lower-cased DOI and a normalised title the last find looked up and no paper has, while the index has not
   * changed since: adding the record it found nothing for (every paper new to the library) then does not look them
   * up again.
   */
  #absentDoi: string | null = null;
  #absentTitle: string | null = null;

  constructor(private readonly papers: CataloguePaper[]) {
    papers.forEach((paper, position) => this.remember(paper, position));
  }

  /** The position of the paper `incoming` is, if the catalogue has it. `titleKey`: its normalised title, if known. */
  find(incoming: ParsedPaper, titleKey = normalizeTitle(incoming.title)): number | undefined {
    this.#absentDoi = null;
    this.#absentTitle = null;
    if (incoming.arxivId !== null) {
      const position = this.byArxiv.get(incoming.arxivId) ?? this.byId.get(incoming.arxivId);
      if (position !== undefined) return position;
    }
    if (incoming.doi !== null) {
      const doi = incoming.doi.toLowerCase();
      const position = this.byDoi.get(doi);
      if (position === undefined) this.#absentDoi = doi;
      else if (this.papers[position]?.arxivId == null || incoming.arxivId === null) return position;
    }
    const sameTitle = this.byTitle.get(titleKey);
    if (sameTitle === undefined) this.#absentTitle = titleKey;
    else if (typeof sameTitle === 'number') {
      if (this.mayBe(sameTitle, incoming)) return sameTitle;
    } else {
      for (const position of sameTitle) if (this.mayBe(position, incoming)) return position;
    }
    return this.byAlias.size === 0 ? undefined : this.byAlias.get(workId(incoming));
  }

  private mayBe(position: number, incoming: ParsedPaper): boolean {
    const stored = this.papers[position];
    return stored !== undefined && mayBeSameWork(stored, incoming);
  }

  /** The position of the paper `id` is an alias of. */
  aliasOf(id: string): number | undefined {
    return this.byAlias.size === 0 ? undefined : this.byAlias.get(id);
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
    this.remember(paper, this.papers.length - 1, titleKey);
  }

  replace(position: number, paper: CataloguePaper): void {
    this.papers[position] = paper;
    this.remember(paper, position);
  }

  private remember(paper: CataloguePaper, position: number, titleKey = storedTitleKey(paper)): void {
    const absentDoi = this.#absentDoi;
    const absentTitle = this.#absentTitle;
    this.#absentDoi = null;
    this.#absentTitle = null;
    this.byId.set(paper.id, position);
    if (paper.aliases !== undefined) {
      for (const alias of paper.aliases) {
        this.byId.set(alias, position);
        this.byAlias.set(alias, position);
      }
    }
    if (paper.arxivId !== null) this.byArxiv.set(paper.arxivId, position);
    const doi = paper.doi?.toLowerCase();
    if (doi !== undefined && (doi === absentDoi || !this.byDoi.has(doi))) this.byDoi.set(doi, position);
    if (titleKey === '') return;
    if (titleKey === absentTitle) {
      this.byTitle.set(titleKey, position);
      return;
    }
    const sameTitle = this.byTitle.get(titleKey);
    if (sameTitle === undefined) this.byTitle.set(titleKey, position);
    else if (typeof sameTitle === 'number') {
      if (sameTitle !== position) this.byTitle.set(titleKey, [sameTitle, position]);
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
