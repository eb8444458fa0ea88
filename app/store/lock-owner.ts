/**
 * Who holds a library's lock: the computer (its machine id, and the boot it is in) and the process (its id and
 * when it started, which tells it from a later process given the same id). Enough to tell, at once, that a lock's
 * holder is gone (killed, crashed, the computer restarted) or that the lock is not this computer's at all (a sync
 * tool carried it here), where otherwise only the lock's age could say so, after seconds.
 */

import { readFile } from 'node:fs/promises';
import os from 'node:os';

import { z } from 'zod';

export interface LockOwner {
  /** This computer: its machine id where there is one (Linux's /etc/machine-id), else its host name. */
  readonly host: string;
  /** The boot the computer is in (Linux's boot_id); null where there is no such id. */
  readonly boot: string | null;
  readonly pid: number;
  /** When the process started, in the kernel's clock ticks since boot (Linux); null where unknown. */
  readonly started: string | null;
}

/** A lock's owner as its holder recorded it, for the lock directory `lock` (lockIdentity). */
export interface OwnerRecord extends LockOwner {
  /** The lock directory this record is about: a record left from an earlier lock is not its owner's. */
  readonly lock: string;
}

/** A directory's identity: its inode, and when it was made where the file system says (inodes are reused). */
export function lockIdentity(stats: { readonly ino: number; readonly birthtimeMs: number }): string {
  return `${stats.ino}:${stats.birthtimeMs}`;
}

export const OWNER_RECORD = z.object({
  host: z.string(),
  boot: z.string().nullable(),
  pid: z.number().int().positive(),
  started: z.string().nullable(),
  lock: z.string(),
});

async function firstLine(file: string): Promise<string | null> {
  try {
    const text = (await readFile(file, 'utf8')).trim();
    return text === '' ? null : text;
  } catch {
    return null;
  }
}

async function machineId(): Promise<string> {
  const id = (await firstLine('/etc/machine-id')) ?? (await firstLine('/var/lib/dbus/machine-id'));
  return id ?? `host:${os.hostname()}`;
}

/** The process's start time, from /proc (Linux); null elsewhere, or when there is no such process. */
async function processStarted(pid: number): Promise<string | null> {
  const stat = await firstLine(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // "pid (command) state ppid …": the command may hold spaces and parentheses; starttime is field 22.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null;
}

let self: Promise<LockOwner> | null = null;

/** This process, as a lock it takes records it. */
export function thisProcess(): Promise<LockOwner> {
  self ??= (async () => ({
    host: await machineId(),
    boot: await firstLine('/proc/sys/kernel/random/boot_id'),
    pid: process.pid,
    started: await processStarted(process.pid),
  }))();
  return self;
}

/** Whether a process with this id runs now (of any user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * `foreign`: the lock was taken on another computer (a sync tool carried it here), so it holds nothing back here.
 * `gone`: its holder, a process of this computer, is not running any more. `alive`: it may still be running.
 */
export async function ownerState(owner: LockOwner, me: LockOwner): Promise<'alive' | 'gone' | 'foreign'> {
  if (owner.host !== me.host) return 'foreign';
  if (owner.boot !== null && me.boot !== null && owner.boot !== me.boot) return 'gone';
  if (!isRunning(owner.pid)) return 'gone';
  if (owner.started === null) return 'alive';
  const started = await processStarted(owner.pid);
  return started !== null && started !== owner.started ? 'gone' : 'alive';
}
