import type { Command } from '../command.js';
import { formatDailyPapersReport } from '../format-intake.js';
import { withNetworkRun } from '../network-run.js';
import { UsageError } from '../usage-error.js';

/** The sources `fetch` knows. */
const SOURCES = ['hf'] as const;

export const fetchCommand: Command = {
  name: 'fetch',
  usage: 'hf [--date YYYY-MM-DD | --since YYYY-MM-DD]',
  summary: 'Import Hugging Face Daily Papers from its API: the latest day with papers, one day, or every day since one',
  options: ['date', 'since'],
  args: [1, 1],
  needs: 'nothing',
  examples: ['shelfmark fetch hf', 'shelfmark fetch hf --date 2025-03-11', 'shelfmark fetch hf --since 2025-03-01'],
  async run({ service, args, values, io, print, warn }) {
    const [source = ''] = args;
    if (!(SOURCES as readonly string[]).includes(source)) {
      throw new UsageError(`fetch fetches from ${SOURCES.join(', ')} (Hugging Face Daily Papers), not "${source}".`);
    }
    if (values.date !== undefined && values.since !== undefined) {
      throw new UsageError('fetch takes --date or --since, not both.');
    }
    const asked = {
      ...(values.date === undefined ? {} : { date: values.date }),
      ...(values.since === undefined ? {} : { since: values.since }),
    };
    const result = await withNetworkRun(io, (options) => service.fetchDailyPapers(asked, options));
    for (const file of result.report.files) if (!file.ok) warn(`${file.file}: ${file.error}`);
    print(result, () => formatDailyPapersReport(result, asked));
    return 0;
  },
};
