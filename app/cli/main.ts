/** `shelfmark`: the library from the command line. `run` takes its world as arguments, so tests call it in-process. */

import { DigestError } from '../../core/import/types.js';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { terminalJson, terminalLine, terminalText } from '../../core/terminal-text.js';
import { LibraryService } from '../library-service.js';
import { resolveLibraryPath } from '../library-location.js';
import { bundledSampleDigest } from '../resources.js';
import { LibraryFileError } from '../store/index.js';
import { checkCall, type CliIo } from './command.js';
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

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let service: LibraryService | undefined;
  try {
    const { values, positionals } = parseOptions(argv);
    const [name, ...args] = positionals;
    if (values.help === true || name === undefined || name === 'help') {
      const { text, code } = help(name, args, values.help === true);
      io.stdout(text);
      return code;
    }
    const command = commandNamed(name);
    if (command === undefined) throw new UsageError(`"${name}" is not a command.`);
    checkCall(command, args, values);
    service = new LibraryService(resolveLibraryPath(values.db, io.env), {
      sampleDigest: bundledSampleDigest(),
    });
    // Whatever a command prints goes through the one terminal-safe rule: the library holds what digests said.
    const print = (data: unknown, human: () => string): void =>
      io.stdout(values.json === true ? `${terminalJson(data)}\n` : terminalText(human()));
    return await command.run({ service, args, values, io, print });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`shelfmark: ${terminalLine(error.message)} (see "shelfmark --help")\n`);
      return 2;
    }
    const known = [LibraryFileError, DigestError, InvalidInputError, NotFoundError].some(
      (kind) => error instanceof kind,
    );
    const message = error instanceof Error ? error.message : String(error);
    // One line: a line break inside the message is a space, any other unsafe character an escape.
    const line = terminalLine(message.replace(/\r?\n/g, ' '));
    io.stderr(`shelfmark: ${known ? line : `unexpected error: ${line}`}\n`);
    return 1;
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
  const readStdin = async (): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  process.exitCode = await run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin,
    env: process.env,
    stderrIsTerminal: process.stderr.isTTY,
  });
}
