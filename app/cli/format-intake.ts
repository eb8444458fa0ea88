/** What the commands that bring papers in from the web print. Pure: data in, text out, terminal-safe. */

import type { DailyPapersReport } from '../../core/api.js';
import { weekdayOf } from '../../core/days.js';
import { formatImportReport } from './format.js';

/** "2025-03-16 (Sunday)". */
const named = (day: string): string => `${day} (${weekdayOf(day)})`;

function listed(days: readonly string[]): string {
  return days.map(named).join(', ');
}

/** What `fetch hf` did: which days had no papers (and which day it took), then what it imported. */
export function formatDailyPapersReport(
  result: DailyPapersReport,
  asked: { readonly date?: string; readonly since?: string },
): string {
  const empty = result.days.filter((day) => day.papers === 0).map((day) => day.date);
  const lines: string[] = [];
  if (asked.date !== undefined) {
    if (empty.length > 0) lines.push(`Hugging Face lists no papers for ${listed(empty)}.`);
  } else if (asked.since !== undefined) {
    if (empty.length > 0) lines.push(`No papers on ${listed(empty)}.`);
  } else if (result.latest === null) {
    const [first, last] = [empty[0], empty.at(-1)];
    if (first !== undefined && last !== undefined) {
      lines.push(`Hugging Face lists no papers for any day from ${named(first)} to ${named(last)}.`);
    }
  } else if (empty.length > 0) {
    lines.push(
      `Hugging Face lists no papers yet for ${listed(empty)}; took ${named(result.latest)}, the latest day with papers.`,
    );
  }
  const header = lines.length > 0 ? `${lines.join('\n')}\n` : '';
  return `${header}${formatImportReport(result.report)}`;
}
