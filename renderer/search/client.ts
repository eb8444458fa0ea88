/**
 * The UI thread's side of search: keeps the worker's index in step with the library (sending only papers that
 * changed) and numbers each search, dropping any answer that a newer search has overtaken.
 */

import type { Paper } from '../../core/model.js';
import type { SearchResults } from '../state/state.js';
import { RESULT_LIMIT_DEFAULT } from './limits.js';
import type { SearchDocument } from '../../core/search/index.js';
import type { FromWorker, WorkerPort } from './protocol.js';

export function searchDocOf(paper: Paper): SearchDocument {
  return {
    id: paper.id,
    title: paper.title,
    authors: paper.authors,
    abstract: paper.abstract,
    tags: paper.tags,
    note: paper.note,
    status: paper.status,
  };
}

/** Whether a change to a paper matters to the index. */
function searchable(a: Paper, b: Paper): boolean {
  return (
    a.title !== b.title ||
    a.abstract !== b.abstract ||
    a.note !== b.note ||
    a.status !== b.status ||
    a.tags !== b.tags ||
    a.authors !== b.authors
  );
}

export interface SearchClientEvents {
  readonly results: (results: SearchResults) => void;
  readonly failed: (query: string, message: string) => void;
}

export class SearchClient {
  private latest = 0;
  private synced = new Map<string, Paper>();
  private syncedArray: readonly Paper[] = [];
  private everSynced = false;
  private lastQuery: string | null = null;

  constructor(
    private port: WorkerPort,
    private readonly events: SearchClientEvents,
    private readonly limit = RESULT_LIMIT_DEFAULT,
  ) {
    port.onMessage((message) => this.receive(message));
  }

  /** Brings the index up to date with `papers`: the first time all of them, after that only what changed. */
  sync(papers: readonly Paper[]): void {
    if (!this.everSynced) {
      this.everSynced = true;
      this.synced = new Map(papers.map((paper) => [paper.id, paper]));
      this.syncedArray = papers;
      this.port.postMessage({ type: 'reset', docs: papers.map(searchDocOf) });
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
      if (before === undefined || searchable(before, paper)) changed.push(paper);
      this.synced.set(paper.id, paper);
    }
    const removed = [...this.synced.keys()].filter((id) => !seen.has(id));
    for (const id of removed) this.synced.delete(id);
    if (removed.length > 0) this.port.postMessage({ type: 'remove', ids: removed });
    if (changed.length > 0) this.port.postMessage({ type: 'upsert', docs: changed.map(searchDocOf) });
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
      if (searchable(was, now)) changed.push(now);
    }
    for (const paper of changed) this.synced.set(paper.id, paper);
    this.syncedArray = papers;
    if (changed.length > 0) this.port.postMessage({ type: 'upsert', docs: changed.map(searchDocOf) });
    return true;
  }

  /** Starts a search; its results arrive through `events.results` unless another search starts first. */
  search(query: string): void {
    this.latest += 1;
    this.lastQuery = query;
    this.port.postMessage({ type: 'search', requestId: this.latest, query, limit: this.limit });
  }

  /** Forgets any search in flight (the query was cleared). */
  cancel(): void {
    this.latest += 1;
    this.lastQuery = null;
  }

  /** Moves to another port (the worker failed to start): sends it the whole library and the last search. */
  replacePort(port: WorkerPort): void {
    this.port.terminate();
    this.port = port;
    port.onMessage((message) => this.receive(message));
    port.postMessage({ type: 'reset', docs: [...this.synced.values()].map(searchDocOf) });
    if (this.lastQuery !== null) this.search(this.lastQuery);
  }

  dispose(): void {
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
