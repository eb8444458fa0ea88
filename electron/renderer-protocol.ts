/**
 * The renderer is served from `app://shelfmark/`, a privileged custom scheme whose handler answers only with files
 * under dist/renderer, rather than from file://. Why: a file:// page shares its origin with every file on disk
 * (a compromised page could read them with `fetch`), webRequest does not see file:// responses so no CSP header
 * could be set, and the IPC sender check would have to trust any file:// URL. With app:// the page has a real
 * origin of its own, `'self'` in the policy means exactly "Shelfmark's renderer files", and each response carries
 * the policy header.
 */

import { readFile as fsReadFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy.js';
import { contentTypeOf } from '../app/content-types.js';
import { staticTarget } from '../app/renderer-files.js';

export const RENDERER_SCHEME = 'app';
const RENDERER_HOST = 'shelfmark';
const RENDERER_INDEX = 'index.html';
/** What the main window loads. */
export const RENDERER_URL = `${RENDERER_SCHEME}://${RENDERER_HOST}/${RENDERER_INDEX}`;

/**
 * Registered before the app is ready. `standard` gives the scheme real origins and relative-URL resolution,
 * `secure` makes the page a secure context, `supportFetchAPI` and `corsEnabled` let ES module scripts
 * (Vite's `<script type="module" crossorigin>`) and `fetch` of the app's own files load. No `bypassCSP`.
 */
export const RENDERER_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: RENDERER_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

/** Whether `url` is a page of Shelfmark's own renderer (any path: the app may use history routing). */
export function isRendererUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // `URL.origin` is "null" for non-special schemes in Node, so compare the parts.
  return (
    parsed.protocol === `${RENDERER_SCHEME}:` &&
    parsed.host === RENDERER_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * The path, relative to the renderer folder, that an app:// URL names ("index.html" for "/"), or null when the URL
 * is not the renderer's or its path is suspect: "." or ".." segments (also percent-encoded), backslashes, NUL,
 * undecodable escapes, dotfiles.
 */
export function rendererFileFor(url: string): string | null {
  if (!isRendererUrl(url)) return null;
  const { pathname } = new URL(url);
  // A non-special scheme's empty path ("app://shelfmark") is the root.
  const target = staticTarget(pathname === '' ? '/' : pathname);
  if (target.kind === 'bad-path') return null;
  return target.relativePath === '' ? RENDERER_INDEX : target.relativePath;
}

function isInside(root: string, file: string): boolean {
  const path = relative(root, file);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

function textResponse(status: number, text: string, extra: Readonly<Record<string, string>> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  });
}

export interface RendererProtocolOptions {
  /** dist/renderer. */
  readonly root: string;
  readonly readFile?: (file: string) => Promise<Uint8Array>;
}

/** The `protocol.handle(RENDERER_SCHEME, …)` handler: GET/HEAD of files under `root`, nothing else. */
export function createRendererProtocolHandler(
  options: RendererProtocolOptions,
): (request: Request) => Promise<Response> {
  const root = resolve(options.root);
  const readFile = options.readFile ?? ((file: string) => fsReadFile(file));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    }
    const relativePath = rendererFileFor(request.url);
    if (relativePath === null) return textResponse(404, 'Not found.');
    const file = join(root, relativePath);
    if (!isInside(root, file)) return textResponse(404, 'Not found.');
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      const hint =
        relativePath === RENDERER_INDEX ? ` The renderer is not built (${file} is missing): run npm run build.` : '';
      return textResponse(404, `Not found.${hint}`);
    }
    const headers = { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file) };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
