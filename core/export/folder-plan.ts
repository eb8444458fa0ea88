/**
 * A folder export into a folder that may already hold files: which name each paper's file gets, and what it
 * writes over. Only a file Shelfmark wrote for the same paper and nobody changed since is ever written over; a
 * name the user's file has is stepped around (`Title (2).md`), and Shelfmark's files of papers not in this
 * export are left as they are.
 */

import { placeFiles, type NameInFolder, type PlacedFile } from './file-names.js';
import type { FolderExportReport } from './folder-report.js';
import { FOLDER_FILE_EXTENSION, type ExportedFile } from './markdown.js';

export type { FolderExportReport, NameInFolder };

interface PlannedFile {
  readonly name: string;
  readonly paper: string;
  readonly content: string;
  /** The name of the file this one writes over, as the folder spells it; null for a new file. */
  readonly replaces: string | null;
}

export interface FolderPlan {
  readonly files: readonly PlannedFile[];
  readonly report: FolderExportReport;
}

export function planFolderExport(files: readonly ExportedFile[], folder: readonly NameInFolder[]): FolderPlan {
  const placed = placeFiles(
    files.map((file) => ({ base: file.base, owner: file.paper })),
    FOLDER_FILE_EXTENSION,
    folder,
  );
  const planned = files.map((file, index): PlannedFile => {
    const place = placed[index];
    return {
      name: place?.name ?? file.name,
      paper: file.paper,
      content: file.content,
      replaces: place?.replaces ?? null,
    };
  });
  const replaced = new Set(planned.flatMap((file) => (file.replaces === null ? [] : [file.replaces])));
  return {
    files: planned,
    report: {
      written: planned.length,
      replaced: [...replaced],
      kept: [...keptNames(placed)].map(([name, instead]) => ({ name, instead })),
      left: folder.filter((entry) => entry.owner !== null && !replaced.has(entry.name)).map((entry) => entry.name),
    },
  };
}

/** Each of the user's names a file stepped around, once, with the first file's name that did. */
function keptNames(placed: readonly PlacedFile[]): Map<string, string> {
  const kept = new Map<string, string>();
  for (const place of placed) for (const name of place.around) if (!kept.has(name)) kept.set(name, place.name);
  return kept;
}
