/** File → Export… in the desktop app: where to save, confirmed like any save, then written safely. */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportResult } from '../core/api.js';
import { exportFileType, type ExportFormat } from '../core/export/request.js';
import type { ExportSaver } from '../app/library-service.js';
import { writeExportFile, writeExportFolder } from '../app/export-files.js';

export interface ExportDialogs {
  /** The chosen path, or null when the user cancelled. The system dialog confirms replacing a file. */
  chooseFile(options: {
    readonly defaultPath: string;
    readonly extensions: readonly string[];
    readonly name: string;
  }): Promise<string | null>;
  /** A new folder's path, or null. */
  chooseFolder(options: { readonly defaultPath: string }): Promise<string | null>;
  /**
   * True when the user agrees to export into a folder that exists: files Shelfmark wrote there before are
   * replaced, nothing else in it is touched.
   */
  confirmExportIntoFolder(path: string): Promise<boolean>;
}

const FILE_KINDS: Readonly<Record<ExportFormat, { readonly name: string; readonly extensions: readonly string[] }>> = {
  md: { name: 'Markdown', extensions: ['md'] },
  bibtex: { name: 'BibTeX', extensions: ['bib'] },
  'csl-json': { name: 'CSL-JSON', extensions: ['json'] },
  ris: { name: 'RIS', extensions: ['ris'] },
  json: { name: 'Shelfmark library', extensions: ['json'] },
};

export function createExportSaver(
  dialogs: ExportDialogs,
  documentsFolder: string,
  now: () => Date = () => new Date(),
): ExportSaver {
  return async (output, request): Promise<ExportResult> => {
    const { fileName } = exportFileType(request.format, now());
    if (output.kind === 'folder') {
      const path = await dialogs.chooseFolder({ defaultPath: join(documentsFolder, 'Shelfmark notes') });
      if (path === null) return { kind: 'cancelled' };
      const into = existsSync(path);
      if (into && !(await dialogs.confirmExportIntoFolder(path))) return { kind: 'cancelled' };
      const folder = await writeExportFolder(path, output.files, into);
      return { kind: 'saved', path, papers: output.papers, folder };
    }
    const path = await dialogs.chooseFile({
      defaultPath: join(documentsFolder, fileName),
      ...FILE_KINDS[request.format],
    });
    if (path === null) return { kind: 'cancelled' };
    await writeExportFile(path, output.content, true);
    return { kind: 'saved', path, papers: output.papers };
  };
}
