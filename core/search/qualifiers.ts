/** `tag:` and `is:` qualifiers: which documents pass them. */

import type { ReadingStatus } from '../model.js';
import type { ParsedQuery, SearchDocument } from './types.js';

/** Tags compare case-insensitively, and with whitespace as the hyphen a stored tag has instead. */
export function tagKey(tag: string): string {
  return tag.trim().replace(/\s+/gu, '-').normalize('NFC').toLowerCase();
}

export interface Qualifiers {
  readonly tagKeys: readonly string[];
  readonly statuses: ReadonlySet<ReadingStatus>;
}

export function qualifiersOf(query: ParsedQuery): Qualifiers {
  return { tagKeys: query.tags.map(tagKey), statuses: new Set(query.statuses) };
}

export function passesQualifiers(
  qualifiers: Qualifiers,
  document: SearchDocument,
  documentTagKeys: readonly string[],
): boolean {
  if (qualifiers.statuses.size > 0 && !qualifiers.statuses.has(document.status)) return false;
  for (const wanted of qualifiers.tagKeys) if (!documentTagKeys.includes(wanted)) return false;
  return true;
}
