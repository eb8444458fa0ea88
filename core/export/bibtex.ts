/** Papers as BibTeX entries, for citing what was read. */

import { dollarSigns, mathPieces } from '../math-spans.js';
import type { Paper, PaperFacts } from '../model.js';
import { citationKeys, paperYear } from './citation-key.js';

const SPECIAL = /[\\{}&%$#_^~]/g;
const ESCAPED: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
};

/** A field value BibTeX reads back as this text (UTF-8 is left as is: biber and modern BibTeX read it). */
function escapeValue(text: string): string {
  return escapeSpecial(text.replace(/\s+/g, ' ').trim());
}

function escapeSpecial(text: string): string {
  return text.replace(SPECIAL, (char) => ESCAPED[char] ?? char);
}

/**
 * A title as escapeValue writes it, but with its math (`$…$`) as the TeX it is, for LaTeX to set; math whose braces
 * do not balance would end the field early, and is written as text.
 */
function escapeTitle(title: string): string {
  const text = title.replace(/\s+/g, ' ').trim();
  if (!text.includes('$')) return escapeSpecial(text);
  return mathPieces(text)
    .map((piece) =>
      piece.math && bracesBalance(piece.text)
        ? piece.text
        : escapeSpecial(piece.math ? piece.text : dollarSigns(piece.text)),
    )
    .join('');
}

/** Whether every brace closes one opened before it, as BibTeX counts them (a backslash escapes none). */
function bracesBalance(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '{') depth++;
    else if (char === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** Entry types whose venue is the book or proceedings they are part of: BibTeX's booktitle, not its journal. */
const IN_A_BOOK = new Set(['inproceedings', 'incollection', 'inbook', 'conference']);

/** The field the publisher is given in: a thesis names its school, a report its institution. */
function publisherField(type: string): string {
  if (/thesis$/.test(type)) return 'school';
  if (type === 'techreport' || type === 'report') return 'institution';
  return 'publisher';
}

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A field: its name, and its value as written after "=" (in braces, or a bare month macro). */
type Field = readonly [string, string];

const braced = (name: string, value: string): Field => [name, `{${value}}`];

/** What the paper's facts say of where it appeared, as the fields of an entry of `type`. */
function publicationFields(type: string, facts: PaperFacts | undefined): Field[] {
  if (facts === undefined) return [];
  const fields: Field[] = [];
  const text = (name: string, value: string | undefined): void => {
    if (value !== undefined) fields.push(braced(name, escapeValue(value)));
  };
  text(IN_A_BOOK.has(type) ? 'booktitle' : 'journal', facts.venue);
  if (facts.editors !== undefined) text('editor', facts.editors.join(' and '));
  text('series', facts.series);
  text('volume', facts.volume);
  text('number', facts.number);
  text('pages', facts.pages?.replace(/\s*[–—]\s*/g, '--'));
  text(publisherField(type), facts.publisher);
  return fields;
}

/** arXiv's own export names a paper's primary category; a record from before facts had it among its categories. */
function primaryClass(paper: Paper): string | undefined {
  return paper.facts?.primaryCategory ?? paper.categories.find((category) => /^[a-z-]+(\.[A-Za-z-]+)?$/.test(category));
}

/**
 * The paper as the entry it is: an imported entry as its type, with its venue, pages, publisher…; a paper known
 * only from arXiv as arXiv's own BibTeX gives it (@misc, eprint, archivePrefix, primaryClass).
 */
function entry(paper: Paper, key: string): string {
  const given = paper.facts?.type;
  const type =
    given !== undefined && /^[a-z]+$/.test(given)
      ? given
      : paper.arxivId !== null || paper.doi === null
        ? 'misc'
        : 'article';
  const fields: Field[] = [braced('title', `{${escapeTitle(paper.title)}}`)];
  if (paper.authors.length > 0) fields.push(braced('author', escapeValue(paper.authors.join(' and '))));
  fields.push(...publicationFields(type, paper.facts));
  const year = paperYear(paper);
  if (year !== null) fields.push(braced('year', String(year)));
  const month = MONTH_MACROS[(paper.facts?.month ?? 0) - 1];
  if (month !== undefined) fields.push(['month', month]);
  if (paper.arxivId !== null) {
    fields.push(braced('eprint', paper.arxivId), braced('archivePrefix', 'arXiv'));
    const primary = primaryClass(paper);
    if (primary !== undefined) fields.push(braced('primaryClass', primary));
  }
  if (paper.doi !== null) fields.push(braced('doi', escapeValue(paper.doi)));
  const url = paper.links[0] ?? (paper.arxivId !== null ? `https://arxiv.org/abs/${paper.arxivId}` : undefined);
  if (url !== undefined) fields.push(braced('url', url.replace(/[{}\s]/g, encodeURIComponent)));
  if (paper.tags.length > 0) fields.push(braced('keywords', escapeValue(paper.tags.join(', '))));
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n');
  return `@${type}{${key},\n${body}\n}`;
}

/** Entries under the papers' citation keys (core/export/citation-key.ts), given in the papers' order. */
export function bibtexEntries(papers: readonly Paper[], keys: readonly string[] = citationKeys(papers)): string {
  const entries = papers.map((paper, at) => entry(paper, keys[at] ?? ''));
  return entries.length === 0 ? '' : `${entries.join('\n\n')}\n`;
}
