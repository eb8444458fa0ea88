/**
 * Where ranking runs: in this thread (the command line, which has nothing else to answer meanwhile), or in a worker
 * thread (rank-worker.ts), so that Electron's main process and browser mode's server go on answering while it learns
 * and scores. The worker reads the term index from memory shared with this thread: the index, as the cache file
 * holds it, is put in a SharedArrayBuffer that both threads read, so a library's terms are held once. Should the
 * worker fail to start or stop, ranking goes on in this thread.
 */

import { Worker } from 'node:worker_threads';
import { encodeTermIndex } from '../core/rank/cache-codec.js';
import type { Ranking } from '../core/rank/rank.js';
import type { SimilarPaper } from '../core/rank/similar.js';
import type { TermIndex } from '../core/rank/term-index.js';
import { RankEngine, type ExplainRequest, type OrderRequest, type SimilarRequest } from './rank-engine.js';

/** A call to the worker; `index` replaces the index it ranks over (the encoded index, in shared memory). */
export type RankCall =
  | { readonly kind: 'index'; readonly bytes: Uint8Array }
  | { readonly kind: 'order'; readonly id: number; readonly request: OrderRequest }
  | { readonly kind: 'explain'; readonly id: number; readonly request: ExplainRequest }
  | { readonly kind: 'similar'; readonly id: number; readonly request: SimilarRequest };

export type RankReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string };

export interface RankRunner {
  /** `bytes` (an encoded index) where the ranking's thread can read them too: a copy in shared memory, or themselves. */
  shared(bytes: Uint8Array): Uint8Array;
  /** Ranks over `index` from now on; `bytes`, its encoding as `shared` gave it, when at hand. */
  useIndex(index: TermIndex, bytes: Uint8Array | null): void;
  order(request: OrderRequest): Promise<Ranking>;
  explain(request: ExplainRequest): Promise<Ranking>;
  similar(request: SimilarRequest): Promise<SimilarPaper[]>;
  close(): Promise<void>;
}

export function inThisThread(): RankRunner {
  const engine = new RankEngine();
  return {
    shared: (bytes) => bytes,
    useIndex: (index) => engine.useIndex(index),
    order: (request) => Promise.resolve(engine.order(request)),
    explain: (request) => Promise.resolve(engine.explain(request)),
    similar: (request) => Promise.resolve(engine.similar(request)),
    close: () => Promise.resolve(),
  };
}

/** The worker, started from the compiled file beside this one; from the TypeScript sources (tests), through tsx. */
function startWorker(): Worker {
  const script = new URL(import.meta.url.endsWith('.ts') ? './rank-worker.ts' : './rank-worker.js', import.meta.url);
  if (!script.pathname.endsWith('.ts')) return new Worker(script);
  const load = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(load, { eval: true });
}

type Pending = { readonly resolve: (value: unknown) => void; readonly reject: (error: Error) => void };

export function inWorkerThread(): RankRunner {
  let worker: Worker | null = null;
  /** Once the worker has failed, ranking goes on here, over the last index. */
  let fallback: RankRunner | null = null;
  let index: TermIndex | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  /** Ranking goes on in this thread from now on; calls waiting on the worker fail. Returns the worker to end. */
  const stop = (reason: string): Worker | null => {
    if (fallback !== null) return null;
    fallback = inThisThread();
    if (index !== null) fallback.useIndex(index, null);
    for (const call of pending.values()) call.reject(new Error(`Ranking stopped: ${reason}`));
    pending.clear();
    const thread = worker;
    worker = null;
    return thread;
  };
  const fail = (reason: string): void => void stop(reason)?.terminate();

  const started = (): Worker | null => {
    if (fallback !== null) return null;
    if (worker !== null) return worker;
    try {
      worker = startWorker();
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
      return null;
    }
    // It never keeps the process alive: the command line, a server closing, a test ending.
    worker.unref();
    worker.on('message', (reply: RankReply) => {
      const call = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.ok) call?.resolve(reply.value);
      else call?.reject(new Error(reply.message));
    });
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`the ranking thread ended (${String(code)})`));
    return worker;
  };

  const ask = <T>(call: (id: number) => RankCall, here: (runner: RankRunner) => Promise<T>): Promise<T> => {
    const thread = started();
    if (thread === null) return here(fallback ?? inThisThread());
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: (value) => resolve(value as T), reject });
      thread.postMessage(call(id));
    });
  };

  return {
    shared(bytes) {
      const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
      shared.set(bytes);
      return shared;
    },
    useIndex(terms, bytes) {
      index = terms;
      const thread = started();
      if (thread === null) (fallback ?? inThisThread()).useIndex(terms, null);
      else
        thread.postMessage({ kind: 'index', bytes: bytes ?? this.shared(encodeTermIndex(terms)) } satisfies RankCall);
    },
    order: (request) =>
      ask(
        (id) => ({ kind: 'order', id, request }),
        (runner) => runner.order(request),
      ),
    explain: (request) =>
      ask(
        (id) => ({ kind: 'explain', id, request }),
        (runner) => runner.explain(request),
      ),
    similar: (request) =>
      ask(
        (id) => ({ kind: 'similar', id, request }),
        (runner) => runner.similar(request),
      ),
    async close() {
      await stop('the library was closed.')?.terminate();
    },
  };
}
