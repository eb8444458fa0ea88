/** The renderer's transports (renderer/api): over HTTP against a real server, and over a stand-in preload bridge. */

import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../app/http/server.js';
import { startTestServer, type TestWorld } from './web-server-harness.js';
import { bundledSampleDigest } from '../app/resources.js';
import { API_METHODS, ApiCallError, type ApiResponse } from '../core/api.js';
import type { AppEvent, PreloadBridge } from '../core/ipc.js';
import { TOKEN_HEADER } from '../core/web-token.js';
import { connectApi } from '../renderer/api/connect-api.js';
import { httpEvents } from '../renderer/api/event-stream.js';
import { httpApi } from '../renderer/api/http-transport.js';
import { CliHarness } from './cli-harness.js';
import { findPreloadBridge } from '../renderer/api/preload-transport.js';

async function rejection(promise: Promise<unknown>): Promise<ApiCallError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiCallError)) throw new Error(`expected an ApiCallError, got ${String(error)}`);
  return error;
}

/** A BibTeX digest of `count` papers, about 700 bytes each. */
function largeBibtex(count: number): string {
  const entries = Array.from(
    { length: count },
    (_, index) => `@article{paper${index},
  title = {A Study of Things, Part ${index}},
  author = {Author, Ann and Writer, Will},
  year = {2024},
  abstract = {${'We study things at length and find them interesting. '.repeat(10)}},
}
`,
  );
  return entries.join('\n');
}

describe('the HTTP transport against a real server', () => {
  let world: TestWorld;
  let server: WebServer;
  let stop: () => Promise<void>;

  beforeAll(async () => ({ world, server, stop } = await startTestServer()));
  afterAll(() => stop());

  const api = (): ReturnType<typeof httpApi> =>
    httpApi({ baseUrl: `http://127.0.0.1:${server.port}`, headers: { [TOKEN_HEADER]: server.token } });

  it('has every API method', () => {
    for (const method of API_METHODS) expect(typeof api()[method], method).toBe('function');
  });

  it('imports a digest of more than 1 MB and reads it back', async () => {
    const text = largeBibtex(2_000);
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const report = await api().importFiles([{ name: 'big.bib', bytes }]);
    expect(report.added).toBe(2_000);
    expect(report.files).toMatchObject([{ file: 'big.bib', ok: true, kind: 'digest' }]);
    const stats = await api().stats();
    expect(stats).toBeDefined();
    const papers = await api().listPapers({});
    expect(papers).toHaveLength(2_000);
  });

  it('imports the sample digest and changes reading state', async () => {
    await api().importSample();
    const [first] = await api().listPapers({});
    if (first === undefined) throw new Error('no papers');
    const [changed] = await api().setStatus([first.id], 'reading');
    expect(changed?.status).toBe('reading');
    expect((await api().getPaper(first.id)).status).toBe('reading');
  });

  it('sends an optional argument left out as left out, and one given as given', async () => {
    const [first] = await api().listPapers({});
    if (first === undefined) throw new Error('no papers');
    // An optional argument passed as undefined: JSON would send null, which the arguments' schema refuses.
    expect((await api().setNote(first.id, 'First thoughts.', undefined)).note).toBe('First thoughts.');
    const typedOver = await api().setNote(first.id, 'Second thoughts.', 'First thoughts.');
    expect(typedOver.note).toBe('Second thoughts.');
    expect(typedOver.noteConflicts).toBeUndefined();
  });

  it('throws ApiCallError with the kind the server gives', async () => {
    const missing = await rejection(api().getPaper('no-such-paper'));
    expect(missing.error.kind).toBe('not-found');
    const invalid = await rejection(api().setNote('', 'x'));
    expect(invalid.error.kind).toBe('invalid-input');
    expect(invalid.message).toMatch(/^The request is not valid/);
  });

  it('says so when the server refuses the request or cannot be reached', async () => {
    const refused = await rejection(httpApi({ baseUrl: `http://127.0.0.1:${server.port}` }).stats());
    expect(refused.error.kind).toBe('internal');
    expect(refused.message).toContain('HTTP 403');
    expect(refused.message).toContain('Open the address Shelfmark printed');

    const stopped = await startWebServer({
      dbPath: `${world.root}/library/stopped.json`,
      rendererDir: world.rendererDir,
      sampleDigest: bundledSampleDigest(),
    });
    await stopped.close();
    const unreachable = await rejection(
      httpApi({ baseUrl: `http://127.0.0.1:${stopped.port}`, headers: { [TOKEN_HEADER]: stopped.token } }).stats(),
    );
    expect(unreachable.message).toContain('Cannot reach Shelfmark');
  });

  it('tells the page on its event stream when another process changes the library, not when the page does', async () => {
    const baseUrl = `http://127.0.0.1:${server.port}`;
    const events: AppEvent[] = [];
    const unsubscribe = httpEvents({ baseUrl, headers: { [TOKEN_HEADER]: server.token } })((event) =>
      events.push(event),
    );
    const refused: AppEvent[] = [];
    const unsubscribeRefused = httpEvents({ baseUrl, retryDelaysMs: [60_000] })((event) => refused.push(event));
    try {
      await api().importSample();
      await sleep(500);
      const [first] = await api().listPapers({});
      if (first === undefined) throw new Error('no papers');
      await api().setStatus([first.id], 'read');
      await sleep(1_500);
      expect(events).toEqual([]);
      // The command line, another process as far as the server knows: it has a store of its own.
      const cli = await CliHarness.create();
      try {
        expect((await cli.run(['status', first.id, 'reading'], { db: world.dbPath })).code).toBe(0);
      } finally {
        await cli.remove();
      }
      const start = performance.now();
      while (events.length === 0 && performance.now() - start < 5_000) await sleep(20);
      expect(events).toEqual([{ type: 'library-changed' }]);
      expect(refused).toEqual([]);
    } finally {
      unsubscribe();
      unsubscribeRefused();
    }
  });
});

