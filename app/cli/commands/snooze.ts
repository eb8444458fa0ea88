import { addDays } from '../../../core/days.js';
import { terminalLine } from '../../../core/terminal-text.js';
import { snoozeDayProblem, snoozeSpanDays } from '../../../core/triage.js';
import type { Command } from '../command.js';
import type { OptionValues } from '../options.js';
import { UsageError } from '../usage-error.js';

/** The day a snooze made `today` ends, as --until or --for says; a UsageError when they say none, or both. */
function snoozeEnd(values: OptionValues, today: string): string {
  const { until, for: span } = values;
  if ((until === undefined) === (span === undefined)) {
    throw new UsageError('snooze needs --until YYYY-MM-DD or --for 3d|2w (one of them).');
  }
  let end: string;
  if (span !== undefined) {
    const days = snoozeSpanDays(span);
    if (days === null) {
      throw new UsageError(`--for takes days or weeks, as in 3d or 2w (a year at most), not "${span}".`);
    }
    end = addDays(today, days);
  } else {
    end = until ?? '';
  }
  const problem = snoozeDayProblem(end, today);
  if (problem !== null) throw new UsageError(problem);
  return end;
}

export const snooze: Command = {
  name: 'snooze',
  usage: 'ID... (--until YYYY-MM-DD | --for 3d|2w)',
  summary:
    'Snooze papers ("later"): out of Unread until the day, then back on their own, marked as returned; `status ID unread` undoes it',
  options: ['until', 'for'],
  args: [1, Infinity],
  examples: ['shelfmark snooze 2403.01234 --for 1w', 'shelfmark snooze 2403.01234 2403.05678 --until 2026-04-01'],
  async run({ service, args, values, print }) {
    const until = snoozeEnd(values, service.today());
    const papers = await service.snooze(args, until);
    print(papers, () => papers.map((paper) => `${terminalLine(paper.id)}: snoozed until ${until}\n`).join(''));
    return 0;
  },
};
