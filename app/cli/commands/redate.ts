import type { Command } from '../command.js';
import { terminalLine } from '../../../core/terminal-text.js';
import { dayArg } from '../options.js';

export const redate: Command = {
  name: 'redate',
  usage: 'DIGEST YYYY-MM-DD',
  summary: 'Change the day a digest is of (an id `shelfmark digests` shows)',
  args: [2, 2],
  examples: ['shelfmark redate hf-2025-03-04-1a2b3c4d 2025-03-03'],
  async run({ service, args, print }) {
    const [id = '', day] = args;
    const change = await service.setDigestDate(id, dayArg(day) ?? '');
    const digest = change.digests.find((candidate) => candidate.id === id);
    print(change, () => {
      const done = `${terminalLine(id)}: ${terminalLine(digest?.title ?? '')}\n`;
      return change.note === null ? done : `${done}  note: ${terminalLine(change.note)}\n`;
    });
    return 0;
  },
};
