/** Reads a request body up to a size limit, refusing a larger one before holding it all in memory. */

import type { IncomingMessage } from 'node:http';
import { sizeText } from './body-limits.js';

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(readonly limit: number) {
    super(`The request is too large: the limit is ${sizeText(limit)}.`);
  }
}

/** The body's size as its Content-Length header gives it (Node has checked the number); null for a streamed body. */
export function declaredLength(request: IncomingMessage): number | null {
  const header = request.headers['content-length'];
  return header === undefined ? null : Number(header);
}

/** Throws BodyTooLargeError as soon as the declared size, or the bytes received so far, exceed `limit`. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = declaredLength(request);
  if (declared !== null && declared > limit) throw new BodyTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  // Keep the connection when refusing, so the client still gets the answer; the server closes it after that.
  for await (const chunk of request.iterator({ destroyOnReturn: false })) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}
