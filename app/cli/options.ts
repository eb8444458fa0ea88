/** The command line's options: how they are parsed, and what the help says of each. */

import { parseArgs } from 'node:util';
import { EXPORT_FORMATS } from '../../core/export/request.js';
import { isListSortKey, LIST_SORTS, type ListSort } from '../../core/list-sort.js';
import type { ReadingStatus } from '../../core/model.js';
import { isTriageStatus, TRIAGE_STATUSES, type TriageStatus } from '../../core/triage.js';
import { UsageError } from './usage-error.js';
import { isoDay } from '../../core/import/dates.js';

const OPTIONS = {
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
  since: { type: 'string' },
  limit: { type: 'string' },
  until: { type: 'string' },
  for: { type: 'string' },
  'dry-run': { type: 'boolean' },
  restore: { type: 'boolean' },
  template: { type: 'string' },
  sort: { type: 'string' },
  reverse: { type: 'boolean' },
  'keep-conflict': { type: 'string' },
  'keep-note': { type: 'boolean' },
  'keep-both': { type: 'boolean' },
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
  status: {
    value: 'S',
    description:
      'Only papers with this reading status: unread, reading, read (dismissed, or snoozed too: unread leaves out the snoozed)',
  },
  tag: { value: 'T', description: 'Only papers with this tag' },
  digest: {
    value: 'D',
    description: 'Only papers from this digest (an id `shelfmark digests` shows, or enough of its start to tell it)',
  },
  file: { value: 'F', description: 'Take the note from this file' },
  format: {
    value: EXPORT_FORMATS.join('|'),
    description: 'Markdown notes (the default), a JSON backup of the whole library, or citations of every paper',
  },
  out: {
    value: 'PATH',
    description: 'Where to write: a file, or for Markdown a folder with a file a paper unless PATH ends in .md',
  },
  query: { value: 'Q', description: 'Only papers a search finds, as typed in the app (words, tag:, is:)' },
  all: {
    description:
      'Every paper (by default an export holds papers with notes; sync-notes, those with a note, a tag or a status)',
  },
  abstracts: { description: 'Put each paper’s abstract in the export' },
  force: { description: 'Replace PATH if it is already there' },
  date: {
    value: 'YYYY-MM-DD',
    description: 'import: the day of every digest imported; fetch hf: that day’s papers (UTC), not the latest',
  },
  since: { value: 'YYYY-MM-DD', description: 'Every day’s papers from that day to today, a request a day' },
  limit: { value: 'N', description: 'Show at most N papers (default 20)' },
  until: { value: 'YYYY-MM-DD', description: 'The day the papers come back to Unread' },
  for: { value: '3d|2w', description: 'How long the papers stay away from Unread: days (3d) or weeks (2w)' },
  'dry-run': { description: 'Change nothing; say what would be done' },
  restore: { description: 'Write again the files of papers deleted from the folder' },
  template: {
    value: 'FILE',
    description: 'File names and front-matter keys from a YAML file (fileName, keys), kept for the folder from then on',
  },
  sort: {
    value: 'KEY',
    description:
      'In this order: added, published or year (newest first), title (A to Z), upvotes (Hugging Face’s, most first), relevance (Up next’s order; papers it does not rank last)',
  },
  reverse: { description: 'The other way round from --sort’s order (papers without its key stay last)' },
  'keep-conflict': {
    value: 'N',
    description: 'Keep version N of those `show` lists as written on another computer, as the note; drop the others',
  },
  'keep-note': { description: 'Keep the note as `show` shows it; drop the versions written on other computers' },
  'keep-both': { description: 'Keep the note with every version written on other computers below it' },
};

/** `--out PATH`, `-h, --help`: an option as help and usage lines show it. */
export function optionLabel(name: OptionName): string {
  const value = OPTION_HELP[name].value;
  const short = name === 'help' ? `-${OPTIONS.help.short}, ` : '';
  return `${short}--${name}${value === undefined ? '' : ` ${value}`}`;
}

/** The options given, each by its name: a string for an option with a value, true for a switch. */
export type OptionValues = {
  -readonly [Name in OptionName]?: (typeof OPTIONS)[Name]['type'] extends 'string' ? string : boolean;
};

