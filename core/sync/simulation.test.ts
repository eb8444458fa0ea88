/**
 * The deterministic simulation (simulation/): three devices, thousands of random changes (imports, status, tags,
 * untags, notes, resolutions, restores, renames, redates, papers merged and merges undone, papers removed, backups restored), files
 * copied between their folders in random orders, partly, as conflicted copies, with git's conflict markers and lines
 * twice; restarts, crashes mid-write, compaction, files that vanish and come back, clocks hours ahead. After a final
 * full exchange every device shows the same library, byte for byte, and the oracle finds every acknowledged change
 * there or superseded.
 */

import { describe, expect, it } from 'vitest';

import { canonicalLibrary } from './library.js';
import { readLibraryFiles, type FileText } from './library-files.js';
import { openReplica } from './replica.js';
import { Oracle } from './simulation/oracle.js';
import { Prng } from './simulation/prng.js';
import { World } from './simulation/world.js';

const DEVICES = ['laptop0001', 'desktop002', 'tablet0003'];
const STEPS = 2000;

/** Every device's own files, as a device that has just joined would find them. */
function everyOwnFile(world: World): FileText[] {
  return world.devices.flatMap((device) =>
    device.fileTexts().filter(({ path }) => path.startsWith(`devices/${device.id}/`)),
  );
}

describe('three devices, one folder, a sync tool at its worst', () => {
  it.each([1, 2, 3])(
    'converge to one library and lose no acknowledged change (seed %i)',
    (seed) => {
      const oracle = new Oracle();
      const world = new World(new Prng(seed), oracle, DEVICES);
      for (let step = 0; step < STEPS; step++) world.step();
      world.exchangeAll();

      const [first, ...others] = world.devices.map((device) => canonicalLibrary(device.replica.library));
      for (const other of others) expect(other).toBe(first);
      // Started again from their files, and a new device that reads only what the three wrote: the same.
      for (const device of world.devices) world.restart(device);
      for (const device of world.devices) expect(canonicalLibrary(device.replica.library)).toBe(first);
      const newcomer = openReplica('newcomer01', readLibraryFiles(everyOwnFile(world)), world.time);
      expect(canonicalLibrary(newcomer.library)).toBe(first);

      const library = newcomer.library;
      expect(oracle.check(library)).toEqual([]);
      expect(library.waiting).toBe(0);

      // The run did what it says.
      expect(oracle.changes.length).toBeGreaterThan(1000);
      // Fewer than the works imported: some merged into others, some removed.
      expect(library.catalogue.papers.length).toBeGreaterThan(15);
      expect(library.structure.merges.length).toBeGreaterThan(0);
      const { counts } = world;
      expect(Math.min(counts.imports, counts.restarts, counts.crashes, counts.compactions)).toBeGreaterThan(0);
      expect(Math.min(counts.conflictCopies, counts.gitConflicts, counts.truncated, counts.vanished)).toBeGreaterThan(
        0,
      );
      expect(Math.min(counts.merges, counts.unmerges, counts.removals, counts.restores)).toBeGreaterThan(0);
    },
    120_000,
  );
});
