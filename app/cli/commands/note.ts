import { readFile, stat } from 'node:fs/promises';
import { InvalidInputError } from '../../../core/errors.js';
import { keptBoth } from '../../../core/devices-words.js';
import { MAX_NOTE_LENGTH } from '../../../core/reading.js';
import type { LibraryService } from '../../library-service.js';
import type { OptionValues } from '../options.js';
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

/**
 * The note kept when the user resolves the versions written apart on other computers (`show` lists them), or null
 * when no --keep option is given.
 */
async function keptNote(service: LibraryService, id: string, values: OptionValues): Promise<string | null> {
  const { 'keep-conflict': number, 'keep-note': keepNote, 'keep-both': keepBoth } = values;
  if (number === undefined && keepNote !== true && keepBoth !== true) return null;
  const paper = await service.getPaper(id);
  const versions = paper.noteConflicts ?? [];
  if (versions.length === 0) {
    throw new InvalidInputError(
      `${paper.id}’s note was not written on another computer at the same time: there is nothing to keep.`,
    );
  }
  if (keepNote === true) return paper.note;
  if (keepBoth === true)
    return keptBoth(
      paper.note,
      versions.map((version) => version.text),
    );
  const index = /^\d+$/.test(number ?? '') ? Number(number) - 1 : -1;
  const version = versions[index];
  if (version === undefined) {
    throw new UsageError(
      `--keep-conflict takes the number of a version \`shelfmark show ${paper.id}\` lists: ${versions.length === 1 ? '1' : `1 to ${versions.length}`}.`,
    );
  }
  return version.text;
}

export const note: Command = {
  name: 'note',
  usage: 'ID (TEXT | --file F | - | --keep-…)',
  summary:
    'Replace a paper’s note with TEXT, a file’s contents, or standard input (-); or keep one of its versions written on other computers',
  options: ['file', 'keep-conflict', 'keep-note', 'keep-both'],
  args: [1, 2],
  examples: [
    'shelfmark note 2403.01234 "Read section 3 again."',
    'shelfmark note 2403.01234 --file notes/pard.md',
    'shelfmark note 2403.01234 --keep-conflict 1',
  ],
  async run({ service, args, values, io, print, warn }) {
    const [id = '', text] = args;
    const sources = [text, values.file, values['keep-conflict'], values['keep-note'], values['keep-both']];
    if (sources.filter((source) => source !== undefined).length !== 1) {
      throw new UsageError(
        'note takes the note as TEXT, as --file F, or - for standard input, or one of --keep-conflict N, --keep-note, --keep-both: exactly one of them.',
      );
    }
    const kept = await keptNote(service, id, values);
    if (kept !== null) {
      const paper = await service.resolveNote(id, kept);
      print(paper, () => `${paper.id}: note kept (${plural(kept.length, 'character')}); the other versions are gone\n`);
      return 0;
    }
    const note =
      values.file !== undefined ? await readNoteFile(values.file) : text === '-' ? await io.readStdin() : (text ?? '');
    const paper = await service.setNote(id, note);
    print(paper, () => `${paper.id}: note saved (${plural(note.length, 'character')})\n`);
    // The versions written on other computers stay beside the note until one is kept.
    const versions = (await service.getPaper(paper.id)).noteConflicts?.length ?? 0;
    if (versions > 0) {
      warn(
        `${paper.id}’s note also has ${versions === 1 ? 'a version' : `${versions} versions`} written on another computer at the same time: shelfmark show ${paper.id} lists ${versions === 1 ? 'it' : 'them'}, and note --keep-note keeps yours alone.`,
      );
    }
    return 0;
  },
};
