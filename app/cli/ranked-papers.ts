/** Ranked papers as the command line shows them: Up next and "more like this". Pure; every field terminal-safe. */

import type { ScoredPaper, UpNext } from '../../core/api.js';
import { terminalLine } from '../../core/terminal-text.js';
import { plural, statusMark } from './format.js';

const TITLE_WIDTH = 90;

/** Each paper on a line, its reasons on the next. */
function rows(papers: readonly ScoredPaper[], today: string): string[] {
  const ids = papers.map((paper) => terminalLine(paper.id));
  const width = Math.max(...ids.map((id) => id.length));
  return papers.flatMap((paper, index) => {
    const title = paper.title.length <= TITLE_WIDTH ? paper.title : `${paper.title.slice(0, TITLE_WIDTH - 1)}…`;
    const line = `${statusMark(paper, today)} ${(ids[index] ?? '').padEnd(width)}  ${terminalLine(title)}`;
    return paper.reasons.length === 0 ? [line] : [line, `    ${paper.reasons.map(terminalLine).join(', ')}`];
  });
}

/** What the order is learnt from, or why it is not yet. */
function basisLine(next: UpNext): string {
  const { kept, dismissed, needed } = next;
  if (next.basis === 'learnt') {
    return `Up next, learnt from ${plural(kept, 'paper')} kept and ${plural(dismissed, 'paper')} dismissed:`;
  }
  return (
    `Up next by Hugging Face upvotes, then listing order: too few decisions to learn from yet ` +
    `(${kept.toLocaleString('en')} kept and ${dismissed.toLocaleString('en')} dismissed; ` +
    `${needed.kept.toLocaleString('en')} of each needed).`
  );
}

export function formatUpNext(next: UpNext, today: string): string {
  if (next.total === 0) return 'Nothing up next: no unread papers left.\n';
  const shown =
    next.papers.length < next.total
      ? `The first ${next.papers.length.toLocaleString('en')} of ${plural(next.total, 'paper')}; --limit N shows more.`
      : plural(next.total, 'paper');
  return `${[basisLine(next), ...rows(next.papers, today), shown].join('\n')}\n`;
}

export function formatSimilar(
  paper: { readonly id: string; readonly title: string },
  similar: readonly ScoredPaper[],
  today: string,
): string {
  const heading = `More like ${terminalLine(paper.id)} (${terminalLine(paper.title.slice(0, 60))}${paper.title.length > 60 ? '…' : ''}):`;
  if (similar.length === 0) return `No paper in the library is like ${terminalLine(paper.id)}.\n`;
  return `${[heading, ...rows(similar, today)].join('\n')}\n`;
}
