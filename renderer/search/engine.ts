/**
 * The search index behind the worker's message protocol. It runs in the worker (or, if workers are unavailable,
 * in the page); a burst of searches runs only the latest, so typing never queues up stale work.
 */

import { parseQuery, SearchIndex } from '../../core/search/index.js';
import type { FromWorker, Hit, ToWorker } from './protocol.js';

type SearchRequest = Extract<ToWorker, { type: 'search' }>;

export class SearchEngine {
  private index = new SearchIndex([]);
  private pending: SearchRequest | null = null;
  private scheduled = false;

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly schedule: (run: () => void) => void = (run) => setTimeout(run, 0),
  ) {}

  handle(message: ToWorker): void {
    switch (message.type) {
      case 'reset':
        this.index = new SearchIndex(message.docs);
        break;
      case 'upsert':
        this.index.upsert(message.docs);
        break;
      case 'remove':
        this.index.remove(message.ids);
        break;
      case 'search':
        this.pending = message;
        if (!this.scheduled) {
          this.scheduled = true;
          this.schedule(() => {
            this.scheduled = false;
            const request = this.pending;
            this.pending = null;
            if (request !== null) this.run(request);
          });
        }
        break;
    }
  }

  private run({ requestId, query, limit, today }: SearchRequest): void {
    try {
      const parsed = parseQuery(query);
      const ranked = parsed.words.length > 0;
      const day = today === undefined ? {} : { today };
      const found = this.index.search(parsed, ranked ? { limit: limit + 1, ...day } : day);
      const hits: Hit[] = found
        .slice(0, ranked ? limit : undefined)
        .map(({ id, highlights }) => ({ id, highlights: ranked ? highlights : {} }));
      this.post({ type: 'results', requestId, query, hits, ranked, truncated: ranked && found.length > limit });
    } catch (error) {
      this.post({ type: 'failed', requestId, query, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
