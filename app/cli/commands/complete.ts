import type { Command } from '../command.js';
import { formatCompletionReport } from '../format-intake.js';
import { withNetworkRun } from '../network-run.js';

export const complete: Command = {
  name: 'complete',
  usage: '[ID...]',
  summary:
    'Fill in papers from arXiv (by default every one without an arXiv id, looked up by its title); matches that are not exactly one are listed, never guessed',
  args: [0, Infinity],
  examples: ['shelfmark complete', 'shelfmark complete title-1e19e0 2302.04265'],
  async run({ service, args, io, print }) {
    const report = await withNetworkRun(io, (options) => service.completePapers(args, options));
    print(report, () => formatCompletionReport(report));
    return 0;
  },
};
