/**
 * What importing a digest would do to a library, said before anything is stored: the paste preview's answer. It
 * runs the import's own merge on the library as it is and keeps the outcome to itself, so the preview and the
 * import that follows cannot disagree. Pure.
 */

import { mergeDigest, mergeLibrary } from '../merge.js';
import type { DigestFormat } from '../model.js';
import { formatName } from './format-names.js';
import type { ImportWarning, LibrarySnapshot, ParsedFile, SkippedBlock } from './types.js';

/** A paper as the preview lists it. */
export interface PreviewPaper {
  readonly title: string;
  readonly authors: readonly string[];
  readonly arxivId: string | null;
  /** The id of the paper it would merge into, when the library has it already; null for a new paper. */
  readonly existing: string | null;
}

export interface ImportPreview {
  /** The name the text is imported under (a file's name, "Pasted text"). */
  readonly name: string;
  readonly format: DigestFormat;
  /** The format in words: "a Hugging Face Daily Papers page". */
  readonly formatName: string;
  /** What the library will list it as: "Hugging Face Daily Papers, Mar 11"; for a library, "a Shelfmark library". */
  readonly title: string;
  /** "32 papers: 28 new, 4 already in your library". */
  readonly summary: string;
  readonly added: number;
  readonly merged: number;
  /** In the digest's order. */
  readonly papers: readonly PreviewPaper[];
  /** Every block that will not be imported, and why. */
  readonly skipped: readonly SkippedBlock[];
  /** What will be imported, but cut to Shelfmark's field caps. */
  readonly warnings: readonly ImportWarning[];
}

const count = (value: number): string => value.toLocaleString('en');

/** "32 papers: 28 new, 4 already in your library"; "1 paper: new". */
function previewSummary(added: number, merged: number): string {
  const total = added + merged;
  const papers = `${count(total)} ${total === 1 ? 'paper' : 'papers'}`;
  if (merged === 0) return `${papers}: ${total === 1 ? 'new' : `${count(added)} new`}`;
  if (added === 0) return `${papers}: ${total === 1 ? 'already' : 'all already'} in your library`;
  return `${papers}: ${count(added)} new, ${count(merged)} already in your library`;
}

/** What importing `parsed` (read from the text named `name`) into `library` would do. */
export function previewImport(library: LibrarySnapshot, parsed: ParsedFile, name: string): ImportPreview {
  const before = new Set(library.catalogue.papers.map((paper) => paper.id));
  if (parsed.kind === 'library') {
    const { catalogue, summary } = mergeLibrary(library, parsed.library);
    const byId = new Map(catalogue.papers.map((paper) => [paper.id, paper]));
    const rows = [...summary.added, ...summary.merged].flatMap(({ id }) => {
      const paper = byId.get(id);
      return paper === undefined ? [] : [previewPaper(paper, before.has(id) ? id : null)];
    });
    return preview(name, 'shelfmark-json', 'a Shelfmark library', rows, [], parsed.warnings);
  }
  const { digest } = parsed;
  const { catalogue, summary } = mergeDigest(library.catalogue, digest, name, new Date(0).toISOString());
  const byId = new Map(catalogue.papers.map((paper) => [paper.id, paper]));
  const listed = new Set([...summary.added, ...summary.merged].map(({ id }) => id));
  const order = catalogue.digests.find((candidate) => candidate.id === summary.digest.id)?.paperIds ?? [];
  const rows = order.flatMap((id) => {
    const paper = listed.has(id) ? byId.get(id) : undefined;
    return paper === undefined ? [] : [previewPaper(paper, before.has(id) ? id : null)];
  });
  return preview(name, digest.format, digest.title, rows, digest.skipped, parsed.warnings);
}

function previewPaper(
  paper: { readonly title: string; readonly authors: readonly string[]; readonly arxivId: string | null },
  existing: string | null,
): PreviewPaper {
  return { title: paper.title, authors: paper.authors, arxivId: paper.arxivId, existing };
}

function preview(
  name: string,
  format: DigestFormat,
  title: string,
  papers: readonly PreviewPaper[],
  skipped: readonly SkippedBlock[],
  warnings: readonly ImportWarning[],
): ImportPreview {
  const merged = papers.filter((paper) => paper.existing !== null).length;
  const added = papers.length - merged;
  return {
    name,
    format,
    formatName: formatName(format),
    title,
    summary: previewSummary(added, merged),
    added,
    merged,
    papers,
    skipped,
    warnings,
  };
}
