/**
 * The files a shelved import (shelved-import.ts) is written as, the bytes the usual way writes: its document, the
 * head of `library.json` for a fold of that one import, and the outline. Papers are texts on the shelf: an object
 * stands in for each in the documents (ShelvedPaper), and its text is copied from the shelf into the import's
 * document, and from there into `library.json` (canonical-document.ts).
 */

import type { Digest } from '../../core/model.js';
import type { ImportOp } from '../../core/sync/catalogue-fold.js';
import { canonicalJsonPieces, type Element } from '../../core/sync/canonical-json-parts.js';
import { importDocument } from '../../core/sync/device-documents.js';
import type { ElementText } from '../sync/canonical-document.js';
import type { CacheHead } from '../sync/derived-catalogue.js';
import type { FileStamp } from '../store/file-stamp.js';
import { writeOutlineColumns } from '../store/outline-file.js';
import type { SavedOutline } from './saved-outline.js';
import type { SpillShelf } from './spill-shelf.js';

/** A paper of the shelf, where a document lists it. */
export class ShelvedPaper {
  constructor(
    readonly id: string,
    readonly position: number,
  ) {}
}

export function isShelved(paper: ShelvedPaper | undefined): paper is ShelvedPaper {
  return paper !== undefined;
}

/** The shelf's papers, in its order, each as a ShelvedPaper. */
export function shelvedPapers(shelf: SpillShelf): readonly ShelvedPaper[] {
  return shelf.ids().map((id, position) => new ShelvedPaper(id, position));
}

/** The pieces of the document of an import of `papers` (and `op`'s digests), their texts taken from `shelf`. */
export function importDocumentPieces(
  op: Omit<ImportOp, 'papers'>,
  papers: readonly ShelvedPaper[],
  shelf: SpillShelf,
): Generator<string | Element | ElementText, void, undefined> {
  return withShelfTexts(canonicalJsonPieces({ ...importDocument({ ...op, papers: [] }), papers }), shelf);
}

/** `pieces`, each ShelvedPaper given its text from `shelf`. */
export function* withShelfTexts(
  pieces: Iterable<string | Element>,
  shelf: SpillShelf,
): Generator<string | Element | ElementText, void, undefined> {
  for (const piece of pieces) {
    if (typeof piece !== 'string' && piece.element instanceof ShelvedPaper) {
      yield { element: piece.element, text: shelf.text(piece.element.position) };
    } else yield piece;
  }
}

/**
 * The head of the cache of a fold of one import, `importId`, into an empty catalogue, that placed each of its
 * records on a paper of its own id (derived-catalogue.ts, headOf).
 */
export function oneImportHead(
  importId: string,
  papers: readonly ShelvedPaper[],
  digests: readonly Digest[],
): CacheHead {
  const ids = papers.map((paper) => paper.id).sort();
  return {
    imports: [importId],
    landed: { [importId]: ids },
    added: { [importId]: ids },
    carried: { [importId]: digests.map((digest) => digest.id).sort() },
  };
}

/**
 * Writes the outline of the shelf's papers, in its order (store/outline-file.ts, writeOutlineColumns); `saved`: the
 * outline saved with the papers the shelf started with, which has their rows.
 */
export async function writeShelfOutline(
  file: string,
  shelf: SpillShelf,
  digests: readonly Digest[],
  stamp: FileStamp,
  saved: SavedOutline | null = null,
): Promise<void> {
  await writeOutlineColumns(file, { papers: shelf.length, digests }, stamp, (index) =>
    shelf.outlineLines(index, saved),
  );
}
