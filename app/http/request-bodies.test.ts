/**
 * Request bodies in browser mode: each API method takes a body only as large as it can need, refused before it
 * is read; and the bodies read at once are bounded in total, so parallel large ones cannot grow the server.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../core/api.js';
import { API_METHODS } from '../../core/api.js';
import { decodeApiValue, encodeApiValue } from '../../core/api-codec.js';
import { MAX_NOTE_LENGTH } from '../../core/reading.js';
import { TOKEN_HEADER } from '../../core/web-token.js';
import { BodyBudget } from './body-budget.js';
import { BODY_BUDGET_BYTES, BODY_LIMITS } from './body-limits.js';
import type { WebServer } from './server.js';
import {
  apiRequest,
  sendBody,
  startTestServer,
  type BodySent,
  type RawResponse,
} from '../../tests/web-server-harness.js';

const MIB = 1024 * 1024;

let server: WebServer;
let stop: () => Promise<void>;

beforeAll(async () => ({ server, stop } = await startTestServer()));
afterAll(() => stop());

const jsonHeaders = (): Record<string, string> => ({
  [TOKEN_HEADER]: server.token,
  'Content-Type': 'application/json',
});

/** A POST that declares `declared` bytes but sends only a few, and leaves the connection open. */
function declareOnly(method: string, declared: number): BodySent {
  return sendBody({
    port: server.port,
    path: `/api/${method}`,
    headers: { ...jsonHeaders(), 'Content-Length': String(declared) },
    chunk: new TextEncoder().encode('{"args":['),
    times: 1,
    finish: false,
  });
}

/** Resolves with the answer, or rejects when none comes within `ms`: "promptly". */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  ]);
}

function errorOf(response: RawResponse): { kind: string; message: string } {
  const envelope = decodeApiValue(response.body) as ApiResponse;
  if (envelope.ok) throw new Error('expected a refusal');
  return envelope.error;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('each API method’s body limit', () => {
  it('gives every method one, and megabytes only to import and undo', () => {
    for (const method of API_METHODS) expect(BODY_LIMITS[method], method).toBeGreaterThan(0);
    const large = API_METHODS.filter((method) => BODY_LIMITS[method] > 16 * MIB);
    expect(large.sort()).toEqual(['importFiles', 'restoreStates']);
    for (const method of ['stats', 'getLibrary', 'getLibraryOutline', 'tags', 'importSample'] as const) {
      expect(BODY_LIMITS[method], method).toBeLessThanOrEqual(64 * 1024);
    }
    expect(BODY_LIMITS.setNote).toBeLessThan(16 * MIB);
  });

  it('refuses a declared body over the limit at once, without waiting for it (413)', async () => {
    const cases: readonly (readonly [string, number, string])[] = [
      ['stats', 60 * MIB, '64 KB'],
      ['stats', BODY_LIMITS.stats + 1, '64 KB'],
      ['getPaper', 60 * MIB, '64 KB'],
      ['setNote', 60 * MIB, '8 MB'],
      ['setStatus', 60 * MIB, '16 MB'],
      ['importFiles', BODY_LIMITS.importFiles + 1, '64 MB'],
    ];
    for (const [method, declared, limit] of cases) {
      const sent = declareOnly(method, declared);
      const response = await within(2_000, sent.answer);
      sent.abort();
      expect(response.status, method).toBe(413);
      expect(response.headers.connection).toBe('close');
      expect(errorOf(response)).toEqual({
        kind: 'invalid-input',
        message: `The request is too large: the limit is ${limit}.`,
      });
    }
  });

  it('refuses a streamed body once it passes the limit', async () => {
    const sent = sendBody({
      port: server.port,
      path: '/api/stats',
      headers: jsonHeaders(),
      chunk: new Uint8Array(MIB).fill(32),
      times: 60,
      finish: true,
    });
    const response = await within(5_000, sent.answer);
    expect(response.status).toBe(413);
    expect(errorOf(response).message).toBe('The request is too large: the limit is 64 KB.');
  });

  it('takes the longest note there can be, in its longest JSON', async () => {
    const note = '\u0001'.repeat(MAX_NOTE_LENGTH);
    const body = encodeApiValue({ args: ['no-such-paper', note] });
    expect(body.length).toBeGreaterThan(6_000_000);
    const response = await apiRequest(server.port, server.token, 'setNote', body);
    expect(response.status).toBe(404);
    expect(errorOf(response).kind).toBe('not-found');
  });
});

describe('the bodies read at once', () => {
  it('are bounded: over the budget, a call is refused before it is read (503), until the others are done', async () => {
    expect(BODY_BUDGET_BYTES).toBe(2 * BODY_LIMITS.importFiles);
    const declared = 60 * MIB;
    for (let round = 0; round < 2; round += 1) {
      const held = [declareOnly('importFiles', declared), declareOnly('restoreStates', declared)];
      await sleep(300);
      const refused = await within(2_000, declareOnly('importFiles', declared).answer);
      expect(refused.status).toBe(503);
      expect(refused.headers.connection).toBe('close');
      expect(errorOf(refused).message).toMatch(/^Shelfmark is busy reading other large requests/);
      // A small call still fits beside them.
      expect((await apiRequest(server.port, server.token, 'stats')).status).toBe(200);
      // The held calls are still being read: nothing has answered them.
      expect(held.map((sent) => sent.answered())).toEqual([false, false]);
      // A client that goes away gives its share back.
      for (const sent of held) sent.abort();
      await sleep(300);
    }
  });

  it('keeps the server small under eight parallel 60 MB bodies to a call that takes nothing', async () => {
    const call = (): Promise<RawResponse> => apiRequest(server.port, server.token, 'stats');
    await call();
    const chunk = new Uint8Array(MIB).fill(32);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    try {
      const started = Date.now();
      for (const declared of [true, false]) {
        const sent = Array.from({ length: 8 }, () =>
          sendBody({
            port: server.port,
            path: '/api/stats',
            headers: declared ? { ...jsonHeaders(), 'Content-Length': String(60 * MIB) } : jsonHeaders(),
            chunk,
            times: 60,
            finish: true,
          }),
        );
        const responses = await within(10_000, Promise.all(sent.map((one) => one.answer)));
        expect(responses.map((response) => response.status)).toEqual(Array(8).fill(413));
      }
      expect(Date.now() - started).toBeLessThan(10_000);
      peak = Math.max(peak, process.memoryUsage().rss);
    } finally {
      clearInterval(sampler);
    }
    expect((peak - before) / MIB).toBeLessThan(100);
    expect((await call()).status).toBe(200);
  });
});

describe('BodyBudget', () => {
  it('lends bytes while it has them, and takes each loan back once', () => {
    const budget = new BodyBudget(100);
    const first = budget.reserve(60);
    expect(first).not.toBeNull();
    expect(budget.reserve(41)).toBeNull();
    const second = budget.reserve(40);
    expect(budget.free).toBe(0);
    first?.();
    first?.();
    expect(budget.free).toBe(60);
    second?.();
    expect(budget.free).toBe(100);
    expect(budget.reserve(101)).toBeNull();
  });
});
