/**
 * Two SyncedLibraryStores, one on each side of two real Syncthing instances (tests/sync/syncthing.ts), writing at the
 * same time while Syncthing carries their files, then apart (the folders paused) and together again: both converge
 * to one library and one library.json, and every change either acknowledged is there. Skipped where syncthing is
 * not installed, except in CI.
 */

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readingStateOf } from '../../core/model.js';
import { folderFiles } from '../../tests/sync/folder-files.js';
import { startSyncthingPair, SYNCTHING, syncthingInstalled, type SyncthingPair } from '../../tests/sync/syncthing.js';
import { skipWithout } from '../../tests/sync/tool-presence.js';
import { digest, importDigest, mark, note, startComputer, tag, type Computer } from './synced-test-rig.js';

describe.skipIf(skipWithout('Syncthing', 'syncthing', syncthingInstalled()))(
  `two synced stores over Syncthing (${SYNCTHING})`,
  () => {
    let pair: SyncthingPair | undefined;
    let root = '';
    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'shelfmark-synced-syncthing-'));
      pair = await startSyncthingPair();
    });
    afterAll(async () => {
      await pair?.stop();
      await rm(root, { recursive: true, force: true });
    });

    it('converge while both write at once, and lose nothing either acknowledged', async () => {
      if (pair === undefined) throw new Error('the Syncthing pair did not start');
      const laptop = await startComputer(root, 'laptop', pair.a.folder);
      const desktop = await startComputer(root, 'desktop', pair.b.folder);
      const ids = await importDigest(laptop.store, digest('Shared', ['graphs', 'proteins', 'agents']));
      await pair.waitInSync(60_000);

      const acknowledged: { readonly paper: string; readonly tag: string }[] = [];
      const write = async (computer: Computer, round: number) => {
        for (let step = 0; step < 10; step++) {
          const paper = ids[(step + round) % ids.length] ?? '';
          const name = `${computer.name}-${round}-${step}`;
          await tag(computer.store, paper, name);
          acknowledged.push({ paper, tag: name });
          if (step % 3 === 0) await mark(computer.store, paper, step % 2 === 0 ? 'read' : 'reading');
          if (step === 5)
            await importDigest(computer.store, digest(`${computer.name} ${round}`, [`${computer.name} ${round}`]));
          if (step === 7) await note(computer.store, paper, `${computer.name} wrote this in round ${round}.`);
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
      };

      // Together, while Syncthing carries each side's files to the other as they are written.
      await Promise.all([write(laptop, 0), write(desktop, 0)]);
      // Apart (two computers out of reach), then together again.
      await pair.pause();
      await Promise.all([write(laptop, 1), write(desktop, 1)]);
      await pair.resume();
      await pair.waitInSync(60_000);
      for (const computer of [laptop, desktop]) await computer.store.compact();
      await pair.waitInSync(60_000);
      for (const computer of [laptop, desktop]) await computer.store.compact();
      await pair.waitInSync(60_000);

      const [one, other] = [await laptop.store.read(), await desktop.store.read()];
      expect(other).toEqual(one);
      expect(one.catalogue.papers).toHaveLength(3 + 4);
      for (const { paper, tag: name } of acknowledged) expect(readingStateOf(one.states, paper)?.tags).toContain(name);
      expect((await desktop.store.view()).conflicts).toEqual((await laptop.store.view()).conflicts);
      // The copies Syncthing left of library.json, written on both sides at once, are gone.
      for (const folder of [pair.a.folder, pair.b.folder]) {
        expect([...(await folderFiles(folder)).keys()].filter((file) => !file.startsWith('devices/'))).toEqual([
          'library.json',
        ]);
      }
      expect(await readFile(join(pair.b.folder, 'library.json'))).toEqual(
        await readFile(join(pair.a.folder, 'library.json')),
      );
    }, 180_000);
  },
);
