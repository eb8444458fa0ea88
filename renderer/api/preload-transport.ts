/** The desktop app's transport: API calls through the preload bridge, `window.shelfmark`, over Electron IPC. */

import type { LibraryApi } from '../../core/api.js';
import type { PreloadBridge } from '../../core/ipc.js';
import { libraryApiFrom } from './envelope.js';

/** The bridge the preload script exposes, or undefined outside the desktop app (in a browser). */
export function findPreloadBridge(scope: object = globalThis): PreloadBridge | undefined {
  const candidate: unknown = Reflect.get(scope, 'shelfmark');
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const hasFunction = (name: string): boolean => typeof Reflect.get(candidate, name) === 'function';
  return hasFunction('invoke') && hasFunction('onEvent') ? (candidate as PreloadBridge) : undefined;
}

/** IPC keeps Uint8Array as it is, so calls need no encoding. */
export function preloadApi(bridge: PreloadBridge): LibraryApi {
  return libraryApiFrom((method, args) => bridge.invoke(method, args));
}
