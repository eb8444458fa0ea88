/**
 * The command line's import of digest files in bounded memory, into a library with no import yet or onto the papers
 * of its cache (`onto`): each file's papers merged as they are made (a BibTeX file a window at a time,
 * core/import/index.ts) onto a SpillShelf, which keeps them on disk, by the merge every import goes through
 * (core/merge.ts, DigestMerge). What it gives the store writes (SyncedLibraryStore.importShelved) as the import the
 * usual way would have made, byte for byte.
 *
 * It gives nothing (null), and the caller imports the usual way, for an import it does not make the same: a file
 * that is not a digest (a Shelfmark backup, a list of arXiv ids) or that cannot be read to its end once some of its
 * papers were merged, and a catalogue whose fold could differ from the merge (into an empty library, two papers with
 * one DOI; onto a cache, any difference of the fold made beside it); a cache that is not one to its end; and when the
 * shelf's own files fail (a full temporary folder).
 */

import { basename } from 'node:path';

import type { FileImportResult } from '../../core/api.js';
import { emptyStateMap } from '../../core/model.js';
import { sameDayNote, withImportDate } from '../../core/digest-date.js';
import { ImportFiles, readPass } from '../../core/import/index.js';
import type { ByteSearch } from '../../core/import/byte-search.js';
import type { WantedBytes } from '../../core/import/wanted-bytes.js';
import { CatalogueMerge, type DigestMerge } from '../../core/merge.js';
import type { CataloguePaper, Digest, ParsedPaper } from '../../core/model.js';
import type { PaperIdentity, PaperShelf } from '../../core/paper-index.js';
import { canonicalJson } from '../../core/sync/canonical-json.js';
import { sameStamp, type FileStamp } from '../store/file-stamp.js';
import { CacheFile } from './cache-file.js';
import { SavedOutline } from './saved-outline.js';
import { SpillShelf } from './spill-shelf.js';

/**
 * How much of a BibTeX file is parsed at a time: a window's papers are merged and let go while they are young, so
 * the garbage collector sweeps them cheaply, where 4 MB windows' papers live long enough to be moved and marked.
 */
const SHELVED_WINDOW_BYTES = 256 * 1024;

/** A file of the import, read when the import needs it (app/library-service.ts, DigestFileSource). */
export interface ShelvedFile {
  readonly name: string;
  readonly size: number;
  readonly date?: string;
  readonly read: (wanted: WantedBytes) => Promise<Uint8Array | { readonly error: string }>;
}

export interface ShelvedImportOptions {
  /** The import's time (ISO). */
  readonly now: string;
  readonly search: ByteSearch;
  /** Told how far the files are read, in bytes. */
  readonly onProgress: (done: number, total: number) => void;
  /** Throws when the import is to stop. */
  readonly checkCancelled: () => void;
  /** Where the shelf's file goes: the system's temporary folder by default. */
  readonly directory?: string;
  /**
   * The library's cache (a synced folder's `library.json`) with the stamp it had when the store found it the
   * library (SyncedLibraryStore.shelfBase), and the library's digests: the import is merged onto its papers, read
   * from it by place. Without it, onto an empty library.
   */
  readonly onto?: {
    readonly file: string;
    readonly stamp: FileStamp;
    readonly digests: readonly Digest[];
    /** The outline saved with it (app/store/outline-file.ts), used while it names the cache's stamp. */
    readonly outline: string;
  };
}

/**
 * What an import onto a library's papers changed (SyncedLibraryStore writes it as transact would): the positions of
 * the papers its record holds (each new or changed, or of a digest new or with new papers), in the catalogue's order;
 * those digests; the papers it added. Null when it changed nothing, and nothing is written.
 */
interface ShelvedChange {
  /** The stamp of the cache merged onto. */
  readonly stamp: FileStamp;
  readonly before: readonly Digest[];
  readonly records: readonly number[];
  readonly digests: readonly Digest[];
  readonly added: readonly string[];
  /** The digests of the fold the import makes, which `library.json` holds (the library's, but for days redated). */
  readonly folded: readonly Digest[];
}

