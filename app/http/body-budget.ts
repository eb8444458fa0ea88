/**
 * The bytes of request bodies the server holds at once, bounded: parallel large bodies beyond it are refused
 * before they are read, instead of growing the server by their sum.
 */
export class BodyBudget {
  #free: number;

  constructor(readonly capacity: number) {
    this.#free = capacity;
  }

  get free(): number {
    return this.#free;
  }

  /** Takes `bytes` from the budget; null when they are not free. The function returned gives them back, once. */
  reserve(bytes: number): (() => void) | null {
    if (bytes > this.#free) return null;
    this.#free -= bytes;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.#free += bytes;
    };
  }
}
