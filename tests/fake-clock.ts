/** A clock for the network code whose waits take no time and are written down: pacing and back-off, tested. */

import { CancelledError } from '../core/errors.js';
import type { Clock } from '../app/net/clock.js';

export class FakeClock implements Clock {
  /** Every wait asked for, in milliseconds, in order. */
  readonly sleeps: number[] = [];
  #now = 1_000_000;
  /** Called at each wait, before it ends: a test presses Ctrl-C here. */
  onSleep: ((ms: number) => void) | null = null;

  now(): number {
    return this.#now;
  }

  /** Time passing outside any wait: a request taking `ms`. */
  advance(ms: number): void {
    this.#now += ms;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    this.onSleep?.(ms);
    if (signal?.aborted === true) return Promise.reject(new CancelledError());
    this.#now += ms;
    return Promise.resolve();
  }
}
