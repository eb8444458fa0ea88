import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { libraryPaths, type LibraryPaths } from '../store/library-paths.js';
import { syncRecordPlace, withSyncRecordLock } from './record-file.js';

const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));
const RECORD_FILE = fileURLToPath(new URL('./record-file.ts', import.meta.url));
const PATHS = fileURLToPath(new URL('../store/library-paths.ts', import.meta.url));

let root: string;
let paths: LibraryPaths;
let appData: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'shelfmark-sync-record-'));
  paths = libraryPaths(path.join(root, 'library', 'library.json'));
  appData = path.join(root, 'app-data', 'Shelfmark');
  await fs.mkdir(paths.directory);
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('the notes sync record’s lock', () => {
  it('is taken over at once from a sync that was killed holding it', async () => {
    const script = path.join(root, 'hold.mjs');
    await fs.writeFile(
      script,
      `const [recordModule, pathsModule, catalogue, appData] = process.argv.slice(2);
const { syncRecordPlace, withSyncRecordLock } = await import(recordModule);
const { libraryPaths } = await import(pathsModule);
await withSyncRecordLock(await syncRecordPlace(libraryPaths(catalogue), appData), async () => {
  process.stdout.write('held\\n');
  await new Promise(() => setInterval(() => {}, 1000));
});
`,
    );
    const place = await syncRecordPlace(paths, appData);
    const args = [script, RECORD_FILE, PATHS, paths.catalogue, appData];
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
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
    expect((await fs.stat(`${place.file}.lock`)).isDirectory()).toBe(true);

    const start = performance.now();
    const answer = await withSyncRecordLock(place, ({ file }) => Promise.resolve(path.basename(file)));
    // Before, a killed sync's lock held the next one back for 30 s.
    expect(performance.now() - start).toBeLessThan(800);
    expect(answer).toBe('library.notes-sync.json');
    // Nothing of it in the library's folder: it is this computer's.
    expect(await fs.readdir(paths.directory)).toEqual([]);
  }, 30_000);
});
