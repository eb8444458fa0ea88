/**
 * A library moved on change by change (library.ts applyDelta, over layered maps) is the library built from scratch
 * from the joined state (buildLibrary): over the changes of simulated runs, in random orders and groupings, some twice,
 * some naming papers whose import has not arrived, merges, their undoing and removals among them; and a change of
 * states alone, over merges and removals that stand, moves the library on without building it again.
 */

import { describe, expect, it } from 'vitest';

import { canonicalJson } from './canonical-json.js';
import { foldImports } from './catalogue-fold.js';
import { LayeredMap } from './layered-map.js';
import { applyDelta, buildLibrary, canonicalLibrary, type SyncedLibrary } from './library.js';
import { readLibraryFiles } from './library-files.js';
import { deltaOf, type SyncOp } from './ops.js';
import { Oracle } from './simulation/oracle.js';
import { Prng } from './simulation/prng.js';
import { World } from './simulation/world.js';
import { EMPTY_SYNC_STATE, joinStates, type SyncState } from './sync-state.js';

function simulated(seed: number) {
  const oracle = new Oracle();
  const world = new World(new Prng(seed), oracle, ['laptop0001', 'desktop002', 'tablet0003']);
  for (let step = 0; step < 400; step++) world.step();
  world.exchangeAll();
  const read = readLibraryFiles(world.devices[0]?.fileTexts() ?? []);
  const imports = [...read.devices.values()].flatMap((device) => device.imports);
  return { ops: oracle.changes.map((change) => change.op), imports };
}

/** Everything a library says, as one text: its canonical form, what waits, and each paper's registers and names. */
function described(library: SyncedLibrary): string {
  const sorted = <T>(map: ReadonlyMap<string, T>): [string, T][] =>
    [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const registers = sorted(library.registers).map(([id, registers]) => [
    id,
    { ...registers, tags: registers.tags === undefined ? null : sorted(registers.tags) },
  ]);
  const names = sorted(library.names).map(([id, keys]) => [id, [...keys].sort()]);
  const states = sorted(library.stateMap);
  const view = Object.entries(library.states).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return canonicalJson({
    library: canonicalLibrary(library),
    waiting: library.waiting,
    registers,
    names,
    states,
    view,
    days: sorted(library.days),
    conflicts: sorted(library.conflicts),
  });
}

const structural = (op: SyncOp): boolean => op.kind === 'merge' || op.kind === 'remove';

describe('a library moved on by deltas', () => {
  it.each([31, 32, 33])('is the library built from the joined state (seed %i)', (seed) => {
    const prng = new Prng(seed);
    const { ops, imports } = simulated(seed);
    expect(ops.length).toBeGreaterThan(100);
    expect(ops.filter((op) => op.kind === 'merge').length).toBeGreaterThan(0);
    // Some imports left out: the changes naming their papers wait.
    const fold = foldImports(imports.filter(() => prng.chance(0.85)));
    const some = prng.shuffled([...ops, ...prng.some(ops, prng.below(ops.length / 4))]);
    const cut = prng.below(some.length / 2);
    const base = joinStates(some.slice(0, cut).map(deltaOf));
    let library = buildLibrary(base, fold);
    const joined: SyncState[] = [base];
    let at = cut;
    while (at < some.length) {
      const group = some.slice(at, at + 1 + prng.below(4));
      at += group.length;
      const delta = joinStates(group.map((op: SyncOp) => deltaOf(op)));
      joined.push(delta);
      library = applyDelta(library, delta);
      if (prng.chance(0.1) || at >= some.length) {
        expect(described(library)).toBe(described(buildLibrary(joinStates(joined), fold)));
      }
    }
    expect(library.state.papers.size).toBe(joinStates(joined).papers.size);
  });

  it.each([35, 36, 37])(
    'moves on by changes of states alone at their cost, over merges and removals that stand (seed %i)',
    (seed) => {
      const prng = new Prng(seed);
      const { ops, imports } = simulated(seed);
      const fold = foldImports(imports);
      // Every merge, undo and removal first: the changes after them are of states alone.
      const base = joinStates(ops.filter(structural).map(deltaOf));
      const rest = prng.shuffled(ops.filter((op) => !structural(op)));
      let library = buildLibrary(base, fold);
      expect(library.structure.merges.length + library.structure.removed.size).toBeGreaterThan(0);
      const { structure } = library;
      const joined: SyncState[] = [base];
      let at = 0;
      while (at < rest.length) {
        const group = rest.slice(at, at + 1 + prng.below(3));
        at += group.length;
        const delta = joinStates(group.map(deltaOf));
        joined.push(delta);
        library = applyDelta(library, delta);
        // Not built again: the structure over the fold is the one the library had.
        expect(library.structure).toBe(structure);
        if (prng.chance(0.1) || at >= rest.length) {
          expect(described(library)).toBe(described(buildLibrary(joinStates(joined), fold)));
        }
      }
    },
  );

  it('is the library itself when the delta adds nothing', () => {
    const { ops, imports } = simulated(34);
    const library = buildLibrary(joinStates(ops.map(deltaOf)), foldImports(imports));
    expect(applyDelta(library, EMPTY_SYNC_STATE)).toBe(library);
    expect(applyDelta(library, deltaOf(ops[0] as SyncOp))).toBe(library);
  });
});

describe('a layered map', () => {
  it('reads as a Map changed the same way, and every earlier copy stays as it was', () => {
    const prng = new Prng(7);
    let layered = LayeredMap.of<number>(new Map());
    const plain = new Map<string, number>();
    const copies: [LayeredMap<number>, [string, number][]][] = [];
    for (let round = 0; round < 3000; round++) {
      const changes: [string, number | undefined][] = [];
      for (let n = prng.below(5); n >= 0; n--) {
        const key = `k${String(prng.below(400))}`;
        changes.push([key, prng.chance(0.3) ? undefined : round]);
      }
      layered = layered.with(changes);
      for (const [key, value] of changes) {
        if (value === undefined) plain.delete(key);
        else plain.set(key, value);
      }
      if (prng.chance(0.02)) copies.push([layered, [...plain].sort()]);
    }
    expect([...layered].sort()).toEqual([...plain].sort());
    expect(layered.size).toBe(plain.size);
    for (const key of ['k1', 'k2', 'k399', 'nothing']) {
      expect(layered.get(key)).toBe(plain.get(key));
      expect(layered.has(key)).toBe(plain.has(key));
    }
    for (const [copy, entries] of copies) expect([...copy].sort()).toEqual(entries);
  });
});
