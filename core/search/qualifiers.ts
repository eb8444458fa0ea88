/** `tag:` and `is:` qualifiers: which documents pass them. */

import { triageStatusOf, type TriageStatus } from '../triage.js';
import type { ParsedQuery, SearchDocument } from './types.js';

/** Tags compare case-insensitively, and with whitespace as the hyphen a stored tag has instead. */
export function tagKey(tag: string): string {
  return tag.trim().replace(/\s+/gu, '-').normalize('NFC').toLowerCase();
}

export interface Qualifiers {
  readonly tagKeys: readonly string[];
  readonly statuses: ReadonlySet<TriageStatus>;
  /** See SearchOptions.today. */
  readonly today: string | null;
}

export function qualifiersOf(query: ParsedQuery, today: string | null = null): Qualifiers {
  return { tagKeys: query.tags.map(tagKey), statuses: new Set(query.statuses), today };
}

export function passesQualifiers(
  qualifiers: Qualifiers,
  document: SearchDocument,
  documentTagKeys: readonly string[],
): boolean {
  if (qualifiers.statuses.size > 0 && !qualifiers.statuses.has(triageStatusOf(document, qualifiers.today))) {
    return false;
  }
  for (const wanted of qualifiers.tagKeys) if (!documentTagKeys.includes(wanted)) return false;
  return true;
}
