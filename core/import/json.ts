/** JSON a digest file holds: parsed once, and read field by field without trusting its shape. Pure. */

import { quoteForMessage } from '../terminal-text.js';
import { DigestError } from './types.js';

/** JSON a caller has parsed already (format detection does), so that a large file is parsed once. */
export interface ParsedJson {
  readonly value: unknown;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail =
      error instanceof Error ? ` (${quoteForMessage(error.message.replace(/[\s\p{Cc}]+/gu, ' '), 300)})` : '';
    throw new DigestError(`it is not valid JSON${detail}`);
  }
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The trimmed string, or null when the value is not a string or holds only whitespace. */
export function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
