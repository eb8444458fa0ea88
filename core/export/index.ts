/** Exports of a library: what to write, as pure data. Writing it is the shell's job. */

import type { LibrarySnapshot } from '../import/types.js';
import { papersOf } from '../query.js';
import { bibtexEntries } from './bibtex.js';
import { libraryJson } from './library-json.js';
import { markdownDocument, markdownFolder, type ExportedFile } from './markdown.js';
import { selectForExport, type ExportSelection } from './select.js';

export const EXPORT_FORMATS = ['md', 'json', 'bibtex'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  readonly format: ExportFormat;
  /** Markdown only: one document, or a folder with a file per paper. */
  readonly layout: 'document' | 'folder';
  /** Ignored by the JSON backup, which always holds everything. */
  readonly selection: ExportSelection;
  readonly abstracts: boolean;
}

export type ExportOutput =
  | { readonly kind: 'document'; readonly content: string; readonly papers: number }
  | { readonly kind: 'folder'; readonly files: readonly ExportedFile[]; readonly papers: number };

export function renderExport(library: LibrarySnapshot, request: ExportRequest): ExportOutput {
  if (request.format === 'json') {
    return { kind: 'document', content: libraryJson(library), papers: library.catalogue.papers.length };
  }
  const papers = selectForExport(papersOf(library), request.selection);
  if (request.format === 'bibtex') return { kind: 'document', content: bibtexEntries(papers), papers: papers.length };
  const options = {
    abstracts: request.abstracts,
    digestTitles: new Map(library.catalogue.digests.map((digest) => [digest.id, digest.title])),
  };
  return request.layout === 'folder'
    ? { kind: 'folder', files: markdownFolder(papers, options), papers: papers.length }
    : { kind: 'document', content: markdownDocument(papers, options), papers: papers.length };
}

export type { ExportedFile, ExportSelection };
