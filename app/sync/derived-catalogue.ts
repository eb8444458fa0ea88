/**
 * `library.json` in a synced folder: derived, the catalogue folded from every device's imports with the ids of the
 * imports it was made from (ARCHITECTURE.md, "Many devices, one folder"). Written canonically, so that two devices
 * with the same imports write the same bytes; schema version 4, a version today's store refuses to write over. A
 * copy a sync tool brings back names an older set of imports, and is never taken for the library.
 */

import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';

import { compareCodePoints } from '../../core/sync/canonical-json.js';
import { originalOfCopy } from '../../core/sync/device-files.js';
import type { CatalogueFold } from '../../core/sync/catalogue-fold.js';
import { namesIn } from '../store/errors.js';
import type { LibraryPaths } from '../store/library-paths.js';
import { writeCanonicalDocument } from './canonical-document.js';
import { readTextIfThere } from './read-text.js';

const SYNCED_CATALOGUE_VERSION = 4;

/** The ids of the imports `fold` was made from, in one order: what the cache names. */
export function importSetOf(fold: CatalogueFold): string {
  return [...fold.imports].sort(compareCodePoints).join(' ');
}

/** What the cache holds; written a paper at a time, at 100,000 papers it is never one string. */
function derivedCatalogue(fold: CatalogueFold): object {
  return {
    schemaVersion: SYNCED_CATALOGUE_VERSION,
    imports: [...fold.imports].sort(compareCodePoints),
    papers: fold.catalogue.papers,
    digests: fold.catalogue.digests,
  };
}

/** How every synced folder's cache begins (canonical JSON: its keys in order). */
export const CACHE_START = '{"digests":';

/**
 * The import set the cache at `file` names: null when there is no file; '' for a cache cut short (a sync in
 * progress), which names none; 'foreign' for a file that is not a synced folder's cache (a library not migrated).
 */
export async function cachedImportSet(file: string): Promise<string | null> {
  const text = await readTextIfThere(file);
  if (text === null) return null;
  let json: { readonly schemaVersion?: unknown; readonly imports?: unknown };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    return text.startsWith(CACHE_START) ? '' : FOREIGN;
  }
  if (json.schemaVersion !== SYNCED_CATALOGUE_VERSION || !Array.isArray(json.imports)) return FOREIGN;
  return json.imports.filter((id): id is string => typeof id === 'string').join(' ');
}

/** What cachedImportSet says of a file that is not a cache (no import set is spelled so). */
export const FOREIGN = 'foreign';

export async function writeDerivedCatalogue(file: string, fold: CatalogueFold): Promise<void> {
  await writeCanonicalDocument(file, derivedCatalogue(fold));
}

/**
 * Removes the copies sync tools left of the derived files (two devices wrote `library.json` at once): of the
 * catalogue only a copy that is a synced folder's cache, never a file of the user's that happens to be named so.
 */
export async function removeDerivedCopies(paths: LibraryPaths): Promise<void> {
  const derived = new Set([paths.catalogue, paths.outline, paths.rankCache].map((file) => basename(file)));
  for (const name of await namesIn(paths.directory)) {
    const original = originalOfCopy(name);
    if (original === null || !derived.has(original) || derived.has(name)) continue;
    const file = join(paths.directory, name);
    if (original === basename(paths.catalogue) && (await cachedImportSet(file)) === FOREIGN) continue;
    await rm(file, { force: true });
  }
}
