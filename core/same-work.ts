/**
 * Whether two records with one title may be one work, as Zotero's duplicate detection decides: different arXiv ids
 * or DOIs, years more than one apart, or author lists with no author in common say they are different works.
 * One difference from Zotero, kept on purpose: a record without authors (a page's text) is not contradicted by
 * another's authors. Pure.
 */

import { nameKey, sameAuthor, type NameKey } from './person-name.js';

/** What identity compares of a record beyond its title. */
export interface WorkFacts {
  readonly authors: readonly string[];
  readonly arxivId: string | null;
  readonly doi: string | null;
  readonly year: number | null;
}

/** How many family names a reason lists of each record before "…". */
const NAMES_SHOWN = 3;

function keysOf(authors: readonly string[]): NameKey[] {
  return authors.flatMap((author) => nameKey(author) ?? []);
}

function familyNames(keys: readonly NameKey[]): string {
  const names = keys.map((key) => key.written);
  return names.length > NAMES_SHOWN ? `${names.slice(0, NAMES_SHOWN).join(', ')}, …` : names.join(', ');
}

/** Neither has a name the other has: by family name, and first initial where both have one. */
function noAuthorInCommon(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  // The same record seen again: the same names, spelled alike, and no need to read them.
  const spelled = new Set(a);
  if (b.some((name) => spelled.has(name))) return false;
  const aKeys = keysOf(a);
  const bKeys = keysOf(b);
  return aKeys.length > 0 && bKeys.length > 0 && !aKeys.some((key) => bKeys.some((other) => sameAuthor(key, other)));
}

const otherArxivId = (a: WorkFacts, b: WorkFacts): boolean =>
  a.arxivId !== null && b.arxivId !== null && a.arxivId !== b.arxivId;
const otherDoi = (a: WorkFacts, b: WorkFacts): boolean =>
  a.doi !== null && b.doi !== null && a.doi.toLowerCase() !== b.doi.toLowerCase();
const yearsApart = (a: WorkFacts, b: WorkFacts): boolean =>
  a.year !== null && b.year !== null && Math.abs(a.year - b.year) > 1;

/** Whether two records with one title are one work: nothing says otherwise. */
export function mayBeSameWork(a: WorkFacts, b: WorkFacts): boolean {
  return !otherArxivId(a, b) && !otherDoi(a, b) && !yearsApart(a, b) && !noAuthorInCommon(a.authors, b.authors);
}

/**
 * Why `a` and `b`, which share a title, are different works: "years 1974 and 1986", "different DOIs (…)". Empty
 * exactly when mayBeSameWork says they are one.
 */
export function differences(a: WorkFacts, b: WorkFacts): readonly string[] {
  const reasons: string[] = [];
  if (otherArxivId(a, b)) reasons.push(`different arXiv ids (${a.arxivId ?? ''} and ${b.arxivId ?? ''})`);
  if (otherDoi(a, b)) reasons.push(`different DOIs (${a.doi ?? ''} and ${b.doi ?? ''})`);
  if (yearsApart(a, b)) reasons.push(`years ${a.year ?? ''} and ${b.year ?? ''}`);
  if (noAuthorInCommon(a.authors, b.authors)) {
    reasons.push(`no author in common (${familyNames(keysOf(a.authors))} and ${familyNames(keysOf(b.authors))})`);
  }
  return reasons;
}
