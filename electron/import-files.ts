/** File → Import Digest…: the dialog's filters and reading the chosen files, refusing oversized ones up front. */

import { readFile as fsReadFile, stat as fsStat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FileFilter } from 'electron';
import type { DigestFile, FileImportResult, ImportReport } from '../core/api.js';
import { MAX_DIGEST_BYTES } from '../core/import/decode.js';

export const IMPORT_DIALOG_FILTERS: readonly FileFilter[] = [
  { name: 'Digests and libraries', extensions: ['txt', 'json', 'bib', 'eml'] },
  { name: 'Daily Papers page text', extensions: ['txt'] },
  { name: 'JSON (Daily Papers or Shelfmark export)', extensions: ['json'] },
  { name: 'BibTeX', extensions: ['bib'] },
  { name: 'arXiv listing email', extensions: ['eml'] },
  { name: 'All files', extensions: ['*'] },
];

export interface ImportFileSystem {
  stat(path: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(path: string): Promise<Uint8Array>;
}

const nodeFileSystem: ImportFileSystem = { stat: (path) => fsStat(path), readFile: (path) => fsReadFile(path) };

export interface ReadImportFiles {
  /** Files to hand to `importFiles`. */
  readonly files: readonly DigestFile[];
  /** Files refused before the import, in the report's own shape so the renderer shows them with the rest. */
  readonly refused: readonly FileImportResult[];
}

const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'the file no longer exists';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `it could not be read (${error instanceof Error ? error.message : String(error)})`;
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
    try {
      const info = await fs.stat(path);
      if (!info.isFile()) {
        refused.push({ file: name, ok: false, error: 'it is not a file' });
        continue;
      }
      if (info.size > limit) {
        refused.push({
          file: name,
          ok: false,
          error: `the file is too large (${megabytes(info.size)} MB; the limit is ${megabytes(limit)} MB)`,
        });
        continue;
      }
      files.push({ name, bytes: await fs.readFile(path) });
    } catch (error) {
      refused.push({ file: name, ok: false, error: describeReadError(error) });
    }
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
