/**
 * A command that reads or changes a library refuses a place where there is none: the app opens an empty library
 * there, but on the command line a path with nothing at it is a mistake (a typo in --db), not an empty list.
 */

import { NotFoundError } from '../../core/errors.js';
import type { LibraryService } from '../library-service.js';
import { libraryExists } from '../sync/open-library-store.js';
import type { Command } from './command.js';

/** `path` as a shell takes it, quoted only when it must be. */
const shellWord = (path: string): string => (/^[\w./@%+:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`);

/**
 * Throws a NotFoundError, naming the path and how to start a library there, unless there is what `command` needs:
 * a library, or for `backups` and `restore` backups of one. `db` is the --db option as the user typed it.
 */
export async function checkLibraryIsThere(
  command: Command,
  service: LibraryService,
  db: string | undefined,
): Promise<void> {
  const needs = command.needs ?? 'library';
  if (needs === 'nothing' || (await libraryExists(service.paths.catalogue))) return;
  if (needs === 'library-or-backups' && (await service.listBackups()).length > 0) return;
  const option = db === undefined ? '' : ` --db ${shellWord(db)}`;
  throw new NotFoundError(
    `There is no library at ${service.paths.catalogue}. Start one by importing a digest: shelfmark${option} import FILE`,
  );
}
