/**
 * What takes papers out of a synced catalogue, applied over the imports' fold (catalogue-fold.ts), which only ever
 * adds: removals, then merges. A paper is removed while every record of it that an import brought is taken out by a
 * removal (so an import made after the removal, or without knowledge of it, brings it back: imports win). Then every
 * standing merge, in the order of its stamp (then device, then key), through core/paper-merge.ts's own pieces: the
 * kept paper takes both records, the merged paper's ids become its aliases, digests list it in the merged one's place,
 * and the merged paper leaves the catalogue; a merge whose papers are already one, or one of them removed, changes
 * nothing. The merged paper's reading state stays under its own id; what of it the merge had not seen follows it to
 * the kept paper (`carriedRegisters`). The same state and imports give the same catalogue on every device. Pure.
 */

import { compareCodePoints } from './canonical-json.js';
import { dotOf, latestVersion, type Register } from './causal-register.js';
import type { CatalogueFold } from './catalogue-fold.js';
import { combinePaperRegisters, type PaperRegisters } from './paper-registers.js';
import { removedEntryOf, removedKey, type SyncState } from './sync-state.js';
import { aliasesFrom, digestAfterMerge, mergedRecord } from '../paper-merge.js';
import type { Catalogue, CataloguePaper, Digest } from '../model.js';

/** A merge as applied: both papers present at that point. */
interface AppliedMerge {
  readonly kept: string;
  readonly merged: string;
  /** The versions of the merged paper's reading state the merge took in (MergeValue.saw). */
  readonly saw: ReadonlySet<string>;
}

export interface CatalogueStructure {
  /** The catalogue once removals and merges are applied (digests' days are not: library.ts applies them). */
  readonly catalogue: Catalogue;
  readonly merges: readonly AppliedMerge[];
  /** The papers of the fold that removals took out. */
  readonly removed: ReadonlySet<string>;
  /** The paper of the catalogue the fold's paper `id` is now: itself, or the paper it was merged into. */
  hostOf(id: string): string | undefined;
  /** The fold's papers merged into `id`, through chains of merges too. */
  mergedInto(id: string): readonly string[];
  /** The record of `id` as the imports made it, before any merge into it. */
  baseRecord(id: string): CataloguePaper | undefined;
}

interface StandingMerge {
  readonly key: string;
  readonly kept: string;
  readonly merged: string;
  readonly stamp: string;
  readonly device: string;
  readonly saw: ReadonlySet<string>;
}

/** The merges that stand (their latest version merges), as the fold names their papers, in the order applied. */
function standingMerges(fold: CatalogueFold, state: SyncState): StandingMerge[] {
  const standing: StandingMerge[] = [];
  for (const [key, entry] of state.merges ?? []) {
    const latest = latestVersion(entry.register);
    if (latest?.value.merged !== true) continue;
    const kept = fold.resolve(entry.kept);
    const merged = fold.resolve(entry.merged);
    if (kept === undefined || merged === undefined) continue;
    // What any standing version of this merge took in, it wrote to the kept paper.
    const saw = new Set(entry.register.versions.flatMap((version) => (version.value.merged ? version.value.saw : [])));
    standing.push({ key, kept, merged, stamp: latest.stamp, device: latest.device, saw });
  }
  return standing.sort(
    (a, b) =>
      compareCodePoints(a.stamp, b.stamp) || compareCodePoints(a.device, b.device) || compareCodePoints(a.key, b.key),
  );
}

/** The fold's papers and digests that every record and copy of is taken out. */
function removals(fold: CatalogueFold, state: SyncState): { papers: Set<string>; digests: Set<string> } {
  const papers = new Set<string>();
  const digests = new Set<string>();
  const removed = state.removed;
  if (removed === undefined || removed.size === 0) return { papers, digests };
  const named = (kind: 'paper' | 'digest', origin: string, id: string): boolean =>
    removed.has(removedKey({ kind, origin, id }));
  const checked = new Set<string>();
  for (const key of removed) {
    const entry = removedEntryOf(key);
    if (entry.kind === 'digest') {
      if (checked.has(`d${entry.id}`)) continue;
      checked.add(`d${entry.id}`);
      const origins = fold.digestOrigins(entry.id);
      if (origins.length > 0 && origins.every((origin) => named('digest', origin, entry.id))) digests.add(entry.id);
      continue;
    }
    const paper = fold.resolve(entry);
    if (paper === undefined || checked.has(`p${paper}`)) continue;
    checked.add(`p${paper}`);
    if (fold.refsOf(paper).every((ref) => named('paper', ref.origin, ref.id))) papers.add(paper);
  }
  return { papers, digests };
}

function unchanged(fold: CatalogueFold): CatalogueStructure {
  return {
    catalogue: fold.catalogue,
    merges: [],
    removed: new Set(),
    hostOf: (id) => id,
    mergedInto: () => [],
    baseRecord: (id) => fold.catalogue.papers.find((paper) => paper.id === id),
  };
}

/** The structure last made over each fold, with what it was made from: a change to states alone keeps it. */
const made = new WeakMap<CatalogueFold, { readonly from: string; readonly structure: CatalogueStructure }>();

