/** `shelfmark`: the library from the command line. `run` takes its world as arguments, so tests call it in-process. */

import { terminalJson, terminalLine, terminalText } from '../../core/terminal-text.js';
import { LibraryService } from '../library-service.js';
import { appDataDirectory, resolveLibraryPath } from '../library-location.js';
import { bundledSampleDigest } from '../resources.js';
import { networkSettings } from '../net/settings.js';
import { checkCall, type CliIo } from './command.js';
import { errorReport } from './error-report.js';
import { checkLibraryIsThere } from './library-check.js';
import { UsageError } from './usage-error.js';
import { commandNamed, COMMANDS } from './commands/index.js';
import { commandHelpText, helpText } from './help.js';
import { parseOptions } from './options.js';

export type { CliIo } from './command.js';

/** What `shelfmark help [COMMAND]`, `shelfmark COMMAND --help` and `shelfmark` alone print, and their exit code. */
function help(name: string | undefined, args: readonly string[], asked: boolean): { text: string; code: number } {
  if (name === 'help') {
    const [topic, ...rest] = args;
    if (rest.length > 0) throw new UsageError('usage: shelfmark help [COMMAND]');
    if (topic === undefined) return { text: helpText(COMMANDS), code: 0 };
    const command = commandNamed(topic);
    if (command === undefined) throw new UsageError(`"${topic}" is not a command.`);
    return { text: commandHelpText(command), code: 0 };
  }
  const command = name === undefined ? undefined : commandNamed(name);
  return {
    text: command === undefined ? helpText(COMMANDS) : commandHelpText(command),
    code: name === undefined && !asked ? 2 : 0,
  };
}

/** Whether the command line asks for JSON: known before its options are parsed, which may fail. */
const asksForJson = (argv: readonly string[]): boolean => {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
};

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const json = asksForJson(argv);
  let service: LibraryService | undefined;
  /** The command being run, once known, for the pointer to its help after a usage error. */
  let commandName: string | undefined;
  try {
    const { values, positionals, unknown } = parseOptions(argv);
    const [name, ...args] = positionals;
    if (values.help === true || name === 'help' || (name === undefined && unknown.length === 0)) {
      const { text, code } = help(name, args, values.help === true);
      io.stdout(text);
      return code;
    }
    const command = name === undefined ? undefined : commandNamed(name);
    if (command === undefined) {
      // An unknown option's value comes first when it is not a command: `shelfmark --max 5 list`.
      const [option] = unknown;
      throw new UsageError(
        option === undefined ? `"${name ?? ''}" is not a command.` : `"${option}" is not an option.`,
      );
    }
    commandName = command.name;
    checkCall(command, args, values, unknown);
    service = new LibraryService(resolveLibraryPath(values.db, io.env), {
      sampleDigest: bundledSampleDigest(),
      appData: appDataDirectory(process.platform, io.env),
      network: networkSettings(io.env, io.network),
      ...(io.now === undefined ? {} : { now: io.now }),
    });
    await checkLibraryIsThere(command, service, values.db);
    // Whatever a command prints goes through the one terminal-safe rule: the library holds what digests said.
    const print = (data: unknown, human: () => string): void =>
      io.stdout(json ? `${terminalJson(data)}\n` : terminalText(human()));
    const warn = (message: string): void => {
      if (!json) io.stderr(`shelfmark: ${terminalLine(message)}\n`);
    };
    return await command.run({ service, args, values, io, print, warn });
  } catch (error) {
    if (error instanceof UsageError && error.given !== undefined) commandName ??= commandNamed(error.given)?.name;
    const { text, code } = errorReport(error, json, commandName);
    io.stderr(text);
    return code;
  } finally {
    await service?.close();
  }
}

/** The process entry point. */
export async function main(): Promise<void> {
  // `shelfmark list | head` closes the pipe early: that is the reader's choice, not an error to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const readStdinBytes = async (): Promise<Uint8Array> => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  };
  const readStdin = async (): Promise<string> => Buffer.from(await readStdinBytes()).toString('utf8');
  let interrupted: AbortController | undefined;
  const interrupts = (): AbortSignal => {
    if (interrupted === undefined) {
      const controller = new AbortController();
      interrupted = controller;
      // The first Ctrl-C cancels, and the command ends with nothing changed; a second one ends the process.
      process.on('SIGINT', () => {
        if (controller.signal.aborted) process.exit(130);
        controller.abort();
      });
    }
    return interrupted.signal;
  };
  process.exitCode = await run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin,
    readStdinBytes,
    env: process.env,
    stderrIsTerminal: process.stderr.isTTY,
    interrupts,
  });
}
