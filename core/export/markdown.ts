/**
 * Notes as Markdown: one document with a section per paper, or one file per paper with YAML front matter
 * (Obsidian, static-site tools). Deterministic: the same papers give the same bytes.
 */

import type { Paper } from '../model.js';
import { placeFiles, safeBaseName } from './file-names.js';
import { demoteHeadings, escapeInlineMarkdown, yamlFrontMatter, type FrontMatterValue } from './markdown-text.js';

export interface MarkdownOptions {
  /** Include each paper's abstract. */
  readonly abstracts: boolean;
  /** Digest titles by id, to name the digests a paper came from. */
  readonly digestTitles: ReadonlyMap<string, string>;
}

export interface ExportedFile {
  /** Its name in a folder of its own. */
  readonly name: string;
  /** What names it: `base.md`, or `base (2).md`, … beside a file of that name. */
  readonly base: string;
  /** The id of its paper, which its front matter holds under OWNER_KEY. */
  readonly paper: string;
  readonly content: string;
}

/** The front-matter key that marks a file as one Shelfmark wrote, and for which paper. */
export const OWNER_KEY = 'shelfmark';

export const FOLDER_FILE_EXTENSION = '.md';

const readDate = (paper: Paper): string | null =>
  paper.status === 'read' && paper.readAt !== null ? paper.readAt.slice(0, 10) : null;

const digestNames = (paper: Paper, options: MarkdownOptions): string[] =>
  paper.digests.map((id) => options.digestTitles.get(id) ?? id);

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

function paperSection(paper: Paper, options: MarkdownOptions): string {
  const facts: string[] = [];
  if (paper.authors.length > 0) facts.push(`- **Authors:** ${escapeInlineMarkdown(paper.authors.join(', '))}`);
  if (paper.arxivId !== null) facts.push(`- **arXiv:** [${paper.arxivId}](https://arxiv.org/abs/${paper.arxivId})`);
  const links = paper.links.filter((link) => paper.arxivId === null || !link.includes(paper.arxivId));
  if (links.length > 0) facts.push(`- **Links:** ${links.map((link) => `<${link}>`).join(', ')}`);
  if (paper.tags.length > 0) facts.push(`- **Tags:** ${paper.tags.map((tag) => `#${tag}`).join(' ')}`);
  const read = readDate(paper);
  facts.push(`- **Status:** ${paper.status}${read === null ? '' : ` (${read})`}`);
  const digests = digestNames(paper, options);
  if (digests.length > 0) facts.push(`- **Digests:** ${escapeInlineMarkdown(digests.join('; '))}`);

  const parts = [`## ${escapeInlineMarkdown(paper.title)}`, facts.join('\n')];
  if (options.abstracts && paper.abstract !== '') parts.push(quote(paper.abstract));
  const note = paper.note.replace(/\s+$/, '');
  if (note !== '') parts.push(demoteHeadings(note, 2));
  return parts.join('\n\n');
}

/** One document: a heading per paper, its facts, then its note with headings demoted under it. */
export function markdownDocument(papers: readonly Paper[], options: MarkdownOptions): string {
  const count = `${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}`;
  const sections = papers.map((paper) => paperSection(paper, options));
  return `${['# Reading notes', `${count}, exported from Shelfmark.`, ...sections].join('\n\n')}\n`;
}

/** The fields a folder file's front matter holds, in order, under the names today's export gives them. */
export const FRONT_MATTER_FIELDS = ['title', 'authors', 'arxiv', 'url', 'tags', 'status', 'read', 'digests'] as const;
export type FrontMatterField = (typeof FRONT_MATTER_FIELDS)[number];

/** Each front-matter field's value for `paper`: one line of text, none (null), or a list. */
export function frontMatterValues(
  paper: Paper,
  digestTitles: ReadonlyMap<string, string>,
): Readonly<Record<FrontMatterField, FrontMatterValue>> {
  return {
    title: paper.title,
    authors: paper.authors,
    arxiv: paper.arxivId,
    url: paper.links[0] ?? null,
    tags: paper.tags,
    status: paper.status,
    read: readDate(paper),
    digests: paper.digests.map((id) => digestTitles.get(id) ?? id),
  };
}

function frontMatter(paper: Paper, options: MarkdownOptions): string {
  const values = frontMatterValues(paper, options.digestTitles);
  return yamlFrontMatter([
    ...FRONT_MATTER_FIELDS.map((field) => [field, values[field]] as const),
    [OWNER_KEY, paper.id],
  ]);
}

/** One file per paper: YAML front matter, the abstract if asked for, then the note exactly as written. */
export function markdownFolder(papers: readonly Paper[], options: MarkdownOptions): ExportedFile[] {
  const bases = papers.map((paper) => ({ base: safeBaseName(paper.title, paper.id), owner: paper.id }));
  const names = placeFiles(bases, FOLDER_FILE_EXTENSION);
  return papers.map((paper, position) => {
    const abstract = options.abstracts && paper.abstract !== '' ? `${quote(paper.abstract)}\n\n` : '';
    const base = bases[position]?.base ?? paper.id;
    return {
      name: names[position]?.name ?? `${base}${FOLDER_FILE_EXTENSION}`,
      base,
      paper: paper.id,
      content: `${frontMatter(paper, options)}\n\n${abstract}${paper.note}`,
    };
  });
}

/**
 * A folder file's text without the OWNER_KEY line of its front matter: what exports before that key wrote. Two
 * files that are the same but for it hold the same note and facts, so one may stand in for the other.
 */
export function withoutOwnerKey(content: string): string {
  const end = content.startsWith('---\n') ? content.indexOf('\n---\n', 3) : -1;
  if (end === -1) return content;
  const lines = content.slice(4, end).split('\n');
  const kept = lines.filter((line) => !line.startsWith(`${OWNER_KEY}: `));
  if (kept.length === lines.length) return content;
  return `---\n${kept.join('\n')}${content.slice(end)}`;
}
