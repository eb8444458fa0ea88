/** Merging what a digest or another library brings into the catalogue: pure, never losing anything. */

import { cataloguePaper, emptyStateMap, readingStateOf, withAliases, withFacts } from './model.js';
import { mergeFacts } from './paper-facts.js';
import { union } from './arrays.js';
import { hash53Hex, normalizeTitle, paperIdFor } from './identity.js';
import { arrayShelf, PaperIndex, storedTitleKey, type PaperIdentity, type PaperShelf } from './paper-index.js';
import type { LibrarySnapshot, ParsedDigest, SkippedBlock } from './import/types.js';
import type {
  Catalogue,
  CataloguePaper,
  Digest,
  DigestFormat,
  ParsedPaper,
  ReadingState,
  ReadingStateMap,
} from './model.js';

export interface PaperRef {
  readonly id: string;
  readonly title: string;
}

export interface DigestImportSummary {
  readonly digest: { readonly id: string; readonly title: string };
  /** Papers new to the library. */
  readonly added: readonly PaperRef[];
  /** Papers the library had already: their reading state is untouched, their record filled in. */
  readonly merged: readonly PaperRef[];
  /** Entries that were a paper an earlier entry of the same file gave: the paper, once for each such entry. */
  readonly mergedInFile: readonly PaperRef[];
  readonly skipped: readonly SkippedBlock[];
}

/**
 * The stored record, with what it lacked filled in from the incoming one. Never replaces what it had, but for the
 * counts a source gives as they are now (Hugging Face's upvotes) and a publication's facts that a more telling
 * source gives (paper-facts.ts, mergeFacts). Reading states are not records: nothing here touches them.
 */
export function fillIn(stored: CataloguePaper, incoming: ParsedPaper, digestIds: readonly string[]): CataloguePaper {
  const abstract = stored.abstract !== '' ? stored.abstract : incoming.abstract;
  const authors = stored.authors.length > 0 ? stored.authors : incoming.authors;
  const arxivId = stored.arxivId ?? incoming.arxivId;
  const doi = stored.doi ?? incoming.doi;
  const year = stored.year ?? incoming.year;
  const links = union(stored.links, incoming.links);
  const categories = union(stored.categories, incoming.categories);
  const digests = union(stored.digests, digestIds);
  const facts = mergeFacts(stored.facts, incoming.facts);
  // Changed when a field is another value or the facts are other facts (facts dropped never counted as a change,
  // and mergeFacts drops none). A re-import mostly changes nothing: then nothing is copied.
  const changed =
    abstract !== stored.abstract ||
    authors !== stored.authors ||
    arxivId !== stored.arxivId ||
    doi !== stored.doi ||
    year !== stored.year ||
    links !== stored.links ||
    categories !== stored.categories ||
    digests !== stored.digests ||
    (facts !== undefined && facts !== stored.facts);
  if (!changed) return stored;
  return withFacts({ ...stored, abstract, authors, arxivId, doi, year, links, categories, digests }, facts);
}

const FORMAT_PREFIX: Record<DigestFormat, string> = {
  'hf-daily-text': 'hf',
  'hf-daily-json': 'hf',
  'arxiv-email': 'arxiv',
  bibtex: 'bib',
  'shelfmark-json': 'shelfmark',
  'arxiv-ids': 'arxiv',
};

/** The same digest imported twice gets the same id; different digests of one day do not. */
export function digestIdFor(digest: ParsedDigest): string {
  return digestIdOf(
    digest,
    digest.papers.map((paper) => paperIdFor(paper)),
  );
}

/** digestIdFor, given the id each paper would have (paperIdFor). */
function digestIdOf(digest: Pick<ParsedDigest, 'format' | 'title' | 'date'>, paperIds: readonly string[]): string {
  const content = [digest.format, digest.title, ...paperIds].join('\n');
  const hash = hash53Hex(content).slice(0, 8);
  const parts = [FORMAT_PREFIX[digest.format], digest.date, hash].filter((part) => part !== null);
  return parts.join('-');
}

