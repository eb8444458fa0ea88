/**
 * The command line's import of digest files into a library with no import yet, in bounded memory: each file's papers
 * merged as they are made (a BibTeX file a window at a time, core/import/index.ts) onto a SpillShelf, which keeps
 * them on disk, by the merge every import goes through (core/merge.ts, DigestMerge). What it gives the store writes
 * (SyncedLibraryStore.importShelved) as the import the usual way would have made, byte for byte.
 *
 * It gives nothing (null), and the caller imports the usual way, for an import it does not make the same: a file
 * that is not a digest (a Shelfmark backup, a list of arXiv ids) or that cannot be read to its end once some of its
 * papers were merged, and a catalogue whose fold could differ from the merge (two papers with one DOI); and when the
 * shelf's own files fail (a full temporary folder).
 */

import { basename } from 'node:path';

import type { FileImportResult } from '../../core/api.js';
import { sameDayNote, withImportDate } from '../../core/digest-date.js';
import { ImportFiles, readPass } from '../../core/import/index.js';
import type { ByteSearch } from '../../core/import/byte-search.js';
import type { WantedBytes } from '../../core/import/wanted-bytes.js';
import { CatalogueMerge, type DigestMerge } from '../../core/merge.js';
import type { Digest, ParsedPaper } from '../../core/model.js';
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
}

/** What a shelved import made: its papers in catalogue order on the shelf, its digests, and each file's outcome. */
export interface ShelvedImport {
  readonly shelf: SpillShelf;
  readonly digests: readonly Digest[];
  readonly results: readonly FileImportResult[];
}

/** Reads `files` and merges their papers onto a shelf, into an empty catalogue; null: import them the usual way. */
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

  let shelf: SpillShelf;
  try {
    shelf = new SpillShelf(options.directory);
  } catch (error) {
    if (isSystemError(error)) return null;
    throw error;
  }
  try {
    const merge = new CatalogueMerge({ digests: [] }, shelf);
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
      if (outcome === undefined || !outcome.ok || outcome.parsed.kind !== 'digest') return close(shelf);
      const { parsed } = outcome;
      const head = file.date === undefined ? parsed.digest : withImportDate(parsed.digest, file.date);
      // A digest has papers: a file that made none is one the parser refused (not ok above).
      const merged = started.digest ?? merge.startDigest(now);
      const summary = merged.finish(head, basename(file.name));
      const sameDay = sameDayNote(merge.digests, summary.digest.id);
      const notes = [...(head.notes ?? []), ...(sameDay === null ? [] : [sameDay])];
      results.push({ file: file.name, ok: true, kind: 'digest', summary, warnings: parsed.warnings, notes });
    }
    if (merge.sharesDoi) return close(shelf);
    const outcomes = importFiles.outcomes();
    const whole: FileImportResult[] = [];
    for (const [index, outcome] of outcomes.entries()) {
      const result = results[index];
      if (result !== null && result !== undefined) whole.push(result);
      else if (outcome.ok && outcome.parsed.kind === 'macros') {
        whole.push({ file: outcome.file, ok: true, ...outcome.parsed, warnings: [] });
      } else return close(shelf);
    }
    return { shelf, digests: merge.digests, results: whole };
  } catch (error) {
    shelf.close();
    // The shelf's files could not be made, written or read (a temporary folder full or gone): the usual way, then.
    if (isSystemError(error)) return null;
    throw error;
  }
}

/** An error of a call to the system (a file's), as Node gives them: not the import's own. */
function isSystemError(error: unknown): boolean {
  return error instanceof Error && 'syscall' in error;
}

function close(shelf: SpillShelf): null {
  shelf.close();
  return null;
}
