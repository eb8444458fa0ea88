import { NotFoundError } from '../../../core/errors.js';
import type { Command } from '../command.js';
import { formatPaperTags } from '../format.js';
import { eitherTag, tagFor } from '../tag-words.js';

export const untag: Command = {
  name: 'untag',
  usage: 'ID TAG...',
  summary: 'Remove tags from a paper',
  args: [2, Infinity],
  examples: ['shelfmark untag 2403.01234 to-present'],
  // None of the tags on the paper: nothing to do, which is a mistake (exit 3). Some of them: those are removed,
  // and the others named on standard error (exit 0).
  async run({ service, args, print, warn }) {
    const [id = '', ...tags] = args;
    const before = await service.getPaper(id);
    const absent = tags.filter((tag) => tagFor(before.tags, tag) === undefined);
    if (absent.length === tags.length) {
      const its = before.tags.length === 0 ? 'it has no tags' : `its tags are ${before.tags.join(', ')}`;
      throw new NotFoundError(`${before.id} has no tag ${eitherTag(absent)} (${its}); nothing was changed.`);
    }
    const [paper] = await service.removeTags([before.id], tags);
    if (absent.length > 0) warn(`${before.id} had no tag ${eitherTag(absent)}; the others were removed.`);
    print(paper, () => formatPaperTags(id, paper));
    return 0;
  },
};
