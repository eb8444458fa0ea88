/** Reading a digest file: bytes → text → format → papers (or a whole library). */

import type { DigestFormat } from '../model.js';
import { parseArxivEmail } from './arxiv-email.js';
import { arxivIdsDigest, type ArxivAnswers } from './arxiv-atom.js';
import { parseArxivIdList, type ArxivRef } from './arxiv-ids.js';
import { definitionsIn, looksLikeBibtex, parseBibtex } from './bibtex.js';
import { NameCache } from './name-cache.js';
import { MacroTable, type MacroDefinition } from './bibtex-macros.js';
import { readBibtexBlocks } from './bibtex-reader.js';
import { bibtexFirstPass, type BibtexFirstPass } from './bibtex-first-pass.js';
import type { ByteSearch } from './byte-search.js';
import { decodeDigest } from './decode.js';
import { forgetLastMatch } from './detached.js';
import { formatName } from './format-names.js';
import { capDigest, capLibrary } from './field-caps.js';
import { detectFormat, parseJsonText } from './detect.js';
import { parseHfDailyJson } from './hf-daily-json.js';
import { unrecognisedJsonMessage } from './json-shape.js';
import { parseHfDailyText } from './hf-daily-text.js';
import { parseShelfmarkJson } from './shelfmark-json.js';
import { normalizeLineEndings } from './whitespace.js';
import type { ParsedJson } from './json.js';
import { DigestError, type ParseContext, type ParsedDigest, type ParsedFile, type SkippedBlock } from './types.js';

export { decodeDigest, MAX_DIGEST_BYTES } from './decode.js';
export { detectFormat } from './detect.js';
export { answersFor, matchTitle, readArxivEntry } from './arxiv-atom.js';
export type { ArxivAnswers, ArxivEntry, ArxivFeed, TitleMatch } from './arxiv-atom.js';
export { arxivRefsOf, notArxivRefsMessage, type ArxivRef } from './arxiv-ids.js';

export { formatName } from './format-names.js';
export { previewImport, type ImportPreview, type PreviewPaper } from './preview.js';
export { DigestError } from './types.js';
export type { ImportWarning, LibrarySnapshot, ParseContext, ParsedDigest, ParsedFile, SkippedBlock } from './types.js';

export const UNRECOGNISED_FORMAT_MESSAGE =
  "Shelfmark does not recognise this format; it reads Hugging Face Daily Papers (page text or JSON), arXiv listing emails, BibTeX and Shelfmark's own JSON export";

const DIGEST_PARSERS: Readonly<
  Record<
    Exclude<DigestFormat, 'shelfmark-json' | 'arxiv-ids'>,
    (text: string, ctx: ParseContext, json: ParsedJson | null) => ParsedDigest
  >
> = {
  'hf-daily-text': parseHfDailyText,
  'hf-daily-json': parseHfDailyJson,
  'arxiv-email': parseArxivEmail,
  bibtex: parseBibtex,
};

/** A list of arXiv ids: the papers it names, whose details are still to be asked of arXiv (by the shell). */
export interface ArxivIdList {
  readonly kind: 'arxiv-ids';
  readonly refs: readonly ArxivRef[];
}

/** What a digest holds: its papers, a whole library, or the arXiv ids of papers. */
export type DigestRead = ParsedFile | ArxivIdList;

/** Throws DigestError, with a message for the user, when the file cannot be imported at all. */
export function readDigestFile(bytes: Uint8Array, ctx: ParseContext): DigestRead {
  return readNormalizedText(decodeDigest(bytes, ctx.fileName), ctx);
}

/** As readDigestFile, for a caller that already has the text. */
export function readDigestText(text: string, ctx: ParseContext): DigestRead {
  return readNormalizedText(normalizeLineEndings(text), ctx);
}

/** As readDigestFile, for a caller that cannot ask arXiv: a list of arXiv ids is refused. */
export function parseDigestFile(bytes: Uint8Array, ctx: ParseContext): ParsedFile {
  // As one file of an import of one, so that it says what a file of BibTeX macros alone is.
  const [outcome] = parseDigestFiles([{ name: ctx.fileName, bytes }], ctx.now);
  if (outcome === undefined || !outcome.ok) throw new DigestError(outcome?.error ?? 'the file could not be read');
  if (outcome.parsed.kind === 'macros') throw new Error('a file of macros alone was used by no other file');
  return withPapers(outcome.parsed);
}

