/** The one entry point of every transport: validates a call, runs it on the service, answers with an envelope. */

import { z } from 'zod';
import { apiArgs } from '../core/api-args.js';
import { isApiMethod, type ApiError, type ApiResponse, type LibraryApi } from '../core/api.js';
import { InvalidInputError, NotFoundError } from '../core/errors.js';
import { DigestError } from '../core/import/types.js';
import { fileSystemError, LibraryFileError, LibraryReadOnlyError } from './store/index.js';

export function toApiError(error: unknown): ApiError {
  if (error instanceof z.ZodError) return { kind: 'invalid-input', message: describeZodError(error) };
  if (error instanceof InvalidInputError || error instanceof DigestError) {
    return { kind: 'invalid-input', message: error.message };
  }
  if (error instanceof NotFoundError) return { kind: 'not-found', message: error.message };
  if (error instanceof LibraryFileError) return { kind: 'library-file', message: error.message };
  if (error instanceof LibraryReadOnlyError) return { kind: 'read-only', message: error.message };
  const inWords = fileSystemError(error);
  if (inWords !== null) return { kind: 'file-system', message: inWords.message };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'internal', message: `Something went wrong: ${message}` };
}

function describeZodError(error: z.ZodError): string {
  const [issue] = error.issues;
  if (issue === undefined) return 'The request is not valid.';
  const path = issue.path.length > 0 ? ` (argument ${issue.path.map(String).join('.')})` : '';
  return `The request is not valid: ${issue.message}${path}.`;
}

/** Runs `method` with `args` after checking both; never throws. */
export async function dispatchApiCall(api: LibraryApi, method: unknown, args: unknown): Promise<ApiResponse> {
  try {
    if (!isApiMethod(method)) {
      return { ok: false, error: { kind: 'invalid-input', message: `Unknown API method: ${String(method)}.` } };
    }
    const parsed = apiArgs[method].parse(args) as unknown[];
    const call = (api[method] as (...callArgs: unknown[]) => Promise<unknown>).bind(api);
    return { ok: true, value: await call(...parsed) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}
