/** The `npm run web` entry: Shelfmark in a browser. Ctrl+C stops it cleanly; a second Ctrl+C stops it at once. */

import { defaultRendererDir, runWebCommand } from './http/web-command.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function untilStopRequested(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      for (const signal of SIGNALS) process.off(signal, stop);
      for (const signal of SIGNALS) process.once(signal, () => process.exit(130));
      resolve();
    };
    for (const signal of SIGNALS) process.on(signal, stop);
  });
}

process.exitCode = await runWebCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  rendererDir: defaultRendererDir(),
  untilStopRequested,
});
