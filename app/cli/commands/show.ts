import type { Command } from '../command.js';
import { formatPaper } from '../format.js';

export const show: Command = {
  name: 'show',
  usage: 'ID',
  summary: 'Show one paper: its record, reading state and note',
  args: [1, 1],
  examples: ['shelfmark show 2403.01234', 'shelfmark show 2403.01234 --json'],
  async run({ service, args, print }) {
    const paper = await service.getPaper(args[0] ?? '');
    print(paper, () => formatPaper(paper, service.today()));
    return 0;
  },
};
