/** A paper's identity: stable across digests, formats and re-imports. */

import { nameKey } from './person-name.js';

const NEW_STYLE_ARXIV = /^(\d{4}\.\d{4,5})(?:v\d+)?$/;
const OLD_STYLE_ARXIV = /^([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/i;

/**
 * The canonical form of an arXiv identifier, without version: "2410.12345", "hep-th/9901001".
 * Accepts "arXiv:2410.12345v2", abs/pdf URLs and bare ids; null when the text is not one.
 */
export function normalizeArxivId(raw: string): string | null {
  let text = raw.trim();
  const url = /arxiv\.org\/(?:abs|pdf)\/([^\s?#]+?)(?:\.pdf)?(?:[?#].*)?$/i.exec(text);
  if (url?.[1]) text = url[1];
  text = text.replace(/^arxiv:\s*/i, '');
  const modern = NEW_STYLE_ARXIV.exec(text);
  if (modern?.[1]) return modern[1];
  const legacy = OLD_STYLE_ARXIV.exec(text);
  if (legacy?.[1]) {
    const [archive = '', number = ''] = legacy[1].split('/');
    const [group = '', subject] = archive.split('.');
    return `${group.toLowerCase()}${subject === undefined ? '' : `.${subject.toUpperCase()}`}/${number}`;
  }
  return null;
}

/** The year an arXiv id was first submitted in: "2403.01234" → 2024, "hep-th/9901001" → 1999. */
export function arxivIdYear(arxivId: string): number | null {
  const yy = /^(\d{2})\d{2}\./.exec(arxivId)?.[1] ?? /\/(\d{2})\d{5}$/.exec(arxivId)?.[1];
  if (yy === undefined) return null;
  const year = Number(yy);
  return year >= 91 ? 1900 + year : 2000 + year;
}

/** The bytes of an ASCII title's key as it is made (normalizeTitle): one buffer, for all but the longest titles. */
const keyBytes = new Uint8Array(1024);
const asciiDecoder = new TextDecoder();

/** A title with case, spacing, punctuation, diacritics and TeX braces ignored. */
export function normalizeTitle(title: string): string {
  // Most titles are printable ASCII: nothing to decompose, and letters and digits are [a-z0-9] once lower-cased, so
  // the key is made in one pass over the title, a run of anything else one space (an import into a large library
  // normalises every title it holds). Anything else takes the whole Unicode rule.
  const length = title.length;
  // A title longer than the buffer (a hostile file's) gets a buffer of its own, not kept.
  const bytes = length <= keyBytes.length ? keyBytes : new Uint8Array(length);
  let size = 0;
  let gap = false;
  for (let at = 0; at < length; at++) {
    let code = title.charCodeAt(at);
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    else if (code < 0x20 || code > 0x7e) return normalizeUnicodeTitle(title);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      if (gap && size > 0) bytes[size++] = 0x20;
      gap = false;
      bytes[size++] = code;
    } else gap = true;
  }
  return asciiDecoder.decode(bytes.subarray(0, size));
}

function normalizeUnicodeTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The id of a paper that has no arXiv id: derived from its normalised title. */
export function titleId(title: string): string {
  return titleIdOfKey(normalizeTitle(title));
}

/** titleId of a title whose normalizeTitle is `key`. */
function titleIdOfKey(key: string): string {
  return `title-${hash53Hex(key)}`;
}

/** `titleKey`: normalizeTitle(paper.title), when the caller has it. */
export function paperIdFor(
  paper: { readonly arxivId: string | null; readonly title: string },
  titleKey?: string,
): string {
  return paper.arxivId ?? (titleKey === undefined ? titleId(paper.title) : titleIdOfKey(titleKey));
}

/**
 * The id of a work with a title another work in the library has already (whose id titleId gave): from its title,
 * its first author's family name and its year, so that the same record gets the same id whatever the order.
 */
export function workId(paper: {
  readonly title: string;
  readonly authors: readonly string[];
  readonly year: number | null;
}): string {
  const [first] = paper.authors;
  const family = first === undefined ? '' : (nameKey(first)?.family ?? '');
  const text = `${normalizeTitle(paper.title)}\n${family}\n${paper.year ?? ''}`;
  return `title-${hash53Hex(text)}`;
}

/** cyrb53: a fast, well-distributed 53-bit string hash (public domain, bryc). Not cryptographic. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const HEX_DIGITS = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

const hexDigit = (value: number, shift: number): number => HEX_DIGITS[(value >>> shift) & 15] ?? 0;

/**
 * hash53(text).toString(16).padStart(14, '0'), without the radix conversion of a 53-bit double, which took most of
 * the time of a new paper's id (an import of 100,000 papers makes 100,000).
 */
export function hash53Hex(text: string): string {
  const hash = hash53(text);
  const low = hash >>> 0;
  const high = (hash - low) / 4294967296;
  return String.fromCharCode(
    hexDigit(high, 20),
    hexDigit(high, 16),
    hexDigit(high, 12),
    hexDigit(high, 8),
    hexDigit(high, 4),
    hexDigit(high, 0),
    hexDigit(low, 28),
    hexDigit(low, 24),
    hexDigit(low, 20),
    hexDigit(low, 16),
    hexDigit(low, 12),
    hexDigit(low, 8),
    hexDigit(low, 4),
    hexDigit(low, 0),
  );
}
