/** The command line's options: how they are parsed, and what the help says of each. */

import { parseArgs } from 'node:util';
import { isReadingStatus, READING_STATUSES, type ReadingStatus } from '../../core/model.js';
import { UsageError } from './usage-error.js';
import { isoDay } from '../../core/import/dates.js';

export const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  status: { type: 'string' },
  tag: { type: 'string' },
  digest: { type: 'string' },
  file: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  query: { type: 'string' },
  all: { type: 'boolean' },
  abstracts: { type: 'boolean' },
  force: { type: 'boolean' },
  date: { type: 'string' },
} as const;

export type OptionName = keyof typeof OPTIONS;

/** Options every command takes. */
export const GLOBAL_OPTIONS = ['db', 'json', 'help'] as const satisfies readonly OptionName[];

/** Options only the commands that declare them take. */
export type CommandOption = Exclude<OptionName, (typeof GLOBAL_OPTIONS)[number]>;

const isCommandOption = (name: OptionName): name is CommandOption =>
  !(GLOBAL_OPTIONS as readonly OptionName[]).includes(name);

export const COMMAND_OPTIONS: readonly CommandOption[] = (Object.keys(OPTIONS) as OptionName[]).filter(isCommandOption);

export interface OptionHelp {
  /** What the option's value is called in help, as in `--out PATH`; none for a switch. */
  readonly value?: string;
  readonly description: string;
}

export const OPTION_HELP: Readonly<Record<OptionName, OptionHelp>> = {
  db: { value: 'PATH', description: 'The library file (default: $SHELFMARK_DB, else the desktop app’s library.json)' },
  json: { description: 'Print JSON instead of text' },
  help: { description: 'Show this help' },
  status: { value: 'S', description: `Only papers with this reading status: ${READING_STATUSES.join(', ')}` },
  tag: { value: 'T', description: 'Only papers with this tag' },
  digest: { value: 'D', description: 'Only papers from this digest (an id `shelfmark digests` shows)' },
  file: { value: 'F', description: 'Take the note from this file' },
  format: {
    value: 'md|json|bibtex',
    description: 'Markdown notes (the default), a JSON backup of the whole library, or BibTeX of every paper',
  },
  out: {
    value: 'PATH',
    description: 'Where to write: a file, or for Markdown a folder with a file a paper unless PATH ends in .md',
  },
  query: { value: 'Q', description: 'Only papers a search finds, as typed in the app (words, tag:, is:)' },
  all: { description: 'Papers without a note too (an export holds only papers with notes by default)' },
  abstracts: { description: 'Put each paper’s abstract in the export' },
  force: { description: 'Replace PATH if it is already there' },
  date: { value: 'YYYY-MM-DD', description: 'The day each digest imported is of, whatever its file says' },
};

/** `--out PATH`, `-h, --help`: an option as help and usage lines show it. */
export function optionLabel(name: OptionName): string {
  const value = OPTION_HELP[name].value;
  const short = name === 'help' ? `-${OPTIONS.help.short}, ` : '';
  return `${short}--${name}${value === undefined ? '' : ` ${value}`}`;
}

export type OptionValues = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

export function parseOptions(argv: readonly string[]): { values: OptionValues; positionals: string[] } {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}

/** The day a --date option names; a UsageError when it names none. */
export function dayArg(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const day = isoDay(value);
  if (day === null) throw new UsageError(`"${value}" is not a day: write it as YYYY-MM-DD, as in 2025-03-03.`);
  return day;
}

/** The reading status a --status option or an argument names; a UsageError when it names none. */
export function statusArg(value: string | undefined): ReadingStatus | undefined {
  if (value === undefined) return undefined;
  if (!isReadingStatus(value)) throw new UsageError(`"${value}" is not a status: use ${READING_STATUSES.join(', ')}.`);
  return value;
}
