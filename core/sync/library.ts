/**
 * The library every device shows: the catalogue folded from every import (catalogue-fold.ts), each digest's day as
 * its register says, and each paper's reading state joined from every change that names it, whichever name it used.
 * Written out canonically, it is the same bytes on every device that has the same files. Pure.
 */

import { canonicalJson } from './canonical-json.js';
import { latestVersion, type Register } from './causal-register.js';
import type { CatalogueFold } from './catalogue-fold.js';
import { applyStructure, carriedRegisters, type CatalogueStructure } from './catalogue-structure.js';
import { combinePaperRegisters, materialisePaper, type NoteConflict, type PaperRegisters } from './paper-registers.js';
import type { DigestDay, SyncState } from './sync-state.js';
import { emptyStateMap, type Catalogue, type ReadingState, type ReadingStateMap } from '../model.js';

export interface SyncedLibrary {
  readonly catalogue: Catalogue;
  readonly states: ReadingStateMap;
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
}

export function buildLibrary(state: SyncState, fold: CatalogueFold): SyncedLibrary {
  const structure = applyStructure(fold, state);
  const registers = new Map<string, PaperRegisters>();
  let waiting = 0;
  for (const entry of state.papers.values()) {
    const id = fold.resolve(entry.ref);
    if (id === undefined) {
      waiting += 1;
      continue;
    }
    const mine = registers.get(id);
    registers.set(id, mine === undefined ? entry.registers : combinePaperRegisters(mine, entry.registers));
  }
  const shown = carriedRegisters(registers, structure);
  const states = emptyStateMap();
  // A merged paper's state stays under its id, as core/paper-merge.ts leaves it: what undoing the merge starts from.
  for (const { merged } of structure.merges) {
    const paperRegisters = shown.get(merged);
    if (paperRegisters !== undefined) states[merged] = materialisePaper(paperRegisters).state;
  }
  const conflicts = new Map<string, readonly NoteConflict[]>();
  for (const paper of structure.catalogue.papers) {
    const paperRegisters = shown.get(paper.id);
    if (paperRegisters === undefined) continue;
    const materialised = materialisePaper(paperRegisters);
    states[paper.id] = materialised.state;
    if (materialised.conflicts.length > 0) conflicts.set(paper.id, materialised.conflicts);
  }
  const digests = structure.catalogue.digests.map((digest) => {
    const register = state.digests.get(digest.id);
    const day = register === undefined ? undefined : latestVersion(register)?.value;
    return day === undefined ? digest : { ...digest, date: day.date, title: day.title };
  });
  return {
    catalogue: { papers: structure.catalogue.papers, digests },
    states,
    conflicts,
    registers: shown,
    state,
    days: state.digests,
    fold,
    structure,
    waiting,
  };
}

/** The library as one canonical text: what two devices compare, byte for byte. */
export function canonicalLibrary(library: SyncedLibrary): string {
  const states: [string, ReadingState][] = library.catalogue.papers.flatMap((paper) => {
    const state = library.states[paper.id];
    return state === undefined ? [] : [[paper.id, state]];
  });
  return canonicalJson({
    papers: library.catalogue.papers,
    digests: library.catalogue.digests,
    states,
    conflicts: [...library.conflicts],
  });
}
