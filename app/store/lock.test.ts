import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { libraryPaths, type LibraryPaths } from './library-paths.js';
import { lockOwnerFile, withLock } from './lock.js';
import { lockIdentity, thisProcess, type OwnerRecord } from './lock-owner.js';

const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));
const LOCK = fileURLToPath(new URL('./lock.ts', import.meta.url));
const PATHS = fileURLToPath(new URL('./library-paths.ts', import.meta.url));
/** Well under a second: today's lock waited 10 s for a killed holder's. */
const AT_ONCE_MS = 800;

let root: string;
let paths: LibraryPaths;
const children: ChildProcess[] = [];

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'shelfmark-lock-'));
  paths = libraryPaths(path.join(root, 'library.json'));
});

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await fs.rm(root, { recursive: true, force: true });
});

/** Another process that takes the lock and says so on stdout, then holds it for `holdMs` (forever: -1). */
async function holderProcess(holdMs: number): Promise<ChildProcess> {
  const script = path.join(root, 'hold.mjs');
  await fs.writeFile(
    script,
    `const [lockModule, pathsModule, catalogue, hold] = process.argv.slice(2);
const { withLock } = await import(lockModule);
const { libraryPaths } = await import(pathsModule);
await withLock(libraryPaths(catalogue), async () => {
  process.stdout.write('held\\n');
  await new Promise((done) => (Number(hold) < 0 ? setInterval(() => {}, 1000) : setTimeout(done, Number(hold))));
});
process.stdout.write('released\\n');
`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script, LOCK, PATHS, paths.catalogue, String(holdMs)], {
    cwd: REPOSITORY,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (data: Buffer) => {
      if (data.toString().includes('held')) resolve();
    });
    child.once('exit', () => reject(new Error('the holder ended before it held the lock')));
  });
  return child;
}

async function timeToLock(): Promise<number> {
  const start = performance.now();
  await withLock(paths, () => Promise.resolve());
  return performance.now() - start;
}

describe('the library’s lock', () => {
  it('is taken over at once from a holder that was killed', async () => {
    const holder = await holderProcess(-1);
    const exited = new Promise((done) => holder.once('exit', done));
    holder.kill('SIGKILL');
    await exited;
    // Its lock is still there, fresh: only its owner says it is abandoned.
    expect((await fs.stat(paths.lock)).isDirectory()).toBe(true);
    expect(await timeToLock()).toBeLessThan(AT_ONCE_MS);
    expect(await fs.readdir(root)).toEqual(['hold.mjs']);
  });

  it('is not held back by a lock another computer took (a sync tool carried it here)', async () => {
    await fs.mkdir(paths.lock);
    const me = await thisProcess();
    const elsewhere: OwnerRecord = {
      ...me,
      host: 'another-computer-machine-id',
      lock: lockIdentity(await fs.stat(paths.lock)),
    };
    await fs.writeFile(lockOwnerFile(paths), JSON.stringify(elsewhere));
    expect(await timeToLock()).toBeLessThan(AT_ONCE_MS);
    expect(await fs.readdir(root)).toEqual([]);
  });

  it('keeps two live processes apart: the second waits until the first lets go', async () => {
    const holder = await holderProcess(1_200);
    let released = false;
    holder.stdout?.on('data', (data: Buffer) => {
      if (data.toString().includes('released')) released = true;
    });
    await withLock(paths, () => {
      expect(released).toBe(true);
      return Promise.resolve();
    });
  });

  it('honours a lock of an older Shelfmark, with no owner said, while its holder keeps it fresh', async () => {
    await fs.mkdir(paths.lock);
    const keepFresh = setInterval(() => {
      const now = new Date();
      void fs.utimes(paths.lock, now, now).catch(() => undefined);
    }, 500);
    const letGo = sleep(1_500).then(async () => {
      clearInterval(keepFresh);
      await fs.rmdir(paths.lock);
    });
    const waited = await timeToLock();
    await letGo;
    expect(waited).toBeGreaterThan(1_400);
  });

  it('honours a live holder’s lock whose record was left by an earlier, killed one', async () => {
    // The killed holder's record stays beside a lock another process took by its age: the record is not that lock's.
    await fs.mkdir(paths.lock);
    const me = await thisProcess();
    const stale: OwnerRecord = { ...me, pid: 2 ** 22 + 1, lock: 'an earlier lock' };
    await fs.writeFile(lockOwnerFile(paths), JSON.stringify(stale));
    const letGo = sleep(1_000).then(() => fs.rmdir(paths.lock));
    expect(await timeToLock()).toBeGreaterThan(900);
    await letGo;
  });
});
