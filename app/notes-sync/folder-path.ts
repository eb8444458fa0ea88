import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { InvalidInputError } from '../../core/errors.js';

/**
 * A synced folder's path as typed in the app (browser mode has no folder picker): a full path, or one under the
 * home folder written `~/…`. A relative path would be relative to wherever the server happened to start.
 */
export function typedFolderPath(typed: string, home = homedir()): string {
  const text = typed.trim();
  if (text === '~' || text.startsWith('~/')) return resolve(join(home, text.slice(1)));
  if (!isAbsolute(text)) {
    throw new InvalidInputError(`“${text}” is not a full path; type the folder’s whole path (${join(home, 'Notes')}).`);
  }
  return resolve(text);
}
