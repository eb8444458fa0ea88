/**
 * Which paper of the catalogue an incoming record is: the one with its arXiv id, else its DOI, else its title where
 * nothing contradicts it (same-work.ts), else the one a paper with its workId was merged into. Pure apart from the
 * shelf of papers it is given to keep up to date.
 */

import { hash53, normalizeTitle, paperIdFor, workId } from './identity.js';
import type { CataloguePaper, ParsedPaper } from './model.js';
import { mayBeSameWork } from './same-work.js';

/**
 * Where a merge keeps the catalogue's papers, by position: an array (arrayShelf), or a shelf that keeps them on disk
 * and hands out a copy of one when asked (the command line's import of a large file).
 */
export interface PaperShelf {
  readonly length: number;
  at(position: number): CataloguePaper | undefined;
  /** Puts `paper` at `position`, in place of the paper there, or after the last when `position` is `length`. */
  put(position: number, paper: CataloguePaper): void;
  /**
   * From now on, every paper that lists `placeholder` as a digest lists `id` there instead, or, where it lists `id`
   * already, not at all (DigestMerge, a digest whose id is known only once all its papers are in): the papers handed
   * out, and those the shelf writes.
   */
  settle(placeholder: string, id: string): void;
}

/** What the index keeps of a paper: what names it, and its title. */
export type PaperIdentity = Pick<CataloguePaper, 'id' | 'aliases' | 'arxivId' | 'doi' | 'title'>;

/** A shelf over `papers`, which it keeps up to date. */
export function arrayShelf(papers: CataloguePaper[]): PaperShelf {
  return {
    get length() {
      return papers.length;
    },
    at: (position) => papers[position],
    put: (position, paper) => {
      papers[position] = paper;
    },
    settle: (placeholder, id) => {
      papers.forEach((paper, position) => {
        papers[position] = settled(paper, placeholder, id);
      });
    },
  };
}

function* papersOn(shelf: PaperShelf): Generator<CataloguePaper | undefined, void, undefined> {
  for (let position = 0; position < shelf.length; position++) yield shelf.at(position);
}

/** `paper` as PaperShelf.settle leaves it. */
export function settled<T extends Pick<CataloguePaper, 'digests'>>(paper: T, placeholder: string, id: string): T {
  const at = paper.digests.indexOf(placeholder);
  if (at === -1) return paper;
  const digests = paper.digests.includes(id)
    ? paper.digests.filter((listed) => listed !== placeholder)
    : paper.digests.with(at, id);
  return { ...paper, digests };
}

export class PaperIndex {
  /** Every id that names a paper: its own, and its aliases. */
  private readonly byId = new Map<string, number>();
  private readonly byAlias = new Map<string, number>();
  private readonly byArxiv = new Map<string, number>();
  private readonly byDoi = new Map<string, number>();
  /**
   * Papers by a hash of their normalised title (titleHash), in the catalogue's order: a number for the one paper most
   * have. A hash, not the title: a tenth of the memory where the papers are on disk (a paper's title is compared
   * whole once it is read, mayBe).
   */
  private readonly byTitle = new Map<number, number | number[]>();
  /**
   * A lower-cased DOI and a normalised title the last find looked up and no paper has, while the index has not
   * changed since: adding the record it found nothing for (every paper new to the library) then does not look them
   * up again.
   */
  #absentDoi: string | null = null;
  #absentTitle: string | null = null;
  #sharesDoi = false;

  /**
   * `stored`: the shelf's papers in order, or what names each and its title, when the caller has them (it reads them
   * onto the shelf as they come).
   */
  constructor(
    private readonly papers: PaperShelf,
    stored: Iterable<PaperIdentity | undefined> = papersOn(papers),
  ) {
    let position = 0;
    for (const paper of stored) {
      if (paper !== undefined) this.remember(paper, position);
      position += 1;
    }
  }

  /** This index as it is now, over `papers`: a shelf with the same papers at the same places. */
  copy(papers: PaperShelf): PaperIndex {
    const copy = new PaperIndex(papers, []);
    for (const [mine, its] of [
      [this.byId, copy.byId],
      [this.byAlias, copy.byAlias],
      [this.byArxiv, copy.byArxiv],
      [this.byDoi, copy.byDoi],
    ] as const) {
      for (const [key, position] of mine) its.set(key, position);
    }
    for (const [key, positions] of this.byTitle) {
      copy.byTitle.set(key, typeof positions === 'number' ? positions : [...positions]);
    }
    copy.#sharesDoi = this.#sharesDoi;
    return copy;
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
      else if (incoming.arxivId === null || this.papers.at(position)?.arxivId == null) return position;
    }
    const sameTitle = this.byTitle.get(titleHash(titleKey));
    if (sameTitle === undefined) this.#absentTitle = titleKey;
    else if (typeof sameTitle === 'number') {
      if (this.mayBe(sameTitle, incoming, titleKey)) return sameTitle;
    } else {
      for (const position of sameTitle) if (this.mayBe(position, incoming, titleKey)) return position;
    }
    return this.byAlias.size === 0 ? undefined : this.byAlias.get(workId(incoming));
  }

  private mayBe(position: number, incoming: ParsedPaper, titleKey: string): boolean {
    const stored = this.papers.at(position);
    return stored !== undefined && storedTitleKey(stored) === titleKey && mayBeSameWork(stored, incoming);
  }

  /**
   * Whether two papers have had one DOI: those a merge kept apart, as they have arXiv ids of their own, and those that
   * had it filled in after (which a fold of the catalogue's records would find one work: catalogue-fold.ts).
   */
  get sharesDoi(): boolean {
    return this.#sharesDoi;
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
    const position = this.papers.length;
    this.papers.put(position, paper);
    this.remember(paper, position, titleKey);
  }

  replace(position: number, paper: CataloguePaper): void {
    this.papers.put(position, paper);
    this.remember(paper, position);
  }

  private remember(paper: PaperIdentity, position: number, titleKey = storedTitleKey(paper)): void {
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
    if (doi !== undefined) {
      const other = doi === absentDoi ? undefined : this.byDoi.get(doi);
      if (other === undefined) this.byDoi.set(doi, position);
      else if (other !== position) this.#sharesDoi = true;
    }
    if (titleKey === '') return;
    const hash = titleHash(titleKey);
    if (titleKey === absentTitle) {
      this.byTitle.set(hash, position);
      return;
    }
    const sameTitle = this.byTitle.get(hash);
    if (sameTitle === undefined) this.byTitle.set(hash, position);
    else if (typeof sameTitle === 'number') {
      if (sameTitle !== position) this.byTitle.set(hash, [sameTitle, position]);
    } else if (!sameTitle.includes(position)) sameTitle.push(position);
  }
}

/** A normalised title's hash, small enough to be kept as a number of no memory of its own (a V8 small integer). */
function titleHash(titleKey: string): number {
  return hash53(titleKey) % 0x40000000;
}

/**
 * A stored paper's normalised title, kept as long as the paper is (papers are never changed in place): the index is
 * made again for every digest of an import, and a nine-file import of 100,000 entries would otherwise normalise
 * every stored title nine times.
 */
const titleKeys = new WeakMap<PaperIdentity, string>();

export function storedTitleKey(paper: PaperIdentity): string {
  let key = titleKeys.get(paper);
  if (key === undefined) {
    key = normalizeTitle(paper.title);
    titleKeys.set(paper, key);
  }
  return key;
}
