/** Reading a digest file: bytes → text → format → papers (or a whole library). */

import type { DigestFormat, ParsedPaper } from '../model.js';
import { parseArxivEmail } from './arxiv-email.js';
import { arxivIdsDigest, type ArxivAnswers } from './arxiv-atom.js';
import { parseArxivIdList, type ArxivRef } from './arxiv-ids.js';
import { definitionsIn, looksLikeBibtex, parseBibtex } from './bibtex.js';
import { NameCache } from './name-cache.js';
import { MacroTable, type MacroDefinition } from './bibtex-macros.js';
import { readBibtexBlocks } from './bibtex-reader.js';
import {
  BibtexFirstPassWindows,
  isBibtexFileName,
  type BibtexFirstPass,
  type BibtexFirstPassInWindows,
} from './bibtex-first-pass.js';
import { BibtexFileInWindows } from './bibtex-windows.js';
import { bytesWanted, CHANGED_WHILE_IMPORTED, type WantedBytes } from './wanted-bytes.js';
import type { ByteSearch } from './byte-search.js';
import { decodeDigest, decodePlainUtf8, PLAIN_START_BYTES } from './decode.js';
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
export { bytesWanted, type WantedBytes } from './wanted-bytes.js';
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

/** A file of an import after the first pass: decoded whole, or read in windows of its bytes (a BibTeX file). */
type FirstPass =
  | {
      readonly way: 'whole';
      /**
       * Why it has no text; else its text, for the first file only (null once parsed): the others' are decoded again
       * in the second pass, so that an import of many large files holds one file's text at a time, not all of them.
       */
      text: string | DigestError | null;
      /** Its format, when told by its text alone (not for JSON: that is parsed once, in the second pass). */
      readonly format: DigestFormat | null;
    }
  | {
      readonly way: 'windows';
      readonly found: BibtexFirstPassInWindows;
      /** Its text, when it is the first file and one window (null once parsed). */
      text: string | null;
    };

/** All of a file's bytes. */
const WHOLE: WantedBytes = { from: 0, length: null };

/**
 * One pass over a file of an import, given the bytes of the file that it asks for, a piece after the other, until
 * it asks for none.
 */
export interface FilePass {
  /** What of the file the pass wants next; null once it is over. */
  readonly wanted: WantedBytes | null;
  /** The bytes it wants (fewer than asked for when the file ends before), or why they could not be read. */
  take(bytes: Uint8Array | DigestError): void;
}

/** How many bytes of a BibTeX file a window holds at most, unless one entry is longer. */
export const WINDOW_BYTES = 4 * 1024 * 1024;

/**
 * The files of one import, each parsed on its own, except that BibTeX files share their @string macros, in
 * whatever order they come (bibliographies keep them in files of their own: `authors.bib`, `journals.bib`). So
 * two passes: every file is read (a BibTeX file into its blocks, for its macros), then parsed. A file of macros
 * and no entries is a MacrosFile when other files use its macros, else an error that says so. `onProgress` is
 * told how far the two passes have got, in bytes (each file counts twice), now and then. With `search`, both
 * passes read a BibTeX file in windows of its bytes (at most `windowBytes` each, unless an entry is longer), never
 * all of it at once (bibtex-first-pass.ts, bibtex-windows.ts).
 */
export function parseDigestFiles(
  files: readonly DigestInput[],
  now: string,
  onProgress?: (done: number, total: number) => void,
  search?: ByteSearch,
  windowBytes?: number,
): readonly ParsedInput[] {
  const parse = new ImportFiles(files, now, onProgress, search, windowBytes === undefined ? {} : { windowBytes });
  files.forEach((file, index) => giveWanted(parse.readFirst(index), file.bytes));
  files.forEach((file, index) => giveWanted(parse.parse(index), file.bytes));
  return parse.outcomes();
}

/**
 * Gives `pass` the bytes it wants from `read` (fewer at the file's end, or why they cannot be read) until it wants
 * none; `beforeEach` is called before each read, and may stop the pass by throwing.
 */
export async function readPass(
  pass: FilePass,
  read: (wanted: WantedBytes) => Promise<Uint8Array | { readonly error: string }>,
  beforeEach: () => void,
): Promise<void> {
  for (let wanted = pass.wanted; wanted !== null; wanted = pass.wanted) {
    beforeEach();
    const bytes = await read(wanted);
    pass.take(bytes instanceof Uint8Array ? bytes : new DigestError(bytes.error));
  }
}

function giveWanted(pass: FilePass, bytes: Uint8Array): void {
  for (let wanted = pass.wanted; wanted !== null; wanted = pass.wanted) pass.take(bytesWanted(bytes, wanted));
}

/** A file of an import as its two passes know it: its name, its size in bytes and the day the user gave it. */
export type ImportFile = Omit<DigestInput, 'bytes'> & { readonly size: number };

