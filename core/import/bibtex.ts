/**
 * A tolerant BibTeX reader: entries (bibtex-reader.ts) with their @string macros expanded (bibtex-macros.ts), and
 * `crossref`s followed. Each entry is read on its own, so one broken entry is reported and the rest are still
 * imported; an entry that uses a macro nobody defines is skipped and the macro named, never pasted into a name.
 */

import { arxivIdYear, normalizeArxivId } from '../identity.js';
import type { ParsedPaper } from '../model.js';
import type { ParseContext, ParsedDigest, SkippedBlock } from './types.js';
import { HASH_START, hashStep, NameCache } from './name-cache.js';
import { baseName } from './file-name.js';
import { collapseWhitespace, isWhitespaceCode, joinParagraphs, splitParagraphs } from './whitespace.js';
import { decodeTex, plainTextCollapsed } from './tex.js';
import { detached } from './detached.js';
import { doiUrl, extractUrls, normalizeDoi, paperLinks } from '../links.js';
import { quoteForMessage } from '../terminal-text.js';
import { uniqueInOrder } from '../arrays.js';
import type { PaperFacts } from '../paper-facts.js';
import { isoDate, monthName, monthNumber } from './dates.js';
import { bibtexBlocks, readBibtexBlocks, type Block, type FieldValue } from './bibtex-reader.js';
import { FieldTooLong, MacroTable, type MacroDefinition, type MacroScope } from './bibtex-macros.js';

export { FIELD_TOO_LONG, MAX_EXPANDED_FIELD_LENGTH } from './bibtex-macros.js';

type EntryBlock = Extract<Block, { kind: 'entry' }>;

