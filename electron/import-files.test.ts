import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../core/api.js';
import { MAX_DIGEST_BYTES } from '../core/import/decode.js';
import { IMPORT_DIALOG_FILTERS, readImportFiles, withRefusedFiles, type ImportFileSystem } from './import-files.js';

interface FakeEntry {
  readonly size?: number;
  readonly folder?: boolean;
  readonly problem?: 'missing' | 'permission';
}

/** Files as app/read-import-file.ts reads them: only what is there, of at most `limit` bytes, is read. */
function fakeFs(entries: Readonly<Record<string, FakeEntry>>): ImportFileSystem & { read: string[] } {
  const read: string[] = [];
  return {
    read,
    readFile: (path, limit) => {
      const entry = entries[path];
      if (entry === undefined) return Promise.resolve({ problem: 'missing' as const });
      if (entry.problem !== undefined) return Promise.resolve({ problem: entry.problem });
      if (entry.folder === true) return Promise.resolve({ problem: 'folder' as const });
      const size = entry.size ?? 0;
      if (size > limit) return Promise.resolve({ problem: 'too-large' as const, size, limit });
      read.push(path);
      return Promise.resolve(new TextEncoder().encode(`contents of ${path}`));
    },
  };
}

describe('readImportFiles', () => {
  it('reads the chosen files, named by their base name', async () => {
    const fs = fakeFs({ '/inbox/mar-11.txt': { size: 10 }, '/inbox/refs.bib': { size: 20 } });
    const { files, refused } = await readImportFiles(['/inbox/mar-11.txt', '/inbox/refs.bib'], fs);
    expect(files.map((file) => file.name)).toEqual(['mar-11.txt', 'refs.bib']);
    expect(new TextDecoder().decode(files[0]?.bytes)).toBe('contents of /inbox/mar-11.txt');
    expect(refused).toEqual([]);
  });

  it('refuses a file over 32 MB without reading it', async () => {
    expect(MAX_DIGEST_BYTES).toBe(32 * 1024 * 1024);
    const fs = fakeFs({
      '/inbox/huge.json': { size: MAX_DIGEST_BYTES + 1 },
      '/inbox/edge.json': { size: MAX_DIGEST_BYTES },
    });
    const { files, refused } = await readImportFiles(['/inbox/huge.json', '/inbox/edge.json'], fs);
    expect(fs.read).toEqual(['/inbox/edge.json']);
    expect(files.map((file) => file.name)).toEqual(['edge.json']);
    expect(refused).toEqual([
      { file: 'huge.json', ok: false, error: 'the file is too large (32.0 MB; the limit is 32.0 MB)' },
    ]);
  });

  it('says which limit applies', async () => {
    const fs = fakeFs({ '/a.txt': { size: 3 * 1024 * 1024 } });
    const { refused } = await readImportFiles(['/a.txt'], fs, 1024 * 1024);
    expect(refused[0]).toMatchObject({ ok: false, error: 'the file is too large (3.0 MB; the limit is 1.0 MB)' });
  });

  it('refuses folders, vanished and unreadable files, and goes on with the rest', async () => {
    const fs = fakeFs({
      '/inbox': { folder: true },
      '/secret.txt': { problem: 'permission' },
      '/ok.txt': { size: 1 },
    });
    const { files, refused } = await readImportFiles(['/inbox', '/gone.txt', '/secret.txt', '/ok.txt'], fs);
    expect(files.map((file) => file.name)).toEqual(['ok.txt']);
    expect(refused).toEqual([
      { file: 'inbox', ok: false, error: 'it is not a file' },
      { file: 'gone.txt', ok: false, error: 'the file no longer exists' },
      { file: 'secret.txt', ok: false, error: 'permission denied' },
    ]);
  });
});

describe('withRefusedFiles', () => {
  const refused = [{ file: 'huge.json', ok: false as const, error: 'too large' }];

  it('adds the refused files to the import report', () => {
    const report: ImportReport = {
      files: [{ file: 'bad.txt', ok: false, error: 'unrecognised' }],
      added: 4,
      merged: 1,
    };
    expect(withRefusedFiles(report, refused)).toEqual({ files: [...report.files, ...refused], added: 4, merged: 1 });
  });

  it('makes a report when nothing was imported', () => {
    expect(withRefusedFiles(undefined, refused)).toEqual({ files: refused, added: 0, merged: 0 });
  });
});

describe('IMPORT_DIALOG_FILTERS', () => {
  it('offers the digest formats first and all files last', () => {
    expect(IMPORT_DIALOG_FILTERS[0]?.extensions).toEqual(['txt', 'json', 'bib', 'eml']);
    expect(IMPORT_DIALOG_FILTERS.at(-1)).toEqual({ name: 'All files', extensions: ['*'] });
  });
});