export function applyStructure(fold: CatalogueFold, state: SyncState): CatalogueStructure {
  const standing = standingMerges(fold, state);
  if (standing.length === 0 && (state.removed?.size ?? 0) === 0) return unchanged(fold);
  const from = [
    ...standing.map((merge) => `${merge.key} ${merge.stamp} ${merge.device} ${[...merge.saw].join(' ')}`),
    ...(state.removed ?? []),
  ].join('\n');
  const known = made.get(fold);
  if (known?.from === from) return known.structure;
  const structure = structureOf(fold, state, standing);
  made.set(fold, { from, structure });
  return structure;
}

function structureOf(fold: CatalogueFold, state: SyncState, standing: readonly StandingMerge[]): CatalogueStructure {
  const removed = removals(fold, state);
  if (standing.length === 0 && removed.papers.size === 0 && removed.digests.size === 0) return unchanged(fold);

  const byId = new Map(fold.catalogue.papers.map((paper) => [paper.id, paper]));
  const host = new Map<string, string>();
  const find = (id: string): string => {
    let at = id;
    for (let next = host.get(at); next !== undefined; next = host.get(at)) at = next;
    return at;
  };
  const records = new Map<string, CataloguePaper>();
  const applied: AppliedMerge[] = [];
  let taken: Set<string> | undefined;
  for (const merge of standing) {
    const [kept, merged] = [find(merge.kept), find(merge.merged)];
    if (kept === merged || removed.papers.has(kept) || removed.papers.has(merged)) continue;
    const keptRecord = records.get(kept) ?? byId.get(kept);
    const mergedPaper = records.get(merged) ?? byId.get(merged);
    if (keptRecord === undefined || mergedPaper === undefined) continue;
    taken ??= new Set(
      fold.catalogue.papers.flatMap((paper) =>
        removed.papers.has(paper.id) ? [] : [paper.id, ...(paper.aliases ?? [])],
      ),
    );
    const ids = taken;
    const aliases = aliasesFrom(mergedPaper, (id) => ids.has(id));
    records.set(kept, mergedRecord(keptRecord, mergedPaper, aliases));
    records.delete(merged);
    for (const alias of aliases) taken.add(alias);
    host.set(merged, kept);
    applied.push({ kept, merged, saw: merge.saw });
  }

  const papers = fold.catalogue.papers.flatMap((paper) =>
    removed.papers.has(paper.id) || host.has(paper.id) ? [] : [records.get(paper.id) ?? paper],
  );
  const digests = fold.catalogue.digests.flatMap((digest): Digest[] => {
    if (removed.digests.has(digest.id)) return [];
    let after = digest;
    if (digest.paperIds.some((id) => removed.papers.has(id))) {
      after = { ...after, paperIds: after.paperIds.filter((id) => !removed.papers.has(id)) };
    }
    if (!digest.paperIds.some((id) => host.has(id))) return [after];
    for (const merge of applied) after = digestAfterMerge(after, merge.kept, merge.merged)?.digest ?? after;
    return [after];
  });

  let hosted: Map<string, string[]> | undefined;
  return {
    catalogue: { papers, digests },
    merges: applied,
    removed: removed.papers,
    hostOf: (id) => {
      const at = find(id);
      return removed.papers.has(at) || !byId.has(at) ? undefined : at;
    },
    mergedInto: (id) => {
      if (hosted === undefined) {
        hosted = new Map();
        for (const merged of host.keys()) {
          const at = find(merged);
          hosted.set(at, [...(hosted.get(at) ?? []), merged]);
        }
      }
      return hosted.get(id) ?? [];
    },
    baseRecord: (id) => byId.get(id),
  };
}

function withoutVersions<T>(register: Register<T> | undefined, dots: ReadonlySet<string>): Register<T> | undefined {
  if (register === undefined || !register.versions.some((version) => dots.has(dotOf(version)))) return register;
  return { ...register, versions: register.versions.filter((version) => !dots.has(dotOf(version))) };
}

/** The paper's registers without the versions `dots` names. */
function without(registers: PaperRegisters, dots: ReadonlySet<string>): PaperRegisters {
  if (dots.size === 0) return registers;
  const status = withoutVersions(registers.status, dots);
  const note = withoutVersions(registers.note, dots);
  const tags =
    registers.tags === undefined
      ? undefined
      : new Map([...registers.tags].flatMap(([key, tag]) => [[key, withoutVersions(tag, dots) ?? tag] as const]));
  return {
    ...(status === undefined ? {} : { status }),
    ...(note === undefined ? {} : { note }),
    ...(tags === undefined ? {} : { tags }),
  };
}

/**
 * Each paper's registers once merges are applied: a kept paper's with what the merge had not seen of the merged
 * paper's (written on a device that had not seen the merge) combined in; a merged paper's as its own, for undoing.
 */
export function carriedRegisters(
  registers: ReadonlyMap<string, PaperRegisters>,
  structure: CatalogueStructure,
): ReadonlyMap<string, PaperRegisters> {
  if (structure.merges.length === 0) return registers;
  const carried = new Map(registers);
  for (const merge of structure.merges) {
    const from = carried.get(merge.merged);
    if (from === undefined) continue;
    const into = carried.get(merge.kept);
    const taken = without(from, merge.saw);
    carried.set(merge.kept, into === undefined ? taken : combinePaperRegisters(into, taken));
  }
  for (const merge of structure.merges) {
    const own = registers.get(merge.merged);
    if (own === undefined) carried.delete(merge.merged);
    else carried.set(merge.merged, own);
  }
  return carried;
}
