/** The desktop app's security policy as plain data and pure checks, so every rule is unit-tested on Node. */

import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy.js';
import { httpUrl } from '../core/links.js';

/** The normalised form of `url` when the system browser may open it, else null (see core/links.ts). */
export function safeExternalUrl(url: unknown): string | null {
  return typeof url === 'string' ? httpUrl(url) : null;
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
