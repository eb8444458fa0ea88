/**
 * Every device's files of a library's folder, read again only where they changed (by inode, size and mtime): a
 * document when its stamp changed, a log from where it was last read when it only grew (its last bytes read before
 * still in place), else whole. A last line without its newline (a sync in progress, a crash) waits until whole.
 */

import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';

import type { ImportOp } from '../../core/sync/catalogue-fold.js';
import { classifyPath } from '../../core/sync/device-files.js';
import type { DeviceSnapshot } from '../../core/sync/device-documents.js';
import { contributionsOf, readDeviceFile, type LibraryFiles, type ReadFile } from '../../core/sync/library-files.js';
import { joinDelta, joinStates } from '../../core/sync/sync-state.js';
import { sameStamp, stampOf, stampOfStats, type FileStamp } from '../store/file-stamp.js';
import { deviceFolderPaths } from './device-folder.js';
import { openIfThere } from './read-text.js';

/** The bytes before a log's end read again to tell that the log only grew (and was not written anew meanwhile). */
const OVERLAP_BYTES = 256;

interface ReadEntry {
  readonly stamp: FileStamp;
  readonly read: ReadFile | null;
  /** Of a log: where its whole lines end, the last bytes before it, and how many lines were read. */
  readonly end: number;
  readonly overlap: Buffer;
  readonly lines: number;
  /** An import stamped but not read (deferImports). */
  readonly deferred?: true;
  /** Of a snapshot: the hash of its text, so that the same text elsewhere (the journal's) is not read again. */
  readonly hash?: string;
}

const NEWLINE = 0x0a;

export class DeviceFolderReader {
  readonly #directory: string;
  readonly #entries = new Map<string, ReadEntry>();
  #files: LibraryFiles | null = null;
  #deferring = false;

  constructor(directory: string) {
    this.#directory = directory;
  }

  /**
   * From now, import files are only stamped, not read (a store opening from a cache that covers them: at 100,000
   * papers they are most of the folder's bytes), until readImports.
   */
  deferImports(): void {
    this.#deferring = true;
  }

  /** Import files put off are read at the next refresh, and every one from then on. */
  readImports(): void {
    this.#deferring = false;
  }

  /** Whether import files are being put off. */
  get deferring(): boolean {
    return this.#deferring;
  }

  /** The ids of the imports whose files (or a sync tool's copies of them) are there, read or not. */
  importIds(): Set<string> {
    const ids = new Set<string>();
    for (const path of this.#entries.keys()) {
      const file = classifyPath(path);
      if (file?.role.kind === 'import') ids.add(`${file.role.stamp}@${file.device}`);
    }
    return ids;
  }

