/**
 * The catalogue of a synced library: every device's imports folded, in the order of their stamps (then devices),
 * through the merge any import goes through (core/merge.ts: by arXiv id, DOI, then title where nothing contradicts).
 * The fold remembers where each record of each import landed, so that a change naming a paper as its device knew it
 * finds that paper whatever became of its id. Pure.
 */

import { compareCodePoints, canonicalJson } from './canonical-json.js';
import type { DeviceId } from './causal-register.js';
import type { Stamp } from './hlc.js';
import { opId } from './ops.js';
import { sameJson } from './same-json.js';
import type { PaperRef } from './sync-state.js';
import { hash53 } from '../identity.js';
import { mergeLibrary } from '../merge.js';
import { emptyStateMap, type Catalogue, type CataloguePaper, type Digest } from '../model.js';

/** One import on one device: the records as that device stored them, with its ids, and the digests. */
export interface ImportOp {
  readonly stamp: Stamp;
  readonly device: DeviceId;
  readonly papers: readonly CataloguePaper[];
  readonly digests: readonly Digest[];
}

export interface CatalogueFold {
  readonly catalogue: Catalogue;
  /** The ids of the imports folded, in the order folded. */
  readonly imports: readonly string[];
  /** The id of the paper `ref` names now; undefined while the import it names has not arrived. */
  resolve(ref: PaperRef): string | undefined;
  /** The import that made the paper `id`: what a change to it names as its origin. */
  originOf(id: string): string | undefined;
  /**
   * The latest import's record with the id `id`, as a change names it: for a paper known by an id the catalogue
   * does not have (a change made on a library whose papers an import just brought, where one landed on a paper
   * with another id; a restored backup's ids from before an earlier import arrived).
   */
  recordRef(id: string): PaperRef | undefined;
  /** Every record of every import that landed on the paper `id` (what a removal of it names). */
  refsOf(id: string): readonly PaperRef[];
  /** The imports that carried the digest `id`. */
  digestOrigins(id: string): readonly string[];
}

const EMPTY_CATALOGUE: Catalogue = { papers: [], digests: [] };

function compareImports(a: Pick<ImportOp, 'stamp' | 'device'>, b: Pick<ImportOp, 'stamp' | 'device'>): number {
  return compareCodePoints(a.stamp, b.stamp) || compareCodePoints(a.device, b.device);
}

/**
 * Of two imports with one id, the one folded. Two with different content mean two computers writing as one device:
 * the one with the larger canonical text is folded, on every device alike.
 */
export function preferredImport(a: ImportOp, b: ImportOp): ImportOp {
  if (a === b || sameJson(a, b) || fingerprint(a) === fingerprint(b)) return a;
  return canonicalJson(a) >= canonicalJson(b) ? a : b;
}

/**
 * Each import's fingerprint (a hash of its canonical text), made once per object: a store compares the imports it
 * holds with the same ones read again, and only two that differ (rare) are compared whole.
 */
const fingerprints = new WeakMap<ImportOp, number>();

function fingerprint(op: ImportOp): number {
  let hash = fingerprints.get(op);
  if (hash === undefined) {
    hash = hash53(canonicalJson(op));
    fingerprints.set(op, hash);
  }
  return hash;
}

function distinctImports(imports: Iterable<ImportOp>): ImportOp[] {
  const byId = new Map<string, ImportOp>();
  for (const op of imports) {
    const id = opId(op);
    const other = byId.get(id);
    byId.set(id, other === undefined ? op : preferredImport(other, op));
  }
  return [...byId.values()].sort(compareImports);
}

export function foldImports(imports: Iterable<ImportOp>): CatalogueFold {
  return foldFrom(EMPTY_PROGRESS, distinctImports(imports));
}

/** Where a fold put each import's records, which papers each import added, and which imports carried each digest. */
export interface FoldPlacements {
  /** Per import, where each of its records landed. */
  readonly placed: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Per paper, the import that added it. */
  readonly origins: ReadonlyMap<string, string>;
  readonly digestOrigins: ReadonlyMap<string, readonly string[]>;
}

/** What a fold has made, kept to fold further imports onto (foldOnward). */
interface FoldProgress extends FoldPlacements {
  readonly catalogue: Catalogue;
  readonly folded: readonly string[];
  /** The import folded last (its stamp and device): what an import folded onward must sort after. */
  readonly last: Pick<ImportOp, 'stamp' | 'device'> | null;
}

const EMPTY_PROGRESS: FoldProgress = {
  catalogue: EMPTY_CATALOGUE,
  placed: new Map(),
  origins: new Map(),
  folded: [],
  digestOrigins: new Map(),
  last: null,
};

/** Each fold's progress, made when first asked (a kept fold's placements are read only then). */
const progressOf = new WeakMap<CatalogueFold, () => FoldProgress>();

/**
 * The fold of the imports `previous` folded and `added`, made by folding only `added` onto it: the same fold as
 * foldImports of all of them, as long as every import of `added` sorts after every import folded (stamp, then
 * device) and none has the id of one folded. Else (one arrived late, or replaces one) null: fold them all again.
 */
export function foldOnward(previous: CatalogueFold, added: readonly ImportOp[]): CatalogueFold | null {
  const progress = progressOf.get(previous)?.();
  if (progress === undefined) return null;
  const ops = distinctImports(added);
  const [first] = ops;
  if (first === undefined) return previous;
  if (progress.last !== null && compareImports(progress.last, first) >= 0) return null;
  return foldFrom(progress, ops);
}

