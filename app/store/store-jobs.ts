/**
 * A store's calls, one at a time and in order (the lock keeps other processes out, this keeps one process's own
 * calls apart), until it is closed; a call after that fails.
 */
export class StoreJobs {
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  /** `name`: what the store is of, for the error a call after closing gets. */
  constructor(private readonly name: string) {}

  /** Runs `job` after every job asked before it, unless the store is closed by then. */
  run<T>(job: () => Promise<T>): Promise<T> {
    return this.#serialised(() => {
      if (this.#closed) throw new Error(`The library store for ${this.name} is closed.`);
      return job();
    });
  }

  /** Closes the store once every job asked before has run. */
  close(): Promise<void> {
    return this.#serialised(() => {
      this.#closed = true;
      return Promise.resolve();
    });
  }

  #serialised<T>(job: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(job);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}
