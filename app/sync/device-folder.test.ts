import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { readDeviceFolder } from './device-folder.js';
import { canonicalLibrary } from '../../core/sync/library.js';
import { readLibraryFiles } from '../../core/sync/library-files.js';
import { openReplica } from '../../core/sync/replica.js';
import { TestDevice } from '../../core/sync/simulation/test-device.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'shelfmark-folder-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(directory, path)), { recursive: true });
  await writeFile(join(directory, path), text);
}

describe("a library folder's device files", () => {
  it('are none in a folder without devices', async () => {
    await put('library.json', '{}');
    expect(await readDeviceFolder(directory)).toEqual([]);
    expect(await readDeviceFolder(join(directory, 'missing'))).toEqual([]);
  });

  it('are read with the copies a sync tool left, and nothing else', async () => {
    const laptop = new TestDevice('laptop0001', Date.UTC(2025, 2, 11, 9));
    const [id = ''] = laptop.import({
      format: 'bibtex',
      title: 'Reading group',
      date: null,
      papers: [
        {
          title: 'Graphs',
          abstract: '',
          authors: [],
          arxivId: '2401.00001',
          doi: null,
          year: null,
          links: [],
          categories: [],
        },
      ],
      skipped: [],
    });
    laptop.status(id, 'read');
    for (const [path, text] of laptop.files) await put(path, text);
    const [log] = [...laptop.files].filter(([path]) => path.endsWith('.jsonl'));
    await put('devices/laptop0001/ops.0 (conflicted copy 2025-03-11).jsonl', log?.[1] ?? '');
    await put('devices/laptop0001/.syncthing.ops.0.jsonl.tmp', 'half');
    await put('devices/laptop0001/notes.txt', 'the user’s own');
    await put('library.json', '{}');

    const files = await readDeviceFolder(directory);
    const imported = [...laptop.files.keys()].filter((path) => path.includes('/imports/'));
    expect(files.map((file) => file.path)).toEqual([
      ...imported,
      'devices/laptop0001/ops.0 (conflicted copy 2025-03-11).jsonl',
      'devices/laptop0001/ops.0.jsonl',
    ]);
    const desktop = openReplica('desktop002', readLibraryFiles(files), Date.UTC(2025, 2, 11, 10));
    expect(canonicalLibrary(desktop.library)).toBe(canonicalLibrary(laptop.library));
  });
});
