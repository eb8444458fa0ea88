/**
 * A suite of tests over one Syncthing pair: skipped where syncthing is missing (failing under CI=true instead,
 * tool-presence.ts), the pair started before its tests and stopped after them.
 */

import { afterAll, beforeAll, describe } from 'vitest';
import { startSyncthingPair, syncthingInstalled, type SyncthingPair } from './syncthing.js';
import { skipWithout } from './tool-presence.js';

/** `tests` are given the pair as a function, as it starts only once the suite runs. */
export function describeOverSyncthing(title: string, tests: (pair: () => SyncthingPair) => void): void {
  describe.skipIf(skipWithout('Syncthing', 'syncthing', syncthingInstalled()))(title, () => {
    let pair: SyncthingPair | undefined;
    beforeAll(async () => {
      pair = await startSyncthingPair();
      console.info(`A Syncthing pair started and connected in ${pair.startMs.toFixed(0)} ms`);
    }, 120_000);
    afterAll(async () => {
      await pair?.stop();
    });
    tests(() => {
      if (pair === undefined) throw new Error('the Syncthing pair did not start');
      return pair;
    });
  });
}
