import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse, ImportReport, LibraryOutline, LibraryView } from '../../core/api.js';
import { decodeApiValue, encodeApiValue } from '../../core/api-codec.js';
import { LibraryService } from '../library-service.js';
import { bundledSampleDigest } from '../resources.js';
import { CONTENT_SECURITY_POLICY } from '../../core/content-security-policy.js';
import { TOKEN_HEADER } from '../../core/web-token.js';
import { BODY_LIMITS } from './body-limits.js';
import { startWebServer, type WebServer } from './server.js';
import { MissingRendererError } from './static-files.js';
import {
  apiRequest,
  BIBTEX_DIGEST,
  folderSnapshot,
  INDEX_HTML,
  rawRequest,
  startTestServer,
  type RawRequest,
  type RawResponse,
  type TestWorld,
} from '../../tests/web-server-harness.js';

/** Import's limit: the largest a body can be. */
const MAX_BODY_BYTES = BODY_LIMITS.importFiles;

let world: TestWorld;
let server: WebServer;
let stop: () => Promise<void>;

beforeAll(async () => ({ world, server, stop } = await startTestServer()));
afterAll(() => stop());

/** A request that passes every check unless the test overrides one. */
function authorised(options: Omit<RawRequest, 'port'>): Promise<RawResponse> {
  return rawRequest({ port: server.port, ...options, headers: { [TOKEN_HEADER]: server.token, ...options.headers } });
}

function callApi(method: string, args: unknown, headers: Readonly<Record<string, string>> = {}): Promise<RawResponse> {
  return authorised({
    path: `/api/${method}`,
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: encodeApiValue({ args }),
  });
}

function envelopeOf(response: RawResponse): ApiResponse {
  return decodeApiValue(response.body) as ApiResponse;
}

