/**
 * How large a request body each API method may send, and how many bytes of bodies the server reads at once. Only
 * an import and an undo carry megabytes; a call that takes nothing is refused once it sends more than a little.
 */

import type { ApiMethod } from '../../core/api.js';

const KIB = 1024;
const MIB = 1024 * KIB;

/** Scalars and small objects: a paper id, a filter, a page's bounds, a tag, a backup's name. */
const SMALL = 64 * KIB;
/** A note of MAX_NOTE_LENGTH (core/reading.ts) characters, each at most 6 bytes in JSON ("\u0001"), and its id. */
const NOTE = 8 * MIB;
/** Ids of a whole large library's papers (arXiv ids and title ids are about 20 characters), with room to spare. */
const ID_LIST = 16 * MIB;
/** Pasted text: a clipboard's digest, JSON-escaped; a larger digest is imported as a file. */
const PASTE = 16 * MIB;
/**
 * Import sends up to 32 MB files, base64-encoded (4/3 of their size) in JSON; an undo sends back the reading
 * state, notes included, of every paper a change touched.
 */
const LARGE = 64 * MIB;

export const BODY_LIMITS: Readonly<Record<ApiMethod, number>> = {
  getLibrary: SMALL,
  getLibraryOutline: SMALL,
  getPapers: SMALL,
  listPapers: SMALL,
  getPaper: SMALL,
  importFiles: LARGE,
  importSample: SMALL,
  previewImport: PASTE,
  importText: PASTE,
  addPapers: ID_LIST,
  fetchDailyPapers: SMALL,
  completePapers: ID_LIST,
  taskProgress: SMALL,
  cancelTask: SMALL,
  setStatus: ID_LIST,
  snooze: ID_LIST,
  addTags: ID_LIST,
  removeTags: ID_LIST,
  setNote: NOTE,
  resolveNote: NOTE,
  renameTag: SMALL,
  restoreStates: LARGE,
  tags: SMALL,
  digests: SMALL,
  setDigestDate: SMALL,
  stats: SMALL,
  exportLibrary: ID_LIST,
  listBackups: SMALL,
  restoreBackup: SMALL,
  rankPapers: ID_LIST,
  similarPapers: SMALL,
  listPossibleDuplicates: SMALL,
  mergePapers: SMALL,
  // An undo of a merge: both papers' records and reading states as they were, notes included.
  unmergePapers: ID_LIST,
  syncNotes: SMALL,
  notesSyncSettings: SMALL,
  setNotesSyncSettings: SMALL,
  chooseNotesFolder: SMALL,
  listDevices: SMALL,
};

/** Bodies being read at once, in total: two of the largest. A call that would go beyond it is refused (503). */
export const BODY_BUDGET_BYTES = 2 * Math.max(...Object.values(BODY_LIMITS));

/** "64 MB", "64 KB": the limits above are whole numbers of either. */
export function sizeText(bytes: number): string {
  return bytes >= MIB ? `${Math.round(bytes / MIB)} MB` : `${Math.round(bytes / KIB)} KB`;
}
