/** Time as the network code waits on it: injectable, so that tests of pacing and back-off take no time. */

import { setTimeout as delay } from 'node:timers/promises';
import { CancelledError } from '../../core/errors.js';

export interface Clock {
  /** Milliseconds on a clock that never goes back. */
  now(): number;
  /** Resolves after `ms`; rejects with a CancelledError as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Throws a CancelledError when `signal` has aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new CancelledError();
}

export const realClock: Clock = {
  now: () => performance.now(),
  async sleep(ms, signal) {
    throwIfCancelled(signal);
    try {
      await delay(ms, undefined, signal === undefined ? {} : { signal });
    } catch (error) {
      throwIfCancelled(signal);
      throw error;
    }
  },
};
