/** What a command of the command line is: how it declares itself, and what it is given to run. */

import type { LibraryService } from '../library-service.js';
import type { NetworkOverrides } from '../net/settings.js';
import { COMMAND_OPTIONS, type CommandOption, type OptionValues } from './options.js';
import { UsageError } from './usage-error.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  /** Standard input as it is, for a digest whose encoding the importer works out; else readStdin's text is used. */
  readonly readStdinBytes?: () => Promise<Uint8Array>;
  readonly env: NodeJS.ProcessEnv;
  /** Whether standard error is a terminal: a command that waits on the network shows its progress there. */
  readonly stderrIsTerminal?: boolean;
  /**
   * A signal that aborts when the user presses Ctrl-C. From the first call on, Ctrl-C cancels what the command is
   * doing (a fetch), which then ends with nothing changed, instead of ending the process at once.
   */
  readonly interrupts?: () => AbortSignal;
  /** For tests: how the network is reached and time is kept (the API bases come from env). */
  readonly network?: NetworkOverrides;
  /** For tests: what time it is (what "today" is to `fetch hf`). */
  readonly now?: () => Date;
}

interface Context {
  readonly service: LibraryService;
  readonly args: readonly string[];
  readonly values: OptionValues;
  readonly io: CliIo;
  /** Prints `data` as JSON with --json, else the human text; either one made terminal-safe. */
  readonly print: (data: unknown, human: () => string) => void;
  /**
   * Says on standard error, as one terminal-safe line, what the user should know of a command that did its work
   * (a tag saved in another form). Not with --json: there, what was done is in the output.
   */
  readonly warn: (message: string) => void;
}

export interface Command {
  /** What follows `shelfmark` to run it. */
  readonly name: string;
  /** Its arguments and options as the usage line shows them after the name ("ID TAG..."); '' for none. */
  readonly usage: string;
  /** What it does, in a line. */
  readonly summary: string;
  /** The options it takes besides --db, --json and --help. */
  readonly options?: readonly CommandOption[];
  /** How many arguments it takes. */
  readonly args: readonly [min: number, max: number];
  /**
   * What it needs at the library's place: a library (the default: reading or changing one that is not there is a
   * mistake, not an empty library), a library or backups of one (to bring back a library that is gone), or
   * nothing (it starts a library where there is none).
   */
  readonly needs?: 'library' | 'library-or-backups' | 'nothing';
  /** Whole command lines that show it in use. */
  readonly examples: readonly string[];
  readonly run: (context: Context) => Promise<number>;
}

/** "tag ID TAG...": the command and what it takes, as `shelfmark` is followed by it. */
export function usageOf(command: Command): string {
  return command.usage === '' ? command.name : `${command.name} ${command.usage}`;
}

/**
 * Throws a UsageError when the command is given an option it does not take (one of `unknown`, options Shelfmark
 * does not have, or one of another command's), or too few or too many arguments.
 */
export function checkCall(
  command: Command,
  args: readonly string[],
  values: OptionValues,
  unknown: readonly string[] = [],
): void {
  const notTaken = COMMAND_OPTIONS.filter(
    (option) => values[option] !== undefined && !command.options?.includes(option),
  );
  const [refused] = [...unknown, ...notTaken.map((option) => `--${option}`)];
  if (refused !== undefined) throw new UsageError(`${command.name} does not take ${refused}.`);
  const [min, max] = command.args;
  if (args.length < min || args.length > max) throw new UsageError(`usage: shelfmark ${usageOf(command)}`);
}

/** The `run` of a command that prints what it reads from the library: as JSON, or as `format` writes it. */
export function printRead<T>(
  read: (service: LibraryService) => Promise<T>,
  format: (data: T) => string,
): Command['run'] {
  return async ({ service, print }) => {
    const data = await read(service);
    print(data, () => format(data));
    return 0;
  };
}
