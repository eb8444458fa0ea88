import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ReadingState } from '../../core/model.js';
import { openLegacyLibraryStore } from './legacy-library-store.js';

const run = promisify(execFile);
const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));
const STORE = fileURLToPath(new URL('./legacy-library-store.ts', import.meta.url));

function state(note: string, tags: readonly string[] = []): ReadingState {
  return { status: 'reading', tags, note, readAt: null, updatedAt: '2025-03-12T10:00:00.000Z' };
}

let directory: string;
let file: string;

beforeEach(async () => {
  directory = await fs.mkdtemp(path.join(os.tmpdir(), 'shelfmark-concurrency-'));
  file = path.join(directory, 'library.json');
});

afterEach(async () => {
  await fs.rm(directory, { recursive: true, force: true });
});

describe('several writers on one library', () => {
  it('loses nothing when two stores interleave 200 changes each', async () => {
    const stores = [openLegacyLibraryStore(file), openLegacyLibraryStore(file)];
    await Promise.all(
      stores.map((store, writer) =>
        Promise.all(
          Array.from({ length: 200 }, (_, n) =>
            store.transact((library) => {
              // Each change also reads and extends one shared entry: a lost update would show as a missing tag.
              const shared = library.states['shared']?.tags ?? [];
              return {
                states: { [`w${writer}-${n}`]: state(String(n)), shared: state('', [...shared, `w${writer}-${n}`]) },
                result: null,
              };
            }),
          ),
        ),
      ),
    );
    const expected = stores.flatMap((_, writer) => Array.from({ length: 200 }, (_, n) => `w${writer}-${n}`));
    for (const store of stores) {
      const { states } = await store.read();
      expect(Object.keys(states)).toHaveLength(401);
      expect([...(states['shared']?.tags ?? [])].sort()).toEqual([...expected].sort());
    }
    await Promise.all(stores.map((store) => store.close()));
    const reopened = await openLegacyLibraryStore(file).read();
    expect(Object.keys(reopened.states)).toHaveLength(401);
  });

  it('loses nothing when three processes write at once', async () => {
    const script = path.join(directory, 'set-states.mjs');
    const library = path.join(directory, 'library', 'library.json');
    // Each process waits until all three are ready, so that their writes really overlap.
    await fs.writeFile(
      script,
      `import { readdir, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
const [catalogue, store, worker, ready] = process.argv.slice(2);
const { openLegacyLibraryStore } = await import(store);
const library = openLegacyLibraryStore(catalogue);
await writeFile(ready + '/' + worker, '');
while ((await readdir(ready)).length < 3) await sleep(5);
for (let n = 0; n < 50; n++) {
  await library.transact(() => ({
    states: { [worker + '-' + n]: { status: 'read', tags: [worker], note: '', readAt: '2025-03-12T10:00:00.000Z', updatedAt: '2025-03-12T10:00:00.000Z' } },
    result: null,
  }));
}
await library.close();
`,
    );
    const ready = await fs.mkdtemp(path.join(directory, 'ready-'));
    await Promise.all(
      ['a', 'b', 'c'].map((worker) =>
        run(process.execPath, ['--import', 'tsx', script, library, STORE, worker, ready], { cwd: REPOSITORY }),
      ),
    );
    const { states } = await openLegacyLibraryStore(library).read();
    expect(Object.keys(states).sort()).toEqual(
      ['a', 'b', 'c'].flatMap((worker) => Array.from({ length: 50 }, (_, n) => `${worker}-${n}`)).sort(),
    );
    // Nothing left behind: no temp files, no lock.
    expect(await fs.readdir(path.dirname(library))).toEqual(['library.state.log']);
  });
});
