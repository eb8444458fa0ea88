import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportFileReader, readImportFile, unreadReason, type UnreadFile } from './read-import-file.js';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'shelfmark-read-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** What was read: the text, or the reason it was not. */
async function read(path: string, limit?: number): Promise<string> {
  const result = await readImportFile(path, limit);
  return result instanceof Uint8Array ? new TextDecoder().decode(result) : `refused: ${unreadReason(result)}`;
}

const unix = process.platform !== 'win32';

describe('readImportFile', () => {
  it('reads a regular file, and one through a link', async () => {
    const file = join(directory, 'refs.bib');
    await writeFile(file, '@misc{k, title = {T}}\n');
    await symlink(file, join(directory, 'link.bib'));
    expect(await read(file)).toBe('@misc{k, title = {T}}\n');
    expect(await read(join(directory, 'link.bib'))).toBe('@misc{k, title = {T}}\n');
  });

  it('refuses a folder, a missing file and a file over the limit', async () => {
    await mkdir(join(directory, 'folder'));
    await writeFile(join(directory, 'big.bib'), 'x'.repeat(2 * 1024 * 1024));
    expect(await read(join(directory, 'folder'))).toBe('refused: it is a folder, not a file');
    expect(await read(join(directory, 'missing.bib'))).toBe('refused: no such file');
    expect(await read(join(directory, 'big.bib'), 1024 * 1024)).toBe(
      'refused: the file is too large (2.0 MB; the limit is 1.0 MB)',
    );
    expect(await read(join(directory, 'big.bib'), 2 * 1024 * 1024)).toHaveLength(2 * 1024 * 1024);
  });

  it.runIf(unix)('refuses a named pipe at once, though nothing writes to it', async () => {
    const fifo = join(directory, 'digest.bib');
    execFileSync('mkfifo', [fifo]);
    const started = performance.now();
    expect(await read(fifo)).toBe(
      'refused: it is a named pipe (FIFO), not a regular file; Shelfmark imports only regular files',
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.runIf(existsSync('/dev/zero'))('refuses a link to a device that never ends, at once', async () => {
    const link = join(directory, 'zeros.bib');
    await symlink('/dev/zero', link);
    const started = performance.now();
    expect(await read(link)).toBe('refused: it is a device, not a regular file; Shelfmark imports only regular files');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.runIf(unix)('refuses a socket', async () => {
    const path = join(directory, 'digest.sock');
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      expect(await read(path)).toBe(
        'refused: it is a socket, not a regular file; Shelfmark imports only regular files',
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it.runIf(existsSync('/proc/self/maps'))(
    'holds the limit while reading a file that says it is empty and is not',
    async () => {
      // Files of /proc say they have no bytes, and have some: the limit holds for what is read, not what is said.
      expect(await readImportFile('/proc/self/maps', 100)).toEqual({ problem: 'too-large', size: null, limit: 100 });
      const unread: UnreadFile = { problem: 'too-large', size: null, limit: 32 * 1024 * 1024 };
      expect(unreadReason(unread)).toBe('the file is too large (it grew past the limit of 32.0 MB while it was read)');
    },
  );
});

describe('ImportFileReader, a piece at a time', () => {
  /** What was read of the piece: the text, or the reason it was not. */
  async function piece(path: string, from: number, length: number, limit?: number): Promise<string> {
    const result = await new ImportFileReader().read(path, limit, { from, length });
    return 'bytes' in result ? new TextDecoder().decode(result.bytes) : `refused: ${unreadReason(result)}`;
  }

  it('reads the piece asked for, and fewer bytes where the file ends', async () => {
    const file = join(directory, 'refs.bib');
    await writeFile(file, '@misc{a, title = {T}}\n@misc{b, title = {U}}\n');
    expect(await piece(file, 0, 22)).toBe('@misc{a, title = {T}}\n');
    expect(await piece(file, 22, 100)).toBe('@misc{b, title = {U}}\n');
    expect(await piece(file, 44, 10)).toBe('');
  });

  it('holds the limit, and refuses what is not a regular file, as a whole read does', async () => {
    const file = join(directory, 'big.bib');
    await writeFile(file, 'x'.repeat(3000));
    expect(await piece(file, 1000, 1000, 3000)).toHaveLength(1000);
    expect(await piece(file, 1000, 1000, 1500)).toMatch(/^refused: the file is too large/);
    if (unix) {
      const fifo = join(directory, 'digest.bib');
      execFileSync('mkfifo', [fifo]);
      expect(await piece(fifo, 0, 100)).toBe(
        'refused: it is a named pipe (FIFO), not a regular file; Shelfmark imports only regular files',
      );
    }
  });

  it.runIf(existsSync('/proc/self/maps'))('holds the limit for a piece of a file that says it is empty', async () => {
    expect(await new ImportFileReader().read('/proc/self/maps', 100, { from: 50, length: 100 })).toEqual({
      problem: 'too-large',
      size: null,
      limit: 100,
    });
  });
});
