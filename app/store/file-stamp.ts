import type { Stats } from 'node:fs';
import * as fsp from 'node:fs/promises';

import { isErrorCode } from './errors.js';

/** Enough of a file's identity to tell, cheaply, that another process has replaced or changed it. */
export interface FileStamp {
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

export function stampOfStats(stats: Stats): FileStamp {
  return { ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
}

/** The file's stamp, or null when there is no file. */
export async function stampOf(file: string): Promise<FileStamp | null> {
  try {
    return stampOfStats(await fsp.stat(file));
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return null;
    throw error;
  }
}

export function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  if (a === null || b === null) return a === b;
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
