/** What went wrong, as every front end reports it: the kind of error and a message written for the user. */

import { z } from 'zod';
import type { ApiError } from '../core/api.js';
import { CancelledError, InvalidInputError, NetworkError, NotFoundError } from '../core/errors.js';
import { DigestError } from '../core/import/types.js';
import { fileSystemError, LibraryFileError, LibraryReadOnlyError } from './store/index.js';

export function toApiError(error: unknown): ApiError {
  if (error instanceof z.ZodError) return { kind: 'invalid-input', message: describeZodError(error) };
  if (error instanceof InvalidInputError || error instanceof DigestError) {
    return { kind: 'invalid-input', message: error.message };
  }
  if (error instanceof NotFoundError) return { kind: 'not-found', message: error.message };
  if (error instanceof NetworkError) return { kind: 'network', message: error.message };
  if (error instanceof CancelledError) return { kind: 'cancelled', message: error.message };
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
