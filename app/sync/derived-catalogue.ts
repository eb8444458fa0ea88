/**
 * `library.json` in a synced folder: derived, the catalogue folded from every device's imports with the ids of the
 * imports it was made from (ARCHITECTURE.md, "Many devices, one folder"), and where the fold put each import's
 * records, so that a device whose imports are exactly those named opens the library from it without folding them.
 * Schema version 4, a version today's store refuses to write over. A copy a sync tool brings back names an older set
 * of imports, and is never taken for the library.
 *
 * Laid out so that what says whether it can be used is read first and alone: its first line is the head (the import
 * set, where each record landed, which papers each import added, the version), the second the digests and papers.
 * Written canonically (every object's keys in order, the layout fixed), so two devices with the same imports write
 * the same bytes.
 */

import { readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';

import type { Catalogue } from '../../core/model.js';
import { canonicalJson } from '../../core/sync/canonical-json.js';
import { canonicalJsonPieces, type Element } from '../../core/sync/canonical-json-parts.js';
import { originalOfCopy } from '../../core/sync/device-files.js';
import { foldPlacements, keptFold, type CatalogueFold, type FoldPlacements } from '../../core/sync/catalogue-fold.js';
import { conflictSides } from '../../core/sync/git-conflicts.js';
import { openIfThere, readTextIfThere } from './read-text.js';
import { namesIn } from '../store/errors.js';
import { readJsonInPieces } from '../store/json-pieces.js';
import type { LibraryPaths } from '../store/library-paths.js';
import { writeDocumentPieces } from './canonical-document.js';

const SYNCED_CATALOGUE_VERSION = 4;

/** A record of an import: its id where it landed under its own id, else [its id, the paper's]. */
type Landing = string | readonly [record: string, paper: string];

/** What the cache's first line holds. */
export interface CacheHead {
  /** The ids of the imports folded, in code-point order. */
  readonly imports: readonly string[];
  /** Per import, where each of its records landed. */
  readonly landed: Readonly<Record<string, readonly Landing[]>>;
  /** Per import, the papers it added: what a change to one of them names as its origin. */
  readonly added: Readonly<Record<string, readonly string[]>>;
  /** Per import, the digests it carried: what a removal of a digest names. */
  readonly carried: Readonly<Record<string, readonly string[]>>;
}

/** The ids of the imports `fold` was made from, in one order: what the cache names. */
export function importSetOf(fold: CatalogueFold): string {
  return sorted(fold.imports).join(' ');
}

/**
 * In code-point order (canonical-json.ts compareCodePoints): the default order of a sort of strings, which compares them as that does,
 * without a call per comparison (a fold of 100,000 papers sorts two lists of 100,000 ids).
 */
function sorted(ids: Iterable<string>): string[] {
  return [...ids].sort();
}

/** The head of the fold's cache: its placements (catalogue-fold.ts), each list in code-point order. */
function headOf(fold: CatalogueFold): CacheHead {
  const placements = foldPlacements(fold);
  if (placements === undefined) throw new Error("A first frame's fold was to be written as the cache.");
  const landed: Record<string, Landing[]> = {};
  const added: Record<string, string[]> = {};
  const carried: Record<string, string[]> = {};
  for (const id of fold.imports) {
    const records = placements.placed.get(id) ?? new Map<string, string>();
    landed[id] = sorted(records.keys()).map((record) => {
      const paper = records.get(record) ?? record;
      return paper === record ? record : [record, paper];
    });
    added[id] = [];
    carried[id] = [];
  }
  for (const [paper, origin] of placements.origins) added[origin]?.push(paper);
  for (const [digest, origins] of placements.digestOrigins) for (const origin of origins) carried[origin]?.push(digest);
  for (const id of fold.imports) {
    added[id]?.sort();
    carried[id]?.sort();
  }
  return { imports: sorted(fold.imports), landed, added, carried };
}

/**
 * How a cache begins: its head's first key (`{"added":`); a cache written before the head began with its digests.
 * A library written before devices begins otherwise (migrate.ts tells them apart by this).
 */
export const CACHE_STARTS: readonly string[] = ['{"added":', '{"digests":'];

/**
 * Writes the fold's cache, a paper at a time (canonical-document.ts: a paper's text copied from the file it was last
 * written to): its head on the first line, then its digests and papers.
 */
export async function writeDerivedCatalogue(file: string, fold: CatalogueFold): Promise<void> {
  await writeDocumentPieces(file, cacheDocumentPieces(headOf(fold), fold.catalogue));
}

/**
 * The pieces of a cache of `head` and `catalogue` (canonical-json-parts.ts): the text, and each digest and paper,
 * which may be objects that stand in for texts written before (an import's papers kept on disk, app/bounded-import).
 */
export function* cacheDocumentPieces(
  head: CacheHead,
  catalogue: { readonly digests: readonly unknown[]; readonly papers: readonly unknown[] },
): Generator<string | Element, void, undefined> {
  const headText = canonicalJson({ ...head, schemaVersion: SYNCED_CATALOGUE_VERSION });
  const { digests, papers } = catalogue;
  // The body's pieces after its opening brace: the head's members go first, the line ending them.
  const body = canonicalJsonPieces({ digests, papers });
  body.next();
  yield `${headText.slice(0, -1)},\n`;
  yield* body;
}

/** `head` with the import `id` folded onto it, which landed each of `records` on a paper of its id (catalogue-fold.ts). */
export function headWithImport(
  head: CacheHead,
  id: string,
  import_: {
    readonly records: readonly string[];
    readonly added: readonly string[];
    readonly digests: readonly string[];
  },
): CacheHead {
  return {
    imports: sorted([...head.imports, id]),
    landed: { ...head.landed, [id]: sorted(import_.records) },
    added: { ...head.added, [id]: sorted(import_.added) },
    carried: { ...head.carried, [id]: sorted(import_.digests) },
  };
}

/** What cachedImportSet says of a file that is not a cache (no import set is spelled so). */
export const FOREIGN = 'foreign';

/** The head as read: null when there is no file; FOREIGN for a file that is not a cache; '' for one cut short. */
export type ReadHead = { readonly set: string; readonly head: CacheHead | null } | null;

/** How a text that git left with conflict markers begins. */
export const GIT_CONFLICT_START = '<<<<<<<';

/**
 * Whether `file`, which begins with git's conflict marker, is a cache that two computers wrote and git merged: every
 * side of it a cache (or empty, where the file is new on one side). It names no imports, so it is made again; it is
 * never a library to migrate.
 */
export async function isConflictedCache(file: string): Promise<boolean> {
  const sides = conflictSides((await readTextIfThere(file)) ?? '');
  return (
    sides !== null && sides.every((side) => side.trim() === '' || CACHE_STARTS.some((start) => side.startsWith(start)))
  );
}

/** Reads up to the end of the first line, or the whole file when it has none; null when the file is not there. */
async function firstLine(file: string): Promise<{ readonly text: string; readonly whole: boolean } | null> {
  const handle = await openIfThere(file);
  if (handle === null) return null;
  try {
    const chunks: Buffer[] = [];
    const buffer = Buffer.alloc(1024 * 1024);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return { text: Buffer.concat(chunks).toString('utf8'), whole: true };
      const chunk = buffer.subarray(0, bytesRead);
      const newline = chunk.indexOf(0x0a);
      if (newline !== -1) {
        chunks.push(Buffer.from(chunk.subarray(0, newline)));
        return { text: Buffer.concat(chunks).toString('utf8'), whole: false };
      }
      chunks.push(Buffer.from(chunk));
    }
  } finally {
    await handle.close();
  }
}

