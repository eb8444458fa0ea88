/**
 * What a JSON file that is no format Shelfmark reads holds, in words: "a list of 26 strings, not of paper
 * objects". Pure.
 */

import { quoteForMessage } from '../terminal-text.js';
import { isRecord, type ParsedJson } from './json.js';

const EXPECTED =
  'Shelfmark reads Hugging Face Daily Papers JSON (a list of entries, each with a “paper” object, as ' +
  'huggingface.co/api/daily_papers gives it) and Shelfmark’s own JSON export';

/** How many of an object's keys a message names. */
const KEYS_NAMED = 6;

/**
 * Why a text of no known format is not one, when it is JSON or starts like it: what the JSON holds, or where it
 * stops being JSON. Null for any other text. `json`: the text parsed, null when it is not valid JSON.
 */
export function unrecognisedJsonMessage(text: string, json: ParsedJson | null): string | null {
  if (json !== null) return `it is JSON, but ${describeJson(json.value)}; ${EXPECTED}`;
  if (!/^\s*[[{]/.test(text)) return null;
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/[\s\p{Cc}]+/gu, ' ') : String(error);
    return `it starts like JSON but is not valid JSON (${quoteForMessage(reason, 300)}); ${EXPECTED}`;
  }
}

/** The top of a JSON value's shape, as a noun phrase: "a list of 3 objects and 2 strings". */
export function describeJson(value: unknown): string {
  if (Array.isArray(value)) return describeList(value as readonly unknown[]);
  if (isRecord(value)) return describeObject(value);
  return `a single ${kindName(kindOf(value))}`;
}

function describeList(list: readonly unknown[]): string {
  if (list.length === 0) return 'an empty list';
  const counts = new Map<Kind, number>();
  for (const item of list) counts.set(kindOf(item), (counts.get(kindOf(item)) ?? 0) + 1);
  const parts = [...counts].map(([kind, count]) => `${count.toLocaleString('en')} ${kindName(kind, count)}`);
  const of = `a list of ${joinWords(parts)}`;
  const [first] = list;
  if (counts.size === 1 && typeof first === 'string') return `${of}, not of paper objects${stringHint(first)}`;
  if (counts.has('object')) {
    const sample = list.find(isRecord) ?? {};
    return `${of}, none with a “paper” object in it (the first object’s keys: ${keyList(sample)})`;
  }
  return `${of}, not of paper objects`;
}

function describeObject(object: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(object);
  if (keys.length === 0) return 'an empty object';
  const lists = Object.entries(object).filter(([, value]) => Array.isArray(value));
  const described = lists.map(([key, list]) => `its “${quoteForMessage(key)}” is ${describeJson(list)}`);
  const withKeys = `an object with the keys ${keyList(object)}`;
  return described.length === 0 ? `${withKeys}, and no list in it` : `${withKeys}; ${described.join('; ')}`;
}

/** What the strings of a list of strings hold, when it tells how the file came to be so. */
function stringHint(text: string): string {
  const start = text.trimStart();
  if (/^[{[]/.test(start) && isJsonContainer(start)) {
    return ': each string holds JSON text, so the list was encoded as JSON twice; save the entries themselves';
  }
  if (/^\{\s*'/.test(start) || /^\{.*\b(?:None|True|False)\b/s.test(start)) {
    return (
      `: they are Python dictionaries printed as text (repr or str), such as “${quoteForMessage(start, 40)}”; ` +
      'save the entries as JSON (json.dump) instead'
    );
  }
  return '';
}

function isJsonContainer(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

function keyList(object: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(object);
  if (keys.length === 0) return '(none)';
  const named = keys.slice(0, KEYS_NAMED).map((key) => quoteForMessage(key, 40));
  return keys.length > KEYS_NAMED ? `${named.join(', ')} and ${keys.length - KEYS_NAMED} more` : named.join(', ');
}

type Kind = 'object' | 'list' | 'string' | 'number' | 'boolean' | 'null';

const KIND_NAMES: Readonly<Record<Kind, readonly [one: string, many: string]>> = {
  object: ['object', 'objects'],
  list: ['list', 'lists'],
  string: ['string', 'strings'],
  number: ['number', 'numbers'],
  boolean: ['true/false value', 'true/false values'],
  null: ['null', 'nulls'],
};

function kindOf(value: unknown): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'object';
}

function kindName(kind: Kind, count = 1): string {
  return KIND_NAMES[kind][count === 1 ? 0 : 1];
}

function joinWords(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}
