/** From the API's answer envelope to a value, or an ApiCallError: what every transport does with an answer. */

import { API_METHODS, ApiCallError, type ApiError, type ApiMethod, type LibraryApi } from '../../core/api.js';

const ERROR_KINDS: readonly string[] = [
  'invalid-input',
  'not-found',
  'library-file',
  'read-only',
  'file-system',
  'network',
  'cancelled',
  'internal',
] satisfies readonly ApiError['kind'][];

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'message' in value &&
    typeof value.message === 'string' &&
    'kind' in value &&
    typeof value.kind === 'string' &&
    ERROR_KINDS.includes(value.kind)
  );
}

/** The envelope's value; throws ApiCallError for an error envelope or anything that is no envelope at all. */
function unwrapResponse(response: unknown): unknown {
  if (typeof response === 'object' && response !== null && 'ok' in response) {
    if (response.ok === true) return 'value' in response ? response.value : undefined;
    if (response.ok === false && 'error' in response && isApiError(response.error)) {
      throw new ApiCallError(response.error);
    }
  }
  throw new ApiCallError({ kind: 'internal', message: 'Shelfmark sent an answer the app cannot read.' });
}

/** Sends one call and resolves with its answer envelope, as it arrived. */
export type SendApiCall = (method: ApiMethod, args: readonly unknown[]) => Promise<unknown>;

/** An optional argument left out is sent as left out: JSON would write `undefined` in a list as null. */
function withoutTrailingUndefined(args: readonly unknown[]): readonly unknown[] {
  let length = args.length;
  while (length > 0 && args[length - 1] === undefined) length -= 1;
  return length === args.length ? args : args.slice(0, length);
}

/** A typed LibraryApi whose every method sends its call with `send` and unwraps the answer. */
export function libraryApiFrom(send: SendApiCall): LibraryApi {
  const methods: Partial<Record<ApiMethod, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    methods[method] = (...args) => send(method, withoutTrailingUndefined(args)).then(unwrapResponse);
  }
  // Every method is there now; the schemas in core/api.ts check on the other side that the arguments fit.
  return methods as LibraryApi;
}
