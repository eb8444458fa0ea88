/** `POST /api/<method>` with `{ "args": [...] }`: one LibraryApi call, answered with its ApiResponse envelope. */

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError, ApiResponse, LibraryApi } from '../../core/api.js';
import { isApiMethod } from '../../core/api.js';
import { decodeApiValue, encodeApiValue } from '../../core/api-codec.js';
import type { BodyBudget } from './body-budget.js';
import { BODY_LIMITS } from './body-limits.js';
import { BodyTooLargeError, declaredLength, readBody } from './request-body.js';

export const API_PREFIX = '/api/';

const STATUS_OF_ERROR: Readonly<Record<ApiError['kind'], number>> = {
  'invalid-input': 400,
  'not-found': 404,
  'library-file': 409,
  'read-only': 409,
  'file-system': 503,
  /** A server behind this one (arXiv, Hugging Face) failed: Bad Gateway. */
  network: 502,
  /** The caller cancelled: nothing was done, as for a conflict. */
  cancelled: 409,
  internal: 500,
};

function httpStatusOf(response: ApiResponse): number {
  return response.ok ? 200 : STATUS_OF_ERROR[response.error.kind];
}

function sendEnvelope(
  response: ServerResponse,
  envelope: ApiResponse,
  status: number = httpStatusOf(envelope),
  headers: Readonly<Record<string, string>> = {},
): void {
  // Encoded once: a library's outline is tens of megabytes, and measuring the text and then writing it encodes it twice.
  const body = Buffer.from(encodeApiValue(envelope), 'utf8');
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

function refusal(kind: ApiError['kind'], message: string): ApiResponse {
  return { ok: false, error: { kind, message } };
}

const CLOSE: Readonly<Record<string, string>> = { Connection: 'close' };

const BODY_SHAPE = 'The request body must be JSON: { "args": [...] }.';

const BUSY = 'Shelfmark is busy reading other large requests (imports, most likely): try again once they are done.';

/** The call's arguments from the request body, or the envelope that refuses it. */
async function readArgs(
  request: IncomingMessage,
  limit: number,
): Promise<{ args: unknown } | { refused: ApiResponse; status: number }> {
  let text: string;
  try {
    text = (await readBody(request, limit)).toString('utf8');
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return { refused: refusal('invalid-input', error.message), status: 413 };
  }
  let body: unknown;
  try {
    body = decodeApiValue(text);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return { refused: refusal('invalid-input', `${BODY_SHAPE}${detail}`), status: 400 };
  }
  if (typeof body !== 'object' || body === null || !('args' in body) || !Array.isArray(body.args)) {
    return { refused: refusal('invalid-input', BODY_SHAPE), status: 400 };
  }
  return { args: body.args };
}

/**
 * Answers a request whose path starts with API_PREFIX. Its body is read only if it fits the method's limit and
 * the bytes `bodies` has left; it holds them until the answer is sent.
 */
export async function serveApiCall(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  api: Promise<LibraryApi>,
  bodies: BodyBudget,
): Promise<void> {
  const method = path.slice(API_PREFIX.length);
  if (!isApiMethod(method)) {
    sendEnvelope(response, refusal('not-found', `There is no API method "${method}".`), 404);
    return;
  }
  if (request.method !== 'POST') {
    sendEnvelope(response, refusal('invalid-input', 'API calls are POST requests.'), 405, { Allow: 'POST' });
    return;
  }
  const contentType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') {
    sendEnvelope(response, refusal('invalid-input', 'API calls send JSON (Content-Type: application/json).'), 415);
    return;
  }
  const limit = BODY_LIMITS[method];
  const declared = declaredLength(request);
  // Refused without reading what is left of the body: close the connection after answering.
  if (declared !== null && declared > limit) {
    sendEnvelope(response, refusal('invalid-input', new BodyTooLargeError(limit).message), 413, CLOSE);
    return;
  }
  const release = bodies.reserve(declared ?? limit);
  if (release === null) {
    sendEnvelope(response, refusal('internal', BUSY), 503, { ...CLOSE, 'Retry-After': '5' });
    return;
  }
  try {
    const read = await readArgs(request, limit);
    if ('refused' in read) {
      sendEnvelope(response, read.refused, read.status, read.status === 413 ? CLOSE : {});
      return;
    }
    // Loaded at the first call rather than before the server listens: see openLibraryService in server.ts.
    const { dispatchApiCall } = await import('../api-dispatch.js');
    sendEnvelope(response, await dispatchApiCall(await api, method, read.args));
  } finally {
    release();
  }
}
