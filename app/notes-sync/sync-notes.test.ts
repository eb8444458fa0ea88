/**
 * Syncing notes with a folder, on real folders through the library service: every case the sync promises, each
 * checked by what the user would find in the folder and in the library afterwards.
 */

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { NotesSyncRequest } from '../../core/api.js';
import type { Paper } from '../../core/model.js';
import type { NotesSyncReport } from '../../core/notes-sync/report.js';
import { LibraryService, type NotesSyncExtras } from '../library-service.js';
import { appDataDirectory } from '../library-location.js';
import { bundledSampleDigest } from '../resources.js';
import { libraryPaths } from '../store/library-paths.js';
import { syncRecordPlace } from './record-file.js';

const REFS = `@article{vaswani,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam},
  year = {2017},
  eprint = {1706.03762},
  archivePrefix = {arXiv},
}
@article{song,
  title = {Score-Based Generative Modeling through Stochastic Differential Equations},
  author = {Song, Yang},
  year = {2021},
}
@article{ho,
  title = {Denoising Diffusion Probabilistic Models},
  author = {Ho, Jonathan},
  year = {2020},
}
`;

const ATTENTION = 'Attention Is All You Need.md';
const SCORE = 'Score-Based Generative Modeling through Stochastic Differential Equations.md';

let directory: string;
let vault: string;
let service: LibraryService;
let ids: { attention: string; score: string; diffusion: string };

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'shelfmark-notes-sync-'));
  vault = join(directory, 'Vault');
  await mkdir(vault);
  service = new LibraryService(join(directory, 'library', 'library.json'), {
    sampleDigest: bundledSampleDigest(),
    now: () => new Date('2026-03-11T12:00:00.000Z'),
  });
  await service.importText(REFS, 'refs.bib');
  const papers = (await service.getLibrary()).papers;
  const idOf = (word: string): string => papers.find((paper) => paper.title.includes(word))?.id ?? '';
  ids = { attention: idOf('Attention'), score: idOf('Score'), diffusion: idOf('Denoising') };
  // Two papers with something to sync; the third untouched.
  await service.setNote(ids.attention, 'Self-attention replaces recurrence.\n\n## Why it matters\n\nParallel.\n');
  await service.addTags([ids.attention], ['transformers', 'c++']);
  await service.setStatus([ids.score], 'reading');
});

afterEach(async () => {
  await service.close();
  await rm(directory, { recursive: true, force: true });
});

/** This computer's record of the library's notes syncs (in the test file's app-data folder). */
const recordFile = async (): Promise<string> =>
  (await syncRecordPlace(libraryPaths(join(directory, 'library', 'library.json')), appDataDirectory())).file;

const sync = (request: Partial<NotesSyncRequest> = {}, extras: NotesSyncExtras = {}): Promise<NotesSyncReport> =>
  service.syncNotes({ folder: vault, ...request }, extras);
const read = (name: string): Promise<string> => readFile(join(vault, ...name.split('/')), 'utf8');
const paper = (id: string): Promise<Paper> => service.getPaper(id);

