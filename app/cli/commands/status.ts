import type { Command } from '../command.js';
import { SET_STATUSES, statusArg } from '../options.js';

export const status: Command = {
  name: 'status',
  usage: `ID ${SET_STATUSES.join('|')}`,
  summary: 'Set a paper’s reading status; unread undoes a dismissal or a snooze',
  args: [2, 2],
  examples: [
    'shelfmark status 2403.01234 reading',
    'shelfmark status 2403.01234 read',
    'shelfmark status 2403.01234 unread',
  ],
  async run({ service, args, print }) {
    const [id = '', value] = args;
    const status = statusArg(value) ?? 'unread';
    const [paper] = await service.setStatus([id], status);
    print(paper, () => `${paper?.id ?? id}: ${status}\n`);
    return 0;
  },
};