/**
 * parseDigestFiles a file at a time, for a caller that reads each file when its turn comes (twice), and as much of
 * it as a pass asks for, rather than holding every file's bytes: readFirst for every file in order, then parse for
 * every file in order, each given the bytes it wants (FilePass); then outcomes. Bytes that cannot be read are given
 * as a DigestError, which the file's outcome then is.
 */
export class ImportFiles {
  readonly #files: readonly ImportFile[];
  readonly #now: string;
  readonly #onProgress: ((done: number, total: number) => void) | undefined;
  readonly #total: number;
  /** Bytes of the passes done so far, and the most reported (a pass that starts again reports no less). */
  #before = 0;
  #reported = 0;
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
  readonly #windowBytes: number;
  readonly #handsOverPapers: boolean;

  /**
   * `search`: the platform's searches in bytes, with which a BibTeX file is read in windows of at most
   * `windowBytes` (unless an entry is longer), and never decoded whole. `handsOverPapers`: whether `parse` is to
   * hand papers over as they are made, for which the first pass looks through every byte of a BibTeX file for a
   * `crossref` (without it, a file found to have one once some of its papers are made is read again, whole).
   */
  constructor(
    files: readonly (ImportFile | DigestInput)[],
    now: string,
    onProgress?: (done: number, total: number) => void,
    search?: ByteSearch,
    { windowBytes = WINDOW_BYTES, handsOverPapers = false }: { windowBytes?: number; handsOverPapers?: boolean } = {},
  ) {
    this.#files = files.map((file) => ('bytes' in file ? { ...file, size: file.bytes.length } : file));
    this.#now = now;
    this.#onProgress = onProgress;
    this.#search = search;
    this.#windowBytes = Math.max(1, windowBytes);
    this.#handsOverPapers = handsOverPapers;
    this.#total = 2 * this.#files.reduce((sum, file) => sum + file.size, 0);
  }

  /**
   * The first pass over file `index`: its format, and a BibTeX file's macros and how many entries it has. A BibTeX
   * file is read in windows when it is plain UTF-8 (bibtex-first-pass.ts), else whole.
   */
  readFirst(index: number): FilePass {
    const file = this.#file(index);
    const search = this.#search;
    const windows =
      search !== undefined && isBibtexFileName(file.name)
        ? new BibtexFirstPassWindows(file.name, search, this.#handsOverPapers)
        : null;
    const share = this.#progress(file.size);
    let started = false;
    /** How long the window read is: the first is read at least PLAIN_START_BYTES long, for what its start tells. */
    let length = this.#windowBytes;
    /** The window to read again once the line breaks before it are counted, up to its start. */
    let counting: WantedBytes | null = null;
    const first: WantedBytes = windows === null ? WHOLE : { from: 0, length: Math.max(length, PLAIN_START_BYTES) };
    /** The next piece of the file to count the line breaks of, from `from` on; then the window again. */
    const countFrom = (from: number, window: WantedBytes): WantedBytes => {
      counting = from < window.from ? window : null;
      return counting === null ? window : { from, length: Math.min(this.#windowBytes, window.from - from) };
    };
    return this.#pass(first, file, (wanted, bytes) => {
      if (windows === null || wanted.length === null || bytes instanceof DigestError) {
        this.#readWhole(index, file, bytes);
        return null;
      }
      if (counting !== null) {
        if (bytes.length === 0) return WHOLE;
        windows.countLines(bytes, wanted.from);
        return countFrom(wanted.from + bytes.length, counting);
      }
      const asked = wanted.length;
      /** The file read whole, as it is not one to read in windows: with the bytes in hand when they are all. */
      const whole = (): null | WantedBytes => {
        if (wanted.from !== 0 || bytes.length >= asked) return WHOLE;
        this.#readWhole(index, file, bytes);
        return null;
      };
      if (!started) {
        started = true;
        if (!windows.start(bytes.subarray(0, PLAIN_START_BYTES))) return whole();
      }
      const atEnd = bytes.length < wanted.length && bytes.length <= length;
      const window = atEnd ? bytes : bytes.subarray(0, length);
      const read = windows.window(window, wanted.from, atEnd, (done) => share(done / file.size));
      if (read === null) return whole();
      if (typeof read === 'object') return countFrom(read.countFrom, wanted);
      if (!atEnd) {
        // No entry starts in the window after its first: one entry is longer than it.
        length = read === 0 ? 2 * length : this.#windowBytes;
        return { from: wanted.from + read, length };
      }
      const found = windows.found();
      this.#keepBibtex(index, found);
      // The first file's text is kept for its second pass when it is one window, as the text of a first file read
      // whole is: a single file is read once.
      const text = index === 0 && wanted.from === 0 ? decodePlainUtf8(window) : null;
      this.#read[index] = { way: 'windows', found, text };
      return null;
    });
  }

  /** The first pass over a file decoded whole. */
  #readWhole(index: number, file: ImportFile, bytes: Uint8Array | DigestError): void {
    const decoded = bytes instanceof DigestError ? bytes : decodedOrError(bytes, file.name);
    const format = typeof decoded === 'string' ? formatByText(decoded, file.name) : null;
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
    this.#read[index] = { way: 'whole', text: index === 0 || decoded instanceof DigestError ? decoded : null, format };
  }

