import type { Command } from '../command.js';
import { formatPaperList } from '../format.js';
import { viewArg } from '../options.js';

export const list: Command = {
  name: 'list',
  usage: '[--status S] [--tag T] [--digest D]',
  summary: 'List papers, optionally only those with a status, a tag or from a digest',
  options: ['status', 'tag', 'digest'],
  args: [0, 0],
  examples: ['shelfmark list --status unread', 'shelfmark list --tag graphs --json'],
  async run({ service, values, print }) {
    const papers = await service.listPapers({
      status: viewArg(values.status),
      tag: values.tag,
      digest: values.digest,
    });
    print(papers, () => formatPaperList(papers, service.today()));
    return 0;
  },
};
