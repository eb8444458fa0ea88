/**
 * Opening a synced library in a process of its own, as browser mode's server does first: until its first frame
 * (`readOutline`: the list's columns and the states) and until the whole library is read (`read`), wall and CPU time.
 * The median of three starts. Run as a script by `measureSyncedOpen`.
 */

import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { openSyncedLibraryStore } from '../app/sync/synced-library-store.js';
import type { SyntheticLibrary } from './generate.js';
import { medianRun } from './measure.js';
import type { SyncedFolder, SyncedVariant } from './synced-library.js';

export interface SyncedOpenFigures {
  readonly metric: 'synced-open';
  readonly papers: number;
  readonly store: string;
  readonly first_frame_ms: number;
  readonly first_frame_cpu_ms: number;
  readonly whole_ms: number;
  readonly whole_cpu_ms: number;
}

interface OpenRun {
  readonly firstFrameMs: number;
  readonly firstFrameCpuMs: number;
  readonly wholeMs: number;
  readonly wholeCpuMs: number;
}

const RUNS = 3;
const SCRIPT = fileURLToPath(import.meta.url);

function openOnce(folder: SyncedFolder): Promise<OpenRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(folder)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output) as OpenRun) : reject(new Error(`the open exited with ${String(code)}`)),
    );
  });
}

export async function measureSyncedOpen(
  library: SyntheticLibrary,
  folder: SyncedFolder,
  variant: SyncedVariant,
): Promise<SyncedOpenFigures> {
  const median = await medianRun(
    RUNS,
    () => openOnce(folder),
    (run) => run.firstFrameMs,
  );
  return {
    metric: 'synced-open',
    papers: library.catalogue.papers.length,
    store: `synced, ${variant}`,
    first_frame_ms: median.firstFrameMs,
    first_frame_cpu_ms: median.firstFrameCpuMs,
    whole_ms: median.wholeMs,
    whole_cpu_ms: median.wholeCpuMs,
  };
}

async function openAndTell(folder: SyncedFolder): Promise<void> {
  const cpu = (): number => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const [start, startCpu] = [performance.now(), cpu()];
  const store = await openSyncedLibraryStore(folder.db, { appData: folder.appData, device: folder.device });
  await store.readOutline();
  const [firstFrameMs, firstFrameCpuMs] = [performance.now() - start, cpu() - startCpu];
  await store.read();
  const run: OpenRun = {
    firstFrameMs,
    firstFrameCpuMs,
    wholeMs: performance.now() - start,
    wholeCpuMs: cpu() - startCpu,
  };
  await store.close();
  process.stdout.write(JSON.stringify(run));
}

if (process.argv[1] === SCRIPT) await openAndTell(JSON.parse(process.argv[2] ?? '{}') as SyncedFolder);
