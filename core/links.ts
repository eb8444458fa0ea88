/**
 * The one rule for links, wherever Shelfmark meets one: what an import keeps, what a note or the detail pane
 * shows as a link, and what the desktop app hands to the system browser; and how digests write links: URLs in
 * running text, DOIs, arXiv pages, and when two links are the same. Pure.
 */

import { normalizeArxivId } from './identity.js';

/** Longer links than this are refused: no paper link is this long, and it keeps odd payloads away from the OS. */
export const MAX_LINK_LENGTH = 4096;

/** Control characters and whitespace: the URL parser drops some of them silently, which hides what is opened. */
function hasControlOrSpace(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/**
 * The normalised form of `text` when it is a link Shelfmark accepts, else null: an absolute http(s) URL with a
 * host, without user name or password (`https://arxiv.org@evil.example/` is refused), and with nothing around or
 * inside it that is a space or a control character.
 */
export function httpUrl(text: string): string | null {
  if (text.length > MAX_LINK_LENGTH || !/^https?:\/\//i.test(text) || hasControlOrSpace(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

export function isHttpLink(text: string): boolean {
  return httpUrl(text) !== null;
}

// ---------------------------------------------------------------- links in digests

const URL_SOURCE = String.raw`https?:\/\/[^\s<>"{}|^\`\u3000-\u303f\uff00-\uffef]+`;
const URL_PATTERN = new RegExp(URL_SOURCE, 'gi');
const URL_AT = new RegExp(URL_SOURCE, 'iy');
/** How every URL isUrl accepts starts; trimUrl never takes that letter or digit off. */
const URL_START = /https?:\/\/[\p{L}\p{N}]/iuy;
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '\\']);

/** Every http(s) URL in the text, in order, without the punctuation of the sentence around it. */
export function extractUrls(text: string): readonly string[] {
  // A quick look first: most text (a whole abstract) has no URL, and the pattern is slower to run over it.
  if (!text.includes('://')) return [];
  const urls: string[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = unescapeUrl(trimUrl(match[0]));
    if (isUrl(url)) urls.push(url);
  }
  return urls;
}

/**
 * The URL (as written, sentence punctuation excluded) that starts at `pos`, or null. Its start is checked
 * first: matching on to the end of a URL that isUrl then refuses would take quadratic time in a run like
 * "http://)http://)…", where the decoder tries again at every "h".
 */
export function urlAt(text: string, pos: number): string | null {
  URL_START.lastIndex = pos;
  if (!URL_START.test(text)) return null;
  URL_AT.lastIndex = pos;
  const match = URL_AT.exec(text);
  const url = match === null ? null : trimUrl(match[0]);
  return url !== null && isUrl(url) ? url : null;
}

function isUrl(text: string): boolean {
  return /^https?:\/\/[\p{L}\p{N}]/iu.test(text);
}

/** TeX sources escape a few URL characters: `\_`, `\%`, `\#`, `\&`. */
export function unescapeUrl(url: string): string {
  return url.replace(/\\([_%#&$])/g, '$1');
}

/**
 * The URL without the sentence punctuation after it, nor closing brackets that close nothing in it
 * ("(see https://example.org/a_(b))." keeps one ")"). The brackets are counted once, then kept count of
 * as the end is trimmed: linear in the URL, however many brackets follow it.
 */
function trimUrl(url: string): string {
  let openParens = 0;
  let closeParens = 0;
  let openBrackets = 0;
  let closeBrackets = 0;
  for (const ch of url) {
    if (ch === '(') openParens++;
    else if (ch === ')') closeParens++;
    else if (ch === '[') openBrackets++;
    else if (ch === ']') closeBrackets++;
  }
  let end = url.length;
  for (;;) {
    const last = url[end - 1] ?? '';
    if (last === ')' && openParens < closeParens) closeParens--;
    else if (last === ']' && openBrackets < closeBrackets) closeBrackets--;
    else if (!TRAILING_PUNCTUATION.has(last)) return url.slice(0, end);
    end--;
  }
}

function arxivAbsUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${arxivId}`;
}

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}

/** A DOI ("10.1234/abc") from a bare DOI, "doi:…" or a doi.org URL; null when it is not one. */
export function normalizeDoi(raw: string): string | null {
  const doi = raw
    .trim()
    .replace(/\\([_%#&])/g, '$1')
    .replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '');
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : null;
}

/**
 * A paper's links: its arXiv page first, then the others in order, without duplicates, and only links Shelfmark
 * keeps (isHttpLink). Two links are the same when they name the same arXiv paper or DOI, or differ only in
 * scheme or a trailing "/".
 */
export function paperLinks(arxivId: string | null, urls: readonly (string | null)[]): readonly string[] {
  const seen = new Set<string>();
  const links: string[] = [];
  for (const url of [arxivId === null ? null : arxivAbsUrl(arxivId), ...urls]) {
    if (url === null) continue;
    // The same link again is passed over before it is parsed as a URL: a BibTeX entry gives its DOI's link twice.
    const key = linkKey(url);
    if (seen.has(key) || !isHttpLink(url)) continue;
    seen.add(key);
    links.push(url);
  }
  return links;
}

function linkKey(url: string): string {
  if (/^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i.test(url)) {
    const id = normalizeArxivId(url);
    if (id !== null) return `arxiv:${id}`;
  }
  const doi = /^https?:\/\/(?:dx\.)?doi\.org\/(.+)$/i.exec(url)?.[1];
  if (doi !== undefined) return `doi:${doi.toLowerCase()}`;
  return url.replace(/^https?:\/\/([^/?#]+)/i, (_, host: string) => `//${host.toLowerCase()}`).replace(/\/+$/, '');
}
