/**
 * One GET to a web API, as Shelfmark makes every one: a time limit, another try with back-off when the server is
 * busy or failing (5xx, 429; its Retry-After is honoured), and failures said in words that name the server
 * ("Could not reach export.arxiv.org: the connection was refused"). Cancellable at any point.
 */

import { CancelledError, NetworkError } from '../../core/errors.js';
import { throwIfCancelled, type Clock } from './clock.js';

export interface HttpAnswer {
  readonly status: number;
  readonly text: string;
}

export interface HttpGetOptions {
  readonly fetch: typeof fetch;
  readonly clock: Clock;
  /** How long one try may take, answer and body, before it counts as failed. */
  readonly timeoutMs: number;
  /** Tries after the first, for a busy or failing server. */
  readonly retries: number;
  readonly signal?: AbortSignal;
  /** Awaited before each try: a Pacer's turn. */
  readonly beforeEachTry?: () => Promise<void>;
  /** Told, in words, when a try failed and another follows. */
  readonly onRetry?: (message: string) => void;
  readonly accept?: string;
}

/** The first wait before another try; each further wait doubles it. */
const FIRST_BACK_OFF_MS = 2_000;
/** A server that asks for a longer wait than this is not waited for: the user is told to try later. */
const MAX_WAIT_MS = 120_000;
const USER_AGENT = 'Shelfmark/0.1 (a reading list for research papers; https://github.com/shelfmark-app/shelfmark)';

const seconds = (ms: number): string => `${Math.ceil(ms / 1000).toLocaleString('en')} s`;

/** A retryable failure of one try: the answer a busy server gave, or no answer within the time limit. */
interface Busy {
  readonly busy: string;
  readonly waitMs: number | null;
}

/**
 * The server's answer, whatever its status but 5xx and 429, which are tried again and then reported as a
 * NetworkError. Throws a NetworkError when the server cannot be reached, and a CancelledError once `signal` aborts.
 */
export async function httpGet(url: string, options: HttpGetOptions): Promise<HttpAnswer> {
  const host = new URL(url).host;
  for (let attempt = 0; ; attempt++) {
    throwIfCancelled(options.signal);
    await options.beforeEachTry?.();
    const outcome = await tryOnce(url, host, options);
    if (!('busy' in outcome)) return outcome;
    const wait = outcome.waitMs ?? FIRST_BACK_OFF_MS * 2 ** attempt;
    if (attempt >= options.retries) {
      throw new NetworkError(`${host} ${outcome.busy}, ${attempt + 1} times; try again later.`);
    }
    if (wait > MAX_WAIT_MS) {
      throw new NetworkError(`${host} ${outcome.busy} and asks to wait ${seconds(wait)}; try again later.`);
    }
    options.onRetry?.(`${host} ${outcome.busy}; trying again in ${seconds(wait)}`);
    await options.clock.sleep(wait, options.signal);
  }
}

async function tryOnce(url: string, host: string, options: HttpGetOptions): Promise<HttpAnswer | Busy> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
  const signal = options.signal === undefined ? timeout.signal : AbortSignal.any([options.signal, timeout.signal]);
  try {
    const response = await options.fetch(url, {
      signal,
      headers: { Accept: options.accept ?? '*/*', 'User-Agent': USER_AGENT },
      redirect: 'follow',
    });
    const text = await response.text();
    const { status } = response;
    if (status === 429 || status >= 500) {
      const said = response.statusText === '' ? '' : ` ${response.statusText}`;
      return {
        busy: status === 429 ? `answered ${status}${said} (too many requests)` : `answered ${status}${said}`,
        waitMs: retryAfterMs(response.headers.get('retry-after')),
      };
    }
    return { status, text };
  } catch (error) {
    if (options.signal?.aborted === true) throw new CancelledError();
    if (timeout.signal.aborted) return { busy: `did not answer within ${seconds(options.timeoutMs)}`, waitMs: null };
    throw new NetworkError(`Could not reach ${host}: ${failureInWords(error)}.`);
  } finally {
    clearTimeout(timer);
  }
}

/** Retry-After as milliseconds to wait: seconds, or an HTTP date; null when absent or unreadable. */
function retryAfterMs(value: string | null): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const when = Date.parse(text);
  return Number.isNaN(when) ? null : Math.max(0, when - Date.now());
}

const ERROR_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'its name could not be found (no network, or no such server)',
  EAI_AGAIN: 'its name could not be looked up (no network?)',
  ETIMEDOUT: 'the connection timed out',
  ENETUNREACH: 'the network is unreachable',
  EHOSTUNREACH: 'the server is unreachable',
  UND_ERR_SOCKET: 'the connection closed before the answer was whole',
  CERT_HAS_EXPIRED: 'its certificate has expired',
};

/** What fetch's "fetch failed" was, from the error it gives as its cause. */
function failureInWords(error: unknown): string {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = codeOf(cause) ?? (cause instanceof AggregateError ? codeOf(cause.errors[0]) : null);
  if (code !== null) return Object.hasOwn(ERROR_WORDS, code) ? `${ERROR_WORDS[code] ?? code} (${code})` : code;
  return cause instanceof Error ? cause.message : String(cause);
}

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}
