import type { Catalogue, DigestFormat, ParsedPaper, ReadingStateMap } from '../model.js';
import type { MacroScope } from './bibtex-macros.js';
import type { NameCache } from './name-cache.js';

/** A block of the input that was not imported, and why. */
export interface SkippedBlock {
  /** Where it is in the file, in words a user can find: "line 12", "entry 3 (@article{foo})". */
  readonly where: string;
  readonly reason: string;
}

/** Something imported, but not quite as it came: "paper 17 (“A study of…”)", "title cut from … to 2,000 characters". */
export type ImportWarning = SkippedBlock;

export interface ParsedDigest {
  readonly format: DigestFormat;
  /** A human-readable name, e.g. "Hugging Face Daily Papers, Mar 11". */
  readonly title: string;
  /** YYYY-MM-DD when the digest says which day it is for. */
  readonly date: string | null;
  readonly papers: readonly ParsedPaper[];
  readonly skipped: readonly SkippedBlock[];
  /**
   * What the user should know of what was read though nothing was skipped: a day that was guessed, an entry cut
   * short. Each a sentence that names what it concerns.
   */
  readonly notes?: readonly string[];
}

/** Everything a library holds: what Shelfmark's own JSON export carries. */
export interface LibrarySnapshot {
  readonly catalogue: Catalogue;
  readonly states: ReadingStateMap;
}

/** What a file holds, within the field caps (field-caps.ts); `warnings` says what was cut to fit them. */
export type ParsedFile =
  | { readonly kind: 'digest'; readonly digest: ParsedDigest; readonly warnings: readonly ImportWarning[] }
  | { readonly kind: 'library'; readonly library: LibrarySnapshot; readonly warnings: readonly ImportWarning[] };

/** Input that cannot be imported at all. The message is for the user and names no file: the caller adds it. */
export class DigestError extends Error {
  override readonly name = 'DigestError';
}

export interface ParseContext {
  /** The file's base name, to name the digest when it names itself nothing better. */
  readonly fileName: string;
  /** ISO time of the import: the year of a date line that gives none ("Mar 11") is the latest not after it. */
  readonly now: string;
  /**
   * The day the digest was asked for (YYYY-MM-DD), as a fetch of one day's page knows it: a digest that does not
   * say its own day is of this one.
   */
  readonly date?: string;
  /**
   * A BibTeX file of an import: the @string macros of all its BibTeX files as this one sees them (found in the
   * import's first pass), and the names they share. Without it, the file is read with its own macros.
   */
  readonly bibtex?: {
    readonly macros: MacroScope;
    /** Author names decoded so far by the import's BibTeX files, by how they are written. */
    readonly names: NameCache;
  };
  /** Called now and then, by the parsers of large files, with the share of the file they have parsed (0 to 1). */
  readonly onProgress?: (share: number) => void;
}
