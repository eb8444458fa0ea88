/**
 * Papers as RIS, the tagged format every reference manager imports (Zotero, Mendeley, EndNote). RIS has no preprint
 * type that Zotero reads (Zotero writes its own preprints as GEN and reads GEN back as a journal article, with the
 * repository left in a note), so a preprint is `TY  - JOUR` (a paper whose source named its type keeps it), as DBLP's and Google Scholar's exports write arXiv
 * papers; an arXiv paper is in "arXiv" (`T2`, Zotero's Publication), with the id as its accession number in the
 * arXiv database (`AN` "arXiv:ID" and `DB` "arXiv", Zotero's Loc. in Archive and Archive), and the DOI.
 * One value a line, lines ending CRLF as the RIS specification and Zotero's export have it; an abstract's paragraphs
 * are lines of their own, which Zotero reads as paragraphs and other readers as spaces. Text is plain
 * (core/export/citation-fields.ts). Pure.
 */

import type { Paper } from '../model.js';
import type { NameParts } from '../person-name.js';
import { citationOf, familyWithParticle, type Citation, type CitationKind } from './citation-fields.js';
import { citationKeys } from './citation-key.js';

/** What a line that opens a tag looks like to Zotero's reader, which allows one space before the dash. */
const TAG_LINE = /^[A-Z][A-Z0-9] {1,2}-( |$)/;

/** "van Beethoven, Ludwig, Jr.": RIS's "Lastname, Firstname, Suffix". */
function risName(name: NameParts): string {
  const parts = [familyWithParticle(name), name.given, name.suffix];
  while (parts.length > 1 && parts.at(-1) === '') parts.pop();
  return parts.join(', ');
}

/** The abstract's lines; a paragraph that would read as a tag ("AI - based …") goes on the line before. */
function abstractLines(paragraphs: readonly string[]): string[] {
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    const last = lines.at(-1);
    if (last !== undefined && TAG_LINE.test(paragraph)) lines[lines.length - 1] = `${last} ${paragraph}`;
    else lines.push(paragraph);
  }
  return lines;
}

/** RIS's types for the kinds a source names; a preprint is JOUR, as above. */
const RIS_TYPE: Readonly<Record<CitationKind, string>> = {
  article: 'JOUR',
  conference: 'CPAPER',
  chapter: 'CHAP',
  book: 'BOOK',
  thesis: 'THES',
  report: 'RPRT',
  preprint: 'JOUR',
};

function risEntry(citation: Citation): string {
  const { year, arxivArchiveId, doi, url, published } = citation;
  const tags: [string, string][] = [
    ['TY', RIS_TYPE[citation.kind]],
    ['ID', citation.key],
    ['TI', citation.title],
    ...citation.authors.map((name): [string, string] => ['AU', risName(name)]),
  ];
  if (year !== null) tags.push(['PY', String(year)]);
  if (citation.abstract.length > 0) tags.push(['AB', abstractLines(citation.abstract).join('\r\n')]);
  if (published.venue !== undefined) tags.push(['T2', published.venue]);
  if (published.volume !== undefined) tags.push(['VL', published.volume]);
  if (published.number !== undefined) tags.push(['IS', published.number]);
  const [start, end] = citation.pages;
  if (start !== undefined) tags.push(['SP', start]);
  if (end !== undefined) tags.push(['EP', end]);
  if (published.publisher !== undefined) tags.push(['PB', published.publisher]);
  if (arxivArchiveId !== null) {
    if (published.venue === undefined) tags.push(['T2', 'arXiv']);
    tags.push(['DB', 'arXiv'], ['AN', arxivArchiveId]);
  }
  if (doi !== null) tags.push(['DO', doi]);
  if (url !== null) tags.push(['UR', url]);
  for (const keyword of citation.keywords) tags.push(['KW', keyword]);
  tags.push(['ER', '']);
  return tags.map(([tag, value]) => `${tag}  - ${value}`).join('\r\n');
}

/** RIS records of the papers, in order, under their citation keys (core/export/citation-key.ts). */
export function risEntries(papers: readonly Paper[], keys: readonly string[] = citationKeys(papers)): string {
  return papers.map((paper, at) => `${risEntry(citationOf(paper, keys[at] ?? ''))}\r\n\r\n`).join('');
}
