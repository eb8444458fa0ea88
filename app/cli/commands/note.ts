import { readFile } from 'node:fs/promises';
import type { Command } from '../command.js';
import { UsageError } from '../usage-error.js';
import { plural } from '../format.js';

export const note: Command = {
  name: 'note',
  usage: 'ID (TEXT | --file F | -)',
  summary: 'Replace a paper’s note with TEXT, a file’s contents, or standard input (-)',
  options: ['file'],
  args: [1, 2],
  examples: ['shelfmark note 2403.01234 "Read section 3 again."', 'shelfmark note 2403.01234 --file notes/pard.md'],
  async run({ service, args, values, io, print }) {
    const [id = '', text] = args;
    if ((text === undefined) === (values.file === undefined)) {
      throw new UsageError('note takes the note as TEXT, as --file F, or - for standard input: exactly one of them.');
    }
    const note =
      values.file !== undefined
        ? await readFile(values.file, 'utf8')
        : text === '-'
          ? await io.readStdin()
          : (text ?? '');
    const paper = await service.setNote(id, note);
    print(paper, () => `${paper.id}: note saved (${plural(note.length, 'character')})\n`);
    return 0;
  },
};
