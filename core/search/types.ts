/** The shapes search takes in and gives back: plain, immutable data that crosses a worker boundary as it is. */

import type { ReadingStatus } from '../model.js';
import type { TriageStatus } from '../triage.js';

/** What search knows of a paper: its text and the reading state that qualifiers filter on. */
export interface SearchDocument {
  readonly id: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly abstract: string;
  readonly tags: readonly string[];
  readonly note: string;
  readonly status: ReadingStatus;
  /** The day a snoozed paper comes back (see ReadingState); absent unless snoozed. */
  readonly snoozedUntil?: string;
}

export type SearchField = 'title' | 'authors' | 'abstract' | 'tags' | 'note';

export interface ParsedQuery {
  /** As typed, quotes removed; a quoted phrase is one word. */
  readonly words: readonly string[];
  /** `tag:NAME`, as typed: a paper must have every one (compared case-insensitively). */
  readonly tags: readonly string[];
  /** `is:STATUS` (`is:snoozed` too): a paper must be in any one of those views; none means any. */
  readonly statuses: readonly TriageStatus[];
}

/** Characters [start, end) of a field's text. */
export type TextRange = readonly [start: number, end: number];

export interface SearchHit {
  readonly id: string;
  /** 0 (perfect) to 1; lower is better. */
  readonly score: number;
  /**
   * Ranges of matched words, in order and not overlapping, per field with any. The text of `authors` is
   * `authors.join(', ')`, of `tags` is `tags.join(', ')`.
   */
  readonly highlights: Partial<Record<SearchField, readonly TextRange[]>>;
}

export interface SearchOptions {
  /** At most this many hits: 200 by default when the query has words, every match when it has only qualifiers. */
  readonly limit?: number;
  /**
   * The user's day, which `is:unread` and `is:snoozed` need to tell a snooze still to end from one come back.
   * Without it no snooze is taken as pending: a snoozed paper is unread.
   */
  readonly today?: string;
}
