import type { Command } from '../command.js';
import { formatPaperTags } from '../format.js';

export const untag: Command = {
  name: 'untag',
  usage: 'ID TAG...',
  summary: 'Remove tags from a paper',
  args: [2, Infinity],
  examples: ['shelfmark untag 2403.01234 to-present'],
  async run({ service, args, print }) {
    const [id = '', ...tags] = args;
    const [paper] = await service.removeTags([id], tags);
    print(paper, () => formatPaperTags(id, paper));
    return 0;
  },
};
