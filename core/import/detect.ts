/** Which kind of digest a text is: by what it says, with the file's extension only to break a tie. */

import type { DigestFormat } from '../model.js';
import { looksLikeArxivEmail } from './arxiv-email.js';
import { looksLikeArxivIdList } from './arxiv-ids.js';
import { looksLikeBibtex } from './bibtex.js';
import { isHfDailyJson } from './hf-daily-json.js';
import { looksLikeHfDailyText } from './hf-daily-text.js';
import { isShelfmarkLibrary } from './shelfmark-json.js';
import type { ParsedJson } from './json.js';

const FORMATS_BY_EXTENSION: Readonly<Record<string, readonly DigestFormat[]>> = {
  bib: ['bibtex'],
  bibtex: ['bibtex'],
  json: ['shelfmark-json', 'hf-daily-json'],
  eml: ['arxiv-email'],
  txt: ['hf-daily-text', 'arxiv-email'],
};

/** `json`: the text parsed as JSON, when the caller has done it (null when it is not valid JSON). */
export function detectFormat(
  text: string,
  fileName: string,
  json: ParsedJson | null = parseJsonText(text),
): DigestFormat | null {
  const candidates = formatsByContent(text, json);
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  // Own keys only: a file named "refs.constructor" has no expected format.
  const expected = Object.hasOwn(FORMATS_BY_EXTENSION, extension) ? (FORMATS_BY_EXTENSION[extension] ?? []) : [];
  return candidates.find((format) => expected.includes(format)) ?? candidates[0] ?? null;
}

/** Every format the text could be, most telling first. */
function formatsByContent(text: string, json: ParsedJson | null): readonly DigestFormat[] {
  if (/^\s*[[{]/.test(text)) {
    const formats = jsonFormats(text, json);
    if (formats.length > 0) return formats;
  }
  // Strict (every line only ids and links): no other format's text passes it.
  if (looksLikeArxivIdList(text)) return ['arxiv-ids'];
  const formats: DigestFormat[] = [];
  if (looksLikeArxivEmail(text)) formats.push('arxiv-email');
  if (looksLikeBibtex(text)) formats.push('bibtex');
  if (looksLikeHfDailyText(text)) formats.push('hf-daily-text');
  return formats;
}

/** The text as JSON when it looks like JSON and is valid, else null. */
export function parseJsonText(text: string): ParsedJson | null {
  if (!/^\s*[[{]/.test(text)) return null;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}

function jsonFormats(text: string, json: ParsedJson | null): readonly DigestFormat[] {
  if (json === null) {
    // Damaged JSON that is still recognisable goes to its parser, which says what is wrong with it.
    if (/"format"\s*:\s*"shelfmark-library"/.test(text)) return ['shelfmark-json'];
    if (/"paper"\s*:\s*\{/.test(text)) return ['hf-daily-json'];
    return [];
  }
  if (isShelfmarkLibrary(json.value)) return ['shelfmark-json'];
  if (isHfDailyJson(json.value)) return ['hf-daily-json'];
  return [];
}