/** Resolves true when a TCP connection to host:port opens, false when it is refused or times out. */
function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('where the server listens', () => {
  it('binds to 127.0.0.1 only and prints a tokened loopback address', () => {
    expect(server.address.address).toBe('127.0.0.1');
    expect(server.address.family).toBe('IPv4');
    expect(server.address.port).toBe(server.port);
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    // 32 random bytes, base64url.
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('cannot be reached on any other local address', async () => {
    expect(await canConnect('127.0.0.1', server.port)).toBe(true);
    const others = Object.values(networkInterfaces())
      .flatMap((addresses) => addresses ?? [])
      .map((info) => info.address)
      .filter((address) => address !== '127.0.0.1');
    for (const address of ['127.0.0.2', '::1', ...others]) {
      expect(await canConnect(address, server.port), address).toBe(false);
    }
  });

  it('gives each launch its own token', async () => {
    const other = await startWebServer({
      dbPath: `${world.root}/library/other.json`,
      rendererDir: world.rendererDir,
      sampleDigest: bundledSampleDigest(),
    });
    try {
      expect(other.token).not.toBe(server.token);
      expect(other.port).not.toBe(server.port);
      expect((await apiRequest(other.port, server.token, 'stats')).status).toBe(403);
    } finally {
      await other.close();
    }
  });
});

describe('refusals', () => {
  it('refuses an API call without the token, whatever the method', async () => {
    for (const method of ['getLibrary', 'stats', 'importFiles', 'nonsense']) {
      const response = await apiRequest(server.port, null, method);
      expect(response.status, method).toBe(403);
      expect(response.body).toContain('Forbidden');
      expect(response.body).toContain('Open the address Shelfmark printed');
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    }
    expect((await rawRequest({ port: server.port, path: '/api/stats' })).status).toBe(403);
  });

  it('refuses a wrong token in the header, and the right one anywhere but the header', async () => {
    const wrong = `${server.token.slice(0, -1)}${server.token.endsWith('A') ? 'B' : 'A'}`;
    // `target`: the method, with a query if need be.
    const stats = (headers: Readonly<Record<string, string>>, target = 'stats'): Promise<RawResponse> =>
      apiRequest(server.port, null, target, '{"args":[]}', headers);
    expect((await stats({ [TOKEN_HEADER]: wrong })).status).toBe(403);
    expect((await stats({ [TOKEN_HEADER]: '' })).status).toBe(403);
    expect((await stats({ [TOKEN_HEADER]: `${server.token}x` })).status).toBe(403);
    expect((await stats({ Authorization: `Bearer ${server.token}` })).status).toBe(403);
    // Earlier versions kept the token in a cookie: a cookie is no longer accepted, under any name.
    for (const name of [`shelfmark-token-${server.port}`, 'shelfmark-token', 'token']) {
      expect((await stats({ Cookie: `${name}=${server.token}` })).status, name).toBe(403);
    }
    expect((await stats({}, `stats?token=${server.token}`)).status).toBe(403);
    expect((await stats({ [TOKEN_HEADER]: server.token })).status).toBe(200);
  });

  it('serves the page’s own files without the token, and never sets a cookie', async () => {
    for (const path of ['/', '/index.html', '/library/unread', `/?token=${server.token}`, '/?token=wrong']) {
      const response = await rawRequest({ port: server.port, path });
      expect(response.status, path).toBe(200);
      expect(response.body, path).toBe(INDEX_HTML);
      expect(response.headers['set-cookie'], path).toBeUndefined();
    }
    const script = await rawRequest({ port: server.port, path: '/assets/app.js' });
    expect(script.status).toBe(200);
    expect(script.body).toBe('console.log("app");');
    const withToken = await authorised({ path: '/' });
    expect(withToken.headers['set-cookie']).toBeUndefined();
  });

  it('tells the browser to forget the token cookies earlier versions set, and only those', async () => {
    const cookie = `theme=dark; shelfmark-token-${server.port}=old; shelfmark-token-8080=older; shelfmark-token-x=1`;
    const page = await rawRequest({ port: server.port, path: '/', headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toEqual([
      `shelfmark-token-${server.port}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`,
      'shelfmark-token-8080=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict',
    ]);
    const none = await rawRequest({ port: server.port, path: '/', headers: { Cookie: 'theme=dark' } });
    expect(none.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a foreign Host even with the right token (DNS rebinding)', async () => {
    for (const host of [`evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, 'localhost', '127.0.0.1']) {
      const response = await authorised({ path: '/', headers: { Host: host } });
      expect(response.status, host).toBe(403);
      expect(response.body).toContain(`127.0.0.1:${server.port}`);
    }
    const api = await callApi('stats', [], { Host: `evil.example:${server.port}` });
    expect(api.status).toBe(403);
    expect((await authorised({ path: '/', headers: { Host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('refuses a foreign Origin even with the right token', async () => {
    for (const origin of [
      'http://evil.example',
      `http://evil.example:${server.port}`,
      'null',
      `https://127.0.0.1:${server.port}`,
    ]) {
      const response = await callApi('stats', [], { Origin: origin });
      expect(response.status, origin).toBe(403);
      expect(response.body).toContain('other web pages');
    }
    const own = await callApi('stats', [], { Origin: `http://127.0.0.1:${server.port}` });
    expect(own.status).toBe(200);
  });

  it('refuses path traversal, however it is spelt', async () => {
    const paths = [
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/%2e%2e/secret.txt',
      '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets\\..\\..\\secret.txt',
      '/%00',
      '/%E0%A4%A',
      '/.hidden',
    ];
    for (const path of paths) {
      const response = await authorised({ path });
      expect([400, 404], path).toContain(response.status);
      expect(response.body, path).not.toContain(world.secret);
      expect(response.body, path).not.toBe(INDEX_HTML);
    }
  });

  it('refuses requests that are not a page or an API call', async () => {
    const put = await authorised({ path: '/', method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers['allow']).toBe('GET, HEAD');
    const get = await authorised({ path: '/api/getLibrary' });
    expect(get.status).toBe(405);
    expect(get.headers['allow']).toBe('POST');
    const unknown = await callApi('deleteEverything', []);
    expect(unknown.status).toBe(404);
    expect(envelopeOf(unknown)).toEqual({
      ok: false,
      error: { kind: 'not-found', message: 'There is no API method "deleteEverything".' },
    });
    const text = await authorised({
      path: '/api/stats',
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"args":[]}',
    });
    expect(text.status).toBe(415);
    expect((await authorised({ path: '/missing.js' })).status).toBe(404);
    expect((await authorised({ path: '/assets/missing' })).status).toBe(404);
    const absolute = await authorised({ path: `http://127.0.0.1:${server.port}/` });
    expect(absolute.status).toBe(400);
  });

  it('refuses a body over the limit, declared or streamed', async () => {
    const declared = await authorised({
      path: '/api/importFiles',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(MAX_BODY_BYTES + 1) },
    });
    expect(declared.status).toBe(413);
    expect(envelopeOf(declared).ok).toBe(false);
    const streamed = await authorised({
      path: '/api/importFiles',
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new Uint8Array(MAX_BODY_BYTES + 1024).fill(32),
    });
    expect(streamed.status).toBe(413);
    expect(envelopeOf(streamed)).toEqual({
      ok: false,
      error: { kind: 'invalid-input', message: 'The request is too large: the limit is 64 MB.' },
    });
  });
});

describe('idle connections', () => {
  it('keeps answering while 200 connections sit idle, sending nothing', async () => {
    const idle = await Promise.all(
      Array.from(
        { length: 200 },
        () =>
          new Promise<ReturnType<typeof connect>>((resolve, reject) => {
            const socket = connect({ host: '127.0.0.1', port: server.port });
            socket.once('connect', () => resolve(socket));
            socket.once('error', reject);
          }),
      ),
    );
    try {
      const started = Date.now();
      const response = await callApi('stats', []);
      expect(response.status).toBe(200);
      expect(envelopeOf(response).ok).toBe(true);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      for (const socket of idle) socket.destroy();
    }
  });
});

describe('security headers', () => {
  it('sends them on every response: pages, API answers and refusals', async () => {
    const responses = [
      await authorised({ path: '/' }),
      await authorised({ path: '/assets/app.js' }),
      await callApi('stats', []),
      await rawRequest({ port: server.port, path: '/' }),
      await rawRequest({ port: server.port, path: '/api/stats', method: 'POST' }),
      await authorised({ path: '/missing.js' }),
    ];
    for (const response of responses) {
      expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
    expect(responses[2]?.headers['cache-control']).toBe('no-store');
  });
});

describe('static files', () => {
  it('serves the renderer’s files with their content types', async () => {
    const expected: Readonly<Record<string, string>> = {
      '/assets/app.js': 'text/javascript; charset=utf-8',
      '/assets/app.mjs': 'text/javascript; charset=utf-8',
      '/assets/app.css': 'text/css; charset=utf-8',
      '/assets/icon.svg': 'image/svg+xml',
      '/assets/font.woff2': 'font/woff2',
      '/assets/data.json': 'application/json; charset=utf-8',
      '/assets/module.wasm': 'application/wasm',
      '/index.html': 'text/html; charset=utf-8',
    };
    for (const [path, type] of Object.entries(expected)) {
      const response = await authorised({ path });
      expect(response.status, path).toBe(200);
      expect(response.headers['content-type'], path).toBe(type);
    }
    expect((await authorised({ path: '/assets/app.js' })).body).toBe('console.log("app");');
    expect((await authorised({ path: '/assets/%61pp.js' })).body).toBe('console.log("app");');
  });

  it('answers app routes with index.html, and HEAD without a body', async () => {
    for (const path of ['/library', '/library/unread', '/paper/2410.12345v2?x=1']) {
      const response = await authorised({ path });
      expect(response.status, path).toBe(200);
      expect(response.body, path).toBe(INDEX_HTML);
    }
    const head = await authorised({ path: '/', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(INDEX_HTML)));
  });
});

describe('the API', () => {
  it('imports a BibTeX digest sent as bytes through the codec, then lists it', async () => {
    const bytes = new TextEncoder().encode(BIBTEX_DIGEST);
    const imported = await callApi('importFiles', [[{ name: 'attention.bib', bytes }]]);
    expect(imported.status).toBe(200);
    const report = envelopeOf(imported);
    if (!report.ok) throw new Error(report.error.message);
    expect((report.value as ImportReport).added).toBe(1);

    const library = envelopeOf(await callApi('getLibrary', []));
    if (!library.ok) throw new Error(library.error.message);
    const view = library.value as LibraryView;
    expect(view.papers.map((paper) => paper.title)).toContain('Attention Is All You Need');
    expect(view.digests).toHaveLength(1);
  });

  it('answers invalid arguments with 400 and a clear message, and leaves the library files alone', async () => {
    const before = await folderSnapshot(`${world.root}/library`);
    const cases: readonly (readonly [string, string])[] = [
      ['setStatus', encodeApiValue({ args: [['1706.03762'], 'finished'] })],
      ['setNote', encodeApiValue({ args: [] })],
      ['importFiles', encodeApiValue({ args: [[{ name: 'x.bib', bytes: 'not bytes' }]] })],
      ['stats', '{"args":{}}'],
      ['stats', '{"args":'],
      ['stats', '{"args":[{"$bytes":"***"}]}'],
    ];
    for (const [method, body] of cases) {
      const response = await authorised({
        path: `/api/${method}`,
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      expect(response.status, `${method} ${body}`).toBe(400);
      const envelope = envelopeOf(response);
      expect(envelope.ok).toBe(false);
      if (!envelope.ok) {
        expect(envelope.error.kind).toBe('invalid-input');
        expect(envelope.error.message.length).toBeGreaterThan(10);
      }
    }
    const statusCase = envelopeOf(await callApi('setStatus', [['1706.03762'], 'finished']));
    expect(statusCase.ok ? '' : statusCase.error.message).toMatch(/^The request is not valid: .*argument 1/);
    expect(await folderSnapshot(`${world.root}/library`)).toEqual(before);
  });

  it('maps error kinds to HTTP statuses', async () => {
    const missing = await callApi('getPaper', ['no-such-paper']);
    expect(missing.status).toBe(404);
    expect(envelopeOf(missing)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });
});

describe('startWebServer', () => {
  it('refuses to start without a built renderer', async () => {
    await expect(
      startWebServer({
        dbPath: world.dbPath,
        rendererDir: `${world.root}/nowhere`,
        sampleDigest: bundledSampleDigest(),
      }),
    ).rejects.toThrow(MissingRendererError);
  });

  it('stops listening, folds the reading-state journal in and closes the library on close()', async () => {
    // A folder of its own: a synced folder holds one library, and library/ holds the tests' one.
    const dbPath = `${world.root}/closing/closing.json`;
    const other = await startWebServer({ dbPath, rendererDir: world.rendererDir, sampleDigest: bundledSampleDigest() });
    const call = (method: string, args: unknown): Promise<RawResponse> =>
      rawRequest({
        port: other.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { [TOKEN_HEADER]: other.token, 'Content-Type': 'application/json' },
        body: encodeApiValue({ args }),
      });
    const bytes = new TextEncoder().encode(BIBTEX_DIGEST);
    expect((await call('importFiles', [[{ name: 'a.bib', bytes }]])).status).toBe(200);
    expect((await call('setStatus', [['1706.03762'], 'read'])).status).toBe(200);
    // This computer's device's changes: a log, and no snapshot yet.
    const devices = join(dirname(dbPath), 'devices');
    const snapshots = (): string[] =>
      readdirSync(devices, { recursive: true, encoding: 'utf8' }).filter((name) => /state\.\d+\.json$/.test(name));
    expect(snapshots()).toEqual([]);

    await Promise.all([other.close(), other.close()]);
    expect(await canConnect('127.0.0.1', other.port)).toBe(false);
    expect(snapshots()).toHaveLength(1);
    const reopened = new LibraryService(dbPath, { sampleDigest: bundledSampleDigest() });
    expect((await reopened.getPaper('1706.03762')).status).toBe('read');
    await reopened.close();
  });

  it('answers the outline it read while starting, and a fresh one once the library has changed', async () => {
    // A folder of its own: a synced folder is one library, whatever its catalogue is called.
    const dbPath = `${world.root}/outline/outline.json`;
    const service = new LibraryService(dbPath, { sampleDigest: bundledSampleDigest() });
    await service.importSample();
    await service.close();
    const other = await startWebServer({ dbPath, rendererDir: world.rendererDir, sampleDigest: bundledSampleDigest() });
    const call = async (method: string, args: unknown): Promise<unknown> => {
      const response = await rawRequest({
        port: other.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { [TOKEN_HEADER]: other.token, 'Content-Type': 'application/json' },
        body: encodeApiValue({ args }),
      });
      const envelope = envelopeOf(response);
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.value;
    };
    try {
      const first = (await call('getLibraryOutline', [])) as LibraryOutline;
      expect(first.papers.id).toHaveLength(32);
      const id = first.papers.id[0] ?? '';
      expect(first.papers.status[0]).toBe('unread');
      await call('setStatus', [[id], 'read']);
      const after = (await call('getLibraryOutline', [])) as LibraryOutline;
      expect(after.papers.status[0]).toBe('read');
      expect(after.digests[0]?.counts.read).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('starts on a library it cannot read, and answers API calls with the problem (409)', async () => {
    const dbPath = `${world.root}/library/broken.json`;
    writeFileSync(dbPath, '{ not json');
    const broken = await startWebServer({
      dbPath,
      rendererDir: world.rendererDir,
      sampleDigest: bundledSampleDigest(),
    });
    try {
      const response = await apiRequest(broken.port, broken.token, 'getLibrary');
      expect(response.status).toBe(409);
      expect(envelopeOf(response)).toMatchObject({ ok: false, error: { kind: 'library-file' } });
    } finally {
      await broken.close();
    }
    expect(readFileSync(dbPath, 'utf8')).toBe('{ not json');
  });
});

describe('the event stream', () => {
  it('is for pages with the token, read with GET, and ends when the server closes', async () => {
    const own = await startTestServer();
    const { port, token } = own.server;
    try {
      expect((await rawRequest({ port, path: '/api/events' })).status).toBe(403);
      const posted = await rawRequest({
        port,
        path: '/api/events',
        method: 'POST',
        headers: { [TOKEN_HEADER]: token },
      });
      expect(posted.status).toBe(405);
      // A page listening: the server must not wait for it to go.
      const listening = rawRequest({ port, path: '/api/events', headers: { [TOKEN_HEADER]: token } });
      await new Promise((done) => setTimeout(done, 200));
      const start = performance.now();
      await own.server.close();
      expect(performance.now() - start).toBeLessThan(3_000);
      const stream = await listening;
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(stream.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    } finally {
      await own.stop();
    }
  });
});
