import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
    confirmReplaceFolder: (path) => {
      asked.push(`replace ${path}`);
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

  it('replaces an existing folder only when the user confirms', async () => {
    const target = join(folder, 'vault');
    await mkdir(target);
    await writeFile(join(target, 'mine.md'), 'keep');
    const files = [{ name: 'A.md', content: 'a' }];
    const refused = dialogs({ folder: target, replace: false });
    expect(
      await createExportSaver(refused, folder)({ kind: 'folder', files, papers: 1 }, request({ layout: 'folder' })),
    ).toEqual({
      kind: 'cancelled',
    });
    expect(refused.asked).toEqual([`folder ${join(folder, 'Shelfmark notes')}`, `replace ${target}`]);
    expect(await readdir(target)).toEqual(['mine.md']);

    const agreed = dialogs({ folder: target, replace: true });
    expect(
      await createExportSaver(agreed, folder)({ kind: 'folder', files, papers: 1 }, request({ layout: 'folder' })),
    ).toEqual({
      kind: 'saved',
      path: target,
      papers: 1,
    });
    expect(await readdir(target)).toEqual(['A.md']);
  });
});