/** Adds a parsed digest to the catalogue. Papers already there are merged, never duplicated. */
export function mergeDigest(
  catalogue: Catalogue,
  parsed: ParsedDigest,
  source: string,
  now: string,
): { readonly catalogue: Catalogue; readonly summary: DigestImportSummary } {
  const merge = new CatalogueMerge(catalogue);
  const summary = merge.addDigest(parsed, source, now);
  return { catalogue: merge.catalogue(), summary };
}

export interface LibraryMergeSummary {
  readonly added: readonly PaperRef[];
  readonly merged: readonly PaperRef[];
  /** Papers of the file that were a paper it had given already (DigestImportSummary.mergedInFile). */
  readonly mergedInFile: readonly PaperRef[];
  readonly digests: number;
  /** Papers whose reading state came from the incoming library (it was newer or absent here). */
  readonly statesTaken: number;
}

const NO_ALIASES: readonly string[] = [];

function isNewer(incoming: ReadingState, stored: ReadingState | undefined): boolean {
  return stored === undefined || incoming.updatedAt > stored.updatedAt;
}

/**
 * Merges another copy of a library (a Shelfmark backup) into this one: papers by the rules of a digest
 * import, digests by id, and for each paper's reading state the newer `updatedAt` wins.
 */
export function mergeLibrary(
  current: LibrarySnapshot,
  incoming: LibrarySnapshot,
): {
  readonly catalogue: Catalogue;
  readonly states: ReadingStateMap;
  readonly summary: LibraryMergeSummary;
  /** Each incoming paper's id, and the id of the paper it is here. */
  readonly ids: ReadonlyMap<string, string>;
} {
  const merge = new CatalogueMerge(current.catalogue);
  const { states, summary, ids } = merge.addLibrary(incoming, current.states);
  return { catalogue: merge.catalogue(), states, summary, ids };
}

/** A library merged in: its papers may come one at a time (read from a file as they are merged). */
interface LibraryIncoming {
  readonly catalogue: { readonly papers: Iterable<CataloguePaper>; readonly digests: readonly Digest[] };
  readonly states: ReadingStateMap;
}

/**
 * The digests and libraries of one import merged into the catalogue one after the other, each as mergeDigest and
 * mergeLibrary would merge it into what the ones before it made, but with one copy of the papers and one index of
 * them for the whole import: a nine-file import into a library of 100,000 papers would otherwise copy and index
 * the whole catalogue nine times.
 */
export class CatalogueMerge {
  /** The papers, when they are in memory (not on a shelf of the caller's). */
  readonly #array: CataloguePaper[] | null;
  readonly #papers: PaperShelf;
  readonly #index: PaperIndex;
  #digests: readonly Digest[];
  /** How many digests were started: each placeholder is another. */
  #started = 0;

  /**
   * A merge into `catalogue`, or, with `shelf`, into the papers on it and `catalogue`'s digests; `stored`: the shelf's
   * papers in order, when the caller has them (PaperIndex), or the index of them.
   */
  constructor(catalogue: Catalogue);
  constructor(
    catalogue: Pick<Catalogue, 'digests'>,
    shelf: PaperShelf,
    stored?: Iterable<PaperIdentity | undefined> | PaperIndex,
  );
  constructor(
    catalogue: Partial<Catalogue> & Pick<Catalogue, 'digests'>,
    shelf?: PaperShelf,
    stored?: Iterable<PaperIdentity | undefined> | PaperIndex,
  ) {
    this.#array = shelf === undefined ? [...(catalogue.papers ?? [])] : null;
    this.#papers = shelf ?? arrayShelf(this.#array ?? []);
    this.#index = stored instanceof PaperIndex ? stored : new PaperIndex(this.#papers, stored);
    this.#digests = catalogue.digests;
  }

