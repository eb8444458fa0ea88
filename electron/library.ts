/** Which library file the desktop app opens. */

import { join } from 'node:path';
import { LIBRARY_FILE_NAME, resolveLibraryPath } from '../app/library-location.js';

/** The value of a `--db=PATH` (or `--db PATH`) switch on the command line; the last one wins. */
export function dbSwitch(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === undefined) continue;
    if (arg.startsWith('--db=')) found = arg.slice('--db='.length);
    else if (arg === '--db' && index + 1 < argv.length) found = argv[++index];
  }
  return found === '' ? undefined : found;
}

/** The arguments without any `--db` switch, to restart on another library. */
export function withoutDbSwitch(argv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === undefined || arg.startsWith('--db=')) continue;
    if (arg === '--db') {
      index += 1;
      continue;
    }
    kept.push(arg);
  }
  return kept;
}

/**
 * `--db`, else `SHELFMARK_DB`, else `library.json` in Electron's userData folder: the CLI's rule, whose default
 * (`appDataDirectory()/library.json`) is the same folder once the app is named "Shelfmark".
 */
export function desktopLibraryPath(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): string {
  const option = dbSwitch(argv);
  const fromEnv = env['SHELFMARK_DB'];
  if (option !== undefined || (fromEnv !== undefined && fromEnv !== '')) return resolveLibraryPath(option, env);
  return join(userData, LIBRARY_FILE_NAME);
}
