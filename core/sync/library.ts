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
import { applyStructure, carriedRegisters, type CatalogueStructure } from './catalogue-structure.js';
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
  /** Removals and merges over the fold: what the catalogue is made of. */
  readonly structure: CatalogueStructure;
  /** Papers that changes name but whose import has not arrived yet: kept, and shown once it does. */
  readonly waiting: number;
  /** Per paper id, the names (paperRefKey) changes gave it, in the order first met. */
  readonly names: ReadonlyMap<string, readonly string[]>;
}

function digestsOf(catalogue: Catalogue, days: ReadonlyMap<string, Register<DigestDay>>): readonly Digest[] {
  return catalogue.digests.map((digest) => {
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
  const structure = applyStructure(fold, state);
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
  // Every name resolves to a paper of the fold: its states are made without reading the catalogue's papers (a first
  // frame has only their ids).
  const own = new Map<string, PaperRegisters>();
  for (const [id, keys] of names) {
    const paperRegisters = combined(state, keys);
    if (paperRegisters !== undefined) own.set(id, paperRegisters);
  }
  const registers = carriedRegisters(own, structure);
  const states = new Map<string, ReadingState>();
  const conflicts = new Map<string, readonly NoteConflict[]>();
  for (const [id, paperRegisters] of registers) {
    const shown = shownAs(structure, id);
    if (shown === 'gone') continue;
    const materialised = materialisePaper(paperRegisters);
    states.set(id, materialised.state);
    if (shown === 'paper' && materialised.conflicts.length > 0) conflicts.set(id, materialised.conflicts);
  }
  const stateMap = LayeredMap.of(states);
  return {
    catalogue: { papers: structure.catalogue.papers, digests: digestsOf(structure.catalogue, state.digests) },
    states: statesView(stateMap).view,
    stateMap,
    conflicts: LayeredMap.of(conflicts),
    registers: LayeredMap.of(registers),
    state,
    days: state.digests,
    fold,
    structure,
    waiting,
    names: LayeredMap.of(names),
  };
}

/**
 * How the fold's paper `id` is shown once merges and removals are applied: a paper of the catalogue; a merged paper,
 * whose state stays under its id as core/paper-merge.ts leaves it (what undoing the merge starts from), without its
 * conflicts; or gone (removed), with no state.
 */
function shownAs(structure: CatalogueStructure, id: string): 'paper' | 'merged' | 'gone' {
  if (structure.removed.has(id)) return 'gone';
  return structure.hostOf(id) === id ? 'paper' : 'merged';
}

/** Whether the state has merges or removals (that the structure over the fold is made of). */
function structural(state: SyncState): boolean {
  return (state.merges?.size ?? 0) > 0 || (state.removed?.size ?? 0) > 0;
}

/**
 * The library once `delta` (a change's state, or a few changes') is joined to its state, the catalogue the same: what
 * `buildLibrary` gives for the joined state, made at the cost of the papers and digests `delta` names. A delta with
 * merges or removals (rare: the user merges papers or restores a backup) builds the library again.
 */
export function applyDelta(library: SyncedLibrary, delta: SyncState): SyncedLibrary {
  const state = joinDelta(library.state, delta);
  if (state === library.state) return library;
  const { fold, structure } = library;
  if (state.merges !== library.state.merges || state.removed !== library.state.removed) {
    return buildLibrary(state, fold);
  }
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
  const registers =
    structure.merges.length === 0 ? ownRegisters(state, names, touched) : carried(state, names, structure, touched);
  const registerChanges: [string, PaperRegisters | undefined][] = [];
  const stateChanges: [string, ReadingState | undefined][] = [];
  const conflictChanges: [string, readonly NoteConflict[] | undefined][] = [];
  for (const [id, paperRegisters] of registers) {
    registerChanges.push([id, paperRegisters]);
    const shown = shownAs(structure, id);
    if (paperRegisters === undefined || shown === 'gone') continue;
    const materialised = materialisePaper(paperRegisters);
    stateChanges.push([id, materialised.state]);
    if (shown === 'paper') {
      conflictChanges.push([id, materialised.conflicts.length > 0 ? materialised.conflicts : undefined]);
    }
  }
  const stateMap = LayeredMap.of(library.stateMap).with(stateChanges);
  const days = state.digests;
  return {
    catalogue:
      days === library.days
        ? library.catalogue
        : { papers: library.catalogue.papers, digests: digestsOf(structure.catalogue, days) },
    states: stateChanges.length === 0 ? library.states : statesView(stateMap).view,
    stateMap,
    conflicts: LayeredMap.of(library.conflicts).with(conflictChanges),
    registers: LayeredMap.of(library.registers).with(registerChanges),
    state,
    days,
    fold,
    structure,
    waiting,
    names,
  };
}

/** The registers of the papers `ids`, each combined over its names. */
function ownRegisters(
  state: SyncState,
  names: ReadonlyMap<string, readonly string[]>,
  ids: Iterable<string>,
): Map<string, PaperRegisters | undefined> {
  const registers = new Map<string, PaperRegisters | undefined>();
  for (const id of ids) registers.set(id, combined(state, names.get(id) ?? []));
  return registers;
}

/**
 * The registers, merges applied (catalogue-structure.ts carriedRegisters), of the papers `touched` and of every paper
 * they were merged into or that was merged into them: made from those papers' own registers alone.
 */
function carried(
  state: SyncState,
  names: ReadonlyMap<string, readonly string[]>,
  structure: CatalogueStructure,
  touched: ReadonlySet<string>,
): Map<string, PaperRegisters | undefined> {
  const ids = new Set<string>();
  for (const id of touched) {
    const host = structure.hostOf(id) ?? id;
    for (const paper of [id, host, ...structure.mergedInto(host)]) ids.add(paper);
  }
  const own = ownRegisters(state, names, ids);
  const present = new Map<string, PaperRegisters>();
  for (const [id, registers] of own) if (registers !== undefined) present.set(id, registers);
  const shown = carriedRegisters(present, structure);
  return new Map([...ids].map((id) => [id, shown.get(id)]));
}

/**
 * The library over `fold`, which resolves every name as the library's own fold does (the same cache's fold, once the
 * cache's papers are read): only its catalogue changes.
 */
export function withFold(library: SyncedLibrary, fold: CatalogueFold): SyncedLibrary {
  // Merges and removals are made over the fold's papers: built again over them.
  if (structural(library.state)) return buildLibrary(library.state, fold);
  const structure = applyStructure(fold, library.state);
  const catalogue = { papers: structure.catalogue.papers, digests: digestsOf(structure.catalogue, library.days) };
  return { ...library, catalogue, fold, structure };
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