/** Every file below the vault (hidden ones too), with its text and its identity on disk. */
async function snapshot(): Promise<Map<string, { text: string; mtimeMs: number; ino: number }>> {
  const entries = await readdir(vault, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return new Map(
    await Promise.all(
      files.map(async (file) => {
        const { mtimeMs, ino } = await stat(file);
        return [file.slice(vault.length + 1), { text: await readFile(file, 'utf8'), mtimeMs, ino }] as const;
      }),
    ),
  );
}

function frontMatter(text: string): Record<string, unknown> {
  const end = text.indexOf('\n---\n', 4);
  return parseYaml(text.slice(4, end)) as Record<string, unknown>;
}

/** What a report's skipped list holds for a file left alone for a reason with these words in it. */
const skippedBecause = (file: string, words: string): unknown =>
  expect.objectContaining({ file, reason: expect.stringContaining(words) as string });

const body = (text: string): string => text.slice(text.indexOf('\n---\n', 4) + '\n---\n\n'.length);

describe('the first sync', () => {
  it('writes a file per paper with a note, a tag or a status, with front matter Obsidian reads, and the note', async () => {
    const report = await sync();
    expect(report.written.map((file) => file.file).sort()).toEqual([ATTENTION, SCORE]);
    expect([...(await snapshot()).keys()].sort()).toEqual([ATTENTION, SCORE]);
    const text = await read(ATTENTION);
    expect(frontMatter(text)).toEqual({
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      arxiv: '1706.03762',
      url: 'https://arxiv.org/abs/1706.03762',
      tags: ['transformers', 'c-'],
      status: 'unread',
      read: null,
      digests: ['BibTeX: refs.bib'],
      shelfmark: ids.attention,
    });
    expect(body(text)).toBe('Self-attention replaces recurrence.\n\n## Why it matters\n\nParallel.\n');
    expect(frontMatter(await read(SCORE))).toMatchObject({ status: 'reading', tags: [], shelfmark: ids.score });
  });

  it('keeps its record in the library’s app-data folder, not in the notes folder; --all writes every paper', async () => {
    await sync();
    expect(existsSync(await recordFile())).toBe(true);
    const report = await sync({ all: true });
    expect(report.written.map((file) => file.file)).toEqual(['Denoising Diffusion Probabilistic Models.md']);
    expect(report.untouched).toBe(2);
    expect((await readdir(vault)).sort()).toEqual([ATTENTION, 'Denoising Diffusion Probabilistic Models.md', SCORE]);
  });

  it('with --status or --tag, writes only those papers', async () => {
    const report = await sync({ tag: 'transformers' });
    expect(report.written.map((file) => file.file)).toEqual([ATTENTION]);
    expect(await readdir(vault)).toEqual([ATTENTION]);
  });

  it('changes nothing in a dry run, and says what it would write', async () => {
    const report = await sync({ dryRun: true });
    expect(report).toMatchObject({ dryRun: true, written: [{ file: ATTENTION }, { file: SCORE }] });
    expect(await readdir(vault)).toEqual([]);
    expect(existsSync(await recordFile())).toBe(false);
  });
});

describe('a second sync', () => {
  it('with nothing changed writes nothing: every file’s modification time and the record stay', async () => {
    await sync();
    const before = await snapshot();
    const record = await stat(await recordFile());
    await new Promise((done) => setTimeout(done, 20));
    const report = await sync();
    expect(report).toMatchObject({ written: [], updated: [], takenIn: [], conflicts: [], skipped: [], untouched: 2 });
    expect(await snapshot()).toEqual(before);
    expect((await stat(await recordFile())).mtimeMs).toBe(record.mtimeMs);
  });

  it('takes in a note, tags and status edited in the folder', async () => {
    await sync();
    const text = await read(ATTENTION);
    const edited = text
      .replace('  - "c-"\n', '  - "c-"\n  - "to-present"\n')
      .replace('  - "transformers"\n', '')
      .replace('status: "unread"', 'status: read')
      .concat('\nAdded in Obsidian.\n');
    await writeFile(join(vault, ATTENTION), edited);
    const report = await sync();
    expect(report.takenIn).toEqual([
      { paper: ids.attention, title: 'Attention Is All You Need', file: ATTENTION, parts: ['note', 'tags', 'status'] },
    ]);
    const after = await paper(ids.attention);
    expect(after.note).toBe(
      'Self-attention replaces recurrence.\n\n## Why it matters\n\nParallel.\n\nAdded in Obsidian.\n',
    );
    expect(after.tags).toEqual(['c++', 'to-present']);
    expect(after.status).toBe('read');
    // The file is left as the user wrote it, and the next sync has nothing to do.
    expect(await read(ATTENTION)).toBe(edited);
    expect(await sync()).toMatchObject({ takenIn: [], updated: [], untouched: 2 });
  });

  it('writes a change made in Shelfmark into the file, keeping keys the user added to its front matter', async () => {
    await sync();
    const withAliases = (await read(ATTENTION)).replace(
      'read: null\n',
      'read: null\naliases: [Transformer paper] # mine\n',
    );
    await writeFile(join(vault, ATTENTION), withAliases);
    await sync(); // takes in nothing but records the file as it is now
    await service.setNote(ids.attention, 'Rewritten in Shelfmark.');
    await service.addTags([ids.attention], ['classic']);
    const report = await sync();
    expect(report.updated.map((file) => file.file)).toEqual([ATTENTION]);
    const text = await read(ATTENTION);
    expect(body(text)).toBe('Rewritten in Shelfmark.');
    expect(frontMatter(text)).toMatchObject({
      aliases: ['Transformer paper'],
      tags: ['transformers', 'c-', 'classic'],
    });
    expect(text).toContain('# mine');
  });

  it('counts a file whose formatting or other keys alone changed (Obsidian’s properties) as not edited', async () => {
    await sync();
    const reformatted = (await read(ATTENTION))
      .replace('title: "Attention Is All You Need"', 'title: Attention Is All You Need\ncssclasses: [wide]')
      .replace('status: "unread"', 'status: unread');
    await writeFile(join(vault, ATTENTION), reformatted);
    await service.setStatus([ids.attention], 'reading');
    const report = await sync();
    expect(report).toMatchObject({ conflicts: [], takenIn: [], updated: [{ file: ATTENTION }] });
    expect(frontMatter(await read(ATTENTION))).toMatchObject({ status: 'reading', cssclasses: ['wide'] });
  });

  it('when both changed, overwrites neither: a conflict copy holds Shelfmark’s version, and the report says so', async () => {
    await sync();
    const inFolder = `${await read(ATTENTION)}\nEdited in the vault.\n`;
    await writeFile(join(vault, ATTENTION), inFolder);
    await service.setNote(ids.attention, 'Edited in Shelfmark.');
    const report = await sync();
    const copy = 'Attention Is All You Need.shelfmark-conflict.md';
    expect(report.conflicts).toEqual([
      { paper: ids.attention, title: 'Attention Is All You Need', file: ATTENTION, copy },
    ]);
    expect(await read(ATTENTION)).toBe(inFolder);
    expect((await paper(ids.attention)).note).toBe('Edited in Shelfmark.');
    expect(body(await read(copy))).toBe('Edited in Shelfmark.');
    expect(frontMatter(await read(copy))).toMatchObject({ 'shelfmark-conflict': ids.attention });

    // Still a conflict while the copy is there; deleting it settles it in the file's favour.
    expect((await sync()).conflicts).toHaveLength(1);
    await unlink(join(vault, copy));
    const settled = await sync();
    expect(settled.takenIn.map((file) => file.file)).toEqual([ATTENTION]);
    expect((await paper(ids.attention)).note).toBe(body(inFolder));
    expect(await sync()).toMatchObject({ conflicts: [], takenIn: [], updated: [] });
  });

  it('follows a file renamed, then moved into a subfolder, by its shelfmark key', async () => {
    await sync();
    await rename(join(vault, ATTENTION), join(vault, 'Transformer.md'));
    let report = await sync();
    expect(report.moved).toEqual([expect.objectContaining({ from: ATTENTION, file: 'Transformer.md' })]);
    expect(report.written).toEqual([]);

    await mkdir(join(vault, 'Papers', '2017'), { recursive: true });
    await rename(join(vault, 'Transformer.md'), join(vault, 'Papers', '2017', 'Transformer.md'));
    await service.setNote(ids.attention, 'Changed after the move.');
    report = await sync();
    expect(report.updated.map((file) => file.file)).toEqual(['Papers/2017/Transformer.md']);
    expect(body(await read('Papers/2017/Transformer.md'))).toBe('Changed after the move.');
    expect((await readdir(vault)).sort()).toEqual(['Papers', SCORE]);

    const moved = `${await read('Papers/2017/Transformer.md')}\nAnd edited there.`;
    await writeFile(join(vault, 'Papers', '2017', 'Transformer.md'), moved);
    await sync();
    expect((await paper(ids.attention)).note).toBe('Changed after the move.\nAnd edited there.');
  });

  it('does not write again a file the user deleted, unless asked to restore it', async () => {
    await sync();
    await unlink(join(vault, ATTENTION));
    await service.setNote(ids.attention, 'Changed after the file was deleted.');
    const report = await sync();
    expect(report.skipped).toEqual([skippedBecause(ATTENTION, 'deleted from the folder')]);
    expect(await readdir(vault)).toEqual([SCORE]);
    const restored = await sync({ restore: true });
    expect(restored.written).toEqual([expect.objectContaining({ file: ATTENTION, restored: true })]);
    expect(body(await read(ATTENTION))).toBe('Changed after the file was deleted.');
  });

  it('leaves a file whose front matter was broken by hand as it is, and says why', async () => {
    await sync();
    const broken = (await read(ATTENTION)).replace('status: "unread"', 'status: [unread');
    await writeFile(join(vault, ATTENTION), broken);
    await service.setNote(ids.attention, 'Changed in Shelfmark meanwhile.');
    const report = await sync();
    expect(report.skipped).toEqual([skippedBecause(ATTENTION, 'front matter cannot be read')]);
    expect(await read(ATTENTION)).toBe(broken);
    expect(await readdir(vault)).toHaveLength(2);

    await writeFile(join(vault, ATTENTION), broken.replace('status: [unread', 'status: finished'));
    expect((await sync()).skipped[0]?.reason).toContain('"finished" is not a reading status');
  });
});

describe('the user’s own files', () => {
  it('are never touched, even with a paper’s name, nor read in hidden folders', async () => {
    const own = '# My own note on attention\n\nNot Shelfmark’s.\n';
    await writeFile(join(vault, ATTENTION), own);
    await mkdir(join(vault, '.obsidian'));
    await writeFile(join(vault, '.obsidian', 'workspace.json'), '{}');
    await writeFile(join(vault, 'Daily.md'), '---\ntags: [daily]\n---\nToday.\n');
    const before = await snapshot();
    const report = await sync();
    expect(report.written.map((file) => file.file).sort()).toEqual(['Attention Is All You Need (2).md', SCORE]);
    const after = await snapshot();
    for (const [name, file] of before) expect(after.get(name)).toEqual(file);
    expect(report.skipped).toEqual([]);
  });
});

describe('a sync killed mid-write', () => {
  it('leaves a hidden temp file that the next sync removes, and no one else’s', async () => {
    await sync();
    const old = (Date.now() - 11 * 60 * 1000) / 1000;
    // Named as only Shelfmark's writes name their temp files, for a Markdown file: a new note's write too.
    const left = [
      `.${ATTENTION}.4242-0123456789ab.tmp`,
      `.${SCORE}.4242-ba9876543210.tmp`,
      '.New.md.7-0123456789ab.tmp',
    ];
    const others = [
      '.Mine.md.tmp',
      `.${ATTENTION}.swp`,
      '.workspace.json.4242-0123456789ab.tmp',
      'Mine.md.1-0123456789ab.tmp',
    ];
    for (const name of [...left, ...others]) {
      await writeFile(join(vault, name), 'half a note');
      await utimes(join(vault, name), old, old);
    }
    // A write in progress (recent) stays.
    await writeFile(join(vault, `.${ATTENTION}.4243-0123456789ab.tmp`), 'being written');

    await sync();
    const names = await readdir(vault);
    for (const name of left) expect(names).not.toContain(name);
    for (const name of others) expect(names).toContain(name);
    expect(names).toContain(`.${ATTENTION}.4243-0123456789ab.tmp`);
  });
});

describe('a file edited during the sync', () => {
  it('is read again when it changed while read, and never half taken', async () => {
    await sync();
    const file = join(vault, ATTENTION);
    const original = await read(ATTENTION);
    let edits = 0;
    const hooks = {
      afterRead: async (path: string) => {
        if (path !== ATTENTION) return;
        edits += 1;
        await writeFile(file, `${original}\nEdit number ${edits}.`);
      },
    };
    const changing = await sync({}, { hooks });
    expect(changing.skipped).toEqual([skippedBecause(ATTENTION, 'kept changing')]);
    expect((await paper(ids.attention)).note).toBe(body(original));

    // Once it holds still, the whole of its last version is taken in.
    await sync();
    expect((await paper(ids.attention)).note).toBe(`${body(original)}\nEdit number 2.`);
  });

  it('is not written over when it changes between reading and writing', async () => {
    await sync();
    await service.setNote(ids.attention, 'Changed in Shelfmark.');
    const typed = `${await read(ATTENTION)}\nTyped in Obsidian just then.`;
    const report = await sync(
      {},
      {
        hooks: {
          beforeWrite: async (path) => {
            if (path === ATTENTION) await writeFile(join(vault, path), typed);
          },
        },
      },
    );
    expect(report.updated).toEqual([]);
    expect(report.skipped).toEqual([skippedBecause(ATTENTION, 'changed during the sync')]);
    expect(await read(ATTENTION)).toBe(typed);
    // Both sides changed: the next sync keeps both.
    expect((await sync()).conflicts).toHaveLength(1);
    expect(await read(ATTENTION)).toBe(typed);
  });
});

describe('a library from before notes sync', () => {
  it('opens and syncs with its files as they were, the record kept by this computer outside its folder', async () => {
    const library = join(directory, 'library');
    const names = async (): Promise<string[]> =>
      (await readdir(library, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && !entry.name.endsWith('.lock'))
        .map((entry) => join(entry.parentPath, entry.name))
        .sort();
    const files = await names();
    expect(files.map((file) => basename(file))).not.toContain('library.notes-sync.json');
    const bytes = await Promise.all(files.map((name) => readFile(name)));
    expect(await service.notesSyncSettings()).toEqual({ folder: null, onChange: false, canChooseFolder: false });
    await sync();
    expect(await names()).toEqual(files);
    for (const [index, name] of files.entries()) expect(await readFile(name)).toEqual(bytes[index]);
  });

  it('reads the record kept beside the library before, while this computer has none of its own', async () => {
    const before = join(directory, 'library', 'library.notes-sync.json');
    await service.setNotesSyncSettings({ folder: vault, onChange: true });
    await rename(await recordFile(), before);
    expect(await service.notesSyncSettings()).toMatchObject({ folder: vault, onChange: true });
    await service.setNotesSyncSettings({ folder: vault, onChange: false });
    expect(await service.notesSyncSettings()).toMatchObject({ folder: vault, onChange: false });
    // Its own is written; the one beside the library, perhaps another computer's, is left as it was.
    expect(await readFile(before, 'utf8')).toContain('"onChange": true');
  });
});

describe('the app’s settings', () => {
  it('remember the folder and whether to sync on every change', async () => {
    expect(await service.setNotesSyncSettings({ folder: vault, onChange: true })).toEqual({
      folder: vault,
      onChange: true,
      canChooseFolder: false,
    });
    await sync();
    expect(await service.notesSyncSettings()).toMatchObject({ folder: vault, onChange: true });
    await expect(service.setNotesSyncSettings({ folder: 'relative/path', onChange: false })).rejects.toThrow(
      /not a full path/,
    );
  });
});

const pandoc = '/usr/bin/pandoc';

describe.skipIf(!existsSync(pandoc))('pandoc', () => {
  it('reads a synced file’s front matter as YAML metadata', async () => {
    await sync();
    const { stdout } = await promisify(execFile)(pandoc, [
      '-s',
      '-f',
      'markdown',
      '-t',
      'json',
      join(vault, ATTENTION),
    ]);
    const { meta } = JSON.parse(stdout) as { meta: Record<string, unknown> };
    const text = (value: unknown): string =>
      (value as { c: { t: string; c?: string }[] }).c
        .map((inline) => (inline.t === 'Space' ? ' ' : (inline.c ?? '')))
        .join('');
    expect(text(meta['title'])).toBe('Attention Is All You Need');
    expect(text(meta['status'])).toBe('unread');
    expect(text(meta['shelfmark'])).toBe(ids.attention);
    const tags = (meta['tags'] as { c: unknown[] }).c.map(text);
    expect(tags).toEqual(['transformers', 'c-']);
  });
});
