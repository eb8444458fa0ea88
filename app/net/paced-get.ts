/** A GET to one of Shelfmark's web APIs, as a task makes it: paced, with its waits and retries told as progress. */

import type { Run } from '../tasks.js';
import { httpGet, type HttpAnswer } from './http-get.js';
import type { Pacer } from './pacer.js';
import type { NetworkSettings } from './settings.js';

/** Where a task is: the step this request is of the steps in all. */
export interface Step {
  readonly done: number;
  readonly total: number | null;
}

export interface PacedGet {
  readonly pacer: Pacer;
  readonly accept: string;
  readonly step: Step;
  /** What to say while the pacer holds the request back for `ms`. */
  readonly waiting?: (ms: number) => string;
}

export function pacedGet(url: string, net: NetworkSettings, run: Run, how: PacedGet): Promise<HttpAnswer> {
  const { pacer, step, waiting } = how;
  return httpGet(url, {
    fetch: net.fetch,
    clock: net.clock,
    timeoutMs: net.timeoutMs,
    retries: net.retries,
    signal: run.signal,
    accept: how.accept,
    beforeEachTry: () =>
      pacer.turn(
        run.signal,
        waiting === undefined ? undefined : (ms) => run.progress({ message: waiting(ms), ...step }),
      ),
    onRetry: (message) => run.progress({ message, ...step }),
  });
}
