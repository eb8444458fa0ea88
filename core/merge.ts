/** Merging what a digest or another library brings into the catalogue: pure, never losing anything. */

import { cataloguePaper, emptyStateMap, readingStateOf, withAliases, withFacts } from './model.js';
import { mergeFacts } from './paper-facts.js';
import { union } from './arrays.js';
import { hash53Hex, normalizeTitle, paperIdFor } from './identity.js';
import { PaperIndex, storedTitleKey } from './paper-index.js';
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
function digestIdOf(digest: ParsedDigest, paperIds: readonly string[]): string {
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

/**
 * The digests and libraries of one import merged into the catalogue one after the other, each as mergeDigest and
 * mergeLibrary would merge it into what the ones before it made, but with one copy of the papers and one index of
 * them for the whole import: a nine-file import into a library of 100,000 papers would otherwise copy and index
 * the whole catalogue nine times.
 */
export class CatalogueMerge {
  readonly #papers: CataloguePaper[];
  readonly #index: PaperIndex;
  #digests: readonly Digest[];

  constructor(catalogue: Catalogue) {
    this.#papers = [...catalogue.papers];
    this.#index = new PaperIndex(this.#papers);
    this.#digests = catalogue.digests;
  }

  /** The catalogue as merged so far. Its papers are a copy, taken now: later merges do not change it. */
  catalogue(): Catalogue {
    return { papers: [...this.#papers], digests: this.#digests };
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
    const digestId = digestIdOf(parsed, ids);
    const papers = this.#papers;
    const index = this.#index;
    const added: PaperRef[] = [];
    const merged: PaperRef[] = [];
    const mergedInFile: PaperRef[] = [];
    const paperIds: string[] = [];
    // The papers listed so far: every one this digest added (from `start` on), and these of the ones before it.
    const start = papers.length;
    const listedBefore = new Set<string>();
    // One list of the digest for all its papers (papers are never changed in place).
    const digestIds = [digestId];

    for (const [number, incoming] of parsed.papers.entries()) {
      const titleKey = titleKeys[number];
      const position = index.find(incoming, titleKey);
      const stored = position === undefined ? undefined : papers[position];
      if (position !== undefined && stored !== undefined) {
        const filled = fillIn(stored, incoming, digestIds);
        if (filled !== stored) index.replace(position, filled);
        const ref = { id: stored.id, title: stored.title };
        if (position >= start || listedBefore.has(stored.id)) {
          mergedInFile.push(ref);
          continue;
        }
        merged.push(ref);
        listedBefore.add(stored.id);
        paperIds.push(stored.id);
        continue;
      }
      const id = index.newId(incoming, titleKey, ids[number]);
      index.add(cataloguePaper(incoming, id, digestIds, now), titleKey);
      added.push({ id, title: incoming.title });
      paperIds.push(id);
    }

    const existing = this.#digests.find((digest) => digest.id === digestId);
    const digest: Digest = existing
      ? { ...existing, paperIds: union(existing.paperIds, paperIds) }
      : {
          id: digestId,
          format: parsed.format,
          title: parsed.title,
          date: parsed.date,
          source,
          importedAt: now,
          paperIds,
        };
    this.#digests = existing
      ? this.#digests.map((candidate) => (candidate.id === digestId ? digest : candidate))
      : [...this.#digests, digest];
    return { digest: { id: digestId, title: digest.title }, added, merged, mergedInFile, skipped: parsed.skipped };
  }

  /**
   * Adds another copy of a library (a Shelfmark backup): papers by the rules of a digest import, digests by id.
   * `states` are the reading states here; what it gives back are the incoming ones that are newer or absent here.
   */
  addLibrary(
    incoming: LibrarySnapshot,
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
      const stored = position === undefined ? undefined : papers[position];
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
