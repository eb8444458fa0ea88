/**
 * Starts the search worker. Should the page be unable to run it (a packaging or file:// restriction), search
 * falls back to running in the page itself, on the same engine, so it still works, just on the UI thread.
 */

import type { FromWorker, ToWorker, WorkerPort } from './protocol.js';

function workerPort(worker: Worker): WorkerPort {
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage: (listener) =>
      worker.addEventListener('message', (event: MessageEvent<FromWorker>) => listener(event.data)),
    terminate: () => worker.terminate(),
  };
}

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

/** The worker's port; `onFailure` runs (once) if the worker cannot start or dies. */
export function startSearchWorker(onFailure: (error: string) => void): WorkerPort | null {
  try {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'shelfmark-search' });
    let failed = false;
    const fail = (message: string): void => {
      if (failed) return;
      failed = true;
      onFailure(message);
    };
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fail(event.message || 'the search worker stopped');
    });
    worker.addEventListener('messageerror', () => fail('the search worker sent a message that could not be read'));
    return workerPort(worker);
  } catch (error) {
    onFailure(error instanceof Error ? error.message : String(error));
    return null;
  }
}
