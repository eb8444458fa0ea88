import { mkdir, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ABANDONED_AFTER_MS,
  nodeFs,
  removeAbandonedTempFiles,
  writeFileAtomically,
  writeNewFileAtomically,
  type DurableFs,
} from './atomic-write.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'shelfmark-temp-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('removeAbandonedTempFiles', () => {
  it('removes only old temp files and folders a killed write left behind', async () => {
    const old = (Date.now() - ABANDONED_AFTER_MS - 1000) / 1000;
    await writeFile(join(directory, '.library.json.123-abcdef012345.tmp'), 'half a catalogue');
    await utimes(join(directory, '.library.json.123-abcdef012345.tmp'), old, old);
    await mkdir(join(directory, '.2026-11-27T10-00-00Z-daily.1a2b3c4d.tmp'));
    await utimes(join(directory, '.2026-11-27T10-00-00Z-daily.1a2b3c4d.tmp'), old, old);
    await writeFile(join(directory, '.library.json.456-abcdef012345.tmp'), 'a write in progress');
    await writeFile(join(directory, 'library.json'), '{}');
    await writeFile(join(directory, 'notes.tmp'), 'the user’s own file');
    await utimes(join(directory, 'notes.tmp'), old, old);

    expect((await removeAbandonedTempFiles(directory)).sort()).toEqual([
      '.2026-11-27T10-00-00Z-daily.1a2b3c4d.tmp',
      '.library.json.123-abcdef012345.tmp',
    ]);
    expect((await readdir(directory)).sort()).toEqual([
      '.library.json.456-abcdef012345.tmp',
      'library.json',
      'notes.tmp',
    ]);
  });

  it('leaves other programs’ temp files alone in a folder it shares with them', async () => {
    const old = (Date.now() - ABANDONED_AFTER_MS - 1000) / 1000;
    for (const name of ['.library.json.123-abcdef012345.tmp', '.library.json.restore-0a1b2c.tmp', '.report.docx.tmp']) {
      await writeFile(join(directory, name), 'left behind');
      await utimes(join(directory, name), old, old);
    }
    expect((await removeAbandonedTempFiles(directory, Date.now(), ['library.json'])).sort()).toEqual([
      '.library.json.123-abcdef012345.tmp',
      '.library.json.restore-0a1b2c.tmp',
    ]);
    expect(await readdir(directory)).toEqual(['.report.docx.tmp']);
  });
});

describe('writeNewFileAtomically', () => {
  it('writes a file where there is none, and never over one that is there', async () => {
    const file = join(directory, 'note.md');
    await writeNewFileAtomically(file, 'first');
    expect(await readFile(file, 'utf8')).toBe('first');
    await expect(writeNewFileAtomically(file, 'second')).rejects.toMatchObject({ code: 'EEXIST' });
    await symlink(join(directory, 'elsewhere.md'), join(directory, 'link.md'));
    await expect(writeNewFileAtomically(join(directory, 'link.md'), 'third')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(file, 'utf8')).toBe('first');
    expect((await readdir(directory)).sort()).toEqual(['link.md', 'note.md']);
  });
});

describe('writeFileAtomically, in pieces', () => {
  /** Pieces made as the writers make them: two buffers filled in turn, each handed on while the last is written. */
  function* reusedPieces(count: number, size: number): Generator<Uint8Array> {
    const buffers = [Buffer.alloc(size), Buffer.alloc(size)];
    for (let index = 0; index < count; index++) {
      const buffer = buffers[index % 2] ?? Buffer.alloc(size);
      buffer.fill(0x61 + (index % 26));
      yield buffer;
    }
  }

  it('writes every piece in order while the next is made', async () => {
    const file = join(directory, 'pieces.txt');
    await writeFileAtomically(file, reusedPieces(40, 64 * 1024));
    const text = await readFile(file, 'latin1');
    const expected = Array.from({ length: 40 }, (_, index) =>
      String.fromCharCode(0x61 + (index % 26)).repeat(64 * 1024),
    );
    expect(text).toBe(expected.join(''));
  });

  it('leaves the file as it was, and no temp file, when making a piece fails halfway', async () => {
    const file = join(directory, 'kept.txt');
    await writeFile(file, 'as it was');
    function* failing(): Generator<Uint8Array> {
      yield* reusedPieces(5, 1024);
      throw new Error('the disk went away');
    }
    await expect(writeFileAtomically(file, failing())).rejects.toThrow('the disk went away');
    expect(await readFile(file, 'utf8')).toBe('as it was');
    expect(await readdir(directory)).toEqual(['kept.txt']);
  });

  it('leaves the file as it was when a write fails, and stops making pieces', async () => {
    const file = join(directory, 'kept.txt');
    await writeFile(file, 'as it was');
    let made = 0;
    function* counted(): Generator<Uint8Array> {
      for (const piece of reusedPieces(100, 1024)) {
        made += 1;
        yield piece;
      }
    }
    let writes = 0;
    const fs: DurableFs = {
      ...nodeFs,
      open: async (path, flags) => {
        const handle = await nodeFs.open(path, flags);
        return {
          ...handle,
          writeFile: async (data) => {
            writes += 1;
            if (writes === 3) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
            await handle.writeFile(data);
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    await expect(writeFileAtomically(file, counted(), { fs })).rejects.toThrow('ENOSPC');
    expect(made).toBeLessThanOrEqual(4);
    expect(await readFile(file, 'utf8')).toBe('as it was');
    expect(await readdir(directory)).toEqual(['kept.txt']);
  });
});