/** As parseDigestFile, for a caller that already has the text. */
export function parseDigestText(text: string, ctx: ParseContext): ParsedFile {
  return withPapers(readDigestText(text, ctx));
}

function withPapers(read: DigestRead): ParsedFile {
  if (read.kind === 'arxiv-ids') throw new DigestError('it is a list of arXiv ids, whose details come from arXiv');
  return read;
}

/** One file of an import. */
export interface DigestInput {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The day its digest is of (YYYY-MM-DD), when the user said so. */
  readonly date?: string | undefined;
}

/** A BibTeX file of @string macros alone, and the files of the import that use them. */
export interface MacrosFile {
  readonly kind: 'macros';
  readonly macros: number;
  readonly usedBy: readonly string[];
}

export type ParsedInput =
  | { readonly file: string; readonly ok: true; readonly parsed: DigestRead | MacrosFile }
  | { readonly file: string; readonly ok: false; readonly error: string };

/** A file of an import after the first pass. */
interface FirstPass {
  /**
   * Why it has no text; else its text, for the first file only (null once parsed): the others' are decoded again
   * in the second pass, so that an import of many large files holds one file's text at a time, not all of them.
   */
  text: string | DigestError | null;
  /** Its format, when told by its text alone (not for JSON: that is parsed once, in the second pass). */
  readonly format: DigestFormat | null;
}

/**
 * The files of one import, each parsed on its own, except that BibTeX files share their @string macros, in
 * whatever order they come (bibliographies keep them in files of their own: `authors.bib`, `journals.bib`). So
 * two passes: every file is read (a BibTeX file into its blocks, for its macros), then parsed. A file of macros
 * and no entries is a MacrosFile when other files use its macros, else an error that says so. `onProgress` is
 * told how far the two passes have got, in bytes (each file counts twice), now and then. With `search`, the first
 * pass reads a BibTeX file in its bytes, without decoding all of it (bibtex-first-pass.ts).
 */
export function parseDigestFiles(
  files: readonly DigestInput[],
  now: string,
  onProgress?: (done: number, total: number) => void,
  search?: ByteSearch,
): readonly ParsedInput[] {
  const parse = new ImportFiles(files, now, onProgress, search);
  files.forEach((file, index) => parse.readFirst(index, file.bytes));
  files.forEach((file, index) => parse.parse(index, parse.needsBytesAgain(index) ? file.bytes : null));
  return parse.outcomes();
}

/** A file of an import as its two passes know it: its name, its size in bytes and the day the user gave it. */
export type ImportFile = Omit<DigestInput, 'bytes'> & { readonly size: number };

/**
 * parseDigestFiles a file at a time, for a caller that reads each file when its turn comes (twice) rather than
 * holding every file's bytes: readFirst for every file in order, then parse for every file in order, then outcomes.
 * Bytes that cannot be read are given as a DigestError, which the file's outcome then is.
 */
export class ImportFiles {
  readonly #files: readonly ImportFile[];
  readonly #now: string;
  readonly #onProgress: ((done: number, total: number) => void) | undefined;
  readonly #total: number;
  /** Bytes of the passes done so far. */
  #before = 0;
  /** The BibTeX files (by index in `files`), in order, and what the first pass found in each. */
  readonly #bibtexFiles: number[] = [];
  readonly #definitions: (readonly MacroDefinition[])[] = [];
  readonly #entries: number[] = [];
  readonly #read: FirstPass[] = [];
  #table: MacroTable | null = null;
  /** Author names decoded once for all the files: a bibliography split in files names its authors in each. */
  readonly #names = new NameCache();
  readonly #outcomes: (ParsedInput | 'macros')[] = [];
  readonly #search: ByteSearch | undefined;

  /** `search`: the platform's searches in bytes, with which the first pass need not decode a BibTeX file. */
  constructor(
    files: readonly (ImportFile | DigestInput)[],
    now: string,
    onProgress?: (done: number, total: number) => void,
    search?: ByteSearch,
  ) {
    this.#files = files.map((file) => ('bytes' in file ? { ...file, size: file.bytes.length } : file));
    this.#now = now;
    this.#onProgress = onProgress;
    this.#search = search;
    this.#total = 2 * this.#files.reduce((sum, file) => sum + file.size, 0);
  }

