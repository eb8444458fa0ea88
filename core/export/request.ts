/**
 * What an export is asked for, and the file it makes: none of the exporters' code, so the API's argument schemas,
 * the command line and the desktop app's save dialog load this without them.
 */

import type { ExportSelection } from './select.js';

/** In the order the Export dialog and the command line list them: notes, citations, the backup. */
export const EXPORT_FORMATS = ['md', 'bibtex', 'csl-json', 'ris', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Citations for LaTeX and reference managers: of every paper chosen, with a note or not. */
const CITATION_FORMATS = ['bibtex', 'csl-json', 'ris'] as const satisfies readonly ExportFormat[];
export type CitationFormat = (typeof CITATION_FORMATS)[number];

export function isCitationFormat(format: ExportFormat): format is CitationFormat {
  return (CITATION_FORMATS as readonly string[]).includes(format);
}

export interface ExportRequest {
  readonly format: ExportFormat;
  /** Markdown only: one document, or a folder with a file per paper. */
  readonly layout: 'document' | 'folder';
  /** Ignored by the JSON backup, which always holds everything. */
  readonly selection: ExportSelection;
  readonly abstracts: boolean;
}

/** A file name to offer and the type of what an export writes. */
export function exportFileType(
  format: ExportFormat,
  today: Date,
): { readonly fileName: string; readonly mimeType: string } {
  switch (format) {
    case 'md':
      return { fileName: 'Shelfmark notes.md', mimeType: 'text/markdown' };
    case 'bibtex':
      return { fileName: 'Shelfmark.bib', mimeType: 'application/x-bibtex' };
    case 'csl-json':
      return { fileName: 'Shelfmark citations.json', mimeType: 'application/vnd.citationstyles.csl+json' };
    case 'ris':
      return { fileName: 'Shelfmark.ris', mimeType: 'application/x-research-info-systems' };
    case 'json':
      return { fileName: `Shelfmark library ${today.toISOString().slice(0, 10)}.json`, mimeType: 'application/json' };
  }
}