export function looksLikeBibtex(text: string): boolean {
  return /^[ \t]*@[A-Za-z]+[ \t]*[{(][^\n,{}]*,/m.test(text) || /^[ \t]*@string[ \t]*[{(]/im.test(text);
}

/** The @string definitions among a file's blocks, in order. */
export function definitionsIn(blocks: readonly Block[]): readonly MacroDefinition[] {
  const definitions: MacroDefinition[] = [];
  for (const block of blocks) {
    if (block.kind === 'string' && block.name !== null) {
      definitions.push({ name: block.name, value: block.value, line: block.line });
    }
  }
  return definitions;
}

/**
 * The file's papers. When the file is one of an import's BibTeX files, `ctx.bibtex` has the macros of all the files
 * as this one sees them (found in the import's first pass), and each entry is made into a paper as it is read, so
 * that the blocks of a large file are never all held at once; else, or once an entry has a `crossref` (whose entry
 * may come after it), the blocks are all read first, and the file with its own macros.
 */
export function parseBibtex(text: string, ctx: ParseContext): ParsedDigest {
  const { onProgress } = ctx;
  const shared = ctx.bibtex;
  if (shared !== undefined) {
    const blocks = bibtexBlocks(
      text,
      onProgress === undefined ? {} : { onProgress: (done) => onProgress(done / text.length) },
    );
    const streamed = papersOf(blocks, ctx, shared.macros, shared.names, { streamed: true });
    if (streamed !== CROSSREF_FOUND) return streamed;
  }
  const blocks = readBibtexBlocks(text);
  const macros = shared?.macros ?? new MacroTable([definitionsIn(blocks)]).scope(0);
  const entries = blocks.filter((block): block is EntryBlock => block.kind === 'entry');
  const parents = crossrefParents(entries, macros);
  const volumes = new Set(
    [...parents.values()].filter((parent) => VOLUME_TYPES.has(parent.type) && parent.error === null),
  );
  const progress =
    onProgress === undefined
      ? undefined
      : (entryNumber: number): void => {
          if (entryNumber % PROGRESS_EVERY === 0) onProgress(entryNumber / entries.length);
        };
  const digest = papersOf(blocks, ctx, macros, shared?.names ?? new NameCache(), { parents, volumes, progress });
  if (digest === CROSSREF_FOUND) throw new Error('an entry with a crossref was read without its parent');
  return digest;
}

/** What papersOf gives up with when an entry read block by block has a `crossref`. */
const CROSSREF_FOUND = Symbol('crossref found');

/**
 * The digest the blocks make, in order. Read `streamed`, an entry with a `crossref` ends it (CROSSREF_FOUND);
 * else `parents` are the entries cross-referenced (from crossrefParents), `volumes` those that are volumes.
 */
function papersOf(
  blocks: Iterable<Block>,
  ctx: ParseContext,
  macros: MacroScope,
  names: NameCache,
  how: PapersHow,
): ParsedDigest | typeof CROSSREF_FOUND {
  const made = new PaperMaker(ctx, macros, names, how);
  const papers = made.papersOf(blocks);
  return papers === CROSSREF_FOUND ? papers : made.digest(papers);
}

type PapersHow =
  | { readonly streamed: true }
  | {
      readonly parents: ReadonlyMap<EntryBlock, EntryBlock>;
      readonly volumes: ReadonlySet<EntryBlock>;
      readonly progress: ((entryNumber: number) => void) | undefined;
    };

/**
 * A BibTeX file of an import read a piece of its text at a time (bibtex-windows.ts), each piece's blocks made into
 * papers as they come: the file's entries are numbered on from one piece to the next, and what was skipped is told
 * once, at the end, as parseBibtex tells it. `ctx.bibtex` is required. A file with a `crossref` is read whole
 * (parseBibtex): an entry's parent may come after it, and a parent that is a volume is no paper.
 */
export class BibtexPieces {
  readonly #made: PaperMaker;

  constructor(ctx: ParseContext) {
    const shared = ctx.bibtex;
    if (shared === undefined) throw new Error('a BibTeX file read in pieces needs the import’s macros');
    this.#made = new PaperMaker(ctx, shared.macros, shared.names, { streamed: true });
  }

  /** The papers of the blocks of one piece, in order; null when an entry has a `crossref`: read the file whole. */
  papersOf(blocks: Iterable<Block>): readonly ParsedPaper[] | null {
    const papers = this.#made.papersOf(blocks);
    return papers === CROSSREF_FOUND ? null : papers;
  }

  /** The file's digest, once every piece is read, with `papers` (those of the pieces, or none when handed over). */
  digest(papers: readonly ParsedPaper[]): ParsedDigest {
    return this.#made.digest(papers);
  }
}

/** Blocks made into papers, as many times as they come; then the digest, with what was skipped in all. */
class PaperMaker {
  readonly #parents: ReadonlyMap<EntryBlock, EntryBlock> | undefined;
  readonly #volumes: ReadonlySet<EntryBlock> | undefined;
  readonly #progress: ((entryNumber: number) => void) | undefined;
  readonly #skipped: SkippedBlock[] = [];
  readonly #stringProblems: { line: number; reason: string }[];
  readonly #undefinedMacros = new Group<string>();
  readonly #undefinedInFacts = new Group<string>();
  readonly #volumesSkipped = new Group<never>();
  /** Texts the file's papers share, one copy each, across every piece of the file. */
  readonly #shared = new SharedTexts();
  #entryNumber = 0;

  constructor(
    private readonly ctx: ParseContext,
    private readonly macros: MacroScope,
    private readonly names: NameCache,
    how: PapersHow,
  ) {
    [this.#parents, this.#volumes, this.#progress] =
      'streamed' in how ? [undefined, undefined, undefined] : [how.parents, how.volumes, how.progress];
    this.#stringProblems = [...macros.problems()];
  }

  /** The papers the blocks make, in order; CROSSREF_FOUND when read streamed an entry has a `crossref`. */
  papersOf(blocks: Iterable<Block>): ParsedPaper[] | typeof CROSSREF_FOUND {
    const { macros, names } = this;
    const parents = this.#parents;
    const volumes = this.#volumes;
    const progress = this.#progress;
    const papers: ParsedPaper[] = [];
    const skipped = this.#skipped;
    let entryNumber = this.#entryNumber;
    try {
      for (const entry of blocks) {
        if (entry.kind === 'string') {
          if (entry.error !== null) this.#stringProblems.push({ line: entry.line, reason: entry.error });
          continue;
        }
        if (parents === undefined && entry.fields.has('crossref')) return CROSSREF_FOUND;
        entryNumber++;
        progress?.(entryNumber);
        if (entry.error !== null) {
          skipped.push({ where: entryWhere(entryNumber, entry), reason: entry.error });
          continue;
        }
        if (volumes?.has(entry) === true) {
          this.#volumesSkipped.add(entryNumber, entry);
          continue;
        }
        const fields = new EntryFields(entry.fields, parents?.get(entry)?.fields, macros);
        let paper: ParsedPaper | null;
        try {
          paper = paperOf(entry.type, fields, names, this.#shared);
        } catch (error) {
          if (!(error instanceof FieldTooLong)) throw error;
          skipped.push({ where: entryWhere(entryNumber, entry), reason: error.message });
          continue;
        }
        if (fields.undefinedMacros.length > 0) this.#undefinedMacros.add(entryNumber, entry, fields.undefinedMacros);
        else if (paper === null) skipped.push({ where: entryWhere(entryNumber, entry), reason: 'it has no title' });
        else {
          papers.push(paper);
          if (fields.undefinedMacrosInFacts.length > 0) {
            this.#undefinedInFacts.add(entryNumber, entry, fields.undefinedMacrosInFacts);
          }
        }
      }
    } finally {
      this.#entryNumber = entryNumber;
    }
    return papers;
  }

  /** The digest of the blocks read so far, with `papers`. */
  digest(papers: readonly ParsedPaper[]): ParsedDigest {
    const grouped = [this.#undefinedMacros.skipped(undefinedMacrosReason), this.#volumesSkipped.skipped(volumeReason)];
    const factsLeftOut = this.#undefinedInFacts.skipped(factsLeftOutReason);
    // The file's @string blocks that cannot be used, in order: broken ones, and ones too long once expanded.
    const strings = this.#stringProblems
      .sort((a, b) => a.line - b.line)
      .map(({ line, reason }) => ({ where: `@string at line ${line}`, reason }));
    return {
      format: 'bibtex',
      title: `BibTeX: ${baseName(this.ctx.fileName)}`,
      date: null,
      papers,
      skipped: [...grouped.filter((block) => block !== null), ...strings, ...this.#skipped],
      ...(factsLeftOut === null ? {} : { notes: [`${factsLeftOut.where}: ${factsLeftOut.reason}`] }),
    };
  }
}

/** How many entries are made into papers between two progress reports. */
const PROGRESS_EVERY = 2000;

/** Where an entry skipped is: `entry 3 (@article{key})`. Made only for those skipped. */
function entryWhere(entryNumber: number, entry: EntryBlock): string {
  return `entry ${entryNumber} (${label(entry)})`;
}

/** How an entry is named in messages: `@article{key}`. */
function label(entry: EntryBlock): string {
  return `@${quoteForMessage(entry.type)}{${quoteForMessage(entry.key)}}`;
}

// ---------------------------------------------------------------- crossref

/** Entries of these types that other entries cross-reference are the volumes they appear in, not papers. */
const VOLUME_TYPES = new Set(['proceedings', 'mvproceedings', 'collection', 'mvcollection', 'mvbook', 'periodical']);

/**
 * Fields an entry does not take from the one it cross-references: those that name or identify the volume itself
 * (its title is the entry's booktitle, its DOI and links are the volume's), rather than describe the entry too.
 */
const NOT_INHERITED = new Set([
  'title',
  'subtitle',
  'shorttitle',
  'abstract',
  'keywords',
  'doi',
  'url',
  'eprint',
  'eprinttype',
  'archiveprefix',
  'primaryclass',
  'arxivid',
  'arxiv',
  'isbn',
  'issn',
  'note',
  'howpublished',
  'pages',
  'crossref',
]);

/** Each entry with a `crossref` to an entry of the file, and that entry (by key, in any case). */
function crossrefParents(entries: readonly EntryBlock[], macros: MacroScope): ReadonlyMap<EntryBlock, EntryBlock> {
  const parents = new Map<EntryBlock, EntryBlock>();
  const children = entries.filter((entry) => entry.fields.has('crossref'));
  if (children.length === 0) return parents;
  const byKey = new Map<string, EntryBlock>();
  for (const entry of entries) {
    const key = entry.key.toLowerCase();
    if (key !== '' && !byKey.has(key)) byKey.set(key, entry);
  }
  for (const child of children) {
    let key: string;
    try {
      key = macros.expand(child.fields.get('crossref') ?? '').text;
    } catch {
      continue;
    }
    const parent = byKey.get(key.replace(/[{}]/g, '').trim().toLowerCase());
    if (parent !== undefined && parent !== child) parents.set(child, parent);
  }
  return parents;
}

// ---------------------------------------------------------------- fields, expanded as they are read

/**
 * An entry's fields as the paper is made from them: expanded when read, the undefined macros of those read noted
 * (the fields nobody reads do not matter), and those the entry lacks taken from the one it cross-references.
 */
class EntryFields {
  /** Made when the first one is found: most entries have none. */
  private undefinedFound: string[] | null = null;
  private undefinedInFacts: string[] | null = null;

  constructor(
    private readonly fields: ReadonlyMap<string, FieldValue>,
    private readonly parent: ReadonlyMap<string, FieldValue> | undefined,
    private readonly macros: MacroScope,
  ) {}

  /** Throws FieldTooLong. */
  get(name: string): string | undefined {
    return this.read(name, false);
  }

  /**
   * A field the paper's facts are made of (its venue, its publisher): one that uses an undefined macro is left
   * out, and the macro noted, rather than the entry skipped. Throws FieldTooLong.
   */
  getFact(name: string): string | undefined {
    return this.read(name, true);
  }

  private read(name: string, fact: boolean): string | undefined {
    let value = this.fields.get(name);
    if (value === undefined && this.parent !== undefined && !NOT_INHERITED.has(name)) value = this.parent.get(name);
    if (value === undefined || typeof value === 'string') return value;
    const { text, undefinedMacros } = this.macros.expand(value);
    if (undefinedMacros.length === 0) return text;
    const found = fact ? (this.undefinedInFacts ??= []) : (this.undefinedFound ??= []);
    for (const macro of undefinedMacros) if (!found.includes(macro)) found.push(macro);
    return fact ? undefined : text;
  }

  /** The undefined macros of the fields read so far. */
  get undefinedMacros(): readonly string[] {
    return this.undefinedFound ?? NONE;
  }

  /** The undefined macros of the facts' fields read so far, which were left out. */
  get undefinedMacrosInFacts(): readonly string[] {
    return this.undefinedInFacts ?? NONE;
  }
}

const NONE: readonly string[] = [];

// ---------------------------------------------------------------- entries skipped together

/**
 * Entries skipped for one reason, told once: how many, which (the first few), and what they have in common (the
 * items, those most entries share first).
 */
class Group<T> {
  /** How many entries, and the first few of them, named. */
  private count = 0;
  private readonly firstFew: { readonly number: number; readonly label: string }[] = [];
  /** How many entries have each item, in the order the items were first seen. */
  private readonly items = new Map<T, number>();

  add(number: number, entry: EntryBlock, items: readonly T[] = []): void {
    this.count++;
    if (this.firstFew.length < ENTRIES_NAMED) this.firstFew.push({ number, label: label(entry) });
    for (const item of items) this.items.set(item, (this.items.get(item) ?? 0) + 1);
  }

  skipped(reason: (one: boolean, items: readonly T[]) => string): SkippedBlock | null {
    const [first] = this.firstFew;
    if (first === undefined) return null;
    const items = [...this.items].sort((a, b) => b[1] - a[1]).map(([item]) => item);
    if (this.count === 1) return { where: `entry ${first.number} (${first.label})`, reason: reason(true, items) };
    const shown = this.firstFew.map((entry) => entry.label);
    const more = this.count > shown.length ? ', …' : '';
    return {
      where: `${this.count.toLocaleString('en')} entries (${shown.join(', ')}${more})`,
      reason: reason(false, items),
    };
  }
}

/** How many of the entries skipped for one reason a message names. */
const ENTRIES_NAMED = 3;

/** How many undefined macros a message names before it says how many there are. */
const MACROS_NAMED = 6;

/** "the undefined macro Hoos" or "undefined macros Stuetzle, Hoos", and the pronoun for them. */
function undefinedMacrosNamed(names: readonly string[]): { readonly macros: string; readonly them: string } {
  const shown = names.slice(0, MACROS_NAMED).map((name) => quoteForMessage(name));
  const list = names.length > shown.length ? `${shown.join(', ')}, … (${names.length} in all)` : shown.join(', ');
  return names.length === 1
    ? { macros: `the undefined macro ${list}`, them: 'it' }
    : { macros: `undefined macros ${list}`, them: 'them' };
}

function undefinedMacrosReason(one: boolean, names: readonly string[]): string {
  const { macros, them } = undefinedMacrosNamed(names);
  return `${one ? 'it uses' : 'they use'} ${macros} — import the file that defines ${them} alongside`;
}

function factsLeftOutReason(one: boolean, names: readonly string[]): string {
  const { macros, them } = undefinedMacrosNamed(names);
  return (
    `${one ? 'its' : 'their'} venue, publisher or other details use ${macros}, so those were left out — ` +
    `import the file that defines ${them} alongside to have them`
  );
}

function volumeReason(one: boolean): string {
  return one
    ? 'it is the volume other entries cross-reference, not a paper'
    : 'they are volumes other entries cross-reference, not papers';
}

// ---------------------------------------------------------------- from fields to a paper

/**
 * The entry's paper. Every text in it is a copy (detached.ts), so that the papers of a file do not keep the file's
 * whole text in memory once it is parsed; authors come copied from the cache of names.
 */
function paperOf(type: string, fields: EntryFields, names: NameCache, shared: SharedTexts): ParsedPaper | null {
  const title = decodedText(fields.get('title') ?? '');
  if (title === '') return null;
  const arxivId = arxivIdOf(fields);
  const doi = normalizeDoi(withoutBraces(fields.get('doi') ?? ''));
  const rawAbstract = fields.get('abstract') ?? '';
  const year = yearOf(fields);
  return {
    title: detached(title),
    abstract: detached(abstractText(rawAbstract)),
    authors: splitNames(fields.get('author') ?? '', names),
    arxivId: arxivId === null ? null : detached(arxivId),
    doi: doi === null ? null : detached(doi),
    year: year ?? (arxivId === null ? null : arxivIdYear(arxivId)),
    links: paperLinks(arxivId, [
      doi === null ? null : doiUrl(doi),
      ...extractUrls(fields.get('url') ?? ''),
      ...extractUrls(fields.get('howpublished') ?? ''),
      ...extractUrls(rawAbstract),
    ]).map(detached),
    categories: keywordsOf(fields.get('keywords')),
    facts: factsOfEntry(type, fields, { names, shared }, arxivId),
  };
}

/**
 * What the entry says of where and when the paper appeared, built field by field (a large bibliography makes
 * hundreds of thousands). Its year and month are the record's year and `month`: published holds a biblatex date
 * only, which says more.
 */
function factsOfEntry(
  type: string,
  fields: EntryFields,
  { names, shared }: { readonly names: NameCache; readonly shared: SharedTexts },
  arxivId: string | null,
): PaperFacts {
  // The entry's type too: "inproceedings" is long enough for V8 to keep it as a view of the file's text.
  const facts: { -readonly [K in keyof PaperFacts]: PaperFacts[K] } = { type: shared.copy(type) };
  const put = <K extends keyof PaperFacts>(name: K, value: PaperFacts[K] | null): void => {
    // A copy, as every text of the paper (paperOf): not a view that keeps the file's whole text.
    if (value !== null) facts[name] = (typeof value === 'string' ? detached(value) : value) as PaperFacts[K];
  };
  /** A fact many papers share (a venue, a publisher): the one copy of it. */
  const putShared = (name: 'venue' | 'series' | 'publisher', value: string | null): void => {
    if (value !== null) facts[name] = shared.copy(value);
  };
  putShared(
    'venue',
    textField(fields, 'journal') ?? textField(fields, 'journaltitle') ?? textField(fields, 'booktitle'),
  );
  putShared('series', textField(fields, 'series'));
  put('volume', textField(fields, 'volume'));
  put('number', textField(fields, 'number') ?? textField(fields, 'issue'));
  put('pages', textField(fields, 'pages'));
  putShared(
    'publisher',
    textField(fields, 'publisher') ?? textField(fields, 'institution') ?? textField(fields, 'school'),
  );
  const editor = fields.getFact('editor');
  const editors = editor === undefined ? [] : splitNames(editor, names);
  put('editors', editors.length > 0 ? editors : null);
  put('month', monthOf(fields));
  put('published', biblatexDate(fields));
  put('primaryCategory', arxivId === null ? null : textField(fields, 'primaryclass'));
  return facts;
}

/**
 * One copy of each text that many papers of a file share (an entry type, a venue, a publisher), rather than one
 * for each paper: a bibliography of 100,000 entries names a few hundred venues.
 */
class SharedTexts {
  readonly #copies = new Map<string, string>();

  /** The text, as a copy that keeps nothing of the file's text (detached.ts), made the first time it is asked for. */
  copy(text: string): string {
    let copy = this.#copies.get(text);
    if (copy === undefined) {
      copy = detached(text);
      this.#copies.set(copy, copy);
    }
    return copy;
  }
}

/** A field as text, TeX decoded; null when the entry has none or it is blank. */
function textField(fields: EntryFields, name: string): string | null {
  const raw = fields.getFact(name);
  if (raw === undefined) return null;
  const text = decodedText(raw);
  return text === '' ? null : text;
}

/** The entry's keywords, each once; most entries have none. */
function keywordsOf(raw: string | undefined): readonly string[] {
  if (raw === undefined) return NO_KEYWORDS;
  return uniqueInOrder(
    decodeTex(raw)
      .split(/[,;]/)
      .map(collapseWhitespace)
      .filter((keyword) => keyword !== ''),
  ).map(detached);
}

/** The keywords of every entry without any: one array for them all. */
const NO_KEYWORDS: readonly string[] = Object.freeze([]);

/** TeX decoded, its whitespace collapsed. */
function decodedText(raw: string): string {
  return plainTextCollapsed(raw) ?? collapseWhitespace(decodeTex(raw));
}

/** TeX decoded, in paragraphs: plain text is one line, one paragraph. */
function abstractText(raw: string): string {
  return plainTextCollapsed(raw) ?? joinParagraphs(splitParagraphs(decodeTex(raw)));
}

/** The month the entry gives (`month = dec`, `{12}`, `{December}`), 1–12. */
function monthOf(fields: EntryFields): number | null {
  const written = fields.getFact('month');
  const known = written === undefined ? undefined : MONTHS_AS_WRITTEN.get(written);
  if (known !== undefined) return known;
  const text = withoutBraces(written ?? '');
  if (text === '') return null;
  const month = /^\d{1,2}$/.test(text) ? Number(text) : monthNumber(text);
  return month !== null && month >= 1 && month <= 12 ? month : null;
}

/** What most entries' month is once expanded (`month = nov` is "November"), or `{11}`: told by one look-up. */
const MONTHS_AS_WRITTEN: ReadonlyMap<string, number> = new Map(
  Array.from({ length: 12 }, (_, index) => [
    [monthName(index + 1), index + 1] as const,
    [String(index + 1), index + 1] as const,
  ]).flat(),
);

/** A biblatex `date`: 2020-12-06, or 2020-12. */
function biblatexDate(fields: EntryFields): string | null {
  const date = /^\s*\{?(\d{4})-(\d{2})(?:-(\d{2}))?\b/.exec(fields.getFact('date') ?? '');
  if (date?.[1] === undefined || date[2] === undefined) return null;
  const [year, month] = [Number(date[1]), Number(date[2])];
  if (date[3] !== undefined) return isoDate(year, month, Number(date[3]));
  return month >= 1 && month <= 12 ? `${date[1]}-${date[2]}` : null;
}

function withoutBraces(text: string): string {
  // Most values have no braces: tested for, rather than a copy made by a replace that finds none.
  return (text.includes('{') || text.includes('}') ? text.replace(/[{}]/g, '') : text).trim();
}

function arxivIdOf(fields: EntryFields): string | null {
  const prefix = fields.get('archiveprefix') ?? fields.get('eprinttype');
  const eprint = fields.get('eprint');
  if (eprint !== undefined && (prefix === undefined || /arxiv/i.test(prefix))) {
    const id = normalizeArxivId(withoutBraces(eprint));
    if (id !== null) return id;
  }
  // Only the fields the entry has: most have none of these, and each would be looked at for nothing.
  for (const name of ['arxivid', 'arxiv']) {
    const value = fields.get(name);
    const id = value === undefined ? null : normalizeArxivId(withoutBraces(value));
    if (id !== null) return id;
  }
  const doi = fields.get('doi');
  const arxivDoi = doi === undefined ? undefined : /^10\.48550\/arxiv\.(.+)$/i.exec(withoutBraces(doi))?.[1];
  if (arxivDoi !== undefined) return normalizeArxivId(arxivDoi);
  for (const name of ['url', 'journal', 'note', 'howpublished']) {
    const value = fields.get(name);
    const id = value === undefined ? null : arxivIdMentionedIn(withoutBraces(value));
    if (id !== null) return id;
  }
  return null;
}

/** "arXiv preprint arXiv:2303.12345", "https://arxiv.org/abs/2303.12345v2". */
function arxivIdMentionedIn(text: string): string | null {
  // Most fields (a DOI's URL, a journal's name) do not say arXiv: tested for without the iterator of matchAll.
  if (!/arxiv/i.test(text)) return null;
  const mentions = text.matchAll(/arxiv\.org\/(?:abs|pdf)\/([\w./-]+)|arxiv:\s*([\w./-]+)/gi);
  for (const mention of mentions) {
    const id = normalizeArxivId((mention[1] ?? mention[2] ?? '').replace(/[.,;]+$/, ''));
    if (id !== null) return id;
  }
  return null;
}

function yearOf(fields: EntryFields): number | null {
  const field = fields.get('year') ?? '';
  // Most entries write the year alone: tested for, without the array a match makes.
  if (/^\d{4}$/.test(field)) return Number(field);
  const year = /\b(\d{4})\b/.exec(field)?.[1] ?? /^\s*\{?(\d{4})/.exec(fields.get('date') ?? '')?.[1];
  return year === undefined ? null : Number(year);
}

/**
 * "Schr{\"o}dinger, Erwin and {The ATLAS Collaboration} and others" → ["Erwin Schrödinger", "The ATLAS Collaboration"]:
 * each name is what stands between the words "and" outside braces, from its first word to its last. Read in one pass,
 * a word at a time, each name hashed as it is read for the cache (name-cache.ts): no string is made for a name seen
 * before (a file names hundreds of thousands, and DBLP indents each on a line of its own).
 */
export function splitNames(raw: string, cache: NameCache = new NameCache()): readonly string[] {
  const names: string[] = [];
  const length = raw.length;
  let depth = 0;
  /** The current name's first word's start and last word's end (-1: no word yet), and its hash up to that end. */
  let nameStart = -1;
  let nameEnd = -1;
  let nameHash = HASH_START;
  /** The hash of the current name up to `index`, the blank space between its words included. */
  let hash = HASH_START;
  let index = 0;
  while (index < length) {
    const code = raw.charCodeAt(index);
    if (depth === 0 && isWhitespaceCode(code)) {
      if (nameStart >= 0) hash = hashStep(hash, code);
      index++;
      continue;
    }
    // A word: up to blank space outside braces.
    const wordStart = index;
    for (; index < length; index++) {
      const code = raw.charCodeAt(index);
      if (code === 0x7b) depth++;
      else if (code === 0x7d) depth--;
      else if (depth === 0 && isWhitespaceCode(code)) break;
      hash = hashStep(hash, code);
    }
    if (index - wordStart === 3 && isAnd(raw, wordStart)) {
      if (nameStart >= 0) pushName(names, cache.decoded(raw, nameStart, nameEnd, nameHash, decodedName));
      nameStart = -1;
      hash = HASH_START;
    } else {
      if (nameStart < 0) nameStart = wordStart;
      nameEnd = index;
      nameHash = hash;
    }
  }
  if (nameStart >= 0) pushName(names, cache.decoded(raw, nameStart, nameEnd, nameHash, decodedName));
  // A copy as long as its names: the array pushed into holds room for 17, which every paper would keep.
  return names.slice();
}

/** Adds a decoded name, unless it was "others" (decodedName gives ''). */
function pushName(names: string[], name: string): void {
  if (name !== '') names.push(name);
}

/** Whether the three characters at `at` are "and", in any case. */
function isAnd(text: string, at: number): boolean {
  return (
    (text.charCodeAt(at) | 0x20) === 0x61 &&
    (text.charCodeAt(at + 1) | 0x20) === 0x6e &&
    (text.charCodeAt(at + 2) | 0x20) === 0x64
  );
}

/** A name as written, decoded; '' for "others". */
function decodedName(written: string): string {
  // Most names are written with one space between words: they are their words joined by one space already.
  const name = NOT_ONE_SPACE_APART.test(written) ? topLevelWords(written).join(' ') : written;
  if (name.length === 6 && name.toLowerCase() === 'others') return '';
  return decodedText(firstNameFirst(name));
}

/** Whitespace but a space, two spaces in a row, or a space at either end. */
const NOT_ONE_SPACE_APART = /[^\S ]| {2}|^ | $/;

/** "Last, First" → "First Last"; "Last, Jr., First" → "First Last Jr.". */
function firstNameFirst(name: string): string {
  if (!name.includes(',')) return name.trim();
  const [last = '', second, third] = splitTopLevel(name, isComma).map((part) => part.trim());
  if (third !== undefined) return `${third} ${last} ${second ?? ''}`;
  if (second !== undefined) return `${second} ${last}`;
  return last;
}

function topLevelWords(text: string): readonly string[] {
  return splitTopLevel(text, isWhitespaceCode).filter((word) => word !== '');
}

const isComma = (code: number): boolean => code === 0x2c;

/** Splits at separators outside braces. In slices of the text: names are split by the hundred thousand. */
function splitTopLevel(text: string, separates: (code: number) => boolean): readonly string[] {
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x7b) depth++;
    else if (code === 0x7d) depth--;
    else if (depth === 0 && separates(code)) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