function isLandings(value: unknown): value is Record<string, readonly Landing[]> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every(
      (records: unknown) =>
        Array.isArray(records) &&
        records.every(
          (record: unknown) =>
            typeof record === 'string' ||
            (Array.isArray(record) &&
              record.length === 2 &&
              typeof record[0] === 'string' &&
              typeof record[1] === 'string'),
        ),
    )
  );
}

function isIdLists(value: unknown): value is Record<string, readonly string[]> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every(
      (ids: unknown) => Array.isArray(ids) && ids.every((id: unknown) => typeof id === 'string'),
    )
  );
}

function readJson(text: string): { readonly schemaVersion?: unknown; readonly imports?: unknown } | undefined {
  try {
    return JSON.parse(text) as { readonly schemaVersion?: unknown; readonly imports?: unknown };
  } catch {
    return undefined;
  }
}

/**
 * The cache at `file`, as far as its first line tells: the import set it names and its head, or what it is when it
 * cannot be used (see ReadHead). A cache of the older layout (no head line) names its set, without a head.
 */
export async function readCacheHead(file: string): Promise<ReadHead> {
  const line = await firstLine(file);
  if (line === null) return null;
  // The head line ends with the comma before the digests: without it, and closed, it is the head's JSON.
  const json = readJson(line.whole ? line.text : `${line.text.replace(/,$/, '')}}`);
  if (json === undefined) {
    if (line.text.startsWith(GIT_CONFLICT_START))
      return { set: (await isConflictedCache(file)) ? '' : FOREIGN, head: null };
    return { set: CACHE_STARTS.some((start) => line.text.startsWith(start)) ? '' : FOREIGN, head: null };
  }
  if (json.schemaVersion !== SYNCED_CATALOGUE_VERSION || !Array.isArray(json.imports)) {
    return { set: FOREIGN, head: null };
  }
  const imports = json.imports.filter((id): id is string => typeof id === 'string');
  const { landed, added, carried } = json as {
    readonly landed?: unknown;
    readonly added?: unknown;
    readonly carried?: unknown;
  };
  const head =
    line.whole || !isLandings(landed) || !isIdLists(added) || !isIdLists(carried)
      ? null
      : { imports, landed, added, carried };
  return { set: imports.join(' '), head };
}

