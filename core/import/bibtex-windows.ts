/**
 * The second pass of an import over a BibTeX file read in windows, as its first pass cut them (bibtex-first-pass.ts):
 * each window decoded on its own and its entries made into papers, which are handed over a window at a time, so that
 * neither the file's bytes nor its text are ever held whole. Pure.
 */

import { pushAll } from '../arrays.js';
import type { ParsedPaper } from '../model.js';
import { BibtexPieces } from './bibtex.js';
import { bibtexBlocks } from './bibtex-reader.js';
import { capDigestName, capPapers } from './field-caps.js';
import type { ImportWarning, ParseContext, ParsedDigest } from './types.js';

export class BibtexFileInWindows {
  readonly #pieces: BibtexPieces;
  /** Papers made so far. */
  #made = 0;
  readonly #warnings: ImportWarning[] = [];

  /** `ctx.bibtex` is required: the macros of the import's BibTeX files, as this one sees them. */
  constructor(ctx: ParseContext) {
    this.#pieces = new BibtexPieces(ctx);
  }

  /**
   * The papers of the next window, within the field caps: its text (decode.ts, decodePlainUtf8), which starts on line
   * `line` of the file (null: not counted, as it holds no @string); `onProgress` is told now and then how many of its
   * characters have been read. Null when an entry has a `crossref`: the file is to be read whole (parseBibtex).
   */
  papersOf(text: string, line: number | null, onProgress?: (done: number) => void): readonly ParsedPaper[] | null {
    const blocks = bibtexBlocks(text, { firstLine: line, ...(onProgress === undefined ? {} : { onProgress }) });
    const papers = this.#pieces.papersOf(blocks);
    if (papers === null) return null;
    const capped = capPapers(papers, this.#made);
    this.#made += capped.papers.length;
    pushAll(this.#warnings, capped.warnings);
    return capped.papers;
  }

  /** How many papers the windows made. */
  get papers(): number {
    return this.#made;
  }

  /**
   * The file's digest, once every window is read, with `papers` (those of the windows, or none when they were handed
   * over), within the field caps, and what was cut to fit them.
   */
  digest(papers: readonly ParsedPaper[]): {
    readonly digest: ParsedDigest;
    readonly warnings: readonly ImportWarning[];
  } {
    const digest = this.#pieces.digest(papers);
    const named = capDigestName(digest.title);
    return {
      digest: named.warnings.length === 0 ? digest : { ...digest, title: named.title },
      warnings: [...named.warnings, ...this.#warnings],
    };
  }
}
