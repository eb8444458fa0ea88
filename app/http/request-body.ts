/** Reads a request body up to a size limit, refusing a larger one before holding it all in memory. */

import type { IncomingMessage } from 'node:http';

const MIB = 1024 * 1024;
/** Import sends up to 32 MB files, base64-encoded (4/3 of their size) in JSON. */
export const MAX_BODY_BYTES = 64 * MIB;

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(readonly limit: number) {
    super(`The request is too large: the limit is ${limit / MIB} MB.`);
  }
}

export async function readBody(request: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLargeError(limit);
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
