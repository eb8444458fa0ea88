/**
 * Papers as CSL-JSON, the citation data of Zotero, pandoc (`--bibliography`, `-f csljson`) and the word processors'
 * citation plug-ins. An arXiv paper is what Zotero's arXiv import makes of it: type "article" (CSL's preprint, a
 * Zotero Preprint), `publisher` "arXiv" (Zotero's Repository), `number` "arXiv:ID" (Zotero's Archive ID) and the DOI.
 * `archive` and `archive_location` are left out: styles print them besides, "arXiv. 2302.04265. arXiv." in Chicago.
 * Text is plain (core/export/citation-fields.ts). Pure.
 */

import type { Paper } from '../model.js';
import type { NameParts } from '../person-name.js';
import { citationOf, familyWithParticle, type Citation, type CitationKind } from './citation-fields.js';
import { citationKeys } from './citation-key.js';

/** A CSL name. The particle stays in the family name: Zotero's CSL import keeps only `family` and `given`. */
function cslName(name: NameParts): Readonly<Record<string, string>> {
  return {
    family: familyWithParticle(name),
    ...(name.given === '' ? {} : { given: name.given }),
    ...(name.suffix === '' ? {} : { suffix: name.suffix }),
  };
}

/** CSL's types, as pandoc reads BibTeX's. */
const CSL_TYPE: Readonly<Record<CitationKind, string>> = {
  article: 'article-journal',
  conference: 'paper-conference',
  chapter: 'chapter',
  book: 'book',
  thesis: 'thesis',
  report: 'report',
  preprint: 'article',
};

function cslEntry(citation: Citation): Readonly<Record<string, unknown>> {
  const { key, authors, year, arxivArchiveId, doi, url, abstract, keywords, published, pages } = citation;
  return {
    id: key,
    'citation-key': key,
    type: CSL_TYPE[citation.kind],
    title: citation.title,
    ...(authors.length === 0 ? {} : { author: authors.map(cslName) }),
    ...(year === null ? {} : { issued: { 'date-parts': [[year]] } }),
    ...(published.venue === undefined ? {} : { 'container-title': published.venue }),
    ...(published.volume === undefined ? {} : { volume: published.volume }),
    ...(published.number === undefined ? {} : { issue: published.number }),
    ...(pages.length === 0 ? {} : { page: pages.join('–') }),
    ...(published.publisher === undefined ? {} : { publisher: published.publisher }),
    ...(arxivArchiveId === null || published.venue !== undefined ? {} : { publisher: 'arXiv', number: arxivArchiveId }),
    ...(doi === null ? {} : { DOI: doi }),
    ...(url === null ? {} : { URL: url }),
    ...(abstract.length === 0 ? {} : { abstract: abstract.join('\n\n') }),
    ...(keywords.length === 0 ? {} : { keyword: keywords.join(', ') }),
  };
}

/** A CSL-JSON array of the papers, in order, under their citation keys (core/export/citation-key.ts). */
export function cslJsonEntries(papers: readonly Paper[], keys: readonly string[] = citationKeys(papers)): string {
  const entries = papers.map((paper, at) => cslEntry(citationOf(paper, keys[at] ?? '')));
  return `${JSON.stringify(entries, null, 2)}\n`;
}
