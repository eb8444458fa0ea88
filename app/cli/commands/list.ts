import type { LibraryService } from '../../library-service.js';
import { sortPapers, type ListSort } from '../../../core/list-sort.js';
import type { Command } from '../command.js';
import { formatPaperList } from '../format.js';
import { sortArg, viewArg } from '../options.js';

/** Up next's order as a score per paper, best highest: the papers it ranks (of `digest`'s, if given). */
async function relevanceOf(service: LibraryService, digest: string | undefined): Promise<Map<string, number>> {
  const { papers } = await service.rankPapers({ digest });
  return new Map(papers.map((paper, rank) => [paper.id, papers.length - rank]));
}

export const list: Command = {
  name: 'list',
  usage: '[--status S] [--tag T] [--digest D] [--sort KEY [--reverse]]',
  summary:
    'List papers, optionally only those with a status, a tag or from a digest, in the order they were added or as --sort says',
  options: ['status', 'tag', 'digest', 'sort', 'reverse'],
  args: [0, 0],
  examples: [
    'shelfmark list --status unread',
    'shelfmark list --tag graphs --json',
    'shelfmark list --digest hf-2026-03-11 --sort upvotes',
    'shelfmark list --sort published --reverse',
  ],
  async run({ service, values, print }) {
    const sort: ListSort | null = sortArg(values.sort, values.reverse);
    const found = await service.listPapers({
      status: viewArg(values.status),
      tag: values.tag,
      digest: values.digest,
    });
    const relevance = sort?.by === 'relevance' ? await relevanceOf(service, values.digest) : undefined;
    const papers = sort === null ? found : sortPapers(found, sort, relevance);
    print(papers, () => formatPaperList(papers, service.today()));
    return 0;
  },
};
