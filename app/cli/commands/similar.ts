import type { Command } from '../command.js';
import { limitArg } from '../options.js';
import { formatSimilar } from '../ranked-papers.js';

const DEFAULT_LIMIT = 10;

export const similar: Command = {
  name: 'similar',
  usage: 'ID [--limit N]',
  summary: 'More like this: the papers of the library nearest one paper, with the words they share',
  options: ['limit'],
  args: [1, 1],
  examples: ['shelfmark similar 2403.01234', 'shelfmark similar 2403.01234 --limit 5 --json'],
  async run({ service, args, values, print }) {
    const ref = args[0] ?? '';
    const papers = await service.similarPapers(ref, limitArg(values.limit, DEFAULT_LIMIT));
    const paper = await service.getPaper(ref);
    print(papers, () => formatSimilar(paper, papers, service.today()));
    return 0;
  },
};
