/** Browser mode's transport: API calls as `POST /api/<method>` to the server that served the page. */

import { ApiCallError, type LibraryApi } from '../../core/api.js';
import { decodeApiValue, encodeApiValue } from '../../core/api-codec.js';
import { libraryApiFrom } from './envelope.js';

export interface HttpApiOptions {
  /** The server's origin, e.g. "http://127.0.0.1:53123"; "" (the default) for the page's own. */
  readonly baseUrl?: string;
  /** Extra headers: X-Shelfmark-Token (core/web-token.ts), which every API call needs. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly fetch?: typeof fetch;
}

const UNREACHABLE =
  'Cannot reach Shelfmark: it may have stopped. Start it again (npm run web) and open the address it prints.';

async function readEnvelope(response: Response): Promise<unknown> {
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.startsWith('application/json') === true;
  if (isJson) {
    try {
      return decodeApiValue(text);
    } catch {
      // Not an envelope after all: reported below with the status.
    }
  }
  const detail = text.trim().slice(0, 500);
  throw new ApiCallError({
    kind: 'internal',
    message: `Shelfmark refused the request (HTTP ${response.status})${detail === '' ? '.' : `: ${detail}`}`,
  });
}

export function httpApi(options: HttpApiOptions = {}): LibraryApi {
  const baseUrl = options.baseUrl ?? '';
  const send = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
  return libraryApiFrom(async (method, args) => {
    let response: Response;
    try {
      response = await send(`${baseUrl}/api/${method}`, {
        method: 'POST',
        headers: { ...options.headers, 'Content-Type': 'application/json' },
        body: encodeApiValue({ args }),
        // The token travels in a header; nothing the browser keeps for this host goes along.
        credentials: 'omit',
      });
    } catch {
      throw new ApiCallError({ kind: 'internal', message: UNREACHABLE });
    }
    return readEnvelope(response);
  });
}
