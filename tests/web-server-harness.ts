/** Helpers for the browser-mode server's tests: temp folders, a fake renderer, raw HTTP requests. */

import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TOKEN_HEADER } from '../core/web-token.js';
import { bundledSampleDigest } from '../app/resources.js';
import { startWebServer, type WebServer } from '../app/http/server.js';

export const BIBTEX_DIGEST = `@article{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam},
  year = {2017},
  eprint = {1706.03762},
  archivePrefix = {arXiv},
}
`;

export const INDEX_HTML =
  '<!doctype html><title>Shelfmark test</title><script type="module" src="/assets/app.js"></script>';

/** A temp folder holding `renderer/` (a fake built renderer), `secret.txt` beside it, and a `library/` folder. */
export interface TestWorld {
  readonly root: string;
  readonly rendererDir: string;
  readonly dbPath: string;
  readonly secret: string;
  remove(): Promise<void>;
}

export async function makeTestWorld(): Promise<TestWorld> {
  const root = await mkdtemp(join(tmpdir(), 'shelfmark-http-'));
  const rendererDir = join(root, 'renderer');
  const files: Readonly<Record<string, string>> = {
    'index.html': INDEX_HTML,
    'assets/app.js': 'console.log("app");',
    'assets/app.mjs': 'export {};',
    'assets/app.css': 'body { margin: 0; }',
    'assets/icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'assets/font.woff2': 'wOF2',
    'assets/data.json': '{}',
    'assets/module.wasm': '\0asm',
    '.hidden': 'hidden',
  };
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(rendererDir, name)), { recursive: true });
    await writeFile(join(rendererDir, name), content);
  }
  const secret = 'TOP SECRET: outside the renderer folder';
  await writeFile(join(root, 'secret.txt'), secret);
  await writeFile(join(root, 'package.json'), `{"secret":"${secret}"}`);
  await mkdir(join(root, 'library'));
  return {
    root,
    rendererDir,
    dbPath: join(root, 'library', 'library.json'),
    secret,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

export interface TestServer {
  readonly world: TestWorld;
  readonly server: WebServer;
  /** Closes the server and removes its world. */
  readonly stop: () => Promise<void>;
}

/** A server on the library of a fresh test world. */
export async function startTestServer(): Promise<TestServer> {
  const world = await makeTestWorld();
  const server = await startWebServer({
    dbPath: world.dbPath,
    rendererDir: world.rendererDir,
    sampleDigest: bundledSampleDigest(),
  });
  return {
    world,
    server,
    stop: async () => {
      await server.close();
      await world.remove();
    },
  };
}

/** Every file directly in a folder with its content, to show that a refused call changed nothing. */
export async function folderSnapshot(directory: string): Promise<Readonly<Record<string, string>>> {
  const names = (await readdir(directory, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.lock'))
    .map((entry) => entry.name)
    .sort();
  const entries = await Promise.all(
    names.map(async (name): Promise<[string, string]> => [name, await readFile(join(directory, name), 'utf8')]),
  );
  return Object.fromEntries(entries);
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface RawRequest {
  readonly port: number;
  /** Sent exactly as given: no normalisation of "..", unlike fetch. */
  readonly path: string;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  readonly host?: string;
}

/** `POST /api/<method>` with a JSON body, and the token in its header unless it is null. */
export function apiRequest(
  port: number,
  token: string | null,
  method: string,
  body = '{"args":[]}',
  headers: Readonly<Record<string, string>> = {},
): Promise<RawResponse> {
  return rawRequest({
    port,
    path: `/api/${method}`,
    method: 'POST',
    headers: { ...(token === null ? {} : { [TOKEN_HEADER]: token }), 'Content-Type': 'application/json', ...headers },
    body,
  });
}

export function rawRequest(options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: options.host ?? '127.0.0.1',
        port: options.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

export interface BodySending {
  readonly port: number;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Sent `times` times, as fast as the server takes it, until it answers. */
  readonly chunk: Uint8Array;
  readonly times: number;
  /** false: the body is left unfinished, the connection open, until `abort`. */
  readonly finish: boolean;
}

export interface BodySent {
  /** The server's answer, which may come before the body is all sent. */
  readonly answer: Promise<RawResponse>;
  readonly answered: () => boolean;
  readonly abort: () => void;
}

/** A POST whose body goes out in chunks, with backpressure: the test itself holds one chunk, not the body. */
export function sendBody(options: BodySending): BodySent {
  let answered = false;
  let aborted = false;
  let settle: (response: RawResponse) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const answer = new Promise<RawResponse>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const request = httpRequest(
    {
      host: '127.0.0.1',
      port: options.port,
      path: options.path,
      method: 'POST',
      headers: options.headers,
      agent: false,
    },
    (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      const done = (): void => {
        settle({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() });
        request.destroy();
      };
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', done);
      response.on('error', done);
      response.on('close', done);
    },
  );
  // Once answered, the server may close the connection while the body is still going out.
  request.on('error', (error) => {
    if (!answered && !aborted) fail(error);
  });
  let sent = 0;
  const pump = (): void => {
    while (!answered && !request.destroyed && sent < options.times) {
      sent += 1;
      if (!request.write(options.chunk)) {
        request.once('drain', pump);
        return;
      }
    }
    if (options.finish && !answered && !request.destroyed) request.end();
  };
  pump();
  const abort = (): void => {
    aborted = true;
    request.destroy();
  };
  return { answer, answered: () => answered, abort };
}
