/** Where the library lives when the user names none: the file the desktop app uses. */

import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'Shelfmark';
export const LIBRARY_FILE_NAME = 'library.json';

/** The platform's app-data folder for Shelfmark, as Electron's `app.getPath('userData')` gives it. */
export function appDataDirectory(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  const config = env['XDG_CONFIG_HOME'];
  return join(config !== undefined && config !== '' ? config : join(home, '.config'), APP_NAME);
}

/** `--db`, else `SHELFMARK_DB`, else `library.json` in the app-data folder. */
export function resolveLibraryPath(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (option !== undefined && option !== '') return resolve(option);
  const fromEnv = env['SHELFMARK_DB'];
  if (fromEnv !== undefined && fromEnv !== '') return resolve(fromEnv);
  return join(appDataDirectory(process.platform, env), LIBRARY_FILE_NAME);
}
