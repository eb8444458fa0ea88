/** Ranked papers as the command line shows them: Up next and "more like this". Pure; every field terminal-safe. */

import type { ScoredPaper, UpNext } from '../../core/api.js';
import { terminalLine } from '../../core/terminal-text.js';
import { paperLines, plural } from './format.js';

/** Each paper on a line, its reasons on the next. */
function rows(papers: readonly ScoredPaper[], today: string): string[] {
  return paperLines(papers, today).flatMap((line, index) => {
    const reasons = papers[index]?.reasons ?? [];
    return reasons.length === 0 ? [line] : [line, `    ${reasons.map(terminalLine).join(', ')}`];
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
