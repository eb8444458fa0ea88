/** What the command line says when a command fails, and its exit code: the same for every error, by its kind. */

import { terminalJson, terminalLine } from '../../core/terminal-text.js';
import { toApiError } from '../api-error.js';
import { EXIT_CODES, type CliErrorKind } from './exit-codes.js';
import { UsageError } from './usage-error.js';

interface CliError {
  readonly kind: CliErrorKind;
  readonly message: string;
}

function classifyError(error: unknown): CliError {
  return error instanceof UsageError ? { kind: 'usage', message: error.message } : toApiError(error);
}

/** One line: a line break inside the message is a space, any other unsafe character an escape. */
const oneLine = (message: string): string => terminalLine(message.replace(/\r?\n/g, ' '));

/**
 * What goes to standard error for `error`, and the exit code its kind has: with --json (`json`), the JSON object
 * `{"error": {"kind", "message"}}` on a line; else `shelfmark: MESSAGE`, and after a usage error a pointer to the
 * help of `command` when it is known.
 */
export function errorReport(
  error: unknown,
  json: boolean,
  command: string | undefined,
): { readonly text: string; readonly code: number } {
  const { kind, message } = classifyError(error);
  const code = EXIT_CODES[kind].code;
  if (json) return { text: `${terminalJson({ error: { kind, message } }, 0)}\n`, code };
  const help = kind !== 'usage' ? '' : ` (see "shelfmark ${command === undefined ? '--help' : `help ${command}`}")`;
  return { text: `shelfmark: ${oneLine(message)}${help}\n`, code };
}