/** What a shelved import made: its papers in catalogue order on the shelf, its digests, and each file's outcome. */
export interface ShelvedImport {
  readonly shelf: SpillShelf;
  readonly digests: readonly Digest[];
  readonly results: readonly FileImportResult[];
  /** Onto a library's papers (`onto`): what changed, or null for nothing. */
  readonly change?: ShelvedChange | null;
  /** The cache read, and the outline saved with it where it could be used: open until closeShelved. */
  readonly onto?: { readonly cache: CacheFile; readonly outline: SavedOutline | null };
}

/**
 * Reads `files` and merges their papers onto a shelf, into an empty catalogue or onto the cache `options.onto` names;
 * null: import them the usual way.
 */
export async function shelveImport(
  files: readonly ShelvedFile[],
  options: ShelvedImportOptions,
): Promise<ShelvedImport | null> {
  const { now } = options;
  const importFiles = new ImportFiles(files, now, options.onProgress, options.search, {
    handsOverPapers: true,
    windowBytes: SHELVED_WINDOW_BYTES,
  });
  for (const [index, file] of files.entries()) {
    await readPass(importFiles.readFirst(index), file.read, options.checkCancelled);
  }

  let cache: CacheFile | null = null;
  let saved: SavedOutline | null = null;
  let shelf: SpillShelf;
  try {
    if (options.onto !== undefined) {
      cache = new CacheFile(options.onto.file);
      if (!sameStamp(cache.stamp, options.onto.stamp)) return closeCache(cache);
      saved = SavedOutline.open(options.onto.outline, cache.stamp);
    }
    shelf = new SpillShelf(options.directory, cache);
  } catch (error) {
    cache?.close();
    saved?.close();
    if (isSystemError(error)) return null;
    throw error;
  }
  const onto = cache === null ? undefined : { cache, outline: saved };
  const finish = (value: ShelvedImport | null): ShelvedImport | null => {
    if (value === null) closeShelved({ shelf, ...(onto === undefined ? {} : { onto }) });
    return value;
  };
  try {
    const cached = cache?.digests();
    if (cached === null) return finish(null);
    const merge =
      cache === null || cached === undefined
        ? new CatalogueMerge({ digests: [] }, shelf)
        : cacheCatalogue(cache, shelf, options.onto?.digests ?? [], saved);
    // The fold's digests are the cache's: the library's are those with the days the user gave them.
    const fold = cached === undefined ? null : new FoldBeside(merge, shelf, cached);
    const results: (FileImportResult | null)[] = [];
    for (const [index, file] of files.entries()) {
      // Started with the file's first papers: the digests before it are finished by then.
      const started: { digest: DigestMerge | null } = { digest: null };
      const onPapers = (papers: readonly ParsedPaper[]): void => {
        const digest = (started.digest ??= merge.startDigest(now));
        for (const paper of papers) digest.add(paper);
      };
      await readPass(importFiles.parse(index, onPapers), file.read, options.checkCancelled);
      const outcome = importFiles.outcome(index);
      if (outcome === 'macros') {
        results.push(null);
        continue;
      }
      if (outcome === undefined || !outcome.ok || outcome.parsed.kind !== 'digest') return finish(null);
      const { parsed } = outcome;
      const head = file.date === undefined ? parsed.digest : withImportDate(parsed.digest, file.date);
      // A digest has papers: a file that made none is one the parser refused (not ok above).
      const merged = started.digest ?? merge.startDigest(now);
      const summary = merged.finish(head, basename(file.name));
      const sameDay = sameDayNote(merge.digests, summary.digest.id);
      const notes = [...(head.notes ?? []), ...(sameDay === null ? [] : [sameDay])];
      results.push({ file: file.name, ok: true, kind: 'digest', summary, warnings: parsed.warnings, notes });
    }
    // Into an empty library, two papers that have had one DOI could be found one work by a fold of the records the
    // merge makes; onto a cache, that fold is made beside the merge, and checked (foldedAdded).
    if (onto === undefined && merge.sharesDoi) return finish(null);
    const outcomes = importFiles.outcomes();
    const whole: FileImportResult[] = [];
    for (const [index, outcome] of outcomes.entries()) {
      const result = results[index];
      if (result !== null && result !== undefined) whole.push(result);
      else if (outcome.ok && outcome.parsed.kind === 'macros') {
        whole.push({ file: outcome.file, ok: true, ...outcome.parsed, warnings: [] });
      } else return finish(null);
    }
    if (onto === undefined || fold === null || options.onto === undefined) {
      return { shelf, digests: merge.digests, results: whole };
    }
    const before = options.onto.digests;
    const change = changeOnto(shelf, before, merge.digests);
    if (change === null) return { shelf, digests: merge.digests, results: whole, change: null, onto };
    const folded = fold.made(change, merge.digests);
    if (folded === null) return finish(null);
    return {
      shelf,
      digests: merge.digests,
      results: whole,
      change: { stamp: onto.cache.stamp, before, ...change, ...folded },
      onto,
    };
  } catch (error) {
    finish(null);
    // The shelf's files could not be made, written or read (a temporary folder full or gone), or the cache is not
    // one to its end: the usual way, then.
    if (isSystemError(error) || error instanceof SyntaxError) return null;
    throw error;
  }
}

