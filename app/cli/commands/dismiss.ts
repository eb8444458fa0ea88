import { terminalLine } from '../../../core/terminal-text.js';
import type { Command } from '../command.js';

export const dismiss: Command = {
  name: 'dismiss',
  usage: 'ID...',
  summary:
    'Dismiss papers ("not for me"): out of Unread, still in the library and in search; `status ID unread` undoes it',
  args: [1, Infinity],
  examples: ['shelfmark dismiss 2403.01234 2403.05678'],
  async run({ service, args, print }) {
    const papers = await service.setStatus(args, 'dismissed');
    print(papers, () => papers.map((paper) => `${terminalLine(paper.id)}: dismissed\n`).join(''));
    return 0;
  },
};
