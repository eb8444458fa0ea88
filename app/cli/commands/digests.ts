import { printRead, type Command } from '../command.js';
import { formatDigests } from '../format.js';

export const digests: Command = {
  name: 'digests',
  usage: '',
  summary: 'List imported digests with how much of each is read',
  args: [0, 0],
  examples: ['shelfmark digests', 'shelfmark digests --json'],
  run: printRead((service) => service.digests(), formatDigests),
};
