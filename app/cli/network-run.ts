/**
 * How a command that waits on the network runs its call: Ctrl-C cancels it, and while it runs, a line on standard
 * error (only when that is a terminal) says how far it has come.
 */

import type { TaskProgress } from '../../core/api.js';
import { terminalLine } from '../../core/terminal-text.js';
import type { RunOptions } from '../tasks.js';
import type { CliIo } from './command.js';
import { CLEAR_LINE } from './progress-bar.js';

function progressText({ message, done, total }: TaskProgress): string {
  const step = total !== null && total > 1 ? ` (${Math.min(done + 1, total)}/${total})` : '';
  return `${terminalLine(message)}${step}…`;
}

/** Runs `call` with the run options of the command line; the progress line is gone when it ends. */
export async function withNetworkRun<T>(io: CliIo, call: (options: RunOptions) => Promise<T>): Promise<T> {
  const signal = io.interrupts?.();
  const terminal = io.stderrIsTerminal === true;
  const line = { shown: false };
  const onProgress = (progress: TaskProgress): void => {
    if (!terminal) return;
    io.stderr(`${CLEAR_LINE}${progressText(progress)}`);
    line.shown = true;
  };
  try {
    return await call({ ...(signal === undefined ? {} : { signal }), onProgress });
  } finally {
    if (line.shown) io.stderr(CLEAR_LINE);
  }
}
