/** What the commands that bring papers in from the web print. Pure: data in, text out, terminal-safe. */

import type { DailyPapersReport } from '../../core/api.js';
import type { CompletionReport, NotCompletedReason } from '../../core/complete.js';
import { terminalLine } from '../../core/terminal-text.js';
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

const count = (value: number, one: string, many = `${one}s`): string =>
  `${value.toLocaleString('en')} ${value === 1 ? one : many}`;

/** "  title-1e19e0  Pard: Permutation-Invariant …", ids in a column. */
function paperLines(rows: readonly { readonly id: string; readonly text: string }[], indent = '  '): string[] {
  const ids = rows.map((row) => terminalLine(row.id));
  const width = Math.max(0, ...ids.map((id) => id.length));
  return rows.map((row, index) => `${indent}${(ids[index] ?? '').padEnd(width)}  ${terminalLine(row.text)}`);
}

/** What `complete` did: the papers completed, then each kind of paper left as it was. */
export function formatCompletionReport(report: CompletionReport): string {
  const { completed, notCompleted } = report;
  if (completed.length === 0 && notCompleted.length === 0) {
    return 'Every paper has an arXiv id: there is nothing to complete.\n';
  }
  const lines: string[] = [];
  if (completed.length > 0) {
    lines.push(`Completed ${count(completed.length, 'paper')} from arXiv:`);
    lines.push(
      ...paperLines(
        completed.map((paper) => ({
          id: paper.id,
          text:
            paper.mergedInto === null
              ? `${paper.arxivId}  ${paper.title}`
              : `${paper.arxivId}  ${paper.title} (merged into ${paper.mergedInto}, which the library had)`,
        })),
      ),
    );
  }
  const groups: readonly [NotCompletedReason, (n: number) => string][] = [
    ['no-match', (n) => `No paper on arXiv has the title of ${count(n, 'paper')}:`],
    ['ambiguous', (n) => `Several papers on arXiv have the title of ${count(n, 'paper')} (none was taken):`],
    ['withdrawn', (n) => `Withdrawn from arXiv (${count(n, 'paper')}):`],
    ['not-found', (n) => `Not on arXiv by their arXiv id (${count(n, 'paper')}):`],
    ['kept-apart', (n) => `Left apart from the paper the library has (${count(n, 'paper')}):`],
  ];
  for (const [reason, heading] of groups) {
    const papers = notCompleted.filter((paper) => paper.reason === reason);
    if (papers.length === 0) continue;
    lines.push(heading(papers.length));
    for (const paper of papers) {
      const why = reason === 'no-match' || reason === 'ambiguous' ? '' : `: ${paper.message}`;
      lines.push(...paperLines([{ id: paper.id, text: `${paper.title}${why}` }]));
      lines.push(
        ...paperLines(
          paper.candidates.map((candidate) => ({ id: candidate.arxivId, text: candidate.title })),
          '      ',
        ),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
