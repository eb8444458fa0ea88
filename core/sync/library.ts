/**
 * The library every device shows: the catalogue folded from every import (catalogue-fold.ts), each digest's day as
 * its register says, and each paper's reading state joined from every change that names it, whichever name it used.
 * Written out canonically, it is the same bytes on every device that has the same files. Built once from a state
 * (`buildLibrary`), then moved on by each change at the cost of the papers it names (`applyDelta`): the maps are
 * layered (layered-map.ts), so a change copies none of the other papers' entries. Pure.
 */

import { canonicalJson } from './canonical-json.js';
import { latestVersion, type Register } from './causal-register.js';
import type { CatalogueFold } from './catalogue-fold.js';
import { LayeredMap } from './layered-map.js';
import { combinePaperRegisters, materialisePaper, type NoteConflict, type PaperRegisters } from './paper-registers.js';
import { joinDelta, type DigestDay, type SyncState } from './sync-state.js';
import { statesView } from '../states-view.js';
import { type Catalogue, type Digest, type ReadingState, type ReadingStateMap } from '../model.js';

export interface SyncedLibrary {
  readonly catalogue: Catalogue;
  /** A read-only view of `stateMap`, as the rest of Shelfmark reads states. */
  readonly states: ReadingStateMap;
  readonly stateMap: ReadonlyMap<string, ReadingState>;
  /** Papers whose note has conflicts, by paper id. */
  readonly conflicts: ReadonlyMap<string, readonly NoteConflict[]>;
  /** Each paper's registers, combined over every name changes gave it: what a new change on it has seen. */
  readonly registers: ReadonlyMap<string, PaperRegisters>;
  /** The state the library was built from: a new change's `seen` is of its own name's registers only. */
  readonly state: SyncState;
  /** Each digest's day register, by digest id. */
  readonly days: ReadonlyMap<string, Register<DigestDay>>;
  readonly fold: CatalogueFold;
  /** Papers that changes name but whose import has not arrived yet: kept, and shown once it does. */
  readonly waiting: number;
  /** Per paper id, the names (paperRefKey) changes gave it, in the order first met. */
  readonly names: ReadonlyMap<string, readonly string[]>;
}

function digestsOf(fold: CatalogueFold, days: ReadonlyMap<string, Register<DigestDay>>): readonly Digest[] {
  return fold.catalogue.digests.map((digest) => {
    const register = days.get(digest.id);
    const day = register === undefined ? undefined : latestVersion(register)?.value;
    return day === undefined ? digest : { ...digest, date: day.date, title: day.title };
  });
}

/** The paper's registers under every name `keys` gives it, combined. */
function combined(state: SyncState, keys: readonly string[]): PaperRegisters | undefined {
  let registers: PaperRegisters | undefined;
  for (const key of keys) {
    const entry = state.papers.get(key);
    if (entry === undefined) continue;
    registers = registers === undefined ? entry.registers : combinePaperRegisters(registers, entry.registers);
  }
  return registers;
}

export function buildLibrary(state: SyncState, fold: CatalogueFold): SyncedLibrary {
  const names = new Map<string, string[]>();
  let waiting = 0;
  for (const [key, entry] of state.papers) {
    const id = fold.resolve(entry.ref);
    if (id === undefined) {
      waiting += 1;
      continue;
    }
    const mine = names.get(id);
    if (mine === undefined) names.set(id, [key]);
    else mine.push(key);
  }
  // Every name resolves to a paper of the catalogue: its states are made without reading the catalogue's papers (a
  // first frame has only their ids).
  const registers = new Map<string, PaperRegisters>();
  const states = new Map<string, ReadingState>();
  const conflicts = new Map<string, readonly NoteConflict[]>();
  for (const [id, keys] of names) {
    const paperRegisters = combined(state, keys);
    if (paperRegisters === undefined) continue;
    registers.set(id, paperRegisters);
    const materialised = materialisePaper(paperRegisters);
    states.set(id, materialised.state);
    if (materialised.conflicts.length > 0) conflicts.set(id, materialised.conflicts);
  }
  const stateMap = LayeredMap.of(states);
  return {
    catalogue: { papers: fold.catalogue.papers, digests: digestsOf(fold, state.digests) },
    states: statesView(stateMap).view,
    stateMap,
    conflicts: LayeredMap.of(conflicts),
    registers: LayeredMap.of(registers),
    state,
    days: state.digests,
    fold,
    waiting,
    names: LayeredMap.of(names),
  };
}

