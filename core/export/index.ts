/**
 * Exports of a library: what to write, as pure data. Writing it is the shell's job. An export that would hold no
 * paper is refused with the reason, so that nothing empty is ever written.
 */

import { InvalidInputError } from '../errors.js';
import type { LibrarySnapshot } from '../import/types.js';
import type { Paper } from '../model.js';
import { papersOf } from '../query.js';
import { bibtexEntries } from './bibtex.js';
import { citationKeys } from './citation-key.js';
import { cslJsonEntries } from './csl-json.js';
import { libraryJson } from './library-json.js';
import { markdownDocument, markdownFolder, type ExportedFile } from './markdown.js';
import { isCitationFormat, type CitationFormat, type ExportRequest } from './request.js';
import { risEntries } from './ris.js';
import { selectForExport, type ExportSelection } from './select.js';

export { EXPORT_FORMATS, exportFileType, type ExportFormat, type ExportRequest } from './request.js';

export type ExportOutput =
  | { readonly kind: 'document'; readonly content: string; readonly papers: number }
  | { readonly kind: 'folder'; readonly files: readonly ExportedFile[]; readonly papers: number };

export function renderExport(library: LibrarySnapshot, request: ExportRequest): ExportOutput {
  if (request.format === 'json') {
    return { kind: 'document', content: libraryJson(library), papers: library.catalogue.papers.length };
  }
  const all = papersOf(library);
  const papers = selectForExport(all, request.selection);
  if (papers.length === 0) throw new InvalidInputError(nothingToExport(all, request));
  if (isCitationFormat(request.format)) {
    return { kind: 'document', content: citations(request.format, papers, all), papers: papers.length };
  }
  const options = {
    abstracts: request.abstracts,
    digestTitles: new Map(library.catalogue.digests.map((digest) => [digest.id, digest.title])),
  };
  return request.layout === 'folder'
    ? { kind: 'folder', files: markdownFolder(papers, options), papers: papers.length }
    : { kind: 'document', content: markdownDocument(papers, options), papers: papers.length };
}

/** Citations of `papers`, keyed over the whole library so that a paper's key is the same in every export. */
function citations(format: CitationFormat, papers: readonly Paper[], library: readonly Paper[]): string {
  const keys = citationKeys(papers, library);
  switch (format) {
    case 'bibtex':
      return bibtexEntries(papers, keys);
    case 'csl-json':
      return cslJsonEntries(papers, keys);
    case 'ris':
      return risEntries(papers, keys);
  }
}

/** Why an export came out empty, in words that say what to change. */
function nothingToExport(papers: readonly Paper[], request: ExportRequest): string {
  const withoutNotes =
    request.selection.all !== true && selectForExport(papers, { ...request.selection, all: true }).length > 0;
  return withoutNotes
    ? 'None of these papers has a note, so there is nothing to export; include papers without notes to export them anyway (on the command line: --all).'
    : 'No papers match, so there is nothing to export.';
}

export type { ExportedFile, ExportSelection };
