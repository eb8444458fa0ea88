import { SearchIndex } from '../../../core/search/index.js';
import { searchDocumentOf } from '../../../core/search/paper-document.js';
import type { Command } from '../command.js';
import { formatSearchResults, searchResult } from '../search-results.js';
import { limitArg } from '../options.js';

const DEFAULT_LIMIT = 20;

export const search: Command = {
  name: 'search',
  usage: 'QUERY... [--limit N]',
  summary:
    'Search as the app does (words, "a phrase", tag:T, is:STATUS), best first, with the words each paper matched marked [like this]',
  options: ['limit'],
  args: [1, Infinity],
  examples: ['shelfmark search graph diffusion', 'shelfmark search "equivariant networks" is:unread --limit 5'],
  async run({ service, args, values, print }) {
    const limit = limitArg(values.limit, DEFAULT_LIMIT);
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
