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

export interface SyncState {
  /** By paperRefKey. */
  readonly papers: ReadonlyMap<string, PaperEntry>;
  /** By digest id. */
  readonly digests: ReadonlyMap<string, Register<DigestDay>>;
}

export const EMPTY_SYNC_STATE: SyncState = { papers: new Map(), digests: new Map() };

export function paperRefKey(ref: PaperRef): string {
  return JSON.stringify([ref.origin, ref.id]);
}

/** The join of every state: the same whatever their order, and however often one comes. */
export function joinStates(states: Iterable<SyncState>): SyncState {
  const papers = new Map<string, PaperEntry>();
  const digests = new Map<string, Register<DigestDay>>();
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
  }
  return count === 1 ? only : { papers: sortedMap(papers), digests: sortedMap(digests) };
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
  if (changed.length === 0 && digests === undefined) return state;
  return {
    papers: changed.length === 0 ? state.papers : LayeredMap.of(state.papers).with(changed),
    digests: digests ?? state.digests,
  };
}

function sortedMap<T>(map: ReadonlyMap<string, T>): ReadonlyMap<string, T> {
  return new Map([...map].sort(([a], [b]) => compareCodePoints(a, b)));
}
