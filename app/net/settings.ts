/** Where Shelfmark's web APIs are, and how it talks to them: what the shell's network calls share. */

import { InvalidInputError } from '../../core/errors.js';
import { realClock, type Clock } from './clock.js';
import { Pacer } from './pacer.js';

const DEFAULT_ARXIV_API = 'https://export.arxiv.org/api/query';
const DEFAULT_HF_API = 'https://huggingface.co/api';

/** The arXiv API's terms: no more than one request every three seconds. */
const ARXIV_INTERVAL_MS = 3_000;
/** Hugging Face asks for nothing; a second between days is polite. */
const HF_INTERVAL_MS = 1_000;

export interface NetworkSettings {
  /** The arXiv API's query URL ($SHELFMARK_ARXIV_API). */
  readonly arxivApi: string;
  /** The Hugging Face API's base URL ($SHELFMARK_HF_API), without a trailing slash. */
  readonly hfApi: string;
  readonly fetch: typeof fetch;
  readonly clock: Clock;
  /** How long one request may take. */
  readonly timeoutMs: number;
  /** Tries after the first, for a busy or failing server. */
  readonly retries: number;
  readonly arxivPacer: Pacer;
  readonly hfPacer: Pacer;
}

/** What a test or a front end may choose; the rest comes from the environment and the defaults. */
export type NetworkOverrides = Partial<Pick<NetworkSettings, 'fetch' | 'clock' | 'timeoutMs' | 'retries'>>;

/** One pair of pacers a clock: every request of the process to a service is paced together. */
const pacersByClock = new WeakMap<Clock, { readonly arxiv: Pacer; readonly hf: Pacer }>();

function pacersFor(clock: Clock): { readonly arxiv: Pacer; readonly hf: Pacer } {
  let pacers = pacersByClock.get(clock);
  if (pacers === undefined) {
    pacers = { arxiv: new Pacer(ARXIV_INTERVAL_MS, clock), hf: new Pacer(HF_INTERVAL_MS, clock) };
    pacersByClock.set(clock, pacers);
  }
  return pacers;
}

export function networkSettings(env: NodeJS.ProcessEnv, overrides: NetworkOverrides = {}): NetworkSettings {
  const clock = overrides.clock ?? realClock;
  const pacers = pacersFor(clock);
  return {
    arxivApi: nonEmpty(env['SHELFMARK_ARXIV_API']) ?? DEFAULT_ARXIV_API,
    hfApi: (nonEmpty(env['SHELFMARK_HF_API']) ?? DEFAULT_HF_API).replace(/\/+$/, ''),
    fetch: overrides.fetch ?? ((input, init) => fetch(input, init)),
    clock,
    timeoutMs: overrides.timeoutMs ?? 20_000,
    retries: overrides.retries ?? 3,
    arxivPacer: pacers.arxiv,
    hfPacer: pacers.hf,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * `base` as a URL to build requests on; an InvalidInputError naming the variable that set it when it is not an
 * http(s) URL.
 */
export function apiUrl(base: string, variable: string): URL {
  let url: URL | null;
  try {
    url = new URL(base);
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InvalidInputError(`${variable} must be an http(s) URL; it is "${base}".`);
  }
  return url;
}