  /**
   * A merge into `digests` and the papers as this one has them now, on `shelf` (the same papers at the same places):
   * a merge beside this one, from where it started (its digests may be given otherwise, its days another's).
   */
  fork(shelf: PaperShelf, digests: readonly Digest[]): CatalogueMerge {
    return new CatalogueMerge({ digests }, shelf, this.#index.copy(shelf));
  }

  /** The catalogue as merged so far. Its papers are a copy, taken now: later merges do not change it. */
  catalogue(): Catalogue {
    if (this.#array === null) throw new Error('a merge onto a shelf has no catalogue in memory');
    return { papers: [...this.#array], digests: this.#digests };
  }

  /** Whether two of its papers have had one DOI (PaperIndex.sharesDoi). */
  get sharesDoi(): boolean {
    return this.#index.sharesDoi;
  }

  /** The catalogue's digests as merged so far. */
  get digests(): readonly Digest[] {
    return this.#digests;
  }

  /** Adds a parsed digest. Papers already there are merged, never duplicated. */
  addDigest(parsed: ParsedDigest, source: string, now: string): DigestImportSummary {
    // Each title normalised and each paper's id worked out once: for the digest's id, finding the paper, a new
    // paper's id.
    const titleKeys = parsed.papers.map((paper) => normalizeTitle(paper.title));
    const ids = parsed.papers.map((paper, number) => paperIdFor(paper, titleKeys[number]));
    const merge = this.startDigest(now, digestIdOf(parsed, ids));
    for (const [number, incoming] of parsed.papers.entries()) {
      merge.add(incoming, titleKeys[number], ids[number]);
    }
    return merge.finish(parsed, source);
  }

  /**
   * Starts adding a digest whose papers come one at a time (DigestMerge): `id`, the digest's id, when its papers are
   * all known already; else it is made when the digest is finished.
   */
  startDigest(now: string, id?: string): DigestMerge {
    this.#started += 1;
    return new DigestMerge(
      {
        papers: this.#papers,
        index: this.#index,
        digests: () => this.#digests,
        setDigests: (digests) => {
          this.#digests = digests;
        },
      },
      id ?? `${DIGEST_PLACEHOLDER}${String(this.#started)}`,
      id === undefined,
      now,
    );
  }

  /**
   * Adds another copy of a library (a Shelfmark backup): papers by the rules of a digest import, digests by id.
   * `states` are the reading states here; what it gives back are the incoming ones that are newer or absent here.
   */
  addLibrary(
    incoming: LibraryIncoming,
    states: ReadingStateMap,
  ): {
    readonly states: ReadingStateMap;
    readonly summary: LibraryMergeSummary;
    /** Each incoming paper's id, and the id of the paper it is here. */
    readonly ids: ReadonlyMap<string, string>;
  } {
    const papers = this.#papers;
    const index = this.#index;
    const localIdOf = new Map<string, string>();
    const added: PaperRef[] = [];
    const merged: PaperRef[] = [];
    const mergedInFile: PaperRef[] = [];
    // The papers given so far: every one this library added (from `start` on), and these of the ones before it.
    const start = papers.length;
    const givenBefore = new Set<string>();

    for (const paper of incoming.catalogue.papers) {
      // An id merged into a paper here names that paper.
      const position = index.aliasOf(paper.id) ?? index.find(paper, storedTitleKey(paper));
      const stored = position === undefined ? undefined : papers.at(position);
      const aliases = paper.aliases === undefined ? NO_ALIASES : paper.aliases.filter((alias) => !index.has(alias));
      if (position !== undefined && stored !== undefined) {
        const filled = fillIn(stored, paper, paper.digests);
        const next = aliases.length > 0 ? withAliases(filled, union(filled.aliases ?? [], aliases)) : filled;
        // The same record at the same place: the index has it already.
        if (next !== stored) index.replace(position, next);
        const given = position >= start || givenBefore.has(stored.id);
        (given ? mergedInFile : merged).push({ id: stored.id, title: stored.title });
        if (!given) givenBefore.add(stored.id);
        localIdOf.set(paper.id, stored.id);
        continue;
      }
      const id = index.uniqueId(paper.id);
      // The record itself where its id is free: its normalised title is known already (storedTitleKey).
      index.add(withAliases(id === paper.id ? paper : { ...paper, id }, aliases));
      localIdOf.set(paper.id, id);
      added.push({ id, title: paper.title });
    }

    const digests = [...this.#digests];
    for (const digest of incoming.catalogue.digests) {
      const paperIds = digest.paperIds.map((id) => localIdOf.get(id) ?? id);
      const position = digests.findIndex((candidate) => candidate.id === digest.id);
      const stored = digests[position];
      if (stored === undefined) digests.push({ ...digest, paperIds });
      else digests[position] = { ...stored, paperIds: union(stored.paperIds, paperIds) };
    }
    this.#digests = digests;

    const taken = emptyStateMap();
    for (const [incomingId, state] of Object.entries(incoming.states)) {
      const id = localIdOf.get(incomingId);
      if (id !== undefined && isNewer(state, readingStateOf(states, id))) taken[id] = state;
    }

    return {
      states: taken,
      summary: {
        added,
        merged,
        mergedInFile,
        digests: incoming.catalogue.digests.length,
        statesTaken: Object.keys(taken).length,
      },
      ids: localIdOf,
    };
  }
}

/** What a DigestMerge changes of the CatalogueMerge that started it. */
interface MergeState {
  readonly papers: PaperShelf;
  readonly index: PaperIndex;
  digests(): readonly Digest[];
  setDigests(digests: readonly Digest[]): void;
}

/**
 * What papers list as a digest until its id is known (DigestMerge), followed by a number: no id is so (ids are made of
 * letters, digits and hyphens), and JSON writes it `\u0000…`, which no text of a paper's other fields is written as.
 */
export const DIGEST_PLACEHOLDER = '\u0000digest-';

const NO_DIGESTS: readonly string[] = [];

/** What a digest is besides its papers: with its papers' ids, what its id is made of. */
export type DigestHead = Pick<ParsedDigest, 'format' | 'title' | 'date' | 'skipped'>;

/**
 * A digest added to a CatalogueMerge a paper at a time, as CatalogueMerge.addDigest adds one whole (which is one):
 * for a digest read in windows, whose papers can be let go once merged. Its id hashes every paper's id, so unless it
 * was given it is known only once the last paper is in (`finish`). Until then the papers it adds or fills in list a
 * placeholder (DIGEST_PLACEHOLDER), which the shelf then settles; a paper that only listing the digest would change
 * is left as it is until then, and changed only if it does not list it (a digest imported again changes nothing).
 */
export class DigestMerge {
  readonly #state: MergeState;
  readonly #now: string;
  /** One list of the digest for all its papers (papers are never changed in place): its id or the placeholder. */
  readonly #listed: readonly string[];
  readonly #placeholder: string | null;
  /**
   * With a placeholder: the stored papers it filled in, and those that only listing it would change, each with the
   * digests it lists (by number in `#lists`: papers list few different ones), to be read again only if it must change.
   */
  readonly #filledIn: number[] = [];
  readonly #untouched: number[] = [];
  readonly #untouchedLists: number[] = [];
  readonly #lists: (readonly string[])[] = [];
  readonly #listNumbers = new Map<string, number>();
  readonly #touched = new Set<number>();
  /** The id each paper would have (paperIdFor), in order: what the digest's id is made of, when it is not known. */
  readonly #ids: string[] = [];
  readonly #added: PaperRef[] = [];
  readonly #merged: PaperRef[] = [];
  readonly #mergedInFile: PaperRef[] = [];
  readonly #paperIds: string[] = [];
  /** The papers listed so far: every one this digest added (from `start` on), and these of the ones before it. */
  readonly #start: number;
  readonly #listedBefore = new Set<string>();

  constructor(state: MergeState, listed: string, placeholder: boolean, now: string) {
    this.#state = state;
    this.#listed = [listed];
    this.#placeholder = placeholder ? listed : null;
    this.#now = now;
    this.#start = state.papers.length;
  }

  /**
   * Adds the digest's next paper. `titleKey` and `id`: its normalised title and paperIdFor, when the caller has them.
   */
  add(incoming: ParsedPaper, titleKey = normalizeTitle(incoming.title), id = paperIdFor(incoming, titleKey)): void {
    const { papers, index } = this.#state;
    if (this.#placeholder !== null) this.#ids.push(id);
    const position = index.find(incoming, titleKey);
    const stored = position === undefined ? undefined : papers.at(position);
    if (position !== undefined && stored !== undefined) {
      if (this.#placeholder === null || position >= this.#start) {
        const filled = fillIn(stored, incoming, this.#listed);
        if (filled !== stored) index.replace(position, filled);
      } else this.#fillInStored(position, stored, incoming);
      const ref = { id: stored.id, title: stored.title };
      if (position >= this.#start || this.#listedBefore.has(stored.id)) {
        this.#mergedInFile.push(ref);
        return;
      }
      this.#merged.push(ref);
      this.#listedBefore.add(stored.id);
      this.#paperIds.push(stored.id);
      return;
    }
    const newId = index.newId(incoming, titleKey, id);
    index.add(cataloguePaper(incoming, newId, this.#listed, this.#now), titleKey);
    this.#added.push({ id: newId, title: incoming.title });
    this.#paperIds.push(newId);
  }

  /**
   * A stored paper the digest fills in while its id is not known: listing the placeholder if that is not all that
   * would change; else noted, to list the id once it is known, if it does not already.
   */
  #fillInStored(position: number, stored: CataloguePaper, incoming: ParsedPaper): void {
    const filled = fillIn(stored, incoming, NO_DIGESTS);
    const placeholder = this.#listed;
    const touched = this.#touched.has(position);
    if (filled === stored) {
      if (!touched) {
        this.#untouched.push(position);
        this.#untouchedLists.push(this.#listNumber(stored.digests));
      }
    } else {
      this.#state.index.replace(position, { ...filled, digests: union(filled.digests, placeholder) });
      this.#filledIn.push(position);
    }
    this.#touched.add(position);
  }

  #listNumber(digests: readonly string[]): number {
    const key = digests.join('\n');
    let number = this.#listNumbers.get(key);
    if (number === undefined) {
      number = this.#lists.length;
      this.#lists.push(digests);
      this.#listNumbers.set(key, number);
    }
    return number;
  }

  /** Ends the digest, of which `head` tells what its papers do not, from `source`: what it did. */
  finish(head: DigestHead, source: string): DigestImportSummary {
    const digestId = this.#placeholder === null ? (this.#listed[0] ?? '') : digestIdOf(head, this.#ids);
    const paperIds = this.#paperIds;
    const digests = this.#state.digests();
    const existing = digests.find((digest) => digest.id === digestId);
    if (this.#placeholder !== null) this.#settle(this.#placeholder, digestId);
    const digest: Digest = existing
      ? { ...existing, paperIds: union(existing.paperIds, paperIds) }
      : {
          id: digestId,
          format: head.format,
          title: head.title,
          date: head.date,
          source,
          importedAt: this.#now,
          paperIds,
        };
    this.#state.setDigests(
      existing ? digests.map((candidate) => (candidate.id === digestId ? digest : candidate)) : [...digests, digest],
    );
    return {
      digest: { id: digestId, title: digest.title },
      added: this.#added,
      merged: this.#merged,
      mergedInFile: this.#mergedInFile,
      skipped: head.skipped,
    };
  }

  /**
   * Puts the digest's id in place of its placeholder (the shelf does, in papers it filled in or added), and lists it in
   * the papers that only listing it would change, where they do not already.
   */
  #settle(placeholder: string, id: string): void {
    const { papers, index } = this.#state;
    papers.settle(placeholder, id);
    const filled = new Set(this.#filledIn);
    const listing = this.#lists.map((digests) => digests.includes(id));
    for (const [at, position] of this.#untouched.entries()) {
      if (filled.has(position) || listing[this.#untouchedLists[at] ?? -1] === true) continue;
      const paper = papers.at(position);
      if (paper !== undefined && !paper.digests.includes(id)) {
        index.replace(position, { ...paper, digests: [...paper.digests, id] });
      }
    }
  }
}
