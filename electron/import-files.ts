/** File → Import Digest…: the dialog's filters and reading the chosen files, refusing oversized ones up front. */

import { basename } from 'node:path';
import type { FileFilter } from 'electron';
import type { DigestFile, FileImportResult, ImportReport } from '../core/api.js';
import { MAX_DIGEST_BYTES } from '../core/import/decode.js';
import { isUnreadFile, readImportFile, unreadReason, type UnreadFile } from '../app/read-import-file.js';

export const IMPORT_DIALOG_FILTERS: readonly FileFilter[] = [
  { name: 'Digests and libraries', extensions: ['txt', 'json', 'bib', 'eml'] },
  { name: 'Daily Papers page text', extensions: ['txt'] },
  { name: 'JSON (Daily Papers or Shelfmark export)', extensions: ['json'] },
  { name: 'BibTeX', extensions: ['bib'] },
  { name: 'arXiv listing email', extensions: ['eml'] },
  { name: 'All files', extensions: ['*'] },
];

export interface ImportFileSystem {
  /** A regular file's bytes, at most `limit` of them, or why they were not read (app/read-import-file.ts). */
  readFile(path: string, limit: number): Promise<Uint8Array | UnreadFile>;
}

const nodeFileSystem: ImportFileSystem = { readFile: readImportFile };

export interface ReadImportFiles {
  /** Files to hand to `importFiles`. */
  readonly files: readonly DigestFile[];
  /** Files refused before the import, in the report's own shape so the renderer shows them with the rest. */
  readonly refused: readonly FileImportResult[];
}

/** The words of the dialog's report, where they are not those of the command line: the user has just chosen the file. */
function refusalReason(file: UnreadFile): string {
  if (file.problem === 'missing') return 'the file no longer exists';
  if (file.problem === 'folder') return 'it is not a file';
  return unreadReason(file);
}

/** Reads each chosen file, refusing folders, unreadable files and files over `limit` bytes without reading them. */
export async function readImportFiles(
  paths: readonly string[],
  fs: ImportFileSystem = nodeFileSystem,
  limit: number = MAX_DIGEST_BYTES,
): Promise<ReadImportFiles> {
  const files: DigestFile[] = [];
  const refused: FileImportResult[] = [];
  for (const path of paths) {
    const name = basename(path);
    const read = await fs.readFile(path, limit);
    if (isUnreadFile(read)) refused.push({ file: name, ok: false, error: refusalReason(read) });
    else files.push({ name, bytes: read });
  }
  return { files, refused };
}

/** The import's report with the refused files added, as if the import itself had refused them. */
export function withRefusedFiles(report: ImportReport | undefined, refused: readonly FileImportResult[]): ImportReport {
  return {
    files: [...(report?.files ?? []), ...refused],
    added: report?.added ?? 0,
    merged: report?.merged ?? 0,
  };
}
