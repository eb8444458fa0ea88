import { printRead, type Command } from '../command.js';
import { formatTags } from '../format.js';

export const tags: Command = {
  name: 'tags',
  usage: '',
  summary: 'List tags with how many papers have each',
  args: [0, 0],
  examples: ['shelfmark tags'],
  run: printRead((service) => service.tags(), formatTags),
};
