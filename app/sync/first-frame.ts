/**
 * What a synced library's list shows first, kept in this computer's app-data between runs (`first-frame.json`):
 * every paper's reading state, the digests and the notes' conflicts, with the stamp of every file they were made from (each device file,
 * imports included, and the journal's). It is used only while every one of those files is there with that stamp and
 * no other is: then the first frame needs neither a snapshot nor a log read, only this, a listing and the outline
 * file (made from the cache, which says the papers). Anything else (another device's file arrived, a change, a file
 * gone, a damaged or older cache) and the library is read as it is. Derived and local: losing it loses nothing.
 */

import { readFile } from 'node:fs/promises';

import type { Digest, ReadingStateMap } from '../../core/model.js';
import type { NoteConflict } from '../../core/sync/paper-registers.js';
import { writeFileAtomically } from '../store/atomic-write.js';
import type { FileStamp } from '../store/file-stamp.js';

/** 2: the notes' conflicts too (a frame of version 1 is not used: made again at the next close). */
const VERSION = 2;

export interface FirstFrame {
  readonly states: ReadingStateMap;
  readonly digests: readonly Digest[];
  /** Papers whose note has versions from other devices, by paper id (SyncedView.conflicts). */
  readonly conflicts: ReadonlyMap<string, readonly NoteConflict[]>;
}

/** The stamps of the files a frame is made from, by path, as one text: the same files give the same key. */
export function frameKey(stamps: ReadonlyMap<string, FileStamp | null>): string {
  return JSON.stringify(
    [...stamps]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, stamp]) => [path, stamp?.ino ?? null, stamp?.size ?? null, stamp?.mtimeMs ?? null]),
  );
}

/** The frame in `file` when it was made from files of exactly `key`; null otherwise, whatever the reason. */
export async function readFirstFrame(file: string, key: string): Promise<FirstFrame | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const newline = text.indexOf('\n');
  if (newline === -1 || text.slice(0, newline) !== JSON.stringify({ v: VERSION, key })) return null;
  try {
    const json = JSON.parse(text.slice(newline + 1)) as {
      readonly states?: unknown;
      readonly digests?: unknown;
      readonly conflicts?: unknown;
    };
    if (typeof json.states !== 'object' || json.states === null || !Array.isArray(json.digests)) return null;
    if (!Array.isArray(json.conflicts)) return null;
    return Object.freeze({
      states: Object.freeze(json.states as ReadingStateMap),
      digests: json.digests as readonly Digest[],
      conflicts: new Map(json.conflicts as [string, readonly NoteConflict[]][]),
    });
  } catch {
    return null;
  }
}

/** Saves `frame`, made from files of `key`. Not durable: lost, the next start reads the library. */
export async function writeFirstFrame(file: string, key: string, frame: FirstFrame): Promise<void> {
  const body = JSON.stringify({ states: frame.states, digests: frame.digests, conflicts: [...frame.conflicts] });
  await writeFileAtomically(file, `${JSON.stringify({ v: VERSION, key })}\n${body}`, { durable: false });
}
