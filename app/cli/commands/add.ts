import type { Command } from '../command.js';
import { formatImportReport } from '../format.js';
import { withNetworkRun } from '../network-run.js';

export const add: Command = {
  name: 'add',
  usage: 'ID_OR_URL...',
  summary: 'Add papers by arXiv id or link (arxiv.org, huggingface.co/papers), with their details from the arXiv API',
  args: [1, Infinity],
  needs: 'nothing',
  examples: [
    'shelfmark add 2410.03060 hep-th/9901001',
    'shelfmark add https://huggingface.co/papers/2503.07604 arXiv:2302.04265v2',
  ],
  async run({ service, args, io, print }) {
    const report = await withNetworkRun(io, (options) => service.addPapers(args, options));
    print(report, () => formatImportReport(report));
    return 0;
  },
};
