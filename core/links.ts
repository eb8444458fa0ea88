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
  return isPlainHttpLink(text) || httpUrl(text) !== null;
}

/**
 * Whether `text` is an http(s) link that httpUrl would keep, told without parsing it as a URL, which is most of the
 * cost of a paper's links: false for any link it is not sure of (httpUrl then decides). Its host is plain ASCII
 * labels (letters, digits and inner hyphens, none Punycode), the last starting with a letter (so not an IPv4
 * address), ending the text or followed by "/", "?" or "#": no port, no user name. Past the host, the URL parser
 * fails on nothing but the spaces and control characters refused anyway.
 */
function isPlainHttpLink(text: string): boolean {
  if (text.length > MAX_LINK_LENGTH) return false;
  const hostStart = schemeLength(text);
  if (hostStart === 0) return false;
  let labelStart = hostStart;
  let at = hostStart;
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x2f || code === 0x3f || code === 0x23) break;
    if (code === 0x2e) {
      if (!isPlainLabel(text, labelStart, at)) return false;
      labelStart = at + 1;
    } else if (!isAsciiAlphanumeric(code) && code !== 0x2d) return false;
  }
  return (
    at - hostStart <= MAX_PLAIN_HOST_LENGTH &&
    isPlainLabel(text, labelStart, at) &&
    !isAsciiDigit(text.charCodeAt(labelStart)) &&
    !hasControlOrSpace(text)
  );
}

const MAX_PLAIN_HOST_LENGTH = 253;
const MAX_PLAIN_LABEL_LENGTH = 63;

/** 7 or 8 when the text starts with "http://" or "https://" (in any case), else 0. */
function schemeLength(text: string): number {
  if (!/^https?:\/\//i.test(text)) return 0;
  return text.charCodeAt(4) === 0x3a ? 7 : 8;
}

/** text[start, end) is a DNS label of letters, digits and hyphens, a hyphen at neither end, and not Punycode. */
function isPlainLabel(text: string, start: number, end: number): boolean {
  if (end <= start || end - start > MAX_PLAIN_LABEL_LENGTH) return false;
  if (text.charCodeAt(start) === 0x2d || text.charCodeAt(end - 1) === 0x2d) return false;
  return !(end - start >= 4 && text.charCodeAt(start + 2) === 0x2d && text.charCodeAt(start + 3) === 0x2d);
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAsciiAlphanumeric(code: number): boolean {
  const lower = code | 0x20;
  return isAsciiDigit(code) || (lower >= 0x61 && lower <= 0x7a);
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
  if (!text.includes('://')) return NO_URLS;
  const urls: string[] = [];
  // exec rather than matchAll: no iterator, and the pattern's own lastIndex (it is used nowhere else, and not
  // re-entered: nothing in the loop runs it).
  URL_PATTERN.lastIndex = 0;
  for (let match = URL_PATTERN.exec(text); match !== null; match = URL_PATTERN.exec(text)) {
    const url = unescapeUrl(trimUrl(match[0]));
    if (isUrl(url)) urls.push(url);
  }
  return urls;
}

const NO_URLS: readonly string[] = Object.freeze([]);

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
  return url.includes('\\') ? url.replace(/\\([_%#&$])/g, '$1') : url;
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
  // By code unit: a bracket is never half of a surrogate pair.
  for (let index = 0; index < url.length; index++) {
    const code = url.charCodeAt(index);
    if (code === 0x28) openParens++;
    else if (code === 0x29) closeParens++;
    else if (code === 0x5b) openBrackets++;
    else if (code === 0x5d) closeBrackets++;
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
  const trimmed = raw.trim();
  // Most are written bare, with no escape nor prefix to take off: a bibliography's every entry comes here.
  const doi =
    trimmed.startsWith('10.') && !trimmed.includes('\\')
      ? trimmed
      : trimmed
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
  const links: string[] = [];
  // The keys of the links kept, beside them: a paper has a few links, too few for a Set to pay.
  const keys: string[] = [];
  if (arxivId !== null) keepLink(arxivAbsUrl(arxivId), links, keys);
  for (const url of urls) if (url !== null) keepLink(url, links, keys);
  return links;
}

function keepLink(url: string, links: string[], keys: string[]): void {
  // The same link again is passed over before it is parsed as a URL: a BibTeX entry gives its DOI's link twice,
  // most often as written the same, when even its key need not be made.
  if (links.includes(url)) return;
  const key = linkKey(url);
  if (keys.includes(key) || !isHttpLink(url)) return;
  keys.push(key);
  links.push(url);
}

function linkKey(url: string): string {
  if (ARXIV_LINK.test(url)) {
    const id = normalizeArxivId(url);
    if (id !== null) return `arxiv:${id}`;
  }
  const hostStart = schemeLength(url);
  if (DOI_LINK.test(url)) {
    // After "doi.org/" or "dx.doi.org/" ("doi" has no "x").
    const doiStart = hostStart + ((url.charCodeAt(hostStart + 1) | 0x20) === 0x78 ? 11 : 8);
    return `doi:${url.slice(doiStart).toLowerCase()}`;
  }
  let hostEnd = hostStart;
  while (hostEnd < url.length && !HOST_END.has(url.charCodeAt(hostEnd))) hostEnd++;
  // Only an http(s) link's host is lower-cased (hostStart 0: no scheme), as a key of any other is never kept.
  const key =
    hostStart > 0 && hostEnd > hostStart
      ? `//${url.slice(hostStart, hostEnd).toLowerCase()}${url.slice(hostEnd)}`
      : url;
  return key.endsWith('/') ? key.replace(/\/+$/, '') : key;
}

const ARXIV_LINK = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i;
const DOI_LINK = /^https?:\/\/(?:dx\.)?doi\.org\/.+$/i;
/** "/", "?", "#". */
const HOST_END = new Set([0x2f, 0x3f, 0x23]);
