/** The built renderer's files, and nothing else: no path leaves the renderer folder, no dotfile is served. */

import { createReadStream, existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAbsolute, join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { contentTypeOf, hasKnownContentType } from '../content-types.js';
import { staticTarget } from '../renderer-files.js';
import { pathOf } from './access.js';
import { sendText } from './response-headers.js';

export const INDEX_FILE = 'index.html';

/** Thrown when the renderer has not been built: the server has nothing to show. */
export class MissingRendererError extends Error {
  override readonly name = 'MissingRendererError';
  constructor(readonly rendererDir: string) {
    super(`The app is not built (${join(rendererDir, INDEX_FILE)} is missing): run npm run build first.`);
  }
}

/** The renderer folder with symbolic links resolved; throws MissingRendererError when it has no index.html. */
export async function resolveRendererDir(rendererDir: string): Promise<string> {
  if (!existsSync(join(rendererDir, INDEX_FILE))) throw new MissingRendererError(rendererDir);
  return realpath(rendererDir);
}

/**
 * A missing path outside the assets folder is a page of the app, which gets index.html, unless it ends in the
 * extension of a file type served here ("/missing.js" is a missing file; "/paper/2410.12345v2" is a page).
 */
function looksLikeAppRoute(relativePath: string): boolean {
  return !relativePath.startsWith('assets/') && !hasKnownContentType(relativePath);
}

function isInside(root: string, file: string): boolean {
  const path = relative(root, file);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** The real path of the regular file at `relativePath` under `root`, or null when there is none there. */
async function findFile(root: string, relativePath: string): Promise<{ path: string; size: number } | null> {
  const candidate = join(root, relativePath);
  if (!isInside(root, candidate)) return null;
  try {
    const real = await realpath(candidate);
    if (!isInside(root, real)) return null;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : null;
  } catch {
    return null;
  }
}

/** Answers a GET or HEAD for a renderer file; `root` comes from resolveRendererDir. */
export async function serveStaticFile(request: IncomingMessage, response: ServerResponse, root: string): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'Method not allowed: Shelfmark’s pages take GET and HEAD.', { Allow: 'GET, HEAD' });
    return;
  }
  const target = staticTarget(pathOf(request.url ?? '/'));
  if (target.kind === 'bad-path') {
    sendText(response, 400, 'Bad path: Shelfmark serves only its own files.');
    return;
  }
  const wanted = target.relativePath === '' ? INDEX_FILE : target.relativePath;
  const file =
    (await findFile(root, wanted)) ??
    (looksLikeAppRoute(target.relativePath) ? await findFile(root, INDEX_FILE) : null);
  if (file === null) {
    sendText(response, 404, 'Not found.');
    return;
  }
  response.writeHead(200, {
    'Content-Type': contentTypeOf(file.path),
    'Content-Length': file.size,
    'Cache-Control': 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  await pipeline(createReadStream(file.path), response);
}
