/**
 * Who may talk to the browser-mode server: only a page that was opened with this launch's token, addressed to
 * the server by its loopback name (no DNS rebinding) and sent from the server's own origin (no other web page).
 */

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Scripts and tests may send the token in this header instead of the cookie. */
export const TOKEN_HEADER = 'x-shelfmark-token';
export const TOKEN_QUERY_PARAMETER = 'token';

/** 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Cookies ignore ports, so each server names its own: two launches on different ports keep their sessions apart. */
export function tokenCookieName(port: number): string {
  return `shelfmark-token-${port}`;
}

export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Constant time whatever the inputs, their lengths included. */
export function sameToken(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export interface AccessRequest {
  readonly method: string;
  /** The request target as sent: a path with its query. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

export interface AccessPolicy {
  readonly port: number;
  readonly token: string;
}

export type AccessDecision =
  | { readonly kind: 'allow' }
  /** The address the user opened carries the right token: set the cookie and go to "/", out of the address bar. */
  | { readonly kind: 'sign-in' }
  | { readonly kind: 'refuse'; readonly reason: string };

export function allowedHosts(port: number): readonly string[] {
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

  const offered = queryOf(request.url).get(TOKEN_QUERY_PARAMETER);
  if (offered !== null && (request.method === 'GET' || request.method === 'HEAD')) {
    if (!sameToken(offered, policy.token)) {
      return { kind: 'refuse', reason: `The token in the address is wrong. ${OPEN_PRINTED_ADDRESS}` };
    }
    return { kind: 'sign-in' };
  }

  const header = request.headers[TOKEN_HEADER];
  if (typeof header === 'string' && sameToken(header, policy.token)) return { kind: 'allow' };
  const cookies = cookieValues(request.headers.cookie, tokenCookieName(policy.port));
  if (cookies.some((value) => sameToken(value, policy.token))) return { kind: 'allow' };
  return { kind: 'refuse', reason: `This page has no valid token. ${OPEN_PRINTED_ADDRESS}` };
}

export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function queryOf(url: string): URLSearchParams {
  const query = url.indexOf('?');
  return new URLSearchParams(query === -1 ? '' : url.slice(query + 1));
}

/** Every value of the cookie `name` in a Cookie header (a stale one may sit beside the fresh one). */
export function cookieValues(header: string | undefined, name: string): readonly string[] {
  if (header === undefined) return [];
  return header
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${name}=`))
    .map((pair) => pair.slice(name.length + 1));
}
