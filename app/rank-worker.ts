/**
 * The ranking's worker thread (rank-thread.ts starts it): it learns and scores over the term index its parent shares
 * with it, and answers each call by its id, so that the thread that answers every other call never waits on it.
 */

import { parentPort } from 'node:worker_threads';
import { decodeTermIndex } from '../core/rank/cache-codec.js';
import { RankEngine } from './rank-engine.js';
import type { RankCall, RankReply } from './rank-thread.js';

const engine = new RankEngine();

function answer(call: Exclude<RankCall, { kind: 'index' }>): unknown {
  switch (call.kind) {
    case 'order':
      return engine.order(call.request);
    case 'explain':
      return engine.explain(call.request);
    case 'similar':
      return engine.similar(call.request);
  }
}

parentPort?.on('message', (call: RankCall) => {
  if (call.kind === 'index') {
    const index = decodeTermIndex(call.bytes);
    if (index !== null) engine.useIndex(index);
    return;
  }
  let reply: RankReply;
  try {
    reply = { id: call.id, ok: true, value: answer(call) };
  } catch (error) {
    reply = { id: call.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
