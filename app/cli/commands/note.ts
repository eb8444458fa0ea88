import { readFile, stat } from 'node:fs/promises';
import { InvalidInputError } from '../../../core/errors.js';
import { MAX_NOTE_LENGTH } from '../../../core/reading.js';
import { userFileError } from '../../store/index.js';
import type { Command } from '../command.js';
import { UsageError } from '../usage-error.js';
import { plural } from '../format.js';

/** A UTF-8 file this large holds more characters than a note may have, whatever it holds. */
const MAX_NOTE_FILE_BYTES = 3 * MAX_NOTE_LENGTH;

/** The note in `file`; a failure says which file and what to do. */
async function readNoteFile(file: string): Promise<string> {
  try {
    const { size } = await stat(file);
    if (size > MAX_NOTE_FILE_BYTES) {
      throw new InvalidInputError(
        `${file} is too large for a note (${(size / 1024 / 1024).toFixed(1)} MB): a note can be at most ${MAX_NOTE_LENGTH.toLocaleString('en')} characters long.`,
      );
    }
    return await readFile(file, 'utf8');
  } catch (error) {
    throw userFileError(error, file) ?? error;
  }
}

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
      values.file !== undefined ? await readNoteFile(values.file) : text === '-' ? await io.readStdin() : (text ?? '');
    const paper = await service.setNote(id, note);
    print(paper, () => `${paper.id}: note saved (${plural(note.length, 'character')})\n`);
    return 0;
  },
};
