import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { libraryPaths, type LibraryPaths } from '../store/library-paths.js';
import { withSyncRecordLock } from './record-file.js';

const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));
const RECORD_FILE = fileURLToPath(new URL('./record-file.ts', import.meta.url));
const PATHS = fileURLToPath(new URL('../store/library-paths.ts', import.meta.url));

let root: string;
let paths: LibraryPaths;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'shelfmark-sync-record-'));
  paths = libraryPaths(path.join(root, 'library.json'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('the notes sync record’s lock', () => {
  it('is taken over at once from a sync that was killed holding it', async () => {
    const script = path.join(root, 'hold.mjs');
    await fs.writeFile(
      script,
      `const [recordModule, pathsModule, catalogue] = process.argv.slice(2);
const { withSyncRecordLock } = await import(recordModule);
const { libraryPaths } = await import(pathsModule);
await withSyncRecordLock(libraryPaths(catalogue), async () => {
  process.stdout.write('held\\n');
  await new Promise(() => setInterval(() => {}, 1000));
});
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script, RECORD_FILE, PATHS, paths.catalogue], {
      cwd: REPOSITORY,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (data: Buffer) => {
        if (data.toString().includes('held')) resolve();
      });
      child.once('exit', () => reject(new Error('the sync ended before it held the lock')));
    });
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
    expect((await fs.stat(`${paths.directory}/library.notes-sync.json.lock`)).isDirectory()).toBe(true);

    const start = performance.now();
    const answer = await withSyncRecordLock(paths, (file) => Promise.resolve(path.basename(file)));
    // Before, a killed sync's lock held the next one back for 30 s.
    expect(performance.now() - start).toBeLessThan(800);
    expect(answer).toBe('library.notes-sync.json');
    expect((await fs.readdir(root)).sort()).toEqual(['hold.mjs']);
  }, 30_000);
});