  /** The first pass over file `index`: its format, and a BibTeX file's macros and how many entries it has. */
  readFirst(index: number, bytes: Uint8Array | DigestError): void {
    const file = this.#file(index);
    const inBytes = this.#firstPassInBytes(index, file, bytes);
    let text: string | DigestError | null = null;
    let format: DigestFormat | null = 'bibtex';
    if (inBytes !== null) this.#keepBibtex(index, inBytes);
    else {
      const decoded = bytes instanceof DigestError ? bytes : decodedOrError(bytes, file.name);
      text = decoded;
      format = typeof decoded === 'string' ? formatByText(decoded, file.name) : null;
      if (format === 'bibtex' && typeof decoded === 'string') {
        // Its macros, and its entries only counted: the second pass reads them, each as it makes it a paper.
        const share = this.#progress(file.size);
        const found = readBibtexBlocks(decoded, {
          countEntriesOnly: true,
          onProgress: (done) => share(done / decoded.length),
        });
        this.#keepBibtex(index, {
          definitions: definitionsIn(found),
          entries: found.filter((block) => block.kind === 'entry').length,
        });
      }
    }
    forgetLastMatch();
    this.#finished(file.size);
    this.#read[index] = { text: index === 0 || text instanceof DigestError ? text : null, format };
  }

  /**
   * The first pass over a BibTeX file in its bytes (bibtex-first-pass.ts), when the platform's searches are given
   * and the file is not the first (whose text is kept for the second pass: it is decoded as a whole); null when the
   * file is to be decoded and read as text.
   */
  #firstPassInBytes(index: number, file: ImportFile, bytes: Uint8Array | DigestError): BibtexFirstPass | null {
    if (index === 0 || this.#search === undefined || bytes instanceof DigestError) return null;
    const share = this.#progress(file.size);
    return bibtexFirstPass(bytes, file.name, this.#search, (done) => share(done / bytes.length));
  }

  #keepBibtex(index: number, { definitions, entries }: BibtexFirstPass): void {
    this.#bibtexFiles.push(index);
    this.#definitions.push(definitions);
    this.#entries.push(entries);
  }

  /** Whether parse needs file `index`'s bytes again: the first file's text is kept, and why a file had none. */
  needsBytesAgain(index: number): boolean {
    const read = this.#read[index];
    return read === undefined || read.text === null;
  }

  /** The second pass over file `index`: its papers. `bytes` may be null when needsBytesAgain says so. */
  parse(index: number, bytes: Uint8Array | DigestError | null): void {
    const file = this.#file(index);
    this.#outcomes[index] = this.#parsed(index, file, bytes);
    forgetLastMatch();
    this.#finished(file.size);
  }

  #parsed(index: number, file: ImportFile, bytes: Uint8Array | DigestError | null): ParsedInput | 'macros' {
    const first = this.#read[index];
    if (first === undefined) throw new Error('a file was parsed before its first pass');
    const { format } = first;
    let text = first.text;
    if (text === null) {
      if (bytes === null) throw new Error("a file's bytes are needed again to parse it");
      text = bytes instanceof DigestError ? bytes : decodedOrError(bytes, file.name);
    }
    // Parsed once: it need not be kept.
    first.text = null;
    const position = this.#bibtexFiles.indexOf(index);
    try {
      if (text instanceof DigestError) return { file: file.name, ok: false, error: text.message };
      if (position >= 0 && this.#entries[position] === 0 && (this.#definitions[position]?.length ?? 0) > 0) {
        return 'macros';
      }
      this.#table ??= new MacroTable(this.#definitions);
      const bibtex = position < 0 ? null : { macros: this.#table.scope(position), names: this.#names };
      const ctx: ParseContext = {
        fileName: file.name,
        now: this.#now,
        ...(file.date === undefined ? {} : { date: file.date }),
        ...(bibtex === null ? {} : { bibtex }),
        ...(this.#onProgress === undefined ? {} : { onProgress: this.#progress(file.size) }),
      };
      return { file: file.name, ok: true, parsed: readNormalizedText(text, ctx, format) };
    } catch (error) {
      if (!(error instanceof DigestError)) throw error;
      return { file: file.name, ok: false, error: error.message };
    }
  }

  /** What each file holds, or why it cannot be imported; once every file is parsed. */
  outcomes(): readonly ParsedInput[] {
    const table = this.#table ?? new MacroTable(this.#definitions);
    // Whether another file uses a file's macros is known once every file is parsed.
    return this.#files.map((file, index) => {
      const outcome = this.#outcomes[index];
      if (outcome === undefined) throw new Error('a file of the import was not parsed');
      if (outcome !== 'macros') return outcome;
      const position = this.#bibtexFiles.indexOf(index);
      const macros = this.#definitions[position]?.length ?? 0;
      const usedBy = [...table.usersOf(position)].map((user) => this.#files[this.#bibtexFiles[user] ?? -1]?.name ?? '');
      if (usedBy.length > 0) return { file: file.name, ok: true, parsed: { kind: 'macros', macros, usedBy } };
      return { file: file.name, ok: false, error: macrosOnlyMessage(macros, this.#bibtexFiles.length > 1) };
    });
  }

  #file(index: number): ImportFile {
    const file = this.#files[index];
    if (file === undefined) throw new RangeError(`the import has no file ${index}`);
    return file;
  }

  /** Reports a share of a file of `bytes` done, after those before it. */
  #progress(bytes: number): (share: number) => void {
    return (share) => this.#onProgress?.(this.#before + Math.min(1, share) * bytes, this.#total);
  }

  #finished(bytes: number): void {
    this.#before += bytes;
    this.#onProgress?.(this.#before, this.#total);
  }
}

