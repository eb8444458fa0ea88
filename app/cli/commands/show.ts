import type { PaperDetail } from '../../../core/api.js';
import { terminalLine, terminalText } from '../../../core/terminal-text.js';
import type { Command } from '../command.js';
import { formatPaper } from '../format.js';
import { localMinute } from './devices.js';

/** The note's versions written apart on other computers, numbered as `note --keep-conflict N` takes them. */
function formatNoteConflicts(paper: PaperDetail): string {
  const versions = paper.noteConflicts ?? [];
  if (versions.length === 0) return '';
  const lines = [
    '',
    `This note was also written on another computer at the same time (${versions.length === 1 ? 'one version' : `${versions.length} versions`}):`,
  ];
  versions.forEach((version, index) => {
    const where = version.thisDevice ? `this computer (${terminalLine(version.device)})` : terminalLine(version.device);
    lines.push('', `${index + 1}. On ${where}, ${localMinute(version.at)}:`);
    lines.push(
      ...terminalText(version.text)
        .split('\n')
        .map((line) => `   ${line}`),
    );
  });
  const id = terminalLine(paper.id);
  lines.push(
    '',
    `Keep one with: shelfmark note ${id} --keep-conflict N (or --keep-note for the note above, --keep-both for all)`,
  );
  return `${lines.join('\n')}\n`;
}

export const show: Command = {
  name: 'show',
  usage: 'ID',
  summary: 'Show one paper: its record, reading state and note (and its versions written on other computers)',
  args: [1, 1],
  examples: ['shelfmark show 2403.01234', 'shelfmark show 2403.01234 --json'],
  async run({ service, args, print }) {
    const paper = await service.getPaper(args[0] ?? '');
    print(paper, () => formatPaper(paper, service.today()) + formatNoteConflicts(paper));
    return 0;
  },
};
