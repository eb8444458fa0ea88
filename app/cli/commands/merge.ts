import { terminalLine } from '../../../core/terminal-text.js';
import type { Command } from '../command.js';

export const merge: Command = {
  name: 'merge',
  usage: 'KEEP-ID OTHER-ID',
  summary: 'Merge two papers that are one work: notes, tags, status, digests',
  args: [2, 2],
  examples: ['shelfmark merge title-0c1f2e3d4b5a69 title-1a2b3c4d5e6f70'],
  async run({ service, args, print }) {
    const [keep = '', other = ''] = args;
    const merged = await service.mergePapers(keep, other);
    const { paper, undo } = merged;
    const otherId = undo.merged.record.id;
    print(
      merged,
      () =>
        `Merged ${terminalLine(otherId)} into ${terminalLine(paper.id)}: ${terminalLine(paper.title)}\n` +
        `Its note, tags, status and digests are with ${terminalLine(paper.id)}, and ${terminalLine(otherId)} names it from now on.\n`,
    );
    return 0;
  },
};