/**
 * A file's format when its text tells it, JSON aside (it is parsed once, in the second pass). A .bib file that
 * looks like BibTeX is BibTeX, as detectFormat finds too, but without running every format's test over it first.
 */
function formatByText(text: string, fileName: string): DigestFormat | null {
  if (/^\s*[[{]/.test(text)) return null;
  if (/\.bib(?:tex)?$/i.test(fileName) && looksLikeBibtex(text)) return 'bibtex';
  return detectFormat(text, fileName, null);
}

function decodedOrError(bytes: Uint8Array, name: string): string | DigestError {
  try {
    return decodeDigest(bytes, name);
  } catch (error) {
    if (error instanceof DigestError) return error;
    throw error;
  }
}

function macrosOnlyMessage(macros: number, otherBibtexFiles: boolean): string {
  const count = `${macros.toLocaleString('en')} ${macros === 1 ? 'macro' : 'macros'}, no entries`;
  return otherBibtexFiles
    ? `${count}: no other file of this import uses them`
    : `${count}: import it together with the BibTeX files that use them`;
}

/** `normalized`: without a BOM, with "\n" line endings. `known`: its format, when already detected. */
function readNormalizedText(normalized: string, ctx: ParseContext, known: DigestFormat | null = null): DigestRead {
  if (normalized.trim() === '') throw new DigestError('the file is empty');
  const json = known === null ? parseJsonText(normalized) : null;
  const format = known ?? detectFormat(normalized, ctx.fileName, json);
  if (format === null) throw new DigestError(unrecognisedJsonMessage(normalized, json) ?? UNRECOGNISED_FORMAT_MESSAGE);
  if (format === 'arxiv-ids') return { kind: 'arxiv-ids', refs: parseArxivIdList(normalized) };
  if (format === 'shelfmark-json') {
    const library = parseShelfmarkJson(normalized, ctx, json);
    if (library.catalogue.papers.length === 0) throw new DigestError(noPapersMessage(format, []));
    return { kind: 'library', ...capLibrary(library) };
  }
  return withinCaps(DIGEST_PARSERS[format](normalized, ctx, json));
}

/** The digest that arXiv's answers for a list of ids make, as any other digest: with papers, within the caps. */
export function arxivIdsFile(refs: readonly ArxivRef[], answers: ArxivAnswers): ParsedFile {
  return withinCaps(arxivIdsDigest(refs, answers));
}

function withinCaps(digest: ParsedDigest): ParsedFile {
  if (digest.papers.length === 0) throw new DigestError(noPapersMessage(digest.format, digest.skipped));
  return { kind: 'digest', ...capDigest(digest) };
}

function noPapersMessage(format: DigestFormat, skipped: readonly SkippedBlock[]): string {
  const [first] = skipped;
  if (format === 'arxiv-ids') {
    const more = skipped.length > 1 ? ` (and ${(skipped.length - 1).toLocaleString('en')} more)` : '';
    return `arXiv gave none of its papers: ${first?.where ?? ''}: ${first?.reason ?? ''}${more}`;
  }
  const firstProblem = first === undefined ? '' : `; skipped ${first.where}: ${first.reason}`;
  return `it looks like ${formatName(format)} but contains no papers${firstProblem}`;
}
