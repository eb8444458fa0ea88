import { READING_STATUSES } from '../../../core/model.js';
import type { Command } from '../command.js';
import { statusArg } from '../options.js';

export const status: Command = {
  name: 'status',
  usage: `ID ${READING_STATUSES.join('|')}`,
  summary: 'Set a paper’s reading status',
  args: [2, 2],
  examples: ['shelfmark status 2403.01234 reading', 'shelfmark status 2403.01234 read'],
  async run({ service, args, print }) {
    const [id = '', value] = args;
    const status = statusArg(value) ?? 'unread';
    const [paper] = await service.setStatus([id], status);
    print(paper, () => `${paper?.id ?? id}: ${status}\n`);
    return 0;
  },
};
