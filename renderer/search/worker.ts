/// <reference lib="webworker" />
/** The search worker: owns the index, answers searches off the UI thread. */

import { SearchEngine } from './engine.js';
import type { FromWorker, ToWorker } from './protocol.js';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}

const scope = self as unknown as WorkerScope;
const engine = new SearchEngine((message) => scope.postMessage(message));
scope.addEventListener('message', (event) => engine.handle(event.data));
