/** Changes to a paper's reading state: pure, each returning the new state (or the same one when nothing changes). */

import { isDay } from './days.js';
import { InvalidInputError } from './errors.js';
import { DEFAULT_READING_STATE, type ReadingState, type ReadingStatus } from './model.js';
import { quoteForMessage } from './terminal-text.js';

export const MAX_TAG_LENGTH = 64;
export const MAX_NOTE_LENGTH = 1_000_000;

/** A tag as stored: trimmed, inner whitespace as single hyphens. Throws for an empty or unreasonable tag. */
export function normalizeTag(raw: string): string {
  const tag = raw.trim().replace(/\s+/g, '-');
  if (tag === '') throw new InvalidInputError('A tag cannot be empty.');
  if (tag.length > MAX_TAG_LENGTH) {
    throw new InvalidInputError(`A tag can be at most ${MAX_TAG_LENGTH} characters long.`);
  }
  if (/[\p{Cc}\p{Cf},]/u.test(tag)) {
    // Quoted with its control characters as escapes: they are what is wrong with it, and must not act in the message.
    throw new InvalidInputError(
      `The tag "${quoteForMessage(tag, MAX_TAG_LENGTH)}" has a comma or a control character; tags cannot.`,
    );
  }
  return tag;
}

const sameTag = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

function base(state: ReadingState | undefined): Omit<ReadingState, 'updatedAt'> {
  return state ?? DEFAULT_READING_STATE;
}

/** `state` without a snooze: any decision on a paper ends its snooze, and with it the mark of one come back. */
function withoutSnooze<T extends Omit<ReadingState, 'updatedAt'>>(state: T): T {
  if (state.snoozedUntil === undefined) return state;
  const record: { -readonly [K in keyof T]: T[K] } = { ...state };
  delete record.snoozedUntil;
  return record;
}

/** A new status; setting a snoozed (or returned) paper's status to unread undoes its snooze. */
export function setStatus(
  state: ReadingState | undefined,
  status: ReadingStatus,
  now: string,
): ReadingState | undefined {
  const current = base(state);
  if (current.status === status && current.snoozedUntil === undefined) return state;
  return { ...withoutSnooze(current), status, readAt: status === 'read' ? now : null, updatedAt: now };
}

/**
 * Snoozes the paper ("later") until `until` (YYYY-MM-DD): it is unread, and hidden from Unread until that day.
 * Throws InvalidInputError for a day that does not exist; whether it is still to come is the caller's to say.
 */
export function snooze(state: ReadingState | undefined, until: string, now: string): ReadingState | undefined {
  if (!isDay(until)) throw new InvalidInputError(`"${until}" is not a day: write it YYYY-MM-DD.`);
  const current = base(state);
  if (current.status === 'unread' && current.snoozedUntil === until) return state;
  return { ...current, status: 'unread', readAt: null, snoozedUntil: until, updatedAt: now };
}

export function addTags(
  state: ReadingState | undefined,
  tags: readonly string[],
  now: string,
): ReadingState | undefined {
  const current = base(state);
  const added: string[] = [];
  for (const tag of tags.map(normalizeTag)) {
    if (![...current.tags, ...added].some((existing) => sameTag(existing, tag))) added.push(tag);
  }
  if (added.length === 0) return state;
  return { ...current, tags: [...current.tags, ...added], updatedAt: now };
}

export function removeTags(
  state: ReadingState | undefined,
  tags: readonly string[],
  now: string,
): ReadingState | undefined {
  const current = base(state);
  const removing = tags.map(normalizeTag);
  const kept = current.tags.filter((tag) => !removing.some((other) => sameTag(tag, other)));
  if (kept.length === current.tags.length) return state;
  return { ...current, tags: kept, updatedAt: now };
}

export function setNote(state: ReadingState | undefined, note: string, now: string): ReadingState | undefined {
  if (note.length > MAX_NOTE_LENGTH) {
    throw new InvalidInputError(`A note can be at most ${MAX_NOTE_LENGTH.toLocaleString('en')} characters long.`);
  }
  const current = base(state);
  if (current.note === note) return state;
  return { ...current, note, updatedAt: now };
}

/** Renames a tag wherever it is used; merging into an existing tag keeps one copy, in the first one's place. */
export function renameTag(state: ReadingState, from: string, to: string, now: string): ReadingState {
  const source = normalizeTag(from);
  const target = normalizeTag(to);
  if (!state.tags.some((tag) => sameTag(tag, source))) return state;
  const tags: string[] = [];
  for (const tag of state.tags) {
    const renamed = sameTag(tag, source) ? target : tag;
    if (!tags.some((existing) => sameTag(existing, renamed))) tags.push(renamed);
  }
  return { ...state, tags, updatedAt: now };
}

/** Puts a paper's reading state back as it was (an undo): a change like any other, with a new `updatedAt`. */
export function restoreState(
  state: ReadingState | undefined,
  target: Omit<ReadingState, 'updatedAt'>,
  now: string,
): ReadingState | undefined {
  const current = base(state);
  const tags = target.tags.map(normalizeTag);
  const snoozedUntil = target.status === 'unread' ? target.snoozedUntil : undefined;
  if (snoozedUntil !== undefined && !isDay(snoozedUntil)) {
    throw new InvalidInputError(`"${snoozedUntil}" is not a day: write it YYYY-MM-DD.`);
  }
  const unchanged =
    current.status === target.status &&
    current.note === target.note &&
    current.readAt === target.readAt &&
    current.snoozedUntil === snoozedUntil &&
    current.tags.length === tags.length &&
    current.tags.every((tag, position) => tag === tags[position]);
  if (unchanged) return state;
  const readAt = target.status === 'read' ? (target.readAt ?? now) : null;
  const restored: ReadingState = { status: target.status, tags, note: target.note, readAt, updatedAt: now };
  return snoozedUntil === undefined ? restored : { ...restored, snoozedUntil };
}

export { sameTag };