/**
 * Whether an import stamped after `stamp` (one this device makes next, its clock at `stamp`) is folded onto `fold`
 * by foldOnward, rather than every import folded again.
 */
export function foldsOnwardAfter(fold: CatalogueFold, stamp: Stamp): boolean {
  const progress = progressOf.get(fold)?.();
  if (progress === undefined) return false;
  return progress.last === null || compareCodePoints(progress.last.stamp, stamp) <= 0;
}

/** `ops` (distinct, in order, all after what `start` folded) folded onto `start`. */
function foldFrom(start: FoldProgress, ops: readonly ImportOp[]): CatalogueFold {
  let catalogue = start.catalogue;
  const placed = new Map(start.placed);
  const origins = new Map(start.origins);
  const folded = [...start.folded];
  const digestOrigins = new Map(start.digestOrigins);
  for (const op of ops) {
    const id = opId(op);
    const merged = mergeLibrary(
      { catalogue, states: emptyStateMap() },
      { catalogue: { papers: op.papers, digests: op.digests }, states: emptyStateMap() },
    );
    catalogue = merged.catalogue;
    let landed: ReadonlyMap<string, string> = merged.ids;
    for (const added of merged.summary.added) {
      origins.set(added.id, id);
      // A paper renamed here (another work had its id) is named by a device that knows it so: by its id here.
      if (!landed.has(added.id)) landed = new Map(landed).set(added.id, added.id);
    }
    placed.set(id, landed);
    for (const digest of op.digests) digestOrigins.set(digest.id, [...(digestOrigins.get(digest.id) ?? []), id]);
    folded.push(id);
  }
  const progress: FoldProgress = { catalogue, placed, origins, folded, digestOrigins, last: ops.at(-1) ?? start.last };
  // The ids of its papers, made when first asked (a change that names a paper by its id alone).
  let ids: ReadonlySet<string> | undefined;
  const idsOnce = (): ReadonlySet<string> => (ids ??= new Set(catalogue.papers.map((paper) => paper.id)));
  const fold = foldOver(catalogue, folded, idsOnce, () => progress);
  progressOf.set(fold, () => progress);
  return fold;
}

/**
 * A fold made before and kept (a synced folder's cache, app/sync/derived-catalogue.ts): `imports` the ids of the
 * imports folded, in the order folded, `ids` its papers' ids, and its placements, made when first needed. With the
 * catalogue's papers (`complete`), imports that sort after it are folded onto it (foldOnward); a catalogue of digests
 * only (a first frame's) is folded again from the imports.
 */
export function keptFold(
  catalogue: Catalogue,
  imports: readonly string[],
  ids: ReadonlySet<string>,
  placements: () => FoldPlacements,
  complete: boolean,
): CatalogueFold {
  let parts: FoldPlacements | undefined;
  const placementsOnce = (): FoldPlacements => (parts ??= placements());
  const fold = foldOver(catalogue, imports, () => ids, placementsOnce);
  if (complete) {
    const lastId = imports.at(-1);
    const at = lastId?.indexOf('@') ?? -1;
    const last = lastId === undefined || at < 0 ? null : { stamp: lastId.slice(0, at), device: lastId.slice(at + 1) };
    progressOf.set(fold, () => ({ ...placementsOnce(), catalogue, folded: imports, last }));
  }
  return fold;
}

/** The fold over `catalogue`, its names followed through the placements. `ids`: its papers' ids. */
function foldOver(
  catalogue: Catalogue,
  imports: readonly string[],
  ids: () => ReadonlySet<string>,
  placements: () => FoldPlacements,
): CatalogueFold {
  let landedOn: Map<string, PaperRef[]> | undefined;
  let byRecord: Map<string, PaperRef> | undefined;
  const fold: CatalogueFold = {
    catalogue,
    imports,
    resolve: (ref) =>
      ref.origin === '' ? (ids().has(ref.id) ? ref.id : undefined) : placements().placed.get(ref.origin)?.get(ref.id),
    originOf: (id) => placements().origins.get(id),
    recordRef: (id) => {
      if (byRecord === undefined) {
        // In the order folded: the latest import's record with an id wins.
        byRecord = new Map();
        const { placed } = placements();
        for (const origin of imports) {
          for (const record of placed.get(origin)?.keys() ?? []) byRecord.set(record, { origin, id: record });
        }
      }
      return byRecord.get(id);
    },
    refsOf: (id) => {
      // Made when first asked (a removal): most libraries never need it.
      landedOn ??= refsByPaper(placements().placed);
      return landedOn.get(id) ?? [];
    },
    digestOrigins: (id) => placements().digestOrigins.get(id) ?? [],
  };
  placementsOf.set(fold, placements);
  return fold;
}

const placementsOf = new WeakMap<CatalogueFold, () => FoldPlacements>();

/** Where the fold put each import's records, and what else a synced folder's cache keeps of it (its head). */
export function foldPlacements(fold: CatalogueFold): FoldPlacements | undefined {
  return placementsOf.get(fold)?.();
}

function refsByPaper(placed: ReadonlyMap<string, ReadonlyMap<string, string>>): Map<string, PaperRef[]> {
  const byPaper = new Map<string, PaperRef[]>();
  for (const [origin, records] of placed) {
    for (const [id, paper] of records) {
      const refs = byPaper.get(paper);
      if (refs === undefined) byPaper.set(paper, [{ origin, id }]);
      else refs.push({ origin, id });
    }
  }
  return byPaper;
}
