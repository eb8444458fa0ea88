/**
 * A library folder's files as a sync tool leaves them, without the tool's own (`.stfolder`, `.git`, temporaries),
 * and a file written into one, its folders made as needed.
 */

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/** Names a sync tool keeps for itself, at any depth: Syncthing's marker and temporaries, git's repository. */
const TOOL_OWN = /^(?:\.stfolder|\.stversions|\.stignore|\.git|\.syncthing\..*\.tmp|~syncthing~.*\.tmp)$/;

/** Every file below `folder` but the tool's own, by its `/`-separated path relative to the folder, as text. */
export async function folderFiles(folder: string): Promise<Map<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.split('/').some((part) => TOOL_OWN.test(part)))
    .sort();
  return new Map(
    await Promise.all(files.map(async (path) => [path, await readFile(join(folder, path), 'utf8')] as const)),
  );
}

/** Writes `text` to `path` (`/`-separated, relative) in `folder`, making the folders it is in. */
export async function writeInFolder(folder: string, path: string, text: string): Promise<void> {
  await mkdir(dirname(join(folder, path)), { recursive: true });
  await writeFile(join(folder, path), text);
}
