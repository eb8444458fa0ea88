/** The best `limit` of a stream of scored slots, without sorting them all. */

export interface RankedSlot {
  readonly slot: number;
  readonly score: number;
  /** Breaks ties: lower first. */
  readonly order: number;
}

const worse = (a: RankedSlot, b: RankedSlot): boolean =>
  a.score > b.score || (a.score === b.score && a.order > b.order);

export class TopHits {
  readonly #limit: number;
  /** A heap with the worst kept hit on top. */
  readonly #heap: RankedSlot[] = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  offer(slot: number, score: number, order: number): void {
    const heap = this.#heap;
    if (heap.length < this.#limit) {
      heap.push({ slot, score, order });
      this.#siftUp(heap.length - 1);
      return;
    }
    const top = heap[0];
    if (top === undefined || !(top.score > score || (top.score === score && top.order > order))) return;
    heap[0] = { slot, score, order };
    this.#siftDown(0);
  }

  /** Best first. */
  sorted(): RankedSlot[] {
    return [...this.#heap].sort((a, b) => a.score - b.score || a.order - b.order);
  }

  #siftUp(index: number): void {
    const heap = this.#heap;
    for (let child = index; child > 0;) {
      const parent = (child - 1) >> 1;
      const [up, down] = [heap[child], heap[parent]];
      if (up === undefined || down === undefined || !worse(up, down)) return;
      [heap[child], heap[parent]] = [down, up];
      child = parent;
    }
  }

  #siftDown(index: number): void {
    const heap = this.#heap;
    for (let parent = index; ;) {
      let worst = parent;
      for (const child of [2 * parent + 1, 2 * parent + 2]) {
        const [candidate, current] = [heap[child], heap[worst]];
        if (candidate !== undefined && current !== undefined && worse(candidate, current)) worst = child;
      }
      if (worst === parent) return;
      [heap[parent], heap[worst]] = [heap[worst] as RankedSlot, heap[parent] as RankedSlot];
      parent = worst;
    }
  }
}
