/**
 * A suite of tests over one Syncthing pair: skipped where syncthing is missing (failing under CI=true instead,
 * tool-presence.ts), the pair started before its tests and stopped after them.
 */

import { afterAll, beforeAll, describe } from 'vitest';
import { startSyncthingPair, syncthingInstalled, type SyncthingPair } from './syncthing.js';
import { skipWithout } from './tool-presence.js';

/** `tests` are given the pair as a function, as it starts only once the suite runs. */
export function describeOverSyncthing(title: string, tests: (pair: () => SyncthingPair) => void): void {
  // Two Syncthing processes on a machine busy with the rest of the tests can take their time: a test is given
  // longer than its waits (each says which side is behind when it runs out), so that they, not a bare timeout, fail.
  describe.skipIf(skipWithout('Syncthing', 'syncthing', syncthingInstalled()))(title, { timeout: 90_000 }, () => {
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
