/**
 * Reads a synced folder: every Markdown file below it, whole, and every name in it. Hidden folders (.obsidian,
 * .git, .trash) are not looked into, links are not followed, and a file that changes while it is read is read
 * once more, then left for the next sync: what is taken in is never half of one version and half of another.
 */

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FOLDER_FILE_EXTENSION } from '../../core/export/markdown.js';
import type { FolderContents, FolderFile, UnreadFile } from '../../core/notes-sync/plan.js';
import { writeTempTarget } from '../store/atomic-write.js';
import { isErrorCode } from '../store/errors.js';
import { sameStamp, stampOf, type FileStamp } from '../store/file-stamp.js';

/** Larger than any note Shelfmark keeps (a million characters) can be in UTF-8, with its front matter. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface ScanHooks {
  /** For tests: runs after a file is read and before it is looked at again (another program editing it). */
  readonly afterRead?: (path: string) => Promise<void>;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

type Reading =
  { readonly text: string } | { readonly unread: 'changing' | 'unreadable'; readonly reason: string } | null;

/** A file read while it stayed as it was (its inode, size and modification time the same before and after). */
async function readSteadily(file: string, path: string, hooks: ScanHooks): Promise<Reading> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let before: FileStamp | null;
    let bytes: Buffer;
    try {
      before = await stampOf(file);
      if (before === null) return null;
      if (before.size > MAX_FILE_BYTES) {
        return { unread: 'unreadable', reason: 'it is larger than any note (8 MB); left as it is' };
      }
      bytes = await readFile(file);
    } catch (error) {
      if (isErrorCode(error, 'ENOENT')) return null;
      if (isErrorCode(error, 'EACCES', 'EPERM', 'EISDIR')) {
        return { unread: 'unreadable', reason: 'Shelfmark may not read it; left as it is' };
      }
      throw error;
    }
    await hooks.afterRead?.(path);
    const after = await stampOf(file);
    if (after === null) return null;
    if (sameStamp(before, after) && after.size === bytes.length) {
      try {
        return { text: strictUtf8.decode(bytes) };
      } catch {
        return { unread: 'unreadable', reason: 'it is not UTF-8 text; left as it is' };
      }
    }
  }
  return { unread: 'changing', reason: 'it kept changing while it was read; it is synced at the next sync' };
}

/** The folder's contents, and the temp files of Markdown files that Shelfmark's writes left in it (their paths). */
export interface ScannedFolder extends FolderContents {
  readonly writeTemps: readonly string[];
}

export async function scanFolder(root: string, hooks: ScanHooks = {}): Promise<ScannedFolder> {
  const files: FolderFile[] = [];
  const unread: UnreadFile[] = [];
  const names: string[] = [];
  const writeTemps: string[] = [];
  const visit = async (relative: string): Promise<void> => {
    const entries = await readdir(join(root, relative), { withFileTypes: true }).catch((error: unknown) => {
      if (isErrorCode(error, 'ENOENT', 'EACCES', 'EPERM', 'ENOTDIR')) return [];
      throw error;
    });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      // Hidden: an app's settings (.obsidian), version control (.git), a trash (.trash), Shelfmark's temp files.
      if (entry.name.startsWith('.')) {
        const target = writeTempTarget(entry.name);
        if (entry.isFile() && target?.toLowerCase().endsWith(FOLDER_FILE_EXTENSION) === true) writeTemps.push(path);
        continue;
      }
      names.push(path);
      if (entry.isDirectory()) {
        await visit(path);
        continue;
      }
      if (!entry.isFile() || !entry.name.toLowerCase().endsWith(FOLDER_FILE_EXTENSION)) continue;
      const reading = await readSteadily(join(root, path), path, hooks);
      if (reading === null) continue;
      if ('text' in reading) files.push({ path, text: reading.text });
      else unread.push({ path, kind: reading.unread, reason: reading.reason });
    }
  };
  await visit('');
  return { files, unread, names, writeTemps };
}

/** Whether `path` is a folder (or a link to one); false when there is nothing there. */
export async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    if (isErrorCode(error, 'ENOENT', 'ENOTDIR')) return false;
    throw error;
  }
}
