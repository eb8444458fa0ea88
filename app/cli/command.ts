/** What a command of the command line is: how it declares itself, and what it is given to run. */

import type { LibraryService } from '../library-service.js';
import { COMMAND_OPTIONS, type CommandOption, type OptionValues } from './options.js';
import { UsageError } from './usage-error.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly env: NodeJS.ProcessEnv;
  /** Standard error is a terminal: a long command may draw its progress there. */
  readonly stderrIsTerminal?: boolean;
}

export interface Context {
  readonly service: LibraryService;
  readonly args: readonly string[];
  readonly values: OptionValues;
  readonly io: CliIo;
  /** Prints `data` as JSON with --json, else the human text; either one made terminal-safe. */
  readonly print: (data: unknown, human: () => string) => void;
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
  /** Whole command lines that show it in use. */
  readonly examples: readonly string[];
  readonly run: (context: Context) => Promise<number>;
}

/** "tag ID TAG...": the command and what it takes, as `shelfmark` is followed by it. */
export function usageOf(command: Command): string {
  return command.usage === '' ? command.name : `${command.name} ${command.usage}`;
}

/** Throws a UsageError when the command is given too few or too many arguments, or an option it does not take. */
export function checkCall(command: Command, args: readonly string[], values: OptionValues): void {
  const [min, max] = command.args;
  if (args.length < min || args.length > max) throw new UsageError(`usage: shelfmark ${usageOf(command)}`);
  for (const option of COMMAND_OPTIONS) {
    if (values[option] !== undefined && !command.options?.includes(option)) {
      throw new UsageError(`${command.name} does not take --${option}.`);
    }
  }
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
