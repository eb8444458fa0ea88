import type { Command } from '../command.js';
import { limitArg } from '../options.js';
import { formatUpNext } from '../ranked-papers.js';

const DEFAULT_LIMIT = 20;

export const next: Command = {
  name: 'next',
  usage: '[--digest D] [--tag T] [--limit N]',
  summary:
    'Up next: unread papers (neither dismissed nor snoozed) best first, learnt from what you kept and dismissed, each with why',
  options: ['digest', 'tag', 'limit'],
  args: [0, 0],
  examples: [
    'shelfmark next',
    'shelfmark next --digest hf-2026-03-11 --limit 10',
    'shelfmark next --tag diffusion --json',
  ],
  async run({ service, values, print }) {
    const upNext = await service.rankPapers({
      digest: values.digest,
      tag: values.tag,
      limit: limitArg(values.limit, DEFAULT_LIMIT),
    });
    print(upNext.papers, () => formatUpNext(upNext, service.today()));
    return 0;
  },
};
