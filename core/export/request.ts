/** What an export is asked for: no code, so the API's argument schemas can name the formats cheaply. */

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
