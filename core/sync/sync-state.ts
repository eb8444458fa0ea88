/**
 * Everything a device has done to reading states and digests, as causal registers: what a device's snapshot holds,
 * what a change adds, and what every device's files join to. Papers are named as the writing device named them
 * (PaperRef); the catalogue says which paper each name is now (library.ts). Pure.
 */

import { compareCodePoints } from './canonical-json.js';
import { joinRegisters, type Register } from './causal-register.js';
import { LayeredMap } from './layered-map.js';
import { joinPaperRegisters, type PaperRegisters } from './paper-registers.js';

/**
 * A paper as a change names it: its id on the device that wrote the change, and the import that made that paper
 * there (its id: `<stamp>@<device>`), which the catalogue's fold follows to wherever that record landed. An empty
 * origin names the paper by id alone.
 */
export interface PaperRef {
  readonly origin: string;
  readonly id: string;
}

/** A digest's day and the title that names it (core/digest-date.ts redateDigest). */
export interface DigestDay {
  readonly date: string;
  readonly title: string;
}

export interface PaperEntry {
  readonly ref: PaperRef;
  readonly registers: PaperRegisters;
}

/**
 * A merge of two papers the user said are one work (core/paper-merge.ts), or its undoing: `merged` is false once
 * undone. `saw` names the versions of the merged paper's reading state the merge took into the kept paper's
 * (`<stamp>@<device>`, sorted): the others (written on a device that had not seen the merge) follow the merged paper
 * to the kept one.
 */
export interface MergeValue {
  readonly merged: boolean;
  readonly saw: readonly string[];
}

/** One merge register: the pair as its writer named the papers. */
export interface MergeEntry {
  readonly kept: PaperRef;
  readonly merged: PaperRef;
  readonly register: Register<MergeValue>;
}

/**
 * What a removal takes out of the catalogue: one import's record of a paper (`id` its id there), or one import's
 * copy of a digest. A paper is gone while every record of it is taken out; a later import of it brings it back.
 */
export interface RemovedEntry {
  readonly kind: 'paper' | 'digest';
  /** The import, `<stamp>@<device>`. */
  readonly origin: string;
  readonly id: string;
}

export interface SyncState {
  /** By paperRefKey. */
  readonly papers: ReadonlyMap<string, PaperEntry>;
  /** By digest id. */
  readonly digests: ReadonlyMap<string, Register<DigestDay>>;
  /** By mergeKey; absent when there are none (as in a state written before merges were synced). */
  readonly merges?: ReadonlyMap<string, MergeEntry>;
  /** What removals took out, by removedKey: it only grows. Absent when nothing was removed. */
  readonly removed?: ReadonlySet<string>;
}

export const EMPTY_SYNC_STATE: SyncState = { papers: new Map(), digests: new Map() };

export function paperRefKey(ref: PaperRef): string {
  return JSON.stringify([ref.origin, ref.id]);
}

export function mergeKey(kept: PaperRef, merged: PaperRef): string {
  return JSON.stringify([kept.origin, kept.id, merged.origin, merged.id]);
}

export function removedKey(entry: RemovedEntry): string {
  return JSON.stringify([entry.kind, entry.origin, entry.id]);
}

export function removedEntryOf(key: string): RemovedEntry {
  const [kind, origin, id] = JSON.parse(key) as [RemovedEntry['kind'], string, string];
  return { kind, origin, id };
}

/** The join of every state: the same whatever their order, and however often one comes. */
export function joinStates(states: Iterable<SyncState>): SyncState {
  const papers = new Map<string, PaperEntry>();
  const digests = new Map<string, Register<DigestDay>>();
  const merges = new Map<string, MergeEntry>();
  const removed = new Set<string>();
  let count = 0;
  let only: SyncState = EMPTY_SYNC_STATE;
  for (const state of states) {
    count += 1;
    only = state;
    for (const [key, entry] of state.papers) {
      const mine = papers.get(key);
      papers.set(
        key,
        mine === undefined ? entry : { ref: mine.ref, registers: joinPaperRegisters(mine.registers, entry.registers) },
      );
    }
    for (const [id, register] of state.digests) {
      const mine = digests.get(id);
      digests.set(id, mine === undefined ? register : joinRegisters(mine, register));
    }
    for (const [key, entry] of state.merges ?? []) {
      const mine = merges.get(key);
      merges.set(key, mine === undefined ? entry : { ...mine, register: joinRegisters(mine.register, entry.register) });
    }
    for (const key of state.removed ?? []) removed.add(key);
  }
  if (count === 1) return only;
  return {
    papers: sortedMap(papers),
    digests: sortedMap(digests),
    ...(merges.size === 0 ? {} : { merges: sortedMap(merges) }),
    ...(removed.size === 0 ? {} : { removed: new Set([...removed].sort(compareCodePoints)) }),
  };
}

/**
 * `state` joined with `delta`, a state of a few papers (a change's): the same as joinStates([state, delta]) but for
 * the order of its maps, made at the cost of what `delta` names, not a copy of every paper's entry. `state` itself
 * when `delta` adds nothing to it.
 */
export function joinDelta(state: SyncState, delta: SyncState): SyncState {
  const changed: [string, PaperEntry][] = [];
  for (const [key, entry] of delta.papers) {
    const mine = state.papers.get(key);
    if (mine === undefined) changed.push([key, entry]);
    else {
      const registers = joinPaperRegisters(mine.registers, entry.registers);
      if (registers !== mine.registers) changed.push([key, { ref: mine.ref, registers }]);
    }
  }
  let digests: Map<string, Register<DigestDay>> | undefined;
  for (const [id, register] of delta.digests) {
    const mine = state.digests.get(id);
    const joined = mine === undefined ? register : joinRegisters(mine, register);
    if (joined === mine) continue;
    digests ??= new Map(state.digests);
    digests.set(id, joined);
  }
  // Merges and removals are few: joined as joinStates joins them, when the delta has any.
  const structural = (delta.merges?.size ?? 0) > 0 || (delta.removed?.size ?? 0) > 0;
  const joined = structural ? joinStates([structureOf(state), structureOf(delta)]) : state;
  const merges = sameMerges(joined.merges, state.merges) ? state.merges : joined.merges;
  const removed = joined.removed?.size === state.removed?.size ? state.removed : joined.removed;
  if (changed.length === 0 && digests === undefined && merges === state.merges && removed === state.removed) {
    return state;
  }
  return {
    papers: changed.length === 0 ? state.papers : LayeredMap.of(state.papers).with(changed),
    digests: digests ?? state.digests,
    ...(merges === undefined ? {} : { merges }),
    ...(removed === undefined ? {} : { removed }),
  };
}

/** The state's merges and removals alone. */
function structureOf(state: SyncState): SyncState {
  return {
    ...EMPTY_SYNC_STATE,
    ...(state.merges === undefined ? {} : { merges: state.merges }),
    ...(state.removed === undefined ? {} : { removed: state.removed }),
  };
}

/** Whether `joined` (the join of `before` with more) holds nothing `before` did not. */
function sameMerges(
  joined: ReadonlyMap<string, MergeEntry> | undefined,
  before: ReadonlyMap<string, MergeEntry> | undefined,
): boolean {
  if (joined === before) return true;
  if (joined?.size !== before?.size) return false;
  return [...(joined ?? [])].every(([key, entry]) => before?.get(key)?.register === entry.register);
}

function sortedMap<T>(map: ReadonlyMap<string, T>): ReadonlyMap<string, T> {
  return new Map([...map].sort(([a], [b]) => compareCodePoints(a, b)));
}
