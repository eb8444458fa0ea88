import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportRequest } from '../core/export/index.js';
import { createExportSaver, type ExportDialogs } from './export-saver.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'shelfmark-export-saver-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const request = (fields: Partial<ExportRequest>): ExportRequest => ({
  format: 'md',
  layout: 'document',
  abstracts: false,
  selection: {},
  ...fields,
});

function dialogs(answers: {
  file?: string | null;
  folder?: string | null;
  replace?: boolean;
}): ExportDialogs & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    chooseFile: (options) => {
      asked.push(`file ${options.defaultPath} ${options.extensions.join(',')}`);
      return Promise.resolve(answers.file ?? null);
    },
    chooseFolder: (options) => {
      asked.push(`folder ${options.defaultPath}`);
      return Promise.resolve(answers.folder ?? null);
    },
    confirmExportIntoFolder: (path) => {
      asked.push(`export into ${path}`);
      return Promise.resolve(answers.replace ?? false);
    },
  };
}

describe('the desktop export saver', () => {
  it('saves a document where the user chose, offering a sensible name', async () => {
    const target = join(folder, 'notes.md');
    const choices = dialogs({ file: target });
    const save = createExportSaver(choices, '/home/ada/Documents');
    const result = await save({ kind: 'document', content: '# Notes\n', papers: 2 }, request({}));
    expect(result).toEqual({ kind: 'saved', path: target, papers: 2 });
    expect(choices.asked).toEqual(['file /home/ada/Documents/Shelfmark notes.md md']);
    expect(await readFile(target, 'utf8')).toBe('# Notes\n');
  });

  it('writes nothing when the user cancels', async () => {
    const save = createExportSaver(dialogs({ file: null }), folder);
    expect(await save({ kind: 'document', content: 'x', papers: 1 }, request({ format: 'bibtex' }))).toEqual({
      kind: 'cancelled',
    });
    expect(await readdir(folder)).toEqual([]);
  });

  it('exports into an existing folder only when the user confirms, keeping the user’s files', async () => {
    const target = join(folder, 'vault');
    await mkdir(target);
    await writeFile(join(target, 'mine.md'), 'keep');
    await writeFile(join(target, 'A.md'), 'my own A');
    const past = new Date('2020-01-02T03:04:05.000Z');
    for (const name of ['mine.md', 'A.md']) await utimes(join(target, name), past, past);
    const file = { name: 'A.md', base: 'A', paper: 'pa', content: 'a' };
    const files = [file];
    const refused = dialogs({ folder: target, replace: false });
    expect(
      await createExportSaver(refused, folder)({ kind: 'folder', files, papers: 1 }, request({ layout: 'folder' })),
    ).toEqual({
      kind: 'cancelled',
    });
    expect(refused.asked).toEqual([`folder ${join(folder, 'Shelfmark notes')}`, `export into ${target}`]);
    expect((await readdir(target)).sort()).toEqual(['A.md', 'mine.md']);

    const agreed = dialogs({ folder: target, replace: true });
    const save = createExportSaver(agreed, folder);
    const saved = await save({ kind: 'folder', files, papers: 1 }, request({ layout: 'folder' }));
    expect(saved).toEqual({
      kind: 'saved',
      path: target,
      papers: 1,
      folder: { written: 1, replaced: [], kept: [{ name: 'A.md', instead: 'A (2).md' }], left: [] },
    });
    expect((await readdir(target)).sort()).toEqual(['.shelfmark-export.json', 'A (2).md', 'A.md', 'mine.md']);
    for (const [name, content] of [
      ['mine.md', 'keep'],
      ['A.md', 'my own A'],
    ] as const) {
      expect(await readFile(join(target, name), 'utf8')).toBe(content);
      expect((await stat(join(target, name))).mtimeMs).toBe(past.getTime());
    }

    // Again: its own file is replaced and named, the user's still kept.
    const again = await save(
      { kind: 'folder', files: [{ ...file, content: 'a, changed' }], papers: 1 },
      request({ layout: 'folder' }),
    );
    expect(again).toMatchObject({ folder: { replaced: ['A (2).md'], kept: [{ name: 'A.md' }] } });
    expect(await readFile(join(target, 'A (2).md'), 'utf8')).toBe('a, changed');
    expect(await readFile(join(target, 'A.md'), 'utf8')).toBe('my own A');
  });

  it('writes a new folder whole', async () => {
    const target = join(folder, 'new vault');
    const files = [
      { name: 'A.md', base: 'A', paper: 'pa', content: 'a' },
      { name: 'a (2).md', base: 'a', paper: 'pb', content: 'b' },
    ];
    const choices = dialogs({ folder: target });
    const saved = await createExportSaver(choices, folder)(
      { kind: 'folder', files, papers: 2 },
      request({ layout: 'folder' }),
    );
    expect(saved).toEqual({
      kind: 'saved',
      path: target,
      papers: 2,
      folder: { written: 2, replaced: [], kept: [], left: [] },
    });
    expect(choices.asked).toEqual([`folder ${join(folder, 'Shelfmark notes')}`]);
    expect((await readdir(target)).sort()).toEqual(['.shelfmark-export.json', 'A.md', 'a (2).md']);
  });
});