/** How a paper's aliases begin in its text (no text in it is written so: its quotes would be escaped). */
const ALIASES = Buffer.from('"aliases":');

/**
 * A merge into the library's `digests` and the cache's papers, each taken onto the shelf as it is read (its text left
 * where it is) and indexed: with the outline saved with the cache, from its ids, titles, arXiv ids and DOIs (a paper
 * with aliases, which it does not have, read), else each paper read. A SyntaxError where the cache is not a list of
 * papers to its end, or not the saved outline's.
 */
function cacheCatalogue(
  cache: CacheFile,
  shelf: SpillShelf,
  digests: readonly Digest[],
  saved: SavedOutline | null,
): CatalogueMerge {
  const outlined = saved?.identities() ?? null;
  function* papers(): Generator<PaperIdentity, void, undefined> {
    for (const { start, length } of cache.papers()) {
      if (outlined === null) {
        const paper = cache.paper(start, length);
        shelf.putStored(paper.id, start, length, paper);
        yield paper;
        continue;
      }
      const identity = outlined.next().value;
      if (identity === undefined) throw new SyntaxError('the outline saved with library.json has fewer papers');
      const named = cache.mentions(start, length, ALIASES) ? cache.paper(start, length) : identity;
      if (named.id !== identity.id) throw new SyntaxError('the outline saved with library.json is of other papers');
      shelf.putStored(identity.id, start, length, null);
      yield named;
    }
    if (outlined?.next().done === false) throw new SyntaxError('the outline saved with library.json has more papers');
  }
  return new CatalogueMerge({ digests }, shelf, papers());
}

/**
 * What the import changed, as core/sync/record.ts catalogueChange tells it of a library with no merges or removals
 * (SyncedLibraryStore.importShelved makes sure): every paper new or changed, and every paper of a digest that is new
 * or lists new papers, in the catalogue's order; those digests. Null: nothing.
 */
function changeOnto(
  shelf: SpillShelf,
  before: readonly Digest[],
  after: readonly Digest[],
): Pick<ShelvedChange, 'records' | 'digests'> | null {
  const listsBefore = new Map(before.map((digest) => [digest.id, digest.paperIds]));
  const digests = after.filter((digest) => {
    const listed = listsBefore.get(digest.id);
    return (
      listed === undefined ||
      listed.length !== digest.paperIds.length ||
      listed.some((id, at) => digest.paperIds[at] !== id)
    );
  });
  const listed = new Set(digests.flatMap((digest) => digest.paperIds));
  const ids = shelf.ids();
  const records: number[] = [];
  for (let position = 0; position < shelf.length; position++) {
    if (listed.has(ids[position] ?? '') || shelf.changed(position)) records.push(position);
  }
  return records.length === 0 && digests.length === 0 ? null : { records, digests };
}