describe('the preload transport', () => {
  function fakeBridge(answer: (method: string, args: readonly unknown[]) => unknown): {
    bridge: PreloadBridge;
    calls: (readonly [string, readonly unknown[]])[];
    emit: (event: AppEvent) => void;
  } {
    const calls: (readonly [string, readonly unknown[]])[] = [];
    const listeners = new Set<(event: AppEvent) => void>();
    const bridge: PreloadBridge = {
      invoke: (method, args) => {
        calls.push([method, args]);
        return Promise.resolve(answer(method, args));
      },
      onEvent: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    return { bridge, calls, emit: (event) => listeners.forEach((listener) => listener(event)) };
  }

  it('is used when window.shelfmark is there, sending each call as (method, args)', async () => {
    const { bridge, calls } = fakeBridge((): ApiResponse => ({ ok: true, value: [] }));
    const connection = connectApi({ shelfmark: bridge });
    const bytes = new Uint8Array([1, 2, 3]);
    await connection.api.setStatus(['a', 'b'], 'read');
    await connection.api.importFiles([{ name: 'x.bib', bytes }]);
    expect(calls).toEqual([
      ['setStatus', [['a', 'b'], 'read']],
      ['importFiles', [[{ name: 'x.bib', bytes }]]],
    ]);
    // IPC carries bytes as they are: no encoding on this path.
    const [, [[file]]] = calls[1] as readonly [string, readonly [readonly { bytes: Uint8Array }[]]];
    expect(file?.bytes).toBe(bytes);
  });

  it('unwraps the envelope, and throws ApiCallError for an error or an unreadable answer', async () => {
    const answers: Readonly<Record<string, unknown>> = {
      stats: { ok: true, value: { total: 3 } },
      getPaper: { ok: false, error: { kind: 'not-found', message: 'No paper matches "x".' } },
      tags: 'garbage',
      digests: { ok: false, error: { kind: 'made-up', message: 'x' } },
    };
    const { bridge } = fakeBridge((method) => answers[method]);
    const { api } = connectApi({ shelfmark: bridge });
    expect(await api.stats()).toEqual({ total: 3 });
    const notFound = await rejection(api.getPaper('x'));
    expect(notFound.error).toEqual({ kind: 'not-found', message: 'No paper matches "x".' });
    expect(notFound.message).toBe('No paper matches "x".');
    expect((await rejection(api.tags())).error.kind).toBe('internal');
    expect((await rejection(api.digests())).error.kind).toBe('internal');
  });

  it('passes the main process’s events through, and unsubscribes', () => {
    const { bridge, emit } = fakeBridge(() => undefined);
    const connection = connectApi({ shelfmark: bridge });
    const seen: AppEvent[] = [];
    const unsubscribe = connection.onEvent((event) => seen.push(event));
    emit({ type: 'menu', command: 'find' });
    unsubscribe();
    emit({ type: 'menu', command: 'export' });
    expect(seen).toEqual([{ type: 'menu', command: 'find' }]);
  });

  it('is not used when there is no bridge, or something else is called shelfmark', () => {
    expect(findPreloadBridge({})).toBeUndefined();
    expect(findPreloadBridge({ shelfmark: { invoke: 1 } })).toBeUndefined();
    const connection = connectApi({});
    for (const method of API_METHODS) expect(typeof connection.api[method], method).toBe('function');
    const unsubscribe = connection.onEvent(() => undefined);
    expect(unsubscribe()).toBeUndefined();
  });
});
