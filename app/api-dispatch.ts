/** The one entry point of every transport: validates a call, runs it on the service, answers with an envelope. */

import { apiArgs } from '../core/api-args.js';
import { isApiMethod, type ApiResponse, type LibraryApi } from '../core/api.js';
import { toApiError } from './api-error.js';

export { toApiError } from './api-error.js';

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
