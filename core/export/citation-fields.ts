/**
 * What a reference-manager export (CSL-JSON, RIS) says of a paper, worked out once for both, in the forms Zotero's
 * own arXiv import gives (zotero/translators, arXiv.org.js): the arXiv id as `arXiv:ID`, and arXiv's DataCite DOI
 * `10.48550/arXiv.ID` for a paper without a DOI of its own. Text is plain: these formats have no TeX, so math stays
 * as the `$…$` TeX it was written in (as Zotero and arXiv show it), and a dollar sign that is no math is a `$`. Pure.
 */

import { dollarSigns, mathPieces } from '../math-spans.js';
import type { Paper } from '../model.js';
import type { PaperFacts } from '../paper-facts.js';
import { nameParts, type NameParts } from '../person-name.js';
import { paperYear } from './citation-key.js';

export interface Citation {
  readonly key: string;
  /** Plain text, on one line. */
  readonly title: string;
  /** Cut into parts; a name with no family name to cite by is left out. */
  readonly authors: readonly NameParts[];
  readonly year: number | null;
  /** "arXiv:2302.04265", as Zotero writes an arXiv paper's archive id; null for a paper not on arXiv. */
  readonly arxivArchiveId: string | null;
  /** Its own DOI, else the one arXiv registers for every paper (old-style ids too: 10.48550/arXiv.hep-th/9901001). */
  readonly doi: string | null;
  /** The paper's own link, else its arXiv page: the URL the BibTeX export writes. */
  readonly url: string | null;
  /** Plain text, a paragraph each, each on one line. */
  readonly abstract: readonly string[];
  readonly keywords: readonly string[];
  /** What it is, as the BibTeX export writes it: the entry type its source gave, else @article or @misc. */
  readonly kind: CitationKind;
  /** Where it appeared, as its source said (the BibTeX entry's journal or booktitle, pages…). */
  readonly published: Pick<PaperFacts, 'venue' | 'volume' | 'number' | 'publisher'>;
  /** Its pages, "12--20" or "12–20" cut at the dash: the first, and the last when it is a range. */
  readonly pages: readonly string[];
}

/** The kinds of work the formats tell apart, from BibTeX's entry types. */
export type CitationKind = 'article' | 'conference' | 'chapter' | 'book' | 'thesis' | 'report' | 'preprint';

const KIND_OF_TYPE: Readonly<Record<string, CitationKind>> = {
  article: 'article',
  inproceedings: 'conference',
  conference: 'conference',
  incollection: 'chapter',
  inbook: 'chapter',
  book: 'book',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  thesis: 'thesis',
  techreport: 'report',
  report: 'report',
};

/** As the BibTeX export chooses its entry type: the source's, else a journal's (a DOI alone) or a preprint. */
function kindOf(paper: Paper): CitationKind {
  const given = paper.facts?.type;
  if (given !== undefined) return KIND_OF_TYPE[given] ?? 'preprint';
  return paper.arxivId === null && paper.doi !== null ? 'article' : 'preprint';
}

/** A paragraph as plain text on one line: math as written, `\$` outside it a dollar sign. */
function plainLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (!line.includes('$')) return line;
  return mathPieces(line)
    .map((piece) => (piece.math ? piece.text : dollarSigns(piece.text)))
    .join('');
}

export function citationOf(paper: Paper, key: string): Citation {
  const { arxivId, doi } = paper;
  return {
    key,
    title: plainLine(paper.title),
    authors: paper.authors.flatMap((author) => nameParts(author) ?? []),
    year: paperYear(paper),
    arxivArchiveId: arxivId === null ? null : `arXiv:${arxivId}`,
    doi: doi ?? (arxivId === null ? null : `10.48550/arXiv.${arxivId}`),
    url: paper.links[0] ?? (arxivId === null ? null : `https://arxiv.org/abs/${arxivId}`),
    abstract: paper.abstract
      .split(/\n\s*\n/)
      .map(plainLine)
      .filter((paragraph) => paragraph !== ''),
    keywords: paper.tags,
    kind: kindOf(paper),
    pages: (paper.facts?.pages ?? '').split(/\s*(?:--?|[–—])\s*/).filter((page) => page !== ''),
    published: {
      ...(paper.facts?.venue === undefined ? {} : { venue: plainLine(paper.facts.venue) }),
      ...(paper.facts?.volume === undefined ? {} : { volume: paper.facts.volume }),
      ...(paper.facts?.number === undefined ? {} : { number: paper.facts.number }),
      ...(paper.facts?.publisher === undefined ? {} : { publisher: plainLine(paper.facts.publisher) }),
    },
  };
}

/** "van Beethoven": the family name with its particle, as Zotero keeps a last name. */
export function familyWithParticle(name: NameParts): string {
  return name.particle === '' ? name.family : `${name.particle} ${name.family}`;
}
