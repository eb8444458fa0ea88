import { printRead, type Command } from '../command.js';
import { formatStats } from '../format.js';

export const stats: Command = {
  name: 'stats',
  usage: '',
  summary: 'Totals by status, and papers read per week',
  args: [0, 0],
  examples: ['shelfmark stats'],
  run: printRead((service) => service.stats(), formatStats),
};
