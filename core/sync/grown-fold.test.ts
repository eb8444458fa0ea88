/**
 * Folding only the imports that arrived onto the fold before gives the fold of them all: the same catalogue, and
 * every record of every import placed on the same paper, whatever order the imports arrive in.
 */

import { describe, expect, it } from 'vitest';

import { canonicalJson } from './canonical-json.js';
import { foldImports, type CatalogueFold, type ImportOp } from './catalogue-fold.js';
import { grownFold } from './grown-fold.js';
import { opId } from './ops.js';
import { Oracle } from './simulation/oracle.js';
import { Prng } from './simulation/prng.js';
import { World } from './simulation/world.js';

/** The imports of a simulated run: three devices importing overlapping digests, their clocks apart. */
function simulatedImports(seed: number): readonly ImportOp[] {
  const oracle = new Oracle();
  const world = new World(new Prng(seed), oracle, ['laptop0001', 'desktop002', 'tablet0003']);
  const prng = new Prng(seed + 100);
  for (let step = 0; step < 300; step++) {
    if (prng.chance(0.3)) world.importDigest(prng.pick(world.devices));
    else world.step();
  }
  return oracle.imports;
}

/** What a fold says: its catalogue, its imports, where each record of each import landed, each paper's origin. */
function said(fold: CatalogueFold, imports: readonly ImportOp[]): string {
  const placed = imports.flatMap((op) => op.papers.map((paper) => fold.resolve({ origin: opId(op), id: paper.id })));
  const bare = imports.flatMap((op) => op.papers.map((paper) => fold.resolve({ origin: '', id: paper.id })));
  const origins = fold.catalogue.papers.map((paper) => fold.originOf(paper.id));
  return canonicalJson({ catalogue: fold.catalogue, imports: fold.imports, placed, bare, origins });
}

/** The imports arriving in `order`, some twice, each arrival folded onto the fold before it. */
function foldedOnward(order: readonly ImportOp[]): { readonly fold: CatalogueFold; readonly steps: number } {
  let imports: ReadonlyMap<string, ImportOp> = new Map();
  let fold = foldImports([]);
  let steps = 0;
  for (const op of order) {
    const before = imports;
    const grown = new Map(before);
    if (grown.get(opId(op)) === op) continue;
    grown.set(opId(op), op);
    imports = grown;
    fold = grownFold(fold, before, imports);
    steps += 1;
    expect(said(fold, [...imports.values()])).toBe(said(foldImports(imports.values()), [...imports.values()]));
  }
  return { fold, steps };
}

describe('grownFold', () => {
  it.each([3, 4, 5])('folds imports arriving in order, late, or twice as foldImports folds them (seed %i)', (seed) => {
    const prng = new Prng(seed);
    const imports = simulatedImports(seed);
    expect(imports.length).toBeGreaterThan(50);
    const whole = said(foldImports(imports), imports);
    const inOrder = [...imports].sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : 0));
    // Mostly in order, a few arriving late: as a sync tool brings another device's files.
    const late = [...inOrder];
    for (let swap = 0; swap < 5; swap++) {
      const at = prng.below(late.length - 3);
      late.splice(at + 3, 0, ...late.splice(at, 1));
    }
    for (const order of [
      inOrder,
      late,
      prng.shuffled(imports),
      prng.shuffled([...imports, ...prng.some(imports, 5)]),
    ]) {
      expect(said(foldedOnward(order).fold, imports)).toBe(whole);
    }
  });

  it('gives back the fold it was given when no import arrived', () => {
    const imports = simulatedImports(6);
    const map = new Map(imports.map((op) => [opId(op), op]));
    const fold = foldImports(map.values());
    expect(grownFold(fold, map, map)).toBe(fold);
    expect(grownFold(fold, map, new Map(map))).toBe(fold);
  });

  it('grows one fold by one import once: the second time gives the first fold made', () => {
    const [first, ...rest] = [...simulatedImports(7)].sort((a, b) => (a.stamp < b.stamp ? -1 : 1));
    if (first === undefined) throw new Error('no imports');
    const before = new Map(rest.map((op) => [opId(op), op]));
    const previous = foldImports(before.values());
    const late = new Map([...before, [opId(first), first]]);
    const once = grownFold(previous, before, late);
    expect(grownFold(previous, before, new Map(late))).toBe(once);
    expect(said(once, [...late.values()])).toBe(said(foldImports(late.values()), [...late.values()]));
  });
});
