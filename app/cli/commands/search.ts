import { SearchIndex } from '../../../core/search/index.js';
import { searchDocumentOf } from '../../../core/search/paper-document.js';
import type { Command } from '../command.js';
import { formatSearchResults, searchResult } from '../search-results.js';
import { UsageError } from '../usage-error.js';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100_000;

export const search: Command = {
  name: 'search',
  usage: 'QUERY... [--limit N]',
  summary:
    'Search as the app does (words, "a phrase", tag:T, is:STATUS), best first, with the words each paper matched marked [like this]',
  options: ['limit'],
  args: [1, Infinity],
  examples: ['shelfmark search graph diffusion', 'shelfmark search "equivariant networks" is:unread --limit 5'],
  async run({ service, args, values, print }) {
    const limit = values.limit === undefined ? DEFAULT_LIMIT : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new UsageError(`--limit takes a whole number from 1 to ${MAX_LIMIT.toLocaleString('en')}.`);
    }
    const query = args.join(' ');
    const { papers } = await service.getLibrary();
    const byId = new Map(papers.map((paper) => [paper.id, paper]));
    const today = service.today();
    const found = new SearchIndex(papers.map(searchDocumentOf)).search(query, { limit: limit + 1, today });
    const hits = found.slice(0, limit).flatMap((hit) => {
      const paper = byId.get(hit.id);
      return paper === undefined ? [] : [{ paper, hit }];
    });
    print(
      hits.map(({ paper, hit }) => searchResult(paper, hit)),
      () => formatSearchResults(query, hits, found.length > limit, today),
    );
    return 0;
  },
};
