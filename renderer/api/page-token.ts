/**
 * Browser mode's token on the page. It arrives in the address's fragment (`#token=…`), which the browser never
 * sends to any server; it is kept in this tab's sessionStorage, which only pages of this very origin (port
 * included) can read, so that a reload still works; and it leaves the address bar at once. Never a cookie: cookies
 * ignore ports, so every other server on 127.0.0.1 would be handed it.
 */

import { TOKEN_FRAGMENT_PARAMETER } from '../../core/web-token.js';

/** The parts of `window` the token passes through. */
export interface TokenPage {
  readonly location: { readonly hash: string; readonly pathname: string; readonly search: string };
  readonly history: { readonly state: unknown; replaceState(data: unknown, unused: string, url: string): void };
  readonly sessionStorage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
  };
}

export const TOKEN_STORAGE_KEY = 'shelfmark-token';

/** `scope` when it is a browser window with an address, a history and a sessionStorage; else undefined. */
export function findTokenPage(scope: object): TokenPage | undefined {
  try {
    const has = (name: string): boolean => typeof Reflect.get(scope, name) === 'object';
    // Reading sessionStorage throws where storage is off (a sandboxed or opaque origin).
    return has('location') && has('history') && has('sessionStorage') ? (scope as TokenPage) : undefined;
  } catch {
    return undefined;
  }
}

function storedToken(page: TokenPage): string | null {
  try {
    return page.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The token the address carries, which is then kept and taken out of the address; else the one kept by an
 * earlier load of this tab (a reload); null when there is neither.
 */
export function takePageToken(page: TokenPage): string | null {
  const fragment = new URLSearchParams(page.location.hash.replace(/^#/, ''));
  const given = fragment.get(TOKEN_FRAGMENT_PARAMETER);
  if (given === null || given === '') return storedToken(page);
  try {
    page.sessionStorage.setItem(TOKEN_STORAGE_KEY, given);
  } catch {
    // Storage is off: this load still works; a reload will ask for the printed address again.
  }
  fragment.delete(TOKEN_FRAGMENT_PARAMETER);
  const rest = fragment.toString();
  const { pathname, search } = page.location;
  page.history.replaceState(page.history.state, '', `${pathname}${search}${rest === '' ? '' : `#${rest}`}`);
  return given;
}
