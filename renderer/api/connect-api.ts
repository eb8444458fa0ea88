/**
 * The renderer's one way to the library: over the preload bridge in the desktop app, over HTTP in a browser.
 * Nothing else in the renderer knows which.
 */

import type { LibraryApi } from '../../core/api.js';
import type { AppEvent } from '../../core/ipc.js';
import { TOKEN_HEADER } from '../../core/web-token.js';
import { httpEvents } from './event-stream.js';
import { httpApi } from './http-transport.js';
import { findTokenPage, takePageToken } from './page-token.js';
import { findPreloadBridge, preloadApi } from './preload-transport.js';

export interface ApiConnection {
  readonly api: LibraryApi;
  /**
   * Notifications: from the desktop app's main process (menu commands, imports, the library changed elsewhere); in a
   * browser, from the server's event stream (the library changed elsewhere).
   */
  onEvent(listener: (event: AppEvent) => void): () => void;
}

export function connectApi(scope: object = globalThis): ApiConnection {
  const bridge = findPreloadBridge(scope);
  if (bridge !== undefined) return { api: preloadApi(bridge), onEvent: (listener) => bridge.onEvent(listener) };
  const page = findTokenPage(scope);
  const token = page === undefined ? null : takePageToken(page);
  const headers: Readonly<Record<string, string>> = token === null ? {} : { [TOKEN_HEADER]: token };
  return { api: httpApi({ headers }), onEvent: httpEvents({ headers }) };
}
