/**
 * The UI thread's side of search: keeps the worker's index in step with the library (sending only papers that
 * changed) and numbers each search, dropping any answer that a newer search has overtaken.
 */

import { sameItems } from '../../core/arrays.js';
import type { Paper } from '../../core/model.js';
import { afterNextPaint } from '../lib/after-paint.js';
import type { SearchResults } from '../state/types.js';
import { RESULT_LIMIT_DEFAULT } from './limits.js';
import { searchDocumentOf } from '../../core/search/paper-document.js';
import type { FromWorker, ToWorker, WorkerPort } from './protocol.js';

/**
 * Whether a change to a paper matters to the index. Lists by what they hold: a reload builds new arrays for papers
 * that did not change.
 */
function searchFieldsDiffer(a: Paper, b: Paper): boolean {
  return (
    a.title !== b.title ||
    a.abstract !== b.abstract ||
    a.note !== b.note ||
    a.status !== b.status ||
    a.snoozedUntil !== b.snoozedUntil ||
    !sameItems(a.tags, b.tags) ||
    !sameItems(a.authors, b.authors)
  );
}

interface SearchClientEvents {
  readonly results: (results: SearchResults) => void;
  readonly failed: (query: string, message: string) => void;
}

/** Papers per message when many are sent at once: each message is cloned in a few milliseconds. */
export const DOCS_PER_MESSAGE = 2_000;

/**
 * Keeps the worker in step without holding up the page: the papers to sync are sent after the next paint (so a
 * library's first screen shows first), and many of them in several messages, one per task (so no single clone
 * blocks typing). A search sends whatever is still waiting first, so it always runs over the latest papers.
 */
export class SearchClient {
  private latest = 0;
  private synced = new Map<string, Paper>();
  private syncedArray: readonly Paper[] = [];
  private everSynced = false;
  private lastQuery: string | null = null;
  private lastToday: string | undefined;
  private waiting: readonly Paper[] | null = null;
  private readonly outbox: ToWorker[] = [];
  private sending = false;

  constructor(
    private port: WorkerPort,
    private readonly events: SearchClientEvents,
    private readonly limit = RESULT_LIMIT_DEFAULT,
    private readonly later: (run: () => void) => void = afterNextPaint,
  ) {
    port.onMessage((message) => this.receive(message));
  }

  /** Brings the index up to date with `papers`, soon: the first time all of them, after that only what changed. */
  sync(papers: readonly Paper[]): void {
    this.waiting = papers;
    this.sendSoon();
  }

  /** Sends every message still waiting, now. */
  flush(): void {
    this.prepare();
    for (const message of this.outbox.splice(0)) this.port.postMessage(message);
  }

  private sendSoon(): void {
    if (this.sending) return;
    this.sending = true;
    this.later(() => {
      this.sending = false;
      this.prepare();
      const message = this.outbox.shift();
      if (message !== undefined) this.port.postMessage(message);
      if (this.outbox.length > 0) this.sendSoon();
    });
  }

  /** Turns the papers waiting to be synced into messages in the outbox. */
  private prepare(): void {
    const papers = this.waiting;
    if (papers === null) return;
    this.waiting = null;
    if (!this.everSynced) {
      this.everSynced = true;
      this.synced = new Map(papers.map((paper) => [paper.id, paper]));
      this.syncedArray = papers;
      this.queueDocs('reset', papers);
      return;
    }
    if (papers === this.syncedArray) return;
    if (this.syncSamePositions(papers)) return;
    this.syncedArray = papers;
    const changed: Paper[] = [];
    const seen = new Set<string>();
    for (const paper of papers) {
      seen.add(paper.id);
      const before = this.synced.get(paper.id);
      if (before === paper) continue;
      if (before === undefined || searchFieldsDiffer(before, paper)) changed.push(paper);
      this.synced.set(paper.id, paper);
    }
    const removed = [...this.synced.keys()].filter((id) => !seen.has(id));
    for (const id of removed) this.synced.delete(id);
    if (removed.length > 0) this.outbox.push({ type: 'remove', ids: removed });
    this.queueDocs('upsert', changed);
  }

  /** `papers` as a reset or an upsert, split into messages of DOCS_PER_MESSAGE (the rest of a reset as upserts). */
  private queueDocs(type: 'reset' | 'upsert', papers: readonly Paper[]): void {
    if (type === 'reset' && papers.length === 0) this.outbox.push({ type, docs: [] });
    for (let start = 0; start < papers.length; start += DOCS_PER_MESSAGE) {
      const docs = papers.slice(start, start + DOCS_PER_MESSAGE).map(searchDocumentOf);
      this.outbox.push({ type: start === 0 ? type : 'upsert', docs });
    }
  }

  /**
   * The common case, a few papers changed in place: compares by position, O(n) identity checks and nothing
   * more. False (nothing done) when papers were added, removed or moved.
   */
  private syncSamePositions(papers: readonly Paper[]): boolean {
    const before = this.syncedArray;
    if (before.length !== papers.length) return false;
    const changed: Paper[] = [];
    for (let i = 0; i < papers.length; i += 1) {
      const was = before[i];
      const now = papers[i];
      if (was === now || was === undefined || now === undefined) continue;
      if (was.id !== now.id) return false;
      if (searchFieldsDiffer(was, now)) changed.push(now);
    }
    for (const paper of changed) this.synced.set(paper.id, paper);
    this.syncedArray = papers;
    this.queueDocs('upsert', changed);
    return true;
  }

  /**
   * Starts a search as of the day `today` (which `is:` needs); its results arrive through `events.results` unless
   * another search starts first.
   */
  search(query: string, today?: string): void {
    this.flush();
    this.latest += 1;
    this.lastQuery = query;
    this.lastToday = today;
    const request = { type: 'search', requestId: this.latest, query, limit: this.limit } as const;
    this.port.postMessage(today === undefined ? request : { ...request, today });
  }

  /** Forgets any search in flight (the query was cleared). */
  cancel(): void {
    this.latest += 1;
    this.lastQuery = null;
  }

  /** Moves to another port (the worker failed to start): sends it the whole library and the last search. */
  replacePort(port: WorkerPort): void {
    this.prepare();
    this.outbox.length = 0; // the reset below carries everything
    this.port.terminate();
    this.port = port;
    port.onMessage((message) => this.receive(message));
    port.postMessage({ type: 'reset', docs: [...this.synced.values()].map(searchDocumentOf) });
    if (this.lastQuery !== null) this.search(this.lastQuery, this.lastToday);
  }

  dispose(): void {
    this.waiting = null;
    this.outbox.length = 0;
    this.cancel();
    this.port.terminate();
  }

  private receive(message: FromWorker): void {
    if (message.requestId !== this.latest) return;
    if (message.type === 'failed') {
      this.events.failed(message.query, message.message);
      return;
    }
    this.events.results({
      query: message.query,
      ids: message.hits.map((hit) => hit.id),
      ranked: message.ranked,
      highlights: new Map(message.hits.map((hit) => [hit.id, hit.highlights])),
      truncated: message.truncated,
    });
  }
}
