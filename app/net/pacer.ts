/**
 * Spaces requests to one service: each starts at least `intervalMs` after the one before it started, across every
 * caller in the process (the arXiv API's terms ask for no more than one request every three seconds).
 */

import type { Clock } from './clock.js';

export class Pacer {
  /** When the next request may start, on the clock's time line. */
  #next = Number.NEGATIVE_INFINITY;
  /** Turns are taken in order: the last one's promise, whatever became of it. */
  #queue: Promise<void> = Promise.resolve();

  constructor(
    readonly intervalMs: number,
    private readonly clock: Clock,
  ) {}

  /**
   * Resolves when the caller may send its request, and counts it as sent. `onWait` is told how long it will wait,
   * when it must. Rejects with a CancelledError when `signal` aborts first; the turn then goes to the next caller.
   */
  turn(signal?: AbortSignal, onWait?: (ms: number) => void): Promise<void> {
    const turn = this.#queue.then(async () => {
      const wait = this.#next - this.clock.now();
      if (wait > 0) {
        onWait?.(wait);
        await this.clock.sleep(wait, signal);
      }
      this.#next = this.clock.now() + this.intervalMs;
    });
    this.#queue = turn.catch(() => undefined);
    return turn;
  }
}
