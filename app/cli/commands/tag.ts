import type { Command } from '../command.js';
import { formatPaperTags } from '../format.js';
import { tagsSavedOtherwise } from '../tag-words.js';

export const tag: Command = {
  name: 'tag',
  usage: 'ID TAG...',
  summary: 'Add tags to a paper',
  args: [2, Infinity],
  examples: ['shelfmark tag 2403.01234 graphs to-present'],
  async run({ service, args, print, warn }) {
    const [id = '', ...tags] = args;
    const [paper] = await service.addTags([id], tags);
    for (const line of tagsSavedOtherwise(tags, paper?.tags ?? [])) warn(line);
    print(paper, () => formatPaperTags(id, paper));
    return 0;
  },
};
