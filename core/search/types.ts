/** The shapes search takes in and gives back: plain, immutable data that crosses a worker boundary as it is. */

import type { ReadingStatus } from '../model.js';

/** What search knows of a paper: its text and the reading state that qualifiers filter on. */
export interface SearchDocument {
  readonly id: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly abstract: string;
  readonly tags: readonly string[];
  readonly note: string;
  readonly status: ReadingStatus;
}

export type SearchField = 'title' | 'authors' | 'abstract' | 'tags' | 'note';

export interface ParsedQuery {
  /** As typed, quotes removed; a quoted phrase is one word. */
  readonly words: readonly string[];
  /** `tag:NAME`, as typed: a paper must have every one (compared case-insensitively). */
  readonly tags: readonly string[];
  /** `is:STATUS`: a paper must have any one of them; none means any status. */
  readonly statuses: readonly ReadingStatus[];
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
}
