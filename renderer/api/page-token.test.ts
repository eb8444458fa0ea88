import { describe, expect, it } from 'vitest';
import { findTokenPage, takePageToken, TOKEN_STORAGE_KEY, type TokenPage } from './page-token.js';

interface FakePage extends TokenPage {
  readonly stored: Map<string, string>;
  /** Every address replaceState was given. */
  readonly replaced: string[];
}

function fakePage(address: string, stored: Readonly<Record<string, string>> = {}): FakePage {
  const url = new URL(address, 'http://127.0.0.1:53123');
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  return {
    location: { hash: url.hash, pathname: url.pathname, search: url.search },
    history: { state: null, replaceState: (_data, _unused, next) => replaced.push(next) },
    sessionStorage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => storage.set(key, value),
    },
    stored: storage,
    replaced,
  };
}

describe('the page’s token', () => {
  it('is taken from the address’s fragment, kept for reloads, and taken out of the address', () => {
    const page = fakePage('/#token=abc_123-XYZ');
    expect(takePageToken(page)).toBe('abc_123-XYZ');
    expect(page.stored.get(TOKEN_STORAGE_KEY)).toBe('abc_123-XYZ');
    expect(page.replaced).toEqual(['/']);
  });

  it('leaves the rest of the address as it was', () => {
    const page = fakePage('/library?x=1#token=abc&view=list');
    expect(takePageToken(page)).toBe('abc');
    expect(page.replaced).toEqual(['/library?x=1#view=list']);
  });

  it('is the kept one after a reload, and a new address’s wins over it', () => {
    const reloaded = fakePage('/', { [TOKEN_STORAGE_KEY]: 'kept' });
    expect(takePageToken(reloaded)).toBe('kept');
    expect(reloaded.replaced).toEqual([]);
    const relaunched = fakePage('/#token=fresh', { [TOKEN_STORAGE_KEY]: 'kept' });
    expect(takePageToken(relaunched)).toBe('fresh');
    expect(relaunched.stored.get(TOKEN_STORAGE_KEY)).toBe('fresh');
  });

  it('is null with neither, and never read from the query, which reaches the server', () => {
    expect(takePageToken(fakePage('/'))).toBeNull();
    expect(takePageToken(fakePage('/#token='))).toBeNull();
    expect(takePageToken(fakePage('/?token=abc'))).toBeNull();
  });

  it('still serves this load when storage is off', () => {
    const page = fakePage('/#token=abc');
    const off: TokenPage = {
      ...page,
      sessionStorage: {
        getItem: () => {
          throw new Error('SecurityError');
        },
        setItem: () => {
          throw new Error('SecurityError');
        },
      },
    };
    expect(takePageToken(off)).toBe('abc');
    expect(page.replaced).toEqual(['/']);
    expect(takePageToken({ ...off, location: { hash: '', pathname: '/', search: '' } })).toBeNull();
  });

  it('is looked for only on a window with an address, a history and storage', () => {
    expect(findTokenPage({})).toBeUndefined();
    expect(findTokenPage({ location: {}, history: {} })).toBeUndefined();
    const page = fakePage('/');
    expect(findTokenPage(page)).toBe(page);
    const storageOff = Object.defineProperty({ location: {}, history: {} }, 'sessionStorage', {
      get: () => {
        throw new Error('SecurityError');
      },
    });
    expect(findTokenPage(storageOff)).toBeUndefined();
  });
});
