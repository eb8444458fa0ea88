/**
 * Who may talk to the browser-mode server: requests addressed to it by its loopback name (no DNS rebinding) and
 * sent from its own origin (no other web page); API calls must also carry this launch's token in a header. The
 * page's own files are not secret and need no token.
 */

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { TOKEN_HEADER } from '../../core/web-token.js';
import { API_PREFIX } from './api-route.js';

/** 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant time whatever the inputs, their lengths included. */
function sameToken(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export interface AccessRequest {
  /** The request target as sent: a path with its query. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

export interface AccessPolicy {
  readonly port: number;
  readonly token: string;
}

export type AccessDecision = { readonly kind: 'allow' } | { readonly kind: 'refuse'; readonly reason: string };

function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

const OPEN_PRINTED_ADDRESS =
  'Open the address Shelfmark printed when it started (it carries a token that changes with every launch).';

export function decideAccess(request: AccessRequest, policy: AccessPolicy): AccessDecision {
  const host = request.headers.host?.toLowerCase();
  if (host === undefined || !allowedHosts(policy.port).includes(host)) {
    return {
      kind: 'refuse',
      reason: `Shelfmark answers only requests addressed to ${allowedHosts(policy.port).join(' or ')}.`,
    };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) {
    return { kind: 'refuse', reason: 'Shelfmark answers only its own pages, not requests from other web pages.' };
  }
  if (!pathOf(request.url).startsWith(API_PREFIX)) return { kind: 'allow' };
  const header = request.headers[TOKEN_HEADER];
  if (typeof header === 'string' && sameToken(header, policy.token)) return { kind: 'allow' };
  return { kind: 'refuse', reason: `This page has no valid token. ${OPEN_PRINTED_ADDRESS}` };
}

export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** Cookies earlier versions kept the token in, one per port: `shelfmark-token-53123`. */
const OLD_TOKEN_COOKIE = /^shelfmark-token-\d{1,5}$/;

/**
 * Set-Cookie values that make the browser forget the token cookies earlier versions set, one for each the request
 * carried: until then, the browser hands them to every server on 127.0.0.1.
 */
export function oldTokenCookieRemovals(header: string | undefined): readonly string[] {
  if (header === undefined) return [];
  const names = header
    .split(';')
    .map((pair) => pair.trim().split('=')[0] ?? '')
    .filter((name) => OLD_TOKEN_COOKIE.test(name));
  return [...new Set(names)].map((name) => `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`);
}
