import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { nodeFs, syncDirectory, type DurableFs } from './atomic-write.js';
import { DurableJsonFile } from './durable-json-file.js';
import { LibraryFileError } from './errors.js';
import { STATE_FORMAT, type StateFile } from './schema.js';

const STATE = {
  status: 'reading',
  tags: ['ml'],
  note: 'n',
  readAt: null,
  updatedAt: '2025-03-11T09:00:00.000Z',
} as const;
const DATA: StateFile = { schemaVersion: STATE_FORMAT.version, states: { a: STATE } };

let directory: string;
let file: string;

beforeEach(async () => {
  directory = await fs.mkdtemp(path.join(os.tmpdir(), 'shelfmark-durable-'));
  file = path.join(directory, 'library.state.json');
});

afterEach(async () => {
  await fs.rm(directory, { recursive: true, force: true });
});

function failing(operation: 'rename' | 'sync' | 'writeFile'): DurableFs {
  const boom = (): Promise<never> => Promise.reject(Object.assign(new Error(`${operation} failed`), { code: 'EIO' }));
  if (operation === 'rename') return { ...nodeFs, rename: boom };
  return {
    ...nodeFs,
    open: async (target, flags) => {
      const handle = await nodeFs.open(target, flags);
      return {
        writeFile: operation === 'writeFile' ? boom : (data) => handle.writeFile(data),
        sync: operation === 'sync' ? boom : () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
}

describe('DurableJsonFile', () => {
  it('reads a missing file as null and creates nothing', async () => {
    expect(await new DurableJsonFile(file, STATE_FORMAT).read()).toBeNull();
    expect(await fs.readdir(directory)).toEqual([]);
  });

  it('reads back what it wrote, leaving only the file itself', async () => {
    const adapter = new DurableJsonFile(file, STATE_FORMAT);
    await adapter.write(DATA);
    expect(await adapter.read()).toEqual(DATA);
    expect(await fs.readdir(directory)).toEqual(['library.state.json']);
  });

  it('replaces the file with a new one rather than writing into it', async () => {
    const adapter = new DurableJsonFile(file, STATE_FORMAT);
    await adapter.write(DATA);
    const before = await fs.stat(file);
    await adapter.write({ schemaVersion: 1, states: {} });
    expect((await fs.stat(file)).ino).not.toBe(before.ino);
  });

  it.each(['rename', 'sync', 'writeFile'] as const)(
    'leaves the old file and no temp file when %s fails',
    async (operation) => {
      await new DurableJsonFile(file, STATE_FORMAT).write(DATA);
      const before = await fs.readFile(file);
      await expect(
        new DurableJsonFile(file, STATE_FORMAT, failing(operation)).write({ schemaVersion: 1, states: {} }),
      ).rejects.toThrow(`${operation} failed`);
      expect(await fs.readdir(directory)).toEqual(['library.state.json']);
      expect(await fs.readFile(file)).toEqual(before);
    },
  );

  it('leaves no file at all when the first write fails', async () => {
    await expect(new DurableJsonFile(file, STATE_FORMAT, failing('sync')).write(DATA)).rejects.toThrow();
    expect(await fs.readdir(directory)).toEqual([]);
  });

  it('throws a LibraryFileError naming the file when it is not JSON or not the right shape', async () => {
    for (const content of ['{"schemaVersion": 1, "states": {', '{"schemaVersion": 1, "states": []}', '']) {
      await fs.writeFile(file, content);
      const error: unknown = await new DurableJsonFile(file, STATE_FORMAT).read().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LibraryFileError);
      expect(error).toMatchObject({ file });
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toMatch(/Shelfmark has not changed it\.$/);
    }
  });

  it('refuses a file from a newer version of Shelfmark', async () => {
    await fs.writeFile(file, JSON.stringify({ schemaVersion: STATE_FORMAT.version + 1, states: {} }));
    await expect(new DurableJsonFile(file, STATE_FORMAT).read()).rejects.toThrow(
      /was written by a newer version of Shelfmark/,
    );
  });
});

describe('syncDirectory', () => {
  it('shrugs off platforms that cannot fsync a directory', async () => {
    const unsupported: DurableFs = {
      ...nodeFs,
      open: () => Promise.reject(Object.assign(new Error('EISDIR'), { code: 'EISDIR' })),
    };
    await expect(syncDirectory(directory, unsupported)).resolves.toBeUndefined();
  });

  it('reports other failures', async () => {
    const broken: DurableFs = {
      ...nodeFs,
      open: () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })),
    };
    await expect(syncDirectory(directory, broken)).rejects.toThrow('EIO');
  });
});
