/**
 * The command line's exit codes: one for each kind of error the API has (toApiError classifies errors alike for
 * every front end), and one for a mistake in how the command was called.
 */

import type { ApiError } from '../../core/api.js';

export type CliErrorKind = ApiError['kind'] | 'usage';

/** Each kind's exit code and what it means, in the order help lists them. Success is 0. */
export const EXIT_CODES: Readonly<Record<CliErrorKind, { readonly code: number; readonly means: string }>> = {
  internal: { code: 1, means: 'something went wrong inside Shelfmark' },
  usage: { code: 2, means: 'the command was not called right' },
  'not-found': { code: 3, means: 'no such library, paper, tag or backup' },
  'invalid-input': { code: 4, means: 'a value or a digest Shelfmark cannot take' },
  'library-file': { code: 5, means: 'the library file cannot be read' },
  'read-only': { code: 6, means: 'the library cannot be written' },
  'file-system': { code: 7, means: 'a file cannot be read or written' },
  network: { code: 8, means: 'a server (arXiv, Hugging Face) could not be reached' },
  cancelled: { code: 130, means: 'cancelled (Ctrl-C) before anything was changed' },
};
