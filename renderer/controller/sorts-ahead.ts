/**
 * Has the list's sorts made while the page is idle, after each load (state/sort.ts `makeSortsAhead`): choosing a
 * sort then only lists an order already made, even at 100,000 papers, and the work never holds up a keystroke for
 * more than a slice of it.
 */

import { whenIdle } from '../lib/after-paint.js';
import { makeSortsAhead } from '../state/sort.js';
import type { Store } from '../state/store.js';
import type { AppState } from '../state/types.js';

export class SortsAhead {
  private order: readonly string[] | null = null;
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly store: Store<AppState>,
    private readonly idle: (run: (more: () => boolean) => void) => void = whenIdle,
  ) {}

  /** After any change to the state: a library loaded anew has its sorts made. */
  changed(): void {
    const { order } = this.store.get();
    if (order === this.order) return;
    this.order = order;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    this.idle((more) => {
      this.scheduled = false;
      if (!this.stopped && makeSortsAhead(this.store.get(), more)) this.schedule();
    });
  }
}
