/** The window state's small JSON file in userData: read leniently, written atomically, one write at a time. */

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseWindowState, type WindowState } from './window-state.js';

export const WINDOW_STATE_FILE_NAME = 'window-state.json';

/** The saved state, or undefined when there is none or it cannot be read: a bad file only costs the placement. */
export async function readWindowState(file: string): Promise<WindowState | undefined> {
  try {
    return parseWindowState(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/** Writes a temporary file next to `file` and renames it over: a crash leaves the old state or the new, never half. */
export async function writeWindowState(file: string, state: WindowState): Promise<void> {
  const directory = dirname(file);
  await mkdir(directory, { recursive: true });
  const temp = join(directory, `.${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

export interface WindowStateWriter {
  /** Queues `state`; writes run one after another and only the latest waiting state is written. */
  save(state: WindowState): void;
  /** Resolves once everything queued so far is on disk (or has failed: failures are reported, not thrown). */
  flush(): Promise<void>;
}

export function createWindowStateWriter(
  file: string,
  onError: (error: unknown) => void,
  write: (file: string, state: WindowState) => Promise<void> = writeWindowState,
): WindowStateWriter {
  let pending: WindowState | undefined;
  let running: Promise<void> = Promise.resolve();
  let scheduled = false;

  const drain = async (): Promise<void> => {
    while (pending !== undefined) {
      const state = pending;
      pending = undefined;
      try {
        await write(file, state);
      } catch (error) {
        onError(error);
      }
    }
    scheduled = false;
  };

  return {
    save(state) {
      pending = state;
      if (scheduled) return;
      scheduled = true;
      running = running.then(drain);
    },
    flush: () => running,
  };
}
