/**
 * What a paper's sources say of it beyond its title, authors and identifiers: where and when it appeared (a BibTeX
 * entry's type, venue, volume, pages…), arXiv's categories and comments, and how Hugging Face's readers took it.
 * Every field is optional and only there when a source gave it, so that a record stays as small as what is known.
 * How two records' facts combine when a paper is imported again or merged. Pure.
 */

import { sameItems } from './arrays.js';

export interface PaperFacts {
  /** The kind of publication, as a BibTeX entry type in lower case: "article", "inproceedings", "misc", … */
  readonly type?: string;
  /** Where it appeared: the journal, or the book or proceedings it is part of (BibTeX's journal or booktitle). */
  readonly venue?: string;
  /** The series the volume belongs to: "Lecture Notes in Computer Science". */
  readonly series?: string;
  readonly volume?: string;
  readonly number?: string;
  /** As a reader writes them: "6840–6851". */
  readonly pages?: string;
  /** The publisher; for a thesis the school, for a report the institution (as citation styles take them). */
  readonly publisher?: string;
  /** The editors of the book or proceedings, first name first. */
  readonly editors?: readonly string[];
  /** The month of publication a BibTeX entry gives, 1–12. */
  readonly month?: number;
  /**
   * When it was published, YYYY-MM-DD, or YYYY-MM when the source gives no day: arXiv's first version (which
   * Hugging Face gives as publishedAt too), or a biblatex entry's date. A BibTeX entry's year and month are the
   * record's year and `month`, not repeated here: publishedDate gives either.
   */
  readonly published?: string;
  /** arXiv's journal reference: "Phys. Rev. D 76, 013009 (2007)". */
  readonly journalRef?: string;
  /** arXiv's primary category, "cs.LG"; the paper's categories hold it and those it is cross-listed in. */
  readonly primaryCategory?: string;
  /** arXiv's Comments line: "Accepted at ICLR 2026; 9 pages". */
  readonly comment?: string;
  /** Upvotes on Hugging Face Daily Papers, as of the latest import that gave them. */
  readonly hfUpvotes?: number;
  /** Comments on the paper's Hugging Face page, as of the latest import that gave them. */
  readonly hfComments?: number;
}

/** Every field of PaperFacts, each once: a field added to the type and not here fails to compile. */
const FACT_KINDS = {
  type: 'text',
  venue: 'text',
  series: 'text',
  volume: 'text',
  number: 'text',
  pages: 'text',
  publisher: 'text',
  editors: 'texts',
  month: 'month',
  published: 'date',
  journalRef: 'text',
  primaryCategory: 'text',
  comment: 'text',
  hfUpvotes: 'count',
  hfComments: 'count',
} as const satisfies { readonly [K in keyof Required<PaperFacts>]: string };

export type FactName = keyof typeof FACT_KINDS;
export type FactKind = (typeof FACT_KINDS)[FactName];

export const FACT_NAMES = Object.keys(FACT_KINDS) as readonly FactName[];

export function factKind(name: FactName): FactKind {
  return FACT_KINDS[name];
}

/** Each fact in words, for messages: "the journal reference cut from …". */
export const FACT_WORDS: { readonly [K in FactName]: string } = {
  type: 'entry type',
  venue: 'venue',
  series: 'series',
  volume: 'volume',
  number: 'number',
  pages: 'pages',
  publisher: 'publisher',
  editors: 'editors',
  month: 'month',
  published: 'publication date',
  journalRef: 'journal reference',
  primaryCategory: 'primary category',
  comment: 'arXiv comments',
  hfUpvotes: 'Hugging Face upvotes',
  hfComments: 'Hugging Face comments',
};

/** The facts of the publication itself, which come from one source together (a BibTeX entry), never mixed. */
const PUBLICATION: ReadonlySet<FactName> = new Set([
  'type',
  'venue',
  'series',
  'volume',
  'number',
  'pages',
  'publisher',
  'editors',
  'month',
]);

/** Counts a source gives as they are now: the latest import's replace what an earlier one said. */
const COUNTS: ReadonlySet<FactName> = new Set(['hfUpvotes', 'hfComments']);

/** Facts as a parser finds them: a field it did not find may be null, undefined or empty. */
type FoundFacts = { readonly [K in FactName]?: PaperFacts[K] | null | undefined };

/** The facts a source gave, without the fields it did not give; undefined when it gave none. */
export function factsOf(found: FoundFacts): PaperFacts | undefined {
  let facts: Record<string, unknown> | undefined;
  for (const name of FACT_NAMES) {
    const value = found[name];
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    facts ??= {};
    facts[name] = value;
  }
  return facts;
}

