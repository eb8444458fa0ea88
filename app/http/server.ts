/**
 * Browser mode's server: the built renderer and the library API over HTTP, on 127.0.0.1 only; the API only to a
 * page that holds this launch's token. The end-to-end tests and the benchmark start it in-process.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LibraryApi } from '../../core/api.js';
import type { LibraryService } from '../library-service.js';
import type { NetworkSettings } from '../net/settings.js';
import { TOKEN_FRAGMENT_PARAMETER } from '../../core/web-token.js';
import { decideAccess, newToken, oldTokenCookieRemovals, pathOf, type AccessPolicy } from './access.js';
import { API_PREFIX, serveApiCall } from './api-route.js';
import { BodyBudget } from './body-budget.js';
import { BODY_BUDGET_BYTES } from './body-limits.js';
import { EVENTS_PATH, EventStreams } from './event-stream.js';
import { sendText, setSecurityHeaders } from './response-headers.js';
import { resolveRendererDir, serveStaticFile } from './static-files.js';

const LOOPBACK_HOST = '127.0.0.1';

export interface WebServerOptions {
  /** The library's catalogue file, e.g. …/library.json. */
  readonly dbPath: string;
  /** Shelfmark's app-data folder (LibraryServiceOptions.appData); by default the platform's. */
  readonly appData?: string;
  /** 0 or absent: a free port. */
  readonly port?: number;
  /** The built renderer: a folder with index.html and its assets. */
  readonly rendererDir: string;
  /** The sample digest `importSample` imports. */
  readonly sampleDigest: string;
  /** Where the web APIs are and how to reach them; by default from the environment (SHELFMARK_ARXIV_API, …). */
  readonly network?: NetworkSettings;
}

export interface WebServer {
  /**
   * The address to open: it carries the token in its fragment (`#token=…`), which the browser keeps to itself;
   * the page takes it from there and sends it with each API call.
   */
  readonly url: string;
  readonly token: string;
  readonly port: number;
  /** Where the server listens, as the socket reports it. */
  readonly address: AddressInfo;
  /** Stops accepting, lets requests in progress finish, then compacts and closes the library. */
  close(): Promise<void>;
}

interface RequestContext {
  readonly policy: AccessPolicy;
  readonly api: Promise<LibraryApi>;
  readonly rendererRoot: string;
  readonly bodies: BodyBudget;
  readonly events: EventStreams;
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  context: RequestContext,
): Promise<void> {
  setSecurityHeaders(response);
  const removals = oldTokenCookieRemovals(request.headers.cookie);
  if (removals.length > 0) response.setHeader('Set-Cookie', removals);
  const url = request.url ?? '';
  if (!url.startsWith('/')) {
    sendText(response, 400, 'Bad request: Shelfmark takes paths, not full addresses.');
    return;
  }
  const decision = decideAccess({ url, headers: request.headers }, context.policy);
  if (decision.kind === 'refuse') {
    // Whatever body it sends goes unread: close the connection after answering.
    sendText(response, 403, `Forbidden: ${decision.reason}`, { Connection: 'close' });
    return;
  }
  const path = pathOf(url);
  if (path === EVENTS_PATH) context.events.serve(request, response);
  else if (path.startsWith(API_PREFIX)) await serveApiCall(request, response, path, context.api, context.bodies);
  else await serveStaticFile(request, response, context.rendererRoot);
}

function listen(server: Server, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK_HOST, port }, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function stopListening(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    server.closeIdleConnections();
  });
}

/** Folds this device's changes into its snapshot before exit; with no change, the library is not even read. */
async function compactIfChanged(service: LibraryService): Promise<void> {
  if (service.changed) await service.compact();
}

/**
 * The library's code, loaded only once the server listens: the browser is already opening the page meanwhile (a
 * tenth of a second at start-up).
 */
async function openLibraryService(options: WebServerOptions): Promise<LibraryService> {
  const { LibraryService } = await import('../library-service.js');
  // Opens nothing yet: a library that cannot be read still answers with its error, and lists its backups.
  const { dbPath, sampleDigest, network, appData } = options;
  return new LibraryService(dbPath, {
    sampleDigest,
    rankInWorker: true,
    ...(appData === undefined ? {} : { appData }),
    ...(network === undefined ? {} : { network }),
  });
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const rendererRoot = await resolveRendererDir(options.rendererDir);
  const server = createServer();
  const address = await listen(server, options.port ?? 0);
  const service = openLibraryService(options);
  // Read the library while the browser loads the page, so the first API call finds it ready. Errors are the API
  // calls' to report.
  service.then((library) => library.warm()).catch(() => undefined);
  const events = new EventStreams();
  // Another process's changes reach every page, until the library closes.
  void service.then((library) => library.onChangedElsewhere(() => events.send({ type: 'library-changed' })));
  const token = newToken();
  // Attached before any request can arrive: listen's callback and this continuation run before further I/O.
  const context: RequestContext = {
    policy: { port: address.port, token },
    api: service,
    rendererRoot,
    bodies: new BodyBudget(BODY_BUDGET_BYTES),
    events,
  };
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handleRequest(request, response, context).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      sendText(response, 500, `Something went wrong: ${message}`);
    });
  });

  let closing: Promise<void> | undefined;
  return {
    url: `http://${LOOPBACK_HOST}:${address.port}/#${TOKEN_FRAGMENT_PARAMETER}=${token}`,
    token,
    port: address.port,
    address,
    close() {
      events.close();
      closing ??= stopListening(server)
        .then(async () => compactIfChanged(await service))
        .finally(async () => (await service).close());
      return closing;
    },
  };
}
