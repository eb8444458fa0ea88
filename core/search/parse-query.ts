/** What the user typed in the search box, read as words and qualifiers. */

import { isTriageStatus, type TriageStatus } from '../triage.js';
import type { ParsedQuery } from './types.js';

const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Whitespace-separated pieces; a double-quoted stretch (closed or still being typed) stays within one piece. */
function pieces(text: string): string[] {
  const found: string[] = [];
  let piece = '';
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    if (!quoted && /\s/u.test(character)) {
      if (piece !== '') found.push(piece);
      piece = '';
    } else {
      piece += character;
    }
  }
  if (piece !== '') found.push(piece);
  return found;
}

const unquote = (text: string): string => text.replaceAll('"', ' ').replace(/\s+/gu, ' ').trim();

/**
 * `tag:NAME` (case-insensitive; every one required), `is:unread|reading|read|snoozed|dismissed` (any one of them), "a quoted phrase"
 * as one word, and anything else, `foo:bar` included, as an ordinary word. Pieces with no letter or digit are
 * dropped, and so is a qualifier with nothing after its colon yet.
 */
export function parseQuery(text: string): ParsedQuery {
  const words: string[] = [];
  const tags: string[] = [];
  const statuses: TriageStatus[] = [];
  for (const piece of pieces(text)) {
    const qualifier = /^(tag|is):(.*)$/isu.exec(piece);
    const key = qualifier?.[1]?.toLowerCase();
    const value = unquote(qualifier?.[2] ?? '');
    if (key !== undefined && value === '') continue;
    if (key === 'tag') {
      if (!tags.some((tag) => tag.toLowerCase() === value.toLowerCase())) tags.push(value);
      continue;
    }
    const status = value.toLowerCase();
    if (key === 'is' && isTriageStatus(status)) {
      if (!statuses.includes(status)) statuses.push(status);
      continue;
    }
    const word = unquote(piece);
    if (HAS_WORD_CHARACTER.test(word)) words.push(word);
  }
  return { words, tags, statuses };
}