/** A BibTeX entry type that says where the paper appeared, as "misc" does not. */
const isSpecificType = (type: string | undefined): type is string => type !== undefined && type !== 'misc';

/**
 * The facts of a stored record with what another source adds, `stored` itself when it adds nothing. What the
 * stored record has stays, but for the counts when `countsFrom` is 'incoming' (an import: Hugging Face's counts
 * as of now). The publication's facts (type, venue, pages, …) are one source's, never mixed: an entry of another
 * type (an @inproceedings where the record is an @article) leaves them as they are; one that says where the paper
 * appeared (an @inproceedings) replaces those of one that did not (a @misc, or none); else gaps are filled in.
 */
export function mergeFacts(
  stored: PaperFacts | undefined,
  incoming: PaperFacts | undefined,
  countsFrom: 'incoming' | 'stored' = 'incoming',
): PaperFacts | undefined {
  if (incoming === undefined) return stored;
  if (stored === undefined) return incoming;
  const replacesPublication = !isSpecificType(stored.type) && isSpecificType(incoming.type);
  const fillsPublication = !isSpecificType(stored.type) || incoming.type === undefined || incoming.type === stored.type;
  // Copied only from the first fact that changes: a re-import mostly changes nothing.
  let merged: Record<string, unknown> | null = null;
  for (let index = 0; index < FACT_NAMES.length; index++) {
    const name = FACT_NAMES[index] as FactName;
    const mine = stored[name];
    const theirs = incoming[name];
    let value: unknown;
    if (PUBLICATION.has(name)) value = replacesPublication ? theirs : fillsPublication ? (mine ?? theirs) : mine;
    else if (COUNTS.has(name) && countsFrom === 'incoming') value = theirs ?? mine;
    else value = mine ?? theirs;
    if (merged === null) {
      if (value === mine) continue;
      merged = {};
      for (const earlier of FACT_NAMES.slice(0, index))
        if (stored[earlier] !== undefined) merged[earlier] = stored[earlier];
    }
    if (value !== undefined) merged[name] = value;
  }
  return merged ?? stored;
}

/** Whether two records' facts say the same. */
export function sameFacts(a: PaperFacts | undefined, b: PaperFacts | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return FACT_NAMES.every((name) => {
    const [x, y] = [a[name], b[name]];
    return Array.isArray(x) && Array.isArray(y) ? sameItems(x, y) : x === y;
  });
}

/** When the paper was published, YYYY-MM-DD or YYYY-MM: what a source said, else its year and BibTeX month. */
export function publishedDate(paper: { readonly year: number | null; readonly facts?: PaperFacts }): string | null {
  const { year, facts } = paper;
  if (facts?.published !== undefined) return facts.published;
  if (year === null || facts?.month === undefined) return null;
  return `${String(year).padStart(4, '0')}-${String(facts.month).padStart(2, '0')}`;
}

/** Where the paper appeared, as a list row or a citation names it: its venue, else arXiv's journal reference. */
export function venueOf(facts: PaperFacts | undefined): string | null {
  return facts?.venue ?? facts?.journalRef ?? null;
}

/**
 * Where the paper appeared in a few words, as a list row shows it: its venue, else arXiv's journal reference, else
 * "arXiv cs.CL" (arXiv and its primary category), or "arXiv" for an arXiv paper whose primary category is unknown.
 */
export function venueLabelOf(paper: { readonly arxivId: string | null; readonly facts?: PaperFacts }): string | null {
  const { facts } = paper;
  const venue = venueOf(facts);
  if (venue !== null) return venue;
  if (facts?.primaryCategory !== undefined) return `arXiv ${facts.primaryCategory}`;
  return paper.arxivId === null ? null : 'arXiv';
}

/** The paper's categories with its primary one first. */
export function categoriesPrimaryFirst(categories: readonly string[], facts: PaperFacts | undefined): string[] {
  const primary = facts?.primaryCategory;
  if (primary === undefined) return [...categories];
  return [primary, ...categories.filter((category) => category !== primary)];
}

/** Volume, number and pages as a citation gives them: "vol. 529, no. 7587, pp. 484–489"; null when none is known. */
export function volumeAndPages(facts: PaperFacts | undefined): string | null {
  if (facts === undefined) return null;
  const { volume, number, pages } = facts;
  const parts = [
    volume === undefined ? null : `vol. ${volume}`,
    number === undefined ? null : `no. ${number}`,
    pages === undefined ? null : `${/[–-]/.test(pages) ? 'pp.' : 'p.'} ${pages}`,
  ].filter((part) => part !== null);
  return parts.length === 0 ? null : parts.join(', ');
}
