/**
 * End-to-end harness: the renderer built with Vite into a temp folder, browser mode's server on a fresh
 * library in a temp folder, and Debian's Chromium driven by playwright-core.
 */

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { bundledSampleDigest } from '../../app/resources.js';
import { startWebServer, type WebServer } from '../../app/http/server.js';
import type { NetworkSettings } from '../../app/net/settings.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Builds the renderer as `vite build` does, into `outDir` (each test file its own, so runs never collide). */
export async function buildRenderer(outDir: string): Promise<void> {
  await build({
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** What a test file shares: the renderer built once into a temp folder, and one Chromium. */
export interface E2eRig {
  readonly rendererDir: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function startE2eRig(prefix: string): Promise<E2eRig> {
  const build = await tempDir(prefix);
  await buildRenderer(build.path);
  const browser = await launchChromium();
  return {
    rendererDir: build.path,
    browser,
    async close() {
      await browser.close();
      await build.remove();
    },
  };
}

export interface Library {
  readonly dir: string;
  readonly dbPath: string;
  server: WebServer;
  /** Stops the server (which compacts the library) and starts a new one on the same files. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A server on a fresh, empty library in a temp folder. `network`: where its web APIs are (the loopback fakes of
 * tests/fake-web-apis.ts, with `networkSettings(apis.env, …)`, as the CLI's tests point theirs); by default the
 * environment's.
 */
export async function openLibrary(rendererDir: string, network?: NetworkSettings): Promise<Library> {
  const dir = await mkdtemp(join(tmpdir(), 'shelfmark-e2e-'));
  const dbPath = join(dir, 'library.json');
  const start = (): Promise<WebServer> =>
    startWebServer({
      dbPath,
      port: 0,
      rendererDir,
      sampleDigest: bundledSampleDigest(),
      ...(network === undefined ? {} : { network }),
    });
  const library: Library = {
    dir,
    dbPath,
    server: await start(),
    async restart() {
      await library.server.close();
      library.server = await start();
    },
    async close() {
      await library.server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return library;
}

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught exceptions the page reported; a test expects none. */
  readonly errors: string[];
  /** Dialogs (alert, confirm, prompt) the page tried to open: hostile content must open none. */
  readonly dialogs: string[];
  /** Requests to anywhere but Shelfmark's own server: hostile content must cause none. */
  readonly foreignRequests: string[];
}

interface Screen {
  readonly viewport?: { readonly width: number; readonly height: number };
  /** 2: a zoomed or high-density screen. */
  readonly deviceScaleFactor?: number;
  /**
   * The page's clock starts at this time, and runs on from there (Playwright's `page.clock`, installed before the
   * app loads): the day the app takes as today, on which snoozes end. `page.clock.fastForward('24:00:00')` then
   * makes a day pass, firing the app's midnight timer. The server keeps the real time: only the page decides
   * which snoozes have ended.
   */
  readonly now?: Date;
}

export async function openApp(
  browser: Browser,
  library: Library,
  colorScheme: 'light' | 'dark' = 'light',
  screen: Screen = {},
): Promise<Session> {
  const context = await browser.newContext({
    viewport: screen.viewport ?? { width: 1440, height: 900 },
    deviceScaleFactor: screen.deviceScaleFactor ?? 1,
    colorScheme,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  if (screen.now !== undefined) await page.clock.install({ time: screen.now });
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const origin = new URL(library.server.url).origin;
  const foreignRequests: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))
      foreignRequests.push(url);
  });
  await page.goto(library.server.url);
  return { context, page, errors, dialogs, foreignRequests };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // Let fonts, transitions and the virtualiser's measuring settle.
  await page.evaluate('document.fonts.ready');
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

export async function tempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

interface RecordedRequest {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

/** Another server on 127.0.0.1, as a notebook or a dev server would be: it records every request it gets. */
export interface RecordingServer {
  readonly origin: string;
  readonly requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    requests.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Another local server</title><p>Hello from elsewhere.</p>');
  });
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