/**
 * The library once `delta` (a change's state, or a few changes') is joined to its state, the catalogue the same: what
 * `buildLibrary` gives for the joined state, made at the cost of the papers and digests `delta` names.
 */
export function applyDelta(library: SyncedLibrary, delta: SyncState): SyncedLibrary {
  const state = joinDelta(library.state, delta);
  if (state === library.state) return library;
  const { fold } = library;
  let waiting = library.waiting;
  const grown = new Map<string, string[]>();
  const touched = new Set<string>();
  for (const [key, entry] of delta.papers) {
    const before = library.state.papers.get(key);
    if (before !== undefined && state.papers.get(key)?.registers === before.registers) continue;
    const id = fold.resolve(entry.ref);
    if (id === undefined) {
      if (before === undefined) waiting += 1;
      continue;
    }
    touched.add(id);
    if (before === undefined) {
      const keys = grown.get(id) ?? [...(library.names.get(id) ?? [])];
      keys.push(key);
      grown.set(id, keys);
    }
  }
  const names = LayeredMap.of(library.names).with(grown);
  const registerChanges: [string, PaperRegisters | undefined][] = [];
  const stateChanges: [string, ReadingState][] = [];
  const conflictChanges: [string, readonly NoteConflict[] | undefined][] = [];
  for (const id of touched) {
    const paperRegisters = combined(state, names.get(id) ?? []);
    registerChanges.push([id, paperRegisters]);
    if (paperRegisters === undefined) continue;
    const materialised = materialisePaper(paperRegisters);
    stateChanges.push([id, materialised.state]);
    conflictChanges.push([id, materialised.conflicts.length > 0 ? materialised.conflicts : undefined]);
  }
  const stateMap = LayeredMap.of(library.stateMap).with(stateChanges);
  const days = state.digests;
  return {
    catalogue:
      days === library.days ? library.catalogue : { papers: library.catalogue.papers, digests: digestsOf(fold, days) },
    states: stateChanges.length === 0 ? library.states : statesView(stateMap).view,
    stateMap,
    conflicts: LayeredMap.of(library.conflicts).with(conflictChanges),
    registers: LayeredMap.of(library.registers).with(registerChanges),
    state,
    days,
    fold,
    waiting,
    names,
  };
}

/**
 * The library over `fold`, which resolves every name as the library's own fold does (the same cache's fold, once the
 * cache's papers are read): only its catalogue changes.
 */
export function withFold(library: SyncedLibrary, fold: CatalogueFold): SyncedLibrary {
  return { ...library, catalogue: { papers: fold.catalogue.papers, digests: digestsOf(fold, library.days) }, fold };
}

/** The library as one canonical text: what two devices compare, byte for byte. */
export function canonicalLibrary(library: SyncedLibrary): string {
  const states: [string, ReadingState][] = library.catalogue.papers.flatMap((paper) => {
    const state = library.stateMap.get(paper.id);
    return state === undefined ? [] : [[paper.id, state]];
  });
  return canonicalJson({
    papers: library.catalogue.papers,
    digests: library.catalogue.digests,
    states,
    conflicts: library.catalogue.papers.flatMap((paper) => {
      const conflicts = library.conflicts.get(paper.id);
      return conflicts === undefined ? [] : [[paper.id, conflicts]];
    }),
  });
}
