import * as fsp from 'node:fs/promises';
import path from 'node:path';

import type { ReadingState, ReadingStateMap } from '../../core/model.js';
import { syncDirectory, writeFileAtomically } from './atomic-write.js';
import { corruptFileError, isErrorCode, newerFileError } from './errors.js';
import { stampOfStats, type FileStamp } from './file-stamp.js';
import { decode, STATE_FORMAT } from './schema.js';

/*
 * The write-ahead log in front of the reading-state snapshot (library.state.log in front of library.state.json).
 * A status, tag or note change is appended here as one JSON line and fdatasynced before it is acknowledged, so a
 * change costs one small append whatever the library's size; the snapshot, a lowdb document rewritten whole, is
 * brought up to date only when the log is folded into it (compaction, library-store.ts).
 * Each line is shaped like the snapshot file, {"schemaVersion":2,"states":{"<paper id>":<complete ReadingState>, …}}
 * (a line of version 1, written before dismissals and snoozes, reads as it is).
 * A line holds complete states, so replaying a line twice changes nothing, and one change is one line,
 * so a crash never leaves half of a change behind. A last line without its newline was cut short
 * by a crash before it was acknowledged, and is ignored.
 */

/** How far the log has been read. */
export interface LogPosition {
  readonly stamp: FileStamp;
  /** The byte offset just after the last complete line read. */
  readonly end: number;
  /** Complete lines up to `end`. */
  readonly lines: number;
}

export const LOG_START = { end: 0, lines: 0 } as const;

export interface LogRead {
  /** The changes in the order they were made. */
  readonly changes: readonly ReadingStateMap[];
  readonly position: LogPosition;
}

/** The complete lines after `from`; null when there is no log. Throws LibraryFileError for a bad line. */
export async function readWriteAheadLog(
  file: string,
  from: { readonly end: number; readonly lines: number },
): Promise<LogRead | null> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, 'r');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return null;
    throw error;
  }
  try {
    const stats = await handle.stat();
    const bytes = Buffer.alloc(Math.max(0, stats.size - from.end));
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, from.end + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const read = bytes.subarray(0, filled);
    const complete = read.subarray(0, read.lastIndexOf('\n') + 1);
    const lines = complete.toString('utf8').split('\n').slice(0, -1);
    const changes: ReadingStateMap[] = [];
    lines.forEach((line, index) => {
      if (line.trim() !== '') changes.push(decodeLine(file, line, from.lines + index + 1));
    });
    return {
      changes,
      position: { stamp: stampOfStats(stats), end: from.end + complete.length, lines: from.lines + lines.length },
    };
  } finally {
    await handle.close();
  }
}

function decodeLine(file: string, line: string, number: number): ReadingStateMap {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    throw corruptFileError(
      file,
      `line ${number} is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const decoded = decode(json, STATE_FORMAT);
  if (!decoded.ok) {
    const problem = `line ${number}: ${decoded.problem}`;
    throw decoded.newer ? newerFileError(file, problem) : corruptFileError(file, problem);
  }
  return decoded.value.states;
}

/**
 * Appends one change durably, in a single write, and returns the log's new stamp.
 * Bytes past `validLength` (a line cut short by a crash) are dropped first, so they cannot end up mid-file.
 */
export async function appendToWriteAheadLog(
  file: string,
  states: ReadonlyMap<string, ReadingState>,
  validLength: number,
): Promise<FileStamp> {
  const line = `${JSON.stringify({ schemaVersion: STATE_FORMAT.version, states: Object.fromEntries(states) })}\n`;
  const handle = await fsp.open(file, 'a');
  try {
    const before = await handle.stat();
    if (before.size > validLength) await handle.truncate(validLength);
    await handle.writeFile(line);
    // fdatasync flushes the data and the new size, which is all an append needs.
    await handle.datasync();
    // An empty log may have just been created: its directory entry must be durable too.
    if (before.size === 0) await syncDirectory(path.dirname(file));
    return stampOfStats(await handle.stat());
  } finally {
    await handle.close();
  }
}

/** Replaces the log with an empty file: a new inode, which tells other processes to read it afresh. */
export function replaceWithEmptyWriteAheadLog(file: string): Promise<void> {
  return writeFileAtomically(file, '');
}
