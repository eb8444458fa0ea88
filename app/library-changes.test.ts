import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { LibraryService } from './library-service.js';
import { bundledSampleDigest } from './resources.js';

const FOLLOW = { debounceMs: 50, pollMs: 200 } as const;

let root: string;
let db: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'shelfmark-changes-'));
  db = path.join(root, 'library.json');
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

function service(): LibraryService {
  return new LibraryService(db, { sampleDigest: bundledSampleDigest(), follow: FOLLOW });
}

/** Resolves once `ok()` holds, or fails after `ms`. */
async function until(ok: () => boolean, ms: number): Promise<void> {
  const start = performance.now();
  while (!ok()) {
    if (performance.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await sleep(10);
  }
}

const watches = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'FSEventWrap').length;

describe('a library service following its folder', () => {
  it('tells its listeners of another service’s change, not of its own, and stops when the library closes', async () => {
    const app = service();
    await app.importSample();
    const before = watches();
    let told = 0;
    app.onChangedElsewhere(() => (told += 1));
    // The folder, and its devices' folders.
    await until(() => watches() > before, 2_000);

    const [first] = await app.listPapers({});
    await app.setStatus([first?.id ?? ''], 'reading');
    await sleep(600);
    expect(told).toBe(0);

    const cli = service();
    await cli.setNote(first?.id ?? '', 'From the command line.');
    await cli.close();
    await until(() => told === 1, 2_000);
    expect((await app.getPaper(first?.id ?? '')).note).toBe('From the command line.');

    await app.close();
    // A closed watch's handle goes on the next turn of the event loop.
    await until(() => watches() === before, 1_000);
    const later = service();
    await later.setStatus([first?.id ?? ''], 'read');
    await later.close();
    await sleep(600);
    expect(told).toBe(1);
  });

  it('stops watching when its last listener goes', async () => {
    const app = service();
    await app.importSample();
    const before = watches();
    const stop = [app.onChangedElsewhere(() => undefined), app.onChangedElsewhere(() => undefined)];
    await until(() => watches() > before, 2_000);
    await sleep(100);
    const watching = watches();
    stop[0]?.();
    await sleep(100);
    expect(watches()).toBe(watching);
    stop[1]?.();
    await until(() => watches() === before, 2_000);
    await app.close();
  });
});