  /** Reads what changed since the last call; gives the paths of the files that did (gone, new or changed). */
  async refresh(): Promise<readonly string[]> {
    const paths = await deviceFolderPaths(this.#directory);
    const changed: string[] = [];
    const present = new Set(paths);
    for (const path of [...this.#entries.keys()]) {
      if (!present.has(path)) {
        this.#entries.delete(path);
        changed.push(path);
      }
    }
    for (const path of paths) {
      const before = this.#entries.get(path);
      const after = await this.#readIfChanged(path, before);
      if (after === before) continue;
      changed.push(path);
      if (after === undefined) this.#entries.delete(path);
      else this.#entries.set(path, after);
    }
    if (changed.length > 0) this.#files = null;
    return changed;
  }

  /**
   * This process appended `line` to the log at `path`, which now has `stamp`: taken as read, without reading the
   * file again or counting it as a change (the store has joined the change already). Anything else about the file
   * (it was not read to its end, another wrote it meanwhile) is left for the next refresh to find.
   */
  appended(path: string, stamp: FileStamp, line: string): void {
    const bytes = Buffer.from(line, 'utf8');
    const before = this.#entries.get(path);
    const grown =
      before !== undefined &&
      before.read !== null &&
      before.stamp.ino === stamp.ino &&
      before.stamp.size === before.end &&
      before.end + bytes.length === stamp.size;
    if (grown) this.#entries.set(path, logEntry(path, stamp, before.end, bytes, before));
    else if (before === undefined && bytes.length === stamp.size) {
      this.#entries.set(path, logEntry(path, stamp, 0, bytes, undefined));
    } else return;
    this.#files = null;
  }

  /**
   * This process wrote `op`'s document at `path`, which now has `stamp`: taken as read (the store holds the import
   * already), without reading and checking the file again. The next refresh reads it again only if it changes.
   */
  wrote(path: string, stamp: FileStamp, op: ImportOp): void {
    const file = classifyPath(path);
    if (file?.role.kind !== 'import') return;
    const read: ReadFile = { path, file, states: [], imports: [op], latest: op.stamp, problems: [] };
    this.#entries.set(path, { stamp, read, end: stamp.size, overlap: Buffer.alloc(0), lines: 0 });
    this.#files = null;
  }

  /** The import read from `path` when the file is the one with `stamp` (a hard link to it, as the journal keeps). */
  importWritten(path: string, stamp: FileStamp): ImportOp | undefined {
    const entry = this.#entries.get(path);
    if (entry === undefined || !sameStamp(entry.stamp, stamp) || entry.read?.imports.length !== 1) return undefined;
    return entry.read.imports[0];
  }

  /** The snapshot read from a file whose text is `text`, when one was (a snapshot of one version, whole). */
  snapshotOf(text: string): DeviceSnapshot | undefined {
    const hash = hashOf(Buffer.from(text, 'utf8'));
    for (const entry of this.#entries.values()) {
      const [state, ...more] = entry.read?.states ?? [];
      if (entry.hash !== hash || state === undefined || more.length > 0 || entry.read === null) continue;
      if (entry.read.problems.length === 0)
        return { device: entry.read.file.device, state, frontier: entry.read.latest };
    }
    return undefined;
  }

  /** The stamp of every file as last read (or stamped, of an import put off): what the library was made from. */
  stamps(): Map<string, FileStamp> {
    return new Map([...this.#entries].map(([path, entry]) => [path, entry.stamp]));
  }

  /** What every device contributed, as last read. */
  files(): LibraryFiles {
    this.#files ??= contributionsOf([...this.#entries.values()].map((entry) => entry.read));
    return this.#files;
  }

  async #readIfChanged(path: string, before: ReadEntry | undefined): Promise<ReadEntry | undefined> {
    const file = join(this.#directory, ...path.split('/'));
    if (this.#deferring && classifyPath(path)?.role.kind === 'import') {
      const stamp = await stampOf(file);
      if (stamp === null) return undefined;
      if (before !== undefined && sameStamp(stamp, before.stamp)) return before;
      return { stamp, read: null, end: 0, overlap: Buffer.alloc(0), lines: 0, deferred: true };
    }
    // Most files are as they were: a stat tells, without opening them.
    if (before?.deferred !== true && before !== undefined && sameStamp(await stampOf(file), before.stamp)) {
      return before;
    }
    const handle = await openIfThere(file);
    if (handle === null) return undefined;
    try {
      const stamp = stampOfStats(await handle.stat());
      if (before?.deferred !== true && before !== undefined && sameStamp(stamp, before.stamp)) return before;
      if (!path.endsWith('.jsonl')) {
        const bytes = await readBytes(handle, 0, stamp.size);
        const read = readDeviceFile(path, bytes.toString('utf8'));
        const hash = read?.file.role.kind === 'state' ? hashOf(bytes) : undefined;
        return {
          stamp,
          read,
          end: stamp.size,
          overlap: Buffer.alloc(0),
          lines: 0,
          ...(hash === undefined ? {} : { hash }),
        };
      }
      return await readLog(handle, path, stamp, before);
    } finally {
      await handle.close();
    }
  }
}

/** The stamp of every device file of the folder, read from none of them. */
export async function deviceFileStamps(directory: string): Promise<Map<string, FileStamp | null>> {
  const stamps = new Map<string, FileStamp | null>();
  for (const path of await deviceFolderPaths(directory))
    stamps.set(path, await stampOf(join(directory, ...path.split('/'))));
  return stamps;
}

async function readBytes(handle: fsp.FileHandle, from: number, to: number): Promise<Buffer> {
  const buffer = Buffer.alloc(Math.max(0, to - from));
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, from + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}

/** A log read from where `before` left it when it only grew since, else whole; up to its last newline. */
async function readLog(
  handle: fsp.FileHandle,
  path: string,
  stamp: FileStamp,
  before: ReadEntry | undefined,
): Promise<ReadEntry> {
  let from = 0;
  let kept: ReadEntry | undefined;
  if (before !== undefined && before.read !== null && stamp.ino === before.stamp.ino && stamp.size >= before.end) {
    const start = before.end - before.overlap.length;
    const head = await readBytes(handle, start, before.end);
    if (head.equals(before.overlap)) [from, kept] = [before.end, before];
  }
  return logEntry(path, stamp, from, await readBytes(handle, from, stamp.size), kept);
}

/** The entry of a log whose bytes from `from` are `bytes`, joined to what `kept` read before `from`. */
function logEntry(path: string, stamp: FileStamp, from: number, bytes: Buffer, kept: ReadEntry | undefined): ReadEntry {
  const whole = bytes.lastIndexOf(NEWLINE) + 1;
  const end = from + whole;
  const overlap = Buffer.from(
    whole >= OVERLAP_BYTES
      ? bytes.subarray(whole - OVERLAP_BYTES, whole)
      : Buffer.concat([kept?.overlap ?? Buffer.alloc(0), bytes.subarray(0, whole)]).subarray(-OVERLAP_BYTES),
  );
  const text = bytes.subarray(0, whole).toString('utf8');
  const lines = (kept?.lines ?? 0) + countLines(text);
  const added = readDeviceFile(path, text);
  if (kept?.read === undefined || kept.read === null || added === null) {
    return { stamp, read: added, end, overlap, lines };
  }
  const shift = kept.lines;
  const read: ReadFile = {
    ...kept.read,
    // The lines added joined to what was read before as a delta: a change appended costs what it names.
    states: [added.states.reduce(joinDelta, joinStates(kept.read.states))],
    latest: added.latest > kept.read.latest ? added.latest : kept.read.latest,
    problems: [
      ...kept.read.problems,
      ...added.problems.map((problem) => ({ ...problem, line: problem.line === null ? null : problem.line + shift })),
    ],
  };
  return { stamp, read, end, overlap, lines };
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}
