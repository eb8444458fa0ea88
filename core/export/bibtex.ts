/** Papers as BibTeX entries, for citing what was read. */

import { dollarSigns, mathPieces } from '../math-spans.js';
import type { Paper } from '../model.js';
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

function entry(paper: Paper, key: string): string {
  const fields: [string, string][] = [['title', `{${escapeTitle(paper.title)}}`]];
  if (paper.authors.length > 0) fields.push(['author', escapeValue(paper.authors.join(' and '))]);
  const year = paperYear(paper);
  if (year !== null) fields.push(['year', String(year)]);
  if (paper.arxivId !== null) {
    fields.push(['eprint', paper.arxivId], ['archivePrefix', 'arXiv']);
    const primary = paper.categories.find((category) => /^[a-z-]+(\.[A-Za-z-]+)?$/.test(category));
    if (primary !== undefined) fields.push(['primaryClass', primary]);
  }
  if (paper.doi !== null) fields.push(['doi', escapeValue(paper.doi)]);
  const url = paper.links[0] ?? (paper.arxivId !== null ? `https://arxiv.org/abs/${paper.arxivId}` : undefined);
  if (url !== undefined) fields.push(['url', url.replace(/[{}\s]/g, encodeURIComponent)]);
  if (paper.tags.length > 0) fields.push(['keywords', escapeValue(paper.tags.join(', '))]);
  const type = paper.arxivId !== null || paper.doi === null ? 'misc' : 'article';
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@${type}{${key},\n${body}\n}`;
}

/** Entries under the papers' citation keys (core/export/citation-key.ts), given in the papers' order. */
export function bibtexEntries(papers: readonly Paper[], keys: readonly string[] = citationKeys(papers)): string {
  const entries = papers.map((paper, at) => entry(paper, keys[at] ?? ''));
  return entries.length === 0 ? '' : `${entries.join('\n\n')}\n`;
}
