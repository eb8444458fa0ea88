/** Messages between the search client (UI thread) and the search worker. Plain, structured-clone-able data. */

import type { SearchDocument, SearchHit } from '../../core/search/index.js';

/** [start, end) ranges in each field's text; authors' and tags' text is the list joined with ", ". */
export type Highlights = SearchHit['highlights'];

export interface Hit {
  readonly id: string;
  readonly highlights: Highlights;
}

export type ToWorker =
  | { readonly type: 'reset'; readonly docs: readonly SearchDocument[] }
  | { readonly type: 'upsert'; readonly docs: readonly SearchDocument[] }
  | { readonly type: 'remove'; readonly ids: readonly string[] }
  | {
      readonly type: 'search';
      readonly requestId: number;
      readonly query: string;
      readonly limit: number;
      /** The user's day, for `is:unread` and `is:snoozed` (see SearchOptions.today). */
      readonly today?: string;
    };

export type FromWorker =
  | {
      readonly type: 'results';
      readonly requestId: number;
      readonly query: string;
      readonly hits: readonly Hit[];
      /** False when the query has no words, only qualifiers: the hits are unordered, every paper passing them. */
      readonly ranked: boolean;
      readonly truncated: boolean;
    }
  | { readonly type: 'failed'; readonly requestId: number; readonly query: string; readonly message: string };

/** The worker's side of a message channel: a real Worker, or the in-page fallback. */
export interface WorkerPort {
  postMessage(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  terminate(): void;
}