/**
 * The import set the cache at `file` names: null when there is no file; '' for a cache cut short (a sync in
 * progress), which names none; FOREIGN for a file that is not a synced folder's cache (a library not migrated).
 */
async function cachedImportSet(file: string): Promise<string | null> {
  return (await readCacheHead(file))?.set ?? null;
}

/** The catalogue the cache at `file` holds (its second line): null when it cannot be read as one. */
export async function readCachedCatalogue(file: string): Promise<Catalogue | null> {
  const handle = await openIfThere(file);
  if (handle === null) return null;
  let json: unknown;
  try {
    // In pieces: never the whole file as one string (twice its size once a name is outside Latin-1) beside its value.
    json = await readJsonInPieces(handle, () => readFile(file, 'utf8'));
  } catch (error) {
    // Cut short or not JSON: a cache made again at the next change.
    if (error instanceof SyntaxError) return null;
    throw error;
  } finally {
    await handle.close();
  }
  if (typeof json !== 'object' || json === null) return null;
  const { papers, digests } = json as { readonly papers?: unknown; readonly digests?: unknown };
  if (!Array.isArray(papers) || !Array.isArray(digests)) return null;
  return { papers: papers as Catalogue['papers'], digests: digests as Catalogue['digests'] };
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

/**
 * The fold the cache's head says, over `catalogue` (the cache's own, or, for a first frame before it is read, its
 * digests only, with `ids` the ids of its papers, from the outline): what folding the imports it names would give.
 * Its placements are made from the head when first needed; over the cache's own catalogue, imports made later are
 * folded onto it (catalogue-fold.ts foldOnward).
 */
export function foldOfCache(
  head: CacheHead,
  catalogue: Catalogue,
  ids: ReadonlySet<string>,
  complete = true,
): CatalogueFold {
  return keptFold(catalogue, head.imports, ids, () => placementsOfHead(head), complete);
}

function placementsOfHead(head: CacheHead): FoldPlacements {
  const placed = new Map<string, ReadonlyMap<string, string>>();
  const origins = new Map<string, string>();
  const digestOrigins = new Map<string, string[]>();
  for (const origin of head.imports) {
    const records = Object.hasOwn(head.landed, origin) ? (head.landed[origin] ?? []) : [];
    placed.set(origin, new Map(records.map((record) => (typeof record === 'string' ? [record, record] : record))));
    for (const id of Object.hasOwn(head.added, origin) ? (head.added[origin] ?? []) : []) origins.set(id, origin);
    for (const id of Object.hasOwn(head.carried, origin) ? (head.carried[origin] ?? []) : []) {
      const carried = digestOrigins.get(id);
      if (carried === undefined) digestOrigins.set(id, [origin]);
      else carried.push(origin);
    }
  }
  return { placed, origins, digestOrigins };
}
