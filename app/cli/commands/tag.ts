import type { Command } from '../command.js';
import { formatPaperTags } from '../format.js';

export const tag: Command = {
  name: 'tag',
  usage: 'ID TAG...',
  summary: 'Add tags to a paper',
  args: [2, Infinity],
  examples: ['shelfmark tag 2403.01234 graphs to-present'],
  async run({ service, args, print }) {
    const [id = '', ...tags] = args;
    const [paper] = await service.addTags([id], tags);
    print(paper, () => formatPaperTags(id, paper));
    return 0;
  },
};
