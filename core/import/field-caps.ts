/**
 * How long each field of an imported paper may be: far more than any real paper needs, so that a digest of a
 * title or author list a megabyte long is cut to size once, as it is read, instead of being stored, indexed and
 * drawn as it came. Applied to what every format's parser gives (see index.ts); what was cut is said in a warning
 * that names the paper and the field. Pure.
 */

import type { ParsedPaper } from '../model.js';
import { FACT_NAMES, FACT_WORDS, factKind, type PaperFacts } from '../paper-facts.js';
import { quoteForMessage } from '../terminal-text.js';
import type { ImportWarning, LibrarySnapshot, ParsedDigest } from './types.js';

export const FIELD_CAPS = {
  title: 2_000,
  abstract: 100_000,
  /** Characters in one author's name. */
  author: 1_000,
  /** Authors of one paper: the largest collaborations list about 3,000. */
  authors: 5_000,
  /** Characters in one category or keyword. */
  category: 200,
  categories: 500,
  /** Links of one paper; each is at most MAX_LINK_LENGTH long already, as a link cut short would lead elsewhere. */
  links: 200,
  /** An identifier cut short would name another paper: a longer one is dropped. */
  doi: 1_000,
  arxivId: 64,
  /** Characters in a digest's name. */
  digestTitle: 2_000,
  /** Characters in one of a paper's facts (a venue, a publisher, arXiv's comments) or one of its editors' names. */
  fact: 2_000,
  /** Editors of one paper. */
  editors: 1_000,
} as const;

export const ELLIPSIS = '…';

const count = (value: number): string => value.toLocaleString('en');

/** `text` cut to at most `max` characters, the last of them an ellipsis; never half a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

function overLong(texts: readonly string[], max: number): boolean {
  // A loop, not `some`: every author of every paper of an import comes here.
  for (const text of texts) if (text.length > max) return true;
  return false;
}

function longest(texts: readonly string[]): number {
  return texts.reduce((most, text) => Math.max(most, text.length), 0);
}

/** Whether any field is over its cap: the quick test every paper of a large import takes. */
function needsCutting(paper: ParsedPaper): boolean {
  return (
    paper.title.length > FIELD_CAPS.title ||
    paper.abstract.length > FIELD_CAPS.abstract ||
    paper.authors.length > FIELD_CAPS.authors ||
    paper.categories.length > FIELD_CAPS.categories ||
    paper.links.length > FIELD_CAPS.links ||
    (paper.doi?.length ?? 0) > FIELD_CAPS.doi ||
    (paper.arxivId?.length ?? 0) > FIELD_CAPS.arxivId ||
    overLong(paper.authors, FIELD_CAPS.author) ||
    overLong(paper.categories, FIELD_CAPS.category) ||
    (paper.facts !== undefined && factsNeedCutting(paper.facts))
  );
}

function factsNeedCutting(facts: PaperFacts): boolean {
  for (const name of FACT_NAMES) {
    const value = facts[name];
    if (typeof value === 'string' && value.length > FIELD_CAPS.fact) return true;
  }
  return (
    facts.editors !== undefined &&
    (facts.editors.length > FIELD_CAPS.editors || overLong(facts.editors, FIELD_CAPS.fact))
  );
}

/** The facts within their caps, and what was cut, in words. */
function capFacts(facts: PaperFacts): { readonly facts: PaperFacts; readonly problems: readonly string[] } {
  if (!factsNeedCutting(facts)) return { facts, problems: [] };
  const problems: string[] = [];
  const capped: Record<string, unknown> = { ...facts };
  for (const name of FACT_NAMES) {
    const value = facts[name];
    if (factKind(name) === 'text' && typeof value === 'string' && value.length > FIELD_CAPS.fact) {
      problems.push(`${FACT_WORDS[name]} cut from ${count(value.length)} to ${count(FIELD_CAPS.fact)} characters`);
      capped[name] = cutText(value, FIELD_CAPS.fact);
    }
  }
  if (facts.editors !== undefined) {
    const editors = cutList(
      facts.editors,
      { count: FIELD_CAPS.editors, length: FIELD_CAPS.fact },
      { one: 'editor', many: 'editors' },
      ELLIPSIS,
    );
    problems.push(...editors.problems);
    capped['editors'] = editors.values;
  }
  return { facts: capped, problems };
}

/**
 * A list of texts within its caps, and what was cut, in words. `more` is put last in place of what a list too long
 * loses, so that the list reads as cut: "…" for the authors.
 */
function cutList(
  values: readonly string[],
  caps: { readonly count: number; readonly length: number },
  names: { readonly one: string; readonly many: string },
  more?: string,
): { readonly values: readonly string[]; readonly problems: readonly string[] } {
  const problems: string[] = [];
  let kept = values;
  const tooLong = values.filter((value) => value.length > caps.length);
  if (tooLong.length > 0) {
    const what = tooLong.length === 1 ? `1 ${names.one}` : `${count(tooLong.length)} ${names.many}`;
    kept = values.map((value) => cutText(value, caps.length));
    problems.push(`${what} cut to ${count(caps.length)} characters (the longest had ${count(longest(tooLong))})`);
  }
  if (kept.length > caps.count) {
    if (more === undefined) {
      problems.push(`${names.many} cut from ${count(kept.length)} to ${count(caps.count)}`);
      kept = kept.slice(0, caps.count);
    } else {
      problems.push(`${names.many} cut from ${count(kept.length)} to the first ${count(caps.count - 1)} and “${more}”`);
      kept = [...kept.slice(0, caps.count - 1), more];
    }
  }
  return { values: kept, problems };
}

