/**
 * What an export is asked for, and the file it makes: none of the exporters' code, so the API's argument schemas,
 * the command line and the desktop app's save dialog load this without them.
 */

import type { ExportSelection } from './select.js';

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
    case 'json':
      return { fileName: `Shelfmark library ${today.toISOString().slice(0, 10)}.json`, mimeType: 'application/json' };
  }
}
