import { describe, expect, it } from 'vitest';
import { API_METHODS, type ApiResponse, type LibraryApi } from '../core/api.js';
import { createApiHandler, isTrustedSender, UNTRUSTED_SENDER_RESPONSE, type ApiSender } from './api-handler.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LibraryService } from '../app/library-service.js';
import { bundledSampleDigest } from '../app/resources.js';
import { RENDERER_URL } from './renderer-protocol.js';

const MAIN_WINDOW = 7;
const trusted: ApiSender = { webContentsId: MAIN_WINDOW, frame: { url: RENDERER_URL, isMainFrame: true } };

describe('isTrustedSender', () => {
  it('trusts the main window’s main frame showing the renderer', () => {
    expect(isTrustedSender(trusted, MAIN_WINDOW)).toBe(true);
    const routed = { ...trusted, frame: { url: 'app://shelfmark/papers/2401.00001?tab=notes', isMainFrame: true } };
    expect(isTrustedSender(routed, MAIN_WINDOW)).toBe(true);
  });

  it.each<[string, ApiSender, number | undefined]>([
    ['while there is no main window', trusted, undefined],
    ['another webContents', { ...trusted, webContentsId: 8 }, MAIN_WINDOW],
    ['a subframe', { ...trusted, frame: { url: RENDERER_URL, isMainFrame: false } }, MAIN_WINDOW],
    ['a destroyed frame', { ...trusted, frame: null }, MAIN_WINDOW],
    ['a file:// page', { ...trusted, frame: { url: 'file:///tmp/evil.html', isMainFrame: true } }, MAIN_WINDOW],
    ['a web page', { ...trusted, frame: { url: 'https://evil.example/', isMainFrame: true } }, MAIN_WINDOW],
    ['another app:// host', { ...trusted, frame: { url: 'app://evil/index.html', isMainFrame: true } }, MAIN_WINDOW],
    ['about:blank', { ...trusted, frame: { url: 'about:blank', isMainFrame: true } }, MAIN_WINDOW],
    ['an empty URL', { ...trusted, frame: { url: '', isMainFrame: true } }, MAIN_WINDOW],
  ])('refuses %s', (_case, sender, mainWindow) => {
    expect(isTrustedSender(sender, mainWindow)).toBe(false);
  });
});

/** A library whose methods fail unless given; no `then`, so a promise of it is not mistaken for a thenable. */
function fakeLibrary(overrides: Partial<LibraryApi> = {}): LibraryApi {
  const unexpected = (): Promise<never> => Promise.reject(new Error('unexpected call'));
  const library = Object.fromEntries(API_METHODS.map((method) => [method, overrides[method] ?? unexpected]));
  return library as unknown as LibraryApi;
}

describe('createApiHandler', () => {
  it('dispatches a trusted call', async () => {
    const seen: unknown[] = [];
    const library = fakeLibrary();
    const handle = createApiHandler({
      mainWebContentsId: () => MAIN_WINDOW,
      library: () => Promise.resolve(library),
      dispatch: (api, method, args) => {
        seen.push(api, method, args);
        return Promise.resolve({ ok: true, value: 'done' });
      },
    });
    await expect(handle(trusted, 'stats', [])).resolves.toEqual({ ok: true, value: 'done' });
    expect(seen).toEqual([library, 'stats', []]);
  });

  it('refuses an untrusted sender with an error response, without touching the library', async () => {
    const rejected: ApiSender[] = [];
    let libraryUsed = false;
    const handle = createApiHandler({
      mainWebContentsId: () => MAIN_WINDOW,
      library: () => {
        libraryUsed = true;
        return Promise.resolve(fakeLibrary());
      },
      onRejected: (sender) => rejected.push(sender),
    });
    const evil: ApiSender = { webContentsId: MAIN_WINDOW, frame: { url: 'https://evil.example/', isMainFrame: true } };
    await expect(handle(evil, 'getLibrary', [])).resolves.toEqual(UNTRUSTED_SENDER_RESPONSE);
    expect(rejected).toEqual([evil]);
    expect(libraryUsed).toBe(false);
  });

  it('validates the method and arguments through dispatchApiCall', async () => {
    const handle = createApiHandler({
      mainWebContentsId: () => MAIN_WINDOW,
      library: () => Promise.resolve(fakeLibrary({ setNote: () => Promise.reject(new Error('not reached')) })),
    });
    const unknown = await handle(trusted, 'dropDatabase', []);
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    const badArgs = await handle(trusted, 'setNote', [42]);
    expect(badArgs).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    const prototypeKey = await handle(trusted, 'constructor', []);
    expect(prototypeKey).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('runs a valid call on the library', async () => {
    const stats = { papers: 3 };
    const handle = createApiHandler({
      mainWebContentsId: () => MAIN_WINDOW,
      library: () => Promise.resolve(fakeLibrary({ stats: () => Promise.resolve(stats as never) })),
    });
    await expect(handle(trusted, 'stats', [])).resolves.toEqual({ ok: true, value: stats });
  });

  it('answers with the library’s error when it cannot be read', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'shelfmark-api-handler-'));
    const file = join(folder, 'library.json');
    await writeFile(file, '{ "schemaVersion": 1, "papers": [');
    const library = new LibraryService(file, { sampleDigest: bundledSampleDigest() });
    try {
      const handle = createApiHandler({
        mainWebContentsId: () => MAIN_WINDOW,
        library: () => Promise.resolve(library),
      });
      const response: ApiResponse = await handle(trusted, 'getLibrary', []);
      expect(response).toMatchObject({ ok: false, error: { kind: 'library-file' } });
      expect(response.ok ? '' : response.error.message).toContain(`Cannot read ${file}: it is not valid JSON`);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('never throws, even when the library promise rejects', async () => {
    const handle = createApiHandler({
      mainWebContentsId: () => MAIN_WINDOW,
      library: () => Promise.reject(new Error('boom')),
    });
    await expect(handle(trusted, 'stats', [])).resolves.toEqual({
      ok: false,
      error: { kind: 'internal', message: 'Something went wrong: boom' },
    });
  });
});
