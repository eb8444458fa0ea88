import type { DuplicateCandidate, PossibleDuplicates } from '../../../core/duplicates.js';
import { terminalLine } from '../../../core/terminal-text.js';
import { printRead, type Command } from '../command.js';
import { plural } from '../format.js';

const AUTHORS_SHOWN = 3;

function describePaper(paper: DuplicateCandidate): string {
  const { authors } = paper;
  const more = authors.length > AUTHORS_SHOWN ? ` and ${authors.length - AUTHORS_SHOWN} more` : '';
  const facts = [
    authors.length > 0 ? `${authors.slice(0, AUTHORS_SHOWN).join(', ')}${more}` : 'no authors',
    paper.year === null ? 'no year' : String(paper.year),
    ...(paper.arxivId === null ? [] : [`arXiv ${paper.arxivId}`]),
    ...(paper.doi === null ? [] : [`DOI ${paper.doi}`]),
  ];
  return terminalLine(facts.join(' · '));
}

function formatGroup(group: PossibleDuplicates): string[] {
  const ids = group.papers.map((paper) => terminalLine(paper.id));
  const width = Math.max(...ids.map((id) => id.length));
  const lines = [`"${terminalLine(group.title)}"`];
  group.papers.forEach((paper, index) => lines.push(`  ${(ids[index] ?? '').padEnd(width)}  ${describePaper(paper)}`));
  for (const { ids: pair, reasons } of group.keptApart) {
    const why = reasons.length > 0 ? reasons.join('; ') : 'nothing tells them apart';
    const which = group.papers.length > 2 ? `${pair.map(terminalLine).join(' and ')}: ` : '';
    lines.push(`  kept apart: ${which}${terminalLine(why)}`);
  }
  return lines;
}

function formatDuplicates(groups: readonly PossibleDuplicates[]): string {
  if (groups.length === 0) return 'No possible duplicates: no two papers share a title.\n';
  const heading = `${plural(groups.length, 'title')} shared by papers that were kept apart:`;
  const body = groups.map((group) => formatGroup(group).join('\n'));
  return `${[heading, ...body].join('\n\n')}\n\nMerge two with: shelfmark merge KEEP-ID OTHER-ID\n`;
}

export const duplicates: Command = {
  name: 'duplicates',
  usage: '',
  summary: 'List possible duplicates: papers with one title kept apart, and why',
  args: [0, 0],
  examples: ['shelfmark duplicates', 'shelfmark duplicates --json'],
  run: printRead((service) => service.listPossibleDuplicates(), formatDuplicates),
};
