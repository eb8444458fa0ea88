/** Which kind of digest a text is: by what it says, with the file's extension only to break a tie. */

import type { DigestFormat } from '../model.js';
import { looksLikeArxivEmail } from './arxiv-email.js';
import { looksLikeBibtex } from './bibtex.js';
import { isHfDailyJson } from './hf-daily-json.js';
import { looksLikeHfDailyText } from './hf-daily-text.js';
import { isShelfmarkLibrary } from './shelfmark-json.js';

const FORMATS_BY_EXTENSION: Readonly<Record<string, readonly DigestFormat[]>> = {
  bib: ['bibtex'],
  bibtex: ['bibtex'],
  json: ['shelfmark-json', 'hf-daily-json'],
  eml: ['arxiv-email'],
  txt: ['hf-daily-text', 'arxiv-email'],
};

export function detectFormat(text: string, fileName: string): DigestFormat | null {
  const candidates = formatsByContent(text);
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  // Own keys only: a file named "refs.constructor" has no expected format.
  const expected = Object.hasOwn(FORMATS_BY_EXTENSION, extension) ? (FORMATS_BY_EXTENSION[extension] ?? []) : [];
  return candidates.find((format) => expected.includes(format)) ?? candidates[0] ?? null;
}

/** Every format the text could be, most telling first. */
function formatsByContent(text: string): readonly DigestFormat[] {
  if (/^\s*[[{]/.test(text)) {
    const json = jsonFormats(text);
    if (json.length > 0) return json;
  }
  const formats: DigestFormat[] = [];
  if (looksLikeArxivEmail(text)) formats.push('arxiv-email');
  if (looksLikeBibtex(text)) formats.push('bibtex');
  if (looksLikeHfDailyText(text)) formats.push('hf-daily-text');
  return formats;
}

function jsonFormats(text: string): readonly DigestFormat[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Damaged JSON that is still recognisable goes to its parser, which says what is wrong with it.
    if (/"format"\s*:\s*"shelfmark-library"/.test(text)) return ['shelfmark-json'];
    if (/"paper"\s*:\s*\{/.test(text)) return ['hf-daily-json'];
    return [];
  }
  if (isShelfmarkLibrary(value)) return ['shelfmark-json'];
  if (isHfDailyJson(value)) return ['hf-daily-json'];
  return [];
}