  #keepBibtex(index: number, { definitions, entries }: BibtexFirstPass): void {
    this.#bibtexFiles.push(index);
    this.#definitions.push(definitions);
    this.#entries.push(entries);
  }

  /**
   * The second pass over file `index`: its papers. A BibTeX file read in windows in the first pass is read in the
   * same windows again. With `onPapers`, a digest's papers are handed to it as they are made (a window's at a time,
   * or all at once for a file read whole), and the digest in the file's outcome has none; its name, what was skipped
   * and the warnings come in the outcome, once the file is read to its end. (A file whose outcome is then an error,
   * as it could not be read to its end, had the papers of the windows before handed over all the same.) Only for an
   * import made to hand papers over (`handsOverPapers`).
   */
  parse(index: number, onPapers?: (papers: readonly ParsedPaper[]) => void): FilePass {
    const file = this.#file(index);
    const first = this.#read[index];
    if (first === undefined) throw new Error('a file was parsed before its first pass');
    if (onPapers !== undefined && !this.#handsOverPapers)
      throw new Error('this import was not made to hand over papers');
    if (first.way === 'windows' && first.found.crossref !== true) {
      return this.#parseWindows(index, file, first, onPapers);
    }
    const format = first.way === 'whole' ? first.format : 'bibtex';
    const parsed = (text: string | DigestError): null => {
      const outcome = this.#parsedText(index, file, text, format);
      this.#outcomes[index] = onPapers === undefined ? outcome : handedOver(outcome, onPapers);
      return null;
    };
    const kept = first.text;
    if (kept !== null) {
      // Parsed once: it need not be kept.
      first.text = null;
      return this.#pass(parsed(kept), file, () => null);
    }
    return this.#pass(WHOLE, file, (_wanted, bytes) =>
      parsed(bytes instanceof DigestError ? bytes : decodedOrError(bytes, file.name)),
    );
  }

  #parsedText(
    index: number,
    file: ImportFile,
    text: string | DigestError,
    format: DigestFormat | null,
  ): ParsedInput | 'macros' {
    const position = this.#bibtexFiles.indexOf(index);
    try {
      if (text instanceof DigestError) return { file: file.name, ok: false, error: text.message };
      if (this.#macrosOnly(position)) return 'macros';
      const ctx = this.#context(file, position);
      return { file: file.name, ok: true, parsed: readNormalizedText(text, ctx, format) };
    } catch (error) {
      if (!(error instanceof DigestError)) throw error;
      return { file: file.name, ok: false, error: error.message };
    }
  }

  /** The second pass over a BibTeX file in the windows its first pass cut it into. */
  #parseWindows(
    index: number,
    file: ImportFile,
    first: Extract<FirstPass, { way: 'windows' }>,
    onPapers: ((papers: readonly ParsedPaper[]) => void) | undefined,
  ): FilePass {
    const position = this.#bibtexFiles.indexOf(index);
    const kept = first.text;
    first.text = null;
    const { windows } = first.found;
    const windowAt = (at: number): WantedBytes | null => {
      const [window, after] = [windows[at], windows[at + 1]];
      return window === undefined || after === undefined
        ? null
        : { from: window.from, length: after.from - window.from };
    };
    if (this.#macrosOnly(position)) {
      this.#outcomes[index] = 'macros';
      if (kept !== null) return this.#pass(null, file, () => null);
      // Read again all the same, as a file read whole is: one that can no longer be read is not imported.
      return this.#pass(windowAt(0), file, (_wanted, bytes) => {
        if (bytes instanceof DigestError) this.#outcomes[index] = { file: file.name, ok: false, error: bytes.message };
        return null;
      });
    }
    const reading = new BibtexFileInWindows(this.#context(file, position));
    const share = this.#progress(file.size);
    const papers: ParsedPaper[] = [];
    let next = 0;
    /**
     * Reads the next window, of `text` from byte `from` on: what the pass wants next, null at the file's end; all of
     * the file when an entry has a `crossref` (whose papers are made with the whole file in hand, as parseBibtex does).
     */
    const read = (text: string, from: number, length: number): WantedBytes | null => {
      const made = reading.papersOf(text, windows[next]?.line ?? null, (done) => share((from + done) / file.size));
      if (made === null) {
        if (onPapers !== undefined) throw new Error('a crossref the first pass did not find');
        return WHOLE;
      }
      if (onPapers !== undefined) onPapers(made);
      else for (const paper of made) papers.push(paper);
      share((from + length) / file.size);
      forgetLastMatch();
      next++;
      const more = windowAt(next);
      if (more !== null) return more;
      this.#outcomes[index] =
        reading.papers === 0
          ? { file: file.name, ok: false, error: noPapersMessage('bibtex', reading.digest([]).digest.skipped) }
          : { file: file.name, ok: true, parsed: { kind: 'digest', ...reading.digest(papers) } };
      return null;
    };
    /** The file parsed whole, as a file with a `crossref` is. */
    const whole = (text: string | DigestError): null => {
      this.#outcomes[index] = this.#parsedText(index, file, text, 'bibtex');
      return null;
    };
    if (kept !== null) return this.#pass(read(kept, 0, file.size) === null ? null : whole(kept), file, () => null);
    return this.#pass(windowAt(0), file, (wanted, bytes) => {
      const failed = (error: string): null => {
        this.#outcomes[index] = { file: file.name, ok: false, error };
        return null;
      };
      if (wanted.length === null) return whole(bytes instanceof DigestError ? bytes : decodedOrError(bytes, file.name));
      if (bytes instanceof DigestError) return failed(bytes.message);
      if (bytes.length !== wanted.length) return failed(CHANGED_WHILE_IMPORTED);
      return read(decodePlainUtf8(bytes), wanted.from, bytes.length);
    });
  }

  /** Whether the BibTeX file at `position` among them has macros and no entries. */
  #macrosOnly(position: number): boolean {
    return position >= 0 && this.#entries[position] === 0 && (this.#definitions[position]?.length ?? 0) > 0;
  }

  /** How a file is parsed: a BibTeX file (at `position` among them, else -1) with the import's macros. */
  #context(file: ImportFile, position: number): ParseContext {
    this.#table ??= new MacroTable(this.#definitions);
    const bibtex = position < 0 ? null : { macros: this.#table.scope(position), names: this.#names };
    return {
      fileName: file.name,
      now: this.#now,
      ...(file.date === undefined ? {} : { date: file.date }),
      ...(bibtex === null ? {} : { bibtex }),
      ...(this.#onProgress === undefined ? {} : { onProgress: this.#progress(file.size) }),
    };
  }

  /**
   * A pass over `file` that wants `first`, then what `take` answers to each piece it is given, until null; then
   * the pass is over.
   */
  #pass(
    first: WantedBytes | null,
    file: ImportFile,
    take: (wanted: WantedBytes, bytes: Uint8Array | DigestError) => WantedBytes | null,
  ): FilePass {
    let wanted = first;
    const over = (): void => {
      forgetLastMatch();
      this.#finished(file.size);
    };
    if (wanted === null) over();
    return {
      get wanted() {
        return wanted;
      },
      take: (bytes) => {
        if (wanted === null) throw new Error('a pass over a file was given bytes once it was over');
        wanted = take(wanted, bytes);
        if (wanted === null) over();
      },
    };
  }

  /**
   * What file `index` holds once parsed, or why it cannot be imported: 'macros' for a BibTeX file of macros alone,
   * which `outcomes` tells more of once every file is parsed.
   */
  outcome(index: number): ParsedInput | 'macros' | undefined {
    return this.#outcomes[index];
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
    return (share) => this.#report(this.#before + Math.min(1, share) * bytes);
  }

  #finished(bytes: number): void {
    this.#before += bytes;
    this.#report(this.#before);
  }

  #report(done: number): void {
    this.#reported = Math.max(this.#reported, done);
    this.#onProgress?.(this.#reported, this.#total);
  }
}

/** The outcome with its digest's papers handed to `onPapers`, and none left in it. */
function handedOver(
  outcome: ParsedInput | 'macros',
  onPapers: (papers: readonly ParsedPaper[]) => void,
): ParsedInput | 'macros' {
  if (outcome === 'macros' || !outcome.ok || outcome.parsed.kind !== 'digest') return outcome;
  const { parsed } = outcome;
  onPapers(parsed.digest.papers);
  return { ...outcome, parsed: { ...parsed, digest: { ...parsed.digest, papers: [] } } };
}

/**
 * A file's format when its text tells it, JSON aside (it is parsed once, in the second pass). A .bib file that
 * looks like BibTeX is BibTeX, as detectFormat finds too, but without running every format's test over it first.
 */
function formatByText(text: string, fileName: string): DigestFormat | null {
  if (/^\s*[[{]/.test(text)) return null;
  if (isBibtexFileName(fileName) && looksLikeBibtex(text)) return 'bibtex';
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