/**
 * The fold of the import's record onto the cache (core/sync/catalogue-fold.ts, as the store folds it, by
 * CatalogueMerge.addLibrary), made beside the merge from where the merge started: its index is the merge's as it is
 * just before the merge first changes a paper (an import that changes none needs no fold).
 */
class FoldBeside {
  readonly #shelf: SpillShelf;
  readonly #foldShelf: FoldShelf;
  #merge: CatalogueMerge | null = null;

  /** Beside `merge` onto `shelf`, whose cache holds `digests`. */
  constructor(merge: CatalogueMerge, shelf: SpillShelf, digests: readonly Digest[]) {
    this.#shelf = shelf;
    this.#foldShelf = new FoldShelf(shelf);
    shelf.beforeFirstPut(() => {
      this.#merge = merge.fork(this.#foldShelf, digests);
    });
  }

  /**
   * The fold of `change`: the papers it added and its digests, when it gives the merge's catalogue (every record
   * landing on its own paper, each paper the same bytes, each digest listing the same papers as the merge's
   * `digests`); null when it does not, and the import goes the usual way, which writes the fold.
   */
  made(
    change: Pick<ShelvedChange, 'records' | 'digests'>,
    digests: readonly Digest[],
  ): Pick<ShelvedChange, 'added' | 'folded'> | null {
    const fold = this.#merge;
    if (fold === null) return null;
    const shelf = this.#shelf;
    function* records(): Generator<CataloguePaper, void, undefined> {
      for (const position of change.records) {
        const paper = shelf.at(position);
        if (paper === undefined) throw new Error("a record's paper is not on the shelf");
        yield paper;
      }
    }
    const { ids, summary } = fold.addLibrary(
      { catalogue: { papers: records(), digests: change.digests }, states: emptyStateMap() },
      emptyStateMap(),
    );
    // The fold's digests are the cache's, whose days the library's may not have: the same lists of papers.
    const lists = (of: readonly Digest[]) => canonicalJson(of.map((digest) => [digest.id, digest.paperIds]));
    const same =
      !this.#foldShelf.diverged &&
      this.#foldShelf.length === shelf.length &&
      [...ids].every(([record, paper]) => record === paper) &&
      lists(fold.digests) === lists(digests);
    return same ? { added: summary.added.map((paper) => paper.id), folded: fold.digests } : null;
  }
}

/**
 * The papers as a fold of the import onto the cache finds them: the cache's, then those the fold puts, each of which
 * must be what the merge put there (the merge's shelf has it then; else `diverged`).
 */
class FoldShelf implements PaperShelf {
  readonly #merged: SpillShelf;
  readonly #put = new Set<number>();
  #length: number;
  diverged = false;

  constructor(merged: SpillShelf) {
    this.#merged = merged;
    this.#length = merged.length;
  }

  get length(): number {
    return this.#length;
  }

  at(position: number): CataloguePaper | undefined {
    const merged = this.#merged;
    return position < merged.storedLength && !this.#put.has(position) ? merged.storedAt(position) : merged.at(position);
  }

  put(position: number, paper: CataloguePaper): void {
    if (position > this.#length) throw new Error('a paper put on a shelf past its end');
    if (position === this.#length) this.#length += 1;
    this.#put.add(position);
    const merged = this.#merged;
    if (position >= merged.length || canonicalJson(paper) !== Buffer.concat(merged.text(position)).toString('utf8')) {
      this.diverged = true;
    }
  }

  settle(): void {
    throw new Error('a fold settles no digest');
  }
}

/** An error of a call to the system (a file's), as Node gives them: not the import's own. */
function isSystemError(error: unknown): boolean {
  return error instanceof Error && 'syscall' in error;
}

/** Closes what a shelved import holds open: its shelf, and the cache and outline it read. */
export function closeShelved(shelved: Pick<ShelvedImport, 'shelf' | 'onto'>): void {
  shelved.shelf.close();
  shelved.onto?.cache.close();
  shelved.onto?.outline?.close();
}

function closeCache(cache: CacheFile): null {
  cache.close();
  return null;
}
