/**
 * Starts the search worker. Should the page be unable to run it (a packaging or file:// restriction), search
 * falls back to running in the page itself, on the same engine, so it still works, just on the UI thread.
 */

import type { FromWorker, ToWorker, WorkerPort } from './protocol.js';

/** The engine in the page, answering asynchronously as a worker would. */
export async function inPagePort(): Promise<WorkerPort> {
  const { SearchEngine } = await import('./engine.js');
  const listeners: ((message: FromWorker) => void)[] = [];
  const engine = new SearchEngine((message) => listeners.forEach((listener) => listener(message)));
  let alive = true;
  return {
    postMessage: (message: ToWorker) => {
      setTimeout(() => alive && engine.handle(message), 0);
    },
    onMessage: (listener) => listeners.push(listener),
    terminate: () => {
      alive = false;
    },
  };
}

/**
 * The worker's port. The worker starts with the first message, which the search client sends after the first
 * frame: until then its script does not compete with the page for the CPU. `onFailure` runs (once) if the
 * worker cannot start or dies.
 */
export function startSearchWorker(onFailure: (error: string) => void): WorkerPort {
  const listeners: ((message: FromWorker) => void)[] = [];
  let worker: Worker | null = null;
  let failed = false;
  const fail = (message: string): void => {
    if (failed) return;
    failed = true;
    worker?.terminate();
    onFailure(message);
  };
  const started = (): Worker | null => {
    if (worker !== null || failed) return worker;
    try {
      worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'shelfmark-search' });
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
      return null;
    }
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      for (const listener of listeners) listener(event.data);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fail(event.message || 'the search worker stopped');
    });
    worker.addEventListener('messageerror', () => fail('the search worker sent a message that could not be read'));
    return worker;
  };
  return {
    postMessage: (message) => started()?.postMessage(message),
    onMessage: (listener) => listeners.push(listener),
    terminate: () => {
      failed = true;
      worker?.terminate();
    },
  };
}
