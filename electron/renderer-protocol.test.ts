import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRendererProtocolHandler,
  isRendererUrl,
  RENDERER_SCHEME_PRIVILEGES,
  RENDERER_URL,
  rendererFileFor,
} from './renderer-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy.js';
import { contentTypeOf } from '../app/content-types.js';

describe('isRendererUrl', () => {
  it.each([RENDERER_URL, 'app://shelfmark/', 'app://shelfmark', 'app://shelfmark/assets/index-abc.js?v=1#x'])(
    'accepts %s',
    (url) => {
      expect(isRendererUrl(url)).toBe(true);
    },
  );

  it.each([
    'app://evil/index.html',
    'app://shelfmark.evil/index.html',
    'app://user@shelfmark/index.html',
    'app://shelfmark:8080/index.html',
    'file:///opt/Shelfmark/resources/app.asar/dist/renderer/index.html',
    'https://shelfmark/index.html',
    'http://localhost:5173/',
    'devtools://devtools/bundled/devtools_app.html',
    'about:blank',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isRendererUrl(url)).toBe(false);
  });
});

describe('rendererFileFor', () => {
  it.each([
    ['app://shelfmark/', 'index.html'],
    ['app://shelfmark', 'index.html'],
    ['app://shelfmark/index.html', 'index.html'],
    ['app://shelfmark/assets/index-abc.js?v=1#x', 'assets/index-abc.js'],
    ['app://shelfmark/assets/font%20name.woff2', 'assets/font name.woff2'],
    // The URL parser itself removes ".." (also as %2e%2e): what is left is inside the folder.
    ['app://shelfmark/assets/../index.html', 'index.html'],
    ['app://shelfmark/%2e%2e/secret.txt', 'secret.txt'],
  ])('maps %s to %s', (url, file) => {
    expect(rendererFileFor(url)).toBe(file);
  });

  it.each([
    ['an encoded slash and ..', 'app://shelfmark/assets%2F..%2F..%2Fsecret.txt'],
    ['a backslash', 'app://shelfmark/assets\\..\\secret.txt'],
    ['an encoded backslash', 'app://shelfmark/assets%5C..%5Csecret.txt'],
    ['a NUL', 'app://shelfmark/index.html%00.png'],
    ['a dotfile', 'app://shelfmark/.env'],
    ['a dot folder', 'app://shelfmark/.git/config'],
    ['a bad escape', 'app://shelfmark/%E0%A4%A'],
    ['another host', 'app://other/index.html'],
    ['another scheme', 'file:///etc/passwd'],
  ])('refuses %s', (_case, url) => {
    expect(rendererFileFor(url)).toBeNull();
  });
});

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/a.js', 'text/javascript; charset=utf-8'],
    ['assets/a.mjs', 'text/javascript; charset=utf-8'],
    ['assets/a.CSS', 'text/css; charset=utf-8'],
    ['favicon.svg', 'image/svg+xml'],
    ['assets/inter.woff2', 'font/woff2'],
    ['assets/worker', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type);
  });
});

describe('the scheme registration', () => {
  it('is standard and secure and does not bypass the CSP', () => {
    expect(RENDERER_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true },
    });
    expect(RENDERER_SCHEME_PRIVILEGES.privileges?.bypassCSP).not.toBe(true);
  });
});

describe('createRendererProtocolHandler', () => {
  let base: string;
  let root: string;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'shelfmark-protocol-'));
    root = join(base, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Shelfmark</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'export {};');
    await writeFile(join(root, '.secret'), 'hidden');
    await writeFile(join(base, 'secret.txt'), 'outside');
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  const get = (url: string, method = 'GET') => createRendererProtocolHandler({ root })(new Request(url, { method }));

  it('serves index.html for / with the security headers', async () => {
    const response = await get('app://shelfmark/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Shelfmark</title>');
  });

  it('serves module scripts as JavaScript', async () => {
    const response = await get('app://shelfmark/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('export {};');
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://shelfmark/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    'app://shelfmark/missing.js',
    'app://shelfmark/%2e%2e/secret.txt',
    'app://shelfmark/.secret',
    'app://elsewhere/index.html',
  ])('answers 404 for %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toMatch(/outside|hidden/u);
  });

  it('refuses other methods', async () => {
    const response = await get('app://shelfmark/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('says so when the renderer is not built', async () => {
    const handler = createRendererProtocolHandler({ root: join(base, 'not-built') });
    const response = await handler(new Request('app://shelfmark/'));
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/not built.*npm run build/u);
  });

  it('reads through the injected reader, so an asar path works the same', async () => {
    const read: string[] = [];
    const handler = createRendererProtocolHandler({
      root: '/opt/Shelfmark/resources/app.asar/dist/renderer',
      readFile: (file) => {
        read.push(file);
        return Promise.resolve(new TextEncoder().encode('ok'));
      },
    });
    const response = await handler(new Request('app://shelfmark/assets/app.js'));
    expect(await response.text()).toBe('ok');
    expect(read).toEqual([join('/opt/Shelfmark/resources/app.asar/dist/renderer', 'assets', 'app.js')]);
  });
});
