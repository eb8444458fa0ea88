/**
 * Merging is commutative, associative and idempotent over changes and states: the changes of a simulated run,
 * read in any order, in any grouping, some twice, some folded into snapshots written and read back, give the same
 * state and the same library, byte for byte.
 */

import { describe, expect, it } from 'vitest';

import { canonicalJson } from './canonical-json.js';
import { foldImports } from './catalogue-fold.js';
import { encodeStateDocument } from './device-documents.js';
import { ZERO_STAMP } from './hlc.js';
import { buildLibrary, canonicalLibrary } from './library.js';
import { readLibraryFiles } from './library-files.js';
import { deltaOf, type SyncOp } from './ops.js';
import { parseStateText } from './parse-device-files.js';
import { Oracle } from './simulation/oracle.js';
import { Prng } from './simulation/prng.js';
import { World } from './simulation/world.js';
import { joinStates, type SyncState } from './sync-state.js';

/** A short simulated run: its acknowledged changes, and the folder its first device ended with. */
function simulated(seed: number): { readonly ops: readonly SyncOp[]; readonly world: World } {
  const oracle = new Oracle();
  const world = new World(new Prng(seed), oracle, ['laptop0001', 'desktop002', 'tablet0003']);
  for (let step = 0; step < 500; step++) world.step();
  world.exchangeAll();
  return { ops: oracle.changes.map((change) => change.op), world };
}

/** Joins in a random bracketing. */
function joinRandomly(prng: Prng, states: readonly SyncState[]): SyncState {
  let pool = [...states];
  while (pool.length > 1) {
    const at = prng.below(pool.length - 1);
    const [a, b] = [pool[at] as SyncState, pool[at + 1] as SyncState];
    pool = [...pool.slice(0, at), prng.chance(0.5) ? joinStates([a, b]) : joinStates([b, a]), ...pool.slice(at + 2)];
  }
  return pool[0] ?? joinStates([]);
}

describe('merging', () => {
  it.each([21, 22])('gives one state for one set of changes, however they come (seed %i)', (seed) => {
    const prng = new Prng(seed);
    const { ops } = simulated(seed);
    expect(ops.length).toBeGreaterThan(150);
    const expected = canonicalJson(joinStates(ops.map(deltaOf)));
    for (let round = 0; round < 5; round++) {
      const some = prng.shuffled([...ops, ...prng.some(ops, prng.below(ops.length))]);
      // Some changes folded into snapshots, written and read back, the rest as they are.
      const cut = prng.below(some.length);
      const folded = [0, 1, 2].map((part) =>
        joinStates(
          some
            .slice(0, cut)
            .filter((_, index) => index % 3 === part)
            .map(deltaOf),
        ),
      );
      const snapshots = folded.map(
        (state) => parseStateText(encodeStateDocument('laptop0001', state, ZERO_STAMP)).versions[0]?.state,
      );
      const states = prng.shuffled([
        ...snapshots.filter((state) => state !== undefined),
        ...some.slice(cut).map(deltaOf),
      ]);
      expect(canonicalJson(joinRandomly(prng, states))).toBe(expected);
    }
  });

  it('gives one library for one set of files, read in any order', () => {
    const prng = new Prng(5);
    const { world } = simulated(5);
    const files = world.devices[0]?.fileTexts() ?? [];
    const library = (texts: typeof files): string => {
      const read = readLibraryFiles(texts);
      const contributions = [...read.devices.values()];
      return canonicalLibrary(
        buildLibrary(
          joinStates(prng.shuffled(contributions.map((one) => one.state))),
          foldImports(prng.shuffled(contributions.flatMap((one) => one.imports))),
        ),
      );
    };
    const expected = library(files);
    for (let round = 0; round < 5; round++) expect(library(prng.shuffled(files))).toBe(expected);
  });
});
