/**
 * Who is told when another process changes the open library: the desktop window, browser mode's pages. The folder
 * is watched (store/library-watcher.ts) from the first listener to the last, or until the library closes.
 */

import type { LibraryPaths } from './store/library-paths.js';
import { watchLibrary, type LibraryWatcher, type LibraryWatcherOptions } from './store/library-watcher.js';

type Timing = Pick<LibraryWatcherOptions, 'debounceMs' | 'pollMs'>;

export class LibraryChanges {
  readonly #listeners = new Set<() => void>();
  #watcher: Promise<LibraryWatcher> | null = null;

  constructor(
    private readonly paths: LibraryPaths,
    /** LibraryStore.follow: reads what changed, true when it was another process's change. */
    private readonly changed: () => Promise<boolean>,
    private readonly timing: Timing = {},
  ) {}

  /** Calls `listener` after each burst of changes made elsewhere; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    this.#watcher ??= this.#start();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) void this.#stop();
    };
  }

  /** Stops watching; no listener is called after it resolves. */
  async close(): Promise<void> {
    this.#listeners.clear();
    await this.#stop();
  }

  async #start(): Promise<LibraryWatcher> {
    // What the library is now is where following starts: only changes after it are news.
    await this.changed().catch(() => false);
    return watchLibrary(this.paths, {
      ...this.timing,
      changed: this.changed,
      notify: () => {
        for (const listener of [...this.#listeners]) listener();
      },
    });
  }

  async #stop(): Promise<void> {
    const watcher = this.#watcher;
    this.#watcher = null;
    await (await watcher)?.close();
  }
}