/** The paper as a message names it: its arXiv id, or the start of its title. */
function paperName(paper: ParsedPaper, position: number): string {
  const arxivId = paper.arxivId !== null && paper.arxivId.length <= FIELD_CAPS.arxivId ? paper.arxivId : null;
  const name = arxivId !== null ? `arXiv:${quoteForMessage(arxivId)}` : `“${quoteForMessage(paper.title, 40)}”`;
  return `paper ${count(position + 1)} (${name})`;
}

/**
 * The paper with every field within FIELD_CAPS (the same object when all are), and a warning for each field cut.
 * Lists are cut at their end.
 */
function capPaper<T extends ParsedPaper>(
  paper: T,
  position: number,
): { readonly paper: T; readonly warnings: readonly ImportWarning[] } {
  if (!needsCutting(paper)) return { paper, warnings: [] };
  const problems: string[] = [];
  const cut = (field: string, text: string, max: number): string => {
    if (text.length <= max) return text;
    problems.push(`${field} cut from ${count(text.length)} to ${count(max)} characters`);
    return cutText(text, max);
  };
  const identifier = (field: string, value: string | null, max: number): string | null => {
    if (value === null || value.length <= max) return value;
    problems.push(`${field} dropped: ${count(value.length)} characters, over the ${count(max)} an identifier may have`);
    return null;
  };

  const title = cut('title', paper.title, FIELD_CAPS.title);
  const abstract = cut('abstract', paper.abstract, FIELD_CAPS.abstract);
  const authors = cutList(
    paper.authors,
    { count: FIELD_CAPS.authors, length: FIELD_CAPS.author },
    { one: 'author', many: 'authors' },
    ELLIPSIS,
  );
  problems.push(...authors.problems);
  const categories = cutList(
    paper.categories,
    { count: FIELD_CAPS.categories, length: FIELD_CAPS.category },
    { one: 'category', many: 'categories' },
  );
  problems.push(...categories.problems);
  let links = paper.links;
  if (links.length > FIELD_CAPS.links) {
    problems.push(`links cut from ${count(links.length)} to ${count(FIELD_CAPS.links)}`);
    links = links.slice(0, FIELD_CAPS.links);
  }
  const doi = identifier('DOI', paper.doi, FIELD_CAPS.doi);
  const arxivId = identifier('arXiv id', paper.arxivId, FIELD_CAPS.arxivId);
  const facts = paper.facts === undefined ? undefined : capFacts(paper.facts);
  if (facts !== undefined) problems.push(...facts.problems);

  const where = paperName(paper, position);
  const capped = {
    ...paper,
    title,
    abstract,
    authors: authors.values,
    categories: categories.values,
    links,
    doi,
    arxivId,
  };
  return {
    paper: facts === undefined ? capped : { ...capped, facts: facts.facts },
    warnings: problems.map((reason) => ({ where, reason })),
  };
}

function capDigestTitle(title: string, where: string): { title: string; warnings: readonly ImportWarning[] } {
  if (title.length <= FIELD_CAPS.digestTitle) return { title, warnings: [] };
  return {
    title: cutText(title, FIELD_CAPS.digestTitle),
    warnings: [
      {
        where,
        reason: `its name cut from ${count(title.length)} to ${count(FIELD_CAPS.digestTitle)} characters`,
      },
    ],
  };
}

/** Papers within FIELD_CAPS, and what was cut; `first`: where the first of them is among its file's papers. */
export function capPapers<T extends ParsedPaper>(
  papers: readonly T[],
  first = 0,
): { readonly papers: readonly T[]; readonly warnings: readonly ImportWarning[] } {
  if (!papers.some(needsCutting)) return { papers, warnings: [] };
  const warnings: ImportWarning[] = [];
  const capped = papers.map((paper, position) => {
    const result = capPaper(paper, first + position);
    warnings.push(...result.warnings);
    return result.paper;
  });
  return { papers: capped, warnings };
}

/** A digest's name within FIELD_CAPS, and what was cut. */
export function capDigestName(title: string): { readonly title: string; readonly warnings: readonly ImportWarning[] } {
  return capDigestTitle(title, 'the digest');
}

/** A parsed digest within FIELD_CAPS, and what was cut. */
export function capDigest(digest: ParsedDigest): {
  readonly digest: ParsedDigest;
  readonly warnings: readonly ImportWarning[];
} {
  const named = capDigestName(digest.title);
  const cut = capPapers(digest.papers);
  if (named.warnings.length === 0 && cut.warnings.length === 0) return { digest, warnings: [] };
  return {
    digest: { ...digest, title: named.title, papers: cut.papers },
    warnings: [...named.warnings, ...cut.warnings],
  };
}

/** A library from Shelfmark's own export within FIELD_CAPS (its papers and its digests' names), and what was cut. */
export function capLibrary(library: LibrarySnapshot): {
  readonly library: LibrarySnapshot;
  readonly warnings: readonly ImportWarning[];
} {
  const warnings: ImportWarning[] = [];
  const digests = library.catalogue.digests.map((digest, position) => {
    const named = capDigestTitle(digest.title, `digest ${count(position + 1)} (${quoteForMessage(digest.id)})`);
    warnings.push(...named.warnings);
    return named.warnings.length === 0 ? digest : { ...digest, title: named.title };
  });
  const cut = capPapers(library.catalogue.papers);
  warnings.push(...cut.warnings);
  if (warnings.length === 0) return { library, warnings: [] };
  return { library: { ...library, catalogue: { papers: cut.papers, digests } }, warnings };
}
