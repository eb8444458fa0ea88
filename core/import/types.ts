import type { Catalogue, DigestFormat, ParsedPaper, ReadingStateMap } from '../model.js';
import type { MacroScope } from './bibtex-macros.js';
import type { Block } from './bibtex-reader.js';

/** A block of the input that was not imported, and why. */
export interface SkippedBlock {
  /** Where it is in the file, in words a user can find: "line 12", "entry 3 (@article{foo})". */
  readonly where: string;
  readonly reason: string;
}

export interface ParsedDigest {
  readonly format: DigestFormat;
  /** A human-readable name, e.g. "Hugging Face Daily Papers, Mar 11". */
  readonly title: string;
  /** YYYY-MM-DD when the digest says which day it is for. */
  readonly date: string | null;
  readonly papers: readonly ParsedPaper[];
  readonly skipped: readonly SkippedBlock[];
}

/** Everything a library holds: what Shelfmark's own JSON export carries. */
export interface LibrarySnapshot {
  readonly catalogue: Catalogue;
  readonly states: ReadingStateMap;
}

export type ParsedFile =
  | { readonly kind: 'digest'; readonly digest: ParsedDigest }
  | { readonly kind: 'library'; readonly library: LibrarySnapshot };

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
   * A BibTeX file of an import: its blocks, read in the import's first pass, the @string macros of all its BibTeX
   * files as this one sees them, and the names they share. Without it, the file is read with its own macros.
   */
  readonly bibtex?: {
    readonly blocks: readonly Block[];
    readonly macros: MacroScope;
    /** Author names decoded so far by the import's BibTeX files, by how they are written. */
    readonly names: Map<string, string>;
  };
  /** Called now and then, by the parsers of large files, with the share of the file they have parsed (0 to 1). */
  readonly onProgress?: (share: number) => void;
}
