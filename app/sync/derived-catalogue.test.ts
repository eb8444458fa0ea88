/**
 * The fold a synced folder's cache gives (foldOfCache, from library.json's head and papers) is the fold of the
 * imports it names: every name resolves alike, every record and digest is found where the fold has it (what merges
 * and removals need), and imports made later fold onto it as onto the fold itself.
 */

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { canonicalJson } from '../../core/sync/canonical-json.js';
import { foldImports, foldOnward, type CatalogueFold, type ImportOp } from '../../core/sync/catalogue-fold.js';
import { readLibraryFiles } from '../../core/sync/library-files.js';
import { opId } from '../../core/sync/ops.js';
import { Oracle } from '../../core/sync/simulation/oracle.js';
import { Prng } from '../../core/sync/simulation/prng.js';
import { World } from '../../core/sync/simulation/world.js';
import {
  CACHE_STARTS,
  foldOfCache,
  readCacheHead,
  readCachedCatalogue,
  writeDerivedCatalogue,
} from './derived-catalogue.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'shelfmark-derived-catalogue-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function simulatedImports(seed: number): ImportOp[] {
  const world = new World(new Prng(seed), new Oracle(), ['laptop0001', 'desktop002', 'tablet0003']);
  for (let step = 0; step < 400; step++) world.step();
  world.exchangeAll();
  const read = readLibraryFiles(world.devices[0]?.fileTexts() ?? []);
  return [...read.devices.values()]
    .flatMap((device) => device.imports)
    .sort((a, b) => (opId(a) < opId(b) ? -1 : opId(a) > opId(b) ? 1 : 0));
}

async function cachedFold(fold: CatalogueFold): Promise<CatalogueFold> {
  const file = join(root, 'library.json');
  await writeDerivedCatalogue(file, fold);
  const text = await readFile(file, 'utf8');
  expect(CACHE_STARTS.some((start) => text.startsWith(start))).toBe(true);
  const head = (await readCacheHead(file))?.head;
  const catalogue = await readCachedCatalogue(file);
  if (head == null || catalogue === null) throw new Error('the cache does not read');
  return foldOfCache(head, catalogue, new Set(catalogue.papers.map((paper) => paper.id)));
}

/** Everything a fold says of the imports' records, papers and digests. */
function described(fold: CatalogueFold, imports: readonly ImportOp[]): string {
  const records = imports.flatMap((op) => op.papers.map((paper) => ({ origin: opId(op), id: paper.id })));
  const sortedRefs = (id: string) =>
    fold
      .refsOf(id)
      .map((ref) => `${ref.origin} ${ref.id}`)
      .sort();
  return canonicalJson({
    catalogue: fold.catalogue,
    imports: fold.imports,
    resolved: records.map((ref) => fold.resolve(ref) ?? null),
    byId: records.map((ref) => fold.resolve({ origin: '', id: ref.id }) ?? null),
    recordRefs: records.map((ref) => fold.recordRef(ref.id) ?? null),
    papers: fold.catalogue.papers.map((paper) => [fold.originOf(paper.id) ?? null, sortedRefs(paper.id)]),
    digests: fold.catalogue.digests.map((digest) => [...fold.digestOrigins(digest.id)].sort()),
  });
}

describe("a synced folder's cache", () => {
  it.each([41, 42])('gives the fold of its imports, and folds later ones onto it (seed %i)', async (seed) => {
    const imports = simulatedImports(seed);
    expect(imports.length).toBeGreaterThan(4);
    const cut = Math.floor(imports.length / 2);
    const [before, after] = [imports.slice(0, cut), imports.slice(cut)];
    const fold = foldImports(before);
    const cached = await cachedFold(fold);
    expect(described(cached, imports)).toBe(described(fold, imports));

    const onward = foldOnward(cached, after);
    expect(onward).not.toBeNull();
    const whole = foldImports(imports);
    if (onward !== null) expect(described(onward, imports)).toBe(described(whole, imports));
    // Its cache is the cache of the fold from scratch, byte for byte.
    if (onward !== null) {
      await writeDerivedCatalogue(join(root, 'onward.json'), onward);
      await writeDerivedCatalogue(join(root, 'whole.json'), whole);
      expect(await readFile(join(root, 'onward.json'), 'utf8')).toBe(await readFile(join(root, 'whole.json'), 'utf8'));
    }
  });
});