export interface ParsedOptions {
  readonly values: OptionValues;
  readonly positionals: string[];
  /** Options given that Shelfmark has none of, as they were typed: `--limit`, `-x`. */
  readonly unknown: string[];
}

const isOptionName = (name: string): name is OptionName => Object.hasOwn(OPTIONS, name);

/** A value that looks like an option (`--status --json`) is an option whose value was forgotten; `-` is a value. */
const looksLikeOption = (value: string): boolean => value.length > 1 && value.startsWith('-');

/**
 * The options and arguments of a command line. Throws a UsageError, in the command line's words, for an option
 * given without its value, a value given to a switch, or an option given twice; options Shelfmark does not have
 * are returned, for the caller to refuse in the words of the command they were given to.
 */
export function parseOptions(argv: readonly string[]): ParsedOptions {
  const { tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const values: Partial<Record<OptionName, string | boolean>> = {};
  const positionals = tokens.flatMap((token) => (token.kind === 'positional' ? [token.value] : []));
  const unknown: string[] = [];
  // A mistake names the command the line names, if it names one, for the help it points to.
  const mistake = (message: string): UsageError => new UsageError(message, positionals[0]);
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const { name, value } = token;
    if (!isOptionName(name)) {
      unknown.push(token.rawName);
    } else if (OPTIONS[name].type === 'boolean') {
      if (value !== undefined) throw mistake(`--${name} takes no value.`);
      values[name] = true;
    } else {
      if (value === undefined || value === '' || (!token.inlineValue && looksLikeOption(value))) {
        const dash =
          value !== undefined && value !== '' ? ` (one that starts with "-" is written --${name}=VALUE)` : '';
        throw mistake(`--${name} needs a value: ${optionLabel(name)}${dash}.`);
      }
      if (values[name] !== undefined) throw mistake(`--${name} is given twice; give it once.`);
      values[name] = value;
    }
  }
  return { values: values as OptionValues, positionals, unknown };
}

/** The day a --date option names; a UsageError when it names none. */
export function dayArg(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const day = isoDay(value);
  if (day === null) throw new UsageError(`"${value}" is not a day: write it as YYYY-MM-DD, as in 2025-03-03.`);
  return day;
}

/** The statuses `status` sets; a paper is dismissed by `dismiss`, as it is snoozed by `snooze`. */
export const SET_STATUSES = ['unread', 'reading', 'read'] as const satisfies readonly ReadingStatus[];

/** The reading status `status` is given; a UsageError when it names none. */
export function statusArg(value: string | undefined): ReadingStatus | undefined {
  if (value === undefined) return undefined;
  if (value === 'snoozed' || value === 'dismissed') {
    const command = value === 'snoozed' ? 'snooze' : 'dismiss';
    throw new UsageError(`"${value}" is not a status to set: ${command} with shelfmark ${command} ID.`);
  }
  if (!(SET_STATUSES as readonly string[]).includes(value)) {
    throw new UsageError(`"${value}" is not a status: use ${SET_STATUSES.join(', ')}.`);
  }
  return value as ReadingStatus;
}

/** The view a --status option names (a reading status, or snoozed); a UsageError when it names none. */
export function viewArg(value: string | undefined): TriageStatus | undefined {
  if (value === undefined) return undefined;
  if (!isTriageStatus(value)) throw new UsageError(`"${value}" is not a status: use ${TRIAGE_STATUSES.join(', ')}.`);
  return value;
}

/** The order --sort and --reverse ask for; null when neither is given. A UsageError for a sort Shelfmark has not. */
export function sortArg(value: string | undefined, reverse: boolean | undefined): ListSort | null {
  if (value === undefined) {
    if (reverse === true)
      throw new UsageError('--reverse turns a --sort round: give one, as in --sort added --reverse.');
    return null;
  }
  if (!isListSortKey(value)) throw new UsageError(`"${value}" is not a sort: use ${LIST_SORTS.join(', ')}.`);
  return { by: value, reverse: reverse === true };
}

/** Papers a --limit option shows at most. */
const MAX_LIMIT = 100_000;

/** How many papers a --limit option asks for (`fallback` when it is not given); a UsageError when it is no count. */
export function limitArg(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new UsageError(`--limit takes a whole number from 1 to ${MAX_LIMIT.toLocaleString('en')}.`);
  }
  return limit;
}
