import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy.js';
import { isPermissionAllowed, isSafeExternalUrl, safeExternalUrl, withContentSecurityPolicy } from './security.js';

describe('safeExternalUrl', () => {
  it.each([
    ['https://arxiv.org/abs/2401.00001', 'https://arxiv.org/abs/2401.00001'],
    ['http://example.com', 'http://example.com/'],
    ['https://huggingface.co/papers?date=2024-03-11#top', 'https://huggingface.co/papers?date=2024-03-11#top'],
    ['HTTPS://ArXiv.org/pdf/2401.00001v2', 'https://arxiv.org/pdf/2401.00001v2'],
    ['https://例え.jp/論文', 'https://xn--r8jz45g.jp/%E8%AB%96%E6%96%87'],
  ])('opens %s as %s', (url, normalised) => {
    expect(safeExternalUrl(url)).toBe(normalised);
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: in mixed case', 'JaVaScRiPt:alert(document.cookie)'],
    ['file:', 'file:///etc/passwd'],
    ['file: on Windows', 'file://C:/Windows/System32/calc.exe'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['ftp:', 'ftp://example.com/file'],
    ['mailto:', 'mailto:someone@example.com'],
    ['an OS scheme handler', 'ms-settings:privacy'],
    ['the app’s own scheme', 'app://shelfmark/index.html'],
    ['user and password', 'https://user:secret@example.com/'],
    ['a user name that looks like a host', 'https://arxiv.org@evil.example/abs/1'],
    ['a password only', 'https://:secret@example.com/'],
    ['no host', 'https://'],
    ['a relative URL', '/abs/2401.00001'],
    ['a protocol-relative URL', '//evil.example/'],
    ['not a URL', 'not a url'],
    ['an empty string', ''],
    ['leading whitespace', ' https://example.com/'],
    ['an embedded newline', 'https://example.com/\nx'],
    ['a tab in the scheme', 'jav\tascript:alert(1)'],
    ['a NUL', 'https://example.com/\u0000'],
    ['a space in the host', 'http://exa mple.com/'],
    ['an overlong URL', `https://example.com/${'a'.repeat(5000)}`],
  ])('refuses %s', (_case, url) => {
    expect(safeExternalUrl(url)).toBeNull();
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it.each([undefined, null, 42, {}, ['https://example.com']])('refuses the non-string %j', (value) => {
    expect(isSafeExternalUrl(value)).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  const indexHtml = new URL('../renderer/index.html', import.meta.url);
  it.skipIf(!existsSync(indexHtml))('matches the <meta> policy in renderer/index.html', () => {
    const html = readFileSync(indexHtml, 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/u.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('withContentSecurityPolicy', () => {
  it('adds the policy and keeps the other headers', () => {
    const headers = withContentSecurityPolicy('app://shelfmark/index.html', { 'Content-Type': ['text/html'] });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('replaces a policy the response had, whatever its letter case', () => {
    const headers = withContentSecurityPolicy('https://example.com/', {
      'content-security-policy': ["default-src *; script-src 'unsafe-inline'"],
      'CONTENT-SECURITY-POLICY': ['default-src *'],
    });
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('handles a response without headers', () => {
    expect(withContentSecurityPolicy('app://shelfmark/', undefined)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('leaves DevTools alone', () => {
    const original = { 'Content-Type': ['text/html'] };
    expect(withContentSecurityPolicy('devtools://devtools/bundled/devtools_app.html', original)).toEqual(original);
  });

  it('does not modify its input', () => {
    const original = { 'content-security-policy': ['default-src *'] };
    withContentSecurityPolicy('app://shelfmark/', original);
    expect(original).toEqual({ 'content-security-policy': ['default-src *'] });
  });
});

describe('isPermissionAllowed', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'openExternal',
    'fullscreen',
    'unknown',
  ])('denies %s', (permission) => {
    expect(isPermissionAllowed(permission)).toBe(false);
  });
});
