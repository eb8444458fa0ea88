/** The desktop app's security policy as plain data and pure checks, so every rule is unit-tested on Node. */

import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy.js';

/** Longer links than this are not opened: no paper link is this long, and it keeps odd payloads away from the OS. */
const MAX_EXTERNAL_URL_LENGTH = 4096;

/**
 * The normalised form of `url` when the system browser may open it, else null: http(s) only, with a host,
 * without user name or password (`https://arxiv.org@evil.example/` is refused), and without control characters.
 */
/** Control characters and whitespace: the URL parser drops some of them silently, which hides what is opened. */
function hasControlOrSpace(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

export function safeExternalUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return null;
  if (hasControlOrSpace(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

export function isSafeExternalUrl(url: unknown): boolean {
  return safeExternalUrl(url) !== null;
}

/**
 * Whether the renderer may have a web permission (camera, notifications, clipboard read, …): none. The app needs
 * none of them. Note that this also refuses `navigator.clipboard.writeText` ('clipboard-sanitized-write');
 * copying goes through the Edit menu's roles or `document.execCommand('copy')`.
 */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}

/**
 * Response headers with the app's Content-Security-Policy, replacing any the response had (in any letter case).
 * DevTools' own pages are left alone: the policy would break them, and they are not the app.
 */
export function withContentSecurityPolicy(
  url: string,
  headers: Readonly<Record<string, readonly string[]>> | undefined,
): Record<string, string[]> {
  const entries = Object.entries(headers ?? {}).map(([name, values]): [string, string[]] => [name, [...values]]);
  if (url.startsWith('devtools:')) return Object.fromEntries(entries);
  return Object.fromEntries([
    ...entries.filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    ['Content-Security-Policy', [CONTENT_SECURITY_POLICY]],
  ]);
}
