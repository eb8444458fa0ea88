/**
 * The catalogue's outline, kept beside it so that a large library's list can show before its catalogue is read:
 * every paper with its abstract cut to its first line and without links or categories (core/query.ts outlineOf),
 * a tenth of the catalogue's size. It is derived data and says which catalogue file it was made from (its
 * stamp); it is used only while that is still the catalogue on disk. Missing, stale, unreadable or of another
 * version, it is ignored and made again, so it is written atomically but without waiting for the disk.
 */

import * as fsp from 'node:fs/promises';

import { OUTLINE_ABSTRACT_LENGTH } from '../../core/api.js';
import type { Catalogue } from '../../core/model.js';
import { outlineOfCatalogue } from '../../core/query.js';
import { writeFileAtomically } from './atomic-write.js';
import { sameStamp, type FileStamp } from './file-stamp.js';
import { decode, OUTLINE_FORMAT, type OutlineFile } from './schema.js';

export function outlineOfLibraryCatalogue(catalogue: Catalogue): Catalogue {
  return outlineOfCatalogue(catalogue, OUTLINE_ABSTRACT_LENGTH);
}

/** The outline in `file` when it was made from the catalogue with `stamp`; null otherwise, whatever the reason. */
export async function readOutlineFile(file: string, stamp: FileStamp): Promise<Catalogue | null> {
  let json: unknown;
  try {
    json = JSON.parse((await fsp.readFile(file)).toString('utf8'));
  } catch {
    return null;
  }
  const decoded = decode(json, OUTLINE_FORMAT);
  if (!decoded.ok || !sameStamp(decoded.value.catalogue, stamp)) return null;
  return Object.freeze({ papers: decoded.value.papers, digests: decoded.value.digests });
}

/** Saves `outline`, made from the catalogue file with `stamp`. */
export function writeOutlineFile(file: string, outline: Catalogue, stamp: FileStamp): Promise<void> {
  const data: OutlineFile = {
    schemaVersion: OUTLINE_FORMAT.version,
    catalogue: stamp,
    papers: outline.papers,
    digests: outline.digests,
  };
  return writeFileAtomically(file, JSON.stringify(data), { durable: false });
}
