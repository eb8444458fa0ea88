/**
 * A library on a read-only file system and on a full one, on real mounts: a small tmpfs, remounted read-only or
 * filled up. Mounting needs root on Linux (as CI has); elsewhere these tests are skipped and say why.
 */

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canMountTmpfs } from './tmpfs.js';

import { dispatchApiCall } from '../app/api-dispatch.js';
import { LibraryService } from '../app/library-service.js';
import { libraryPaths } from '../app/store/index.js';
import { openLegacyLibraryStore } from '../app/store/legacy-library-store.js';
import { digest } from '../app/sync/synced-test-rig.js';
import { mergeDigest } from '../core/merge.js';
import { CliHarness, SAMPLE } from './cli-harness.js';

const MOUNTABLE = canMountTmpfs();
if (!MOUNTABLE) console.warn('read-only and full-disk tests skipped: they mount a tmpfs, which needs root on Linux');

const NOW = '2025-03-11T09:00:00.000Z';

let mountPoint: string;
let db: string;

/** Every file of the library's folder with its bytes, to show that nothing changed. */
async function folderBytes(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await fs.readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(folder, file), (await fs.readFile(file)).toString('base64'));
  }
  return files;
}

function service(): LibraryService {
  return new LibraryService(db, { sampleDigest: SAMPLE });
}

async function withService<T>(use: (library: LibraryService) => Promise<T>): Promise<T> {
  const library = service();
  try {
    return await use(library);
  } finally {
    await library.close();
  }
}

describe.skipIf(!MOUNTABLE)('a library on a file system it cannot write to', () => {
  beforeEach(async () => {
    mountPoint = await fs.mkdtemp(path.join(os.tmpdir(), 'shelfmark-mount-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]);
    db = path.join(mountPoint, 'papers', 'library.json');
    await withService(async (library) => {
      await library.importSample();
      const [first] = await library.listPapers({});
      if (first === undefined) throw new Error('the sample imported no paper');
      await library.setStatus([first.id], 'reading');
      await library.setNote(first.id, 'My note, kept in the log.');
    });
  });

  afterEach(async () => {
    execFileSync('umount', [mountPoint]);
    await fs.rmdir(mountPoint);
  });

  it('reads, searches and exports a read-only library, and refuses a change with words that say so', async () => {
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    const before = await folderBytes(mountPoint);
    await withService(async (library) => {
      const papers = await library.listPapers({});
      expect(papers).toHaveLength(32);
      const noted = papers.find((paper) => paper.note !== '');
      expect(noted?.note).toBe('My note, kept in the log.');
      expect(noted?.status).toBe('reading');
      expect((await library.getLibraryOutline()).papers.id).toHaveLength(32);
      expect(await library.stats()).toMatchObject({ total: 32 });
      const exported = await library.renderExport({
        format: 'md',
        layout: 'document',
        abstracts: false,
        selection: {},
      });
      expect(exported.kind === 'document' && exported.content).toContain('My note, kept in the log.');

      const refused = await dispatchApiCall(library, 'setStatus', [[papers[0]?.id], 'read']);
      expect(refused).toEqual({
        ok: false,
        error: {
          kind: 'read-only',
          message: `The library is read-only: ${path.dirname(db)} cannot be written (it is on a read-only file system). It can be read, searched and exported; nothing was changed.`,
        },
      });
      const imported = await dispatchApiCall(library, 'importSample', []);
      expect(imported).toMatchObject({ ok: false, error: { kind: 'read-only' } });
      await library.compact();
    });
    expect(await folderBytes(mountPoint)).toEqual(before);
  });

  it('reads a library written before devices as it is, without migrating it, and refuses a change', async () => {
    const legacy = path.join(mountPoint, 'older', 'library.json');
    const store = openLegacyLibraryStore(legacy);
    const state = {
      status: 'reading',
      tags: ['kept'],
      note: 'Written by main.',
      readAt: null,
      updatedAt: NOW,
    } as const;
    await store.transact((library) => {
      const { catalogue } = mergeDigest(library.catalogue, digest('Older', ['graphs']), 'older.bib', NOW);
      return { catalogue, states: { [catalogue.papers[0]?.id ?? '']: state }, result: null };
    });
    await store.close();
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    const before = await folderBytes(mountPoint);
    const older = new LibraryService(legacy, { sampleDigest: SAMPLE });
    try {
      const [paper] = await older.listPapers({});
      expect(paper).toMatchObject({ title: 'On graphs', status: 'reading', tags: ['kept'], note: 'Written by main.' });
      const refused = await dispatchApiCall(older, 'setStatus', [[paper?.id], 'read']);
      expect(refused).toMatchObject({ ok: false, error: { kind: 'read-only' } });
      expect(await older.listBackups()).toEqual([]);
    } finally {
      await older.close();
    }
    expect(await folderBytes(mountPoint)).toEqual(before);
  });

  it('refuses a change on a full disk with the file and what to do, and loses nothing already stored', async () => {
    const before = await folderBytes(mountPoint);
    // Fill the disk: one file takes whatever space is left.
    await fs.writeFile(path.join(mountPoint, 'filler'), Buffer.alloc(16 * 1024 * 1024)).catch(() => undefined);
    const bigNote = 'A long note. '.repeat(70_000);
    await withService(async (library) => {
      const [first] = await library.listPapers({});
      const refused = await dispatchApiCall(library, 'setNote', [first?.id, bigNote]);
      expect(refused).toMatchObject({ ok: false, error: { kind: 'file-system' } });
      const message = refused.ok ? '' : refused.error.message;
      expect(message).toMatch(
        /^No space left on the disk holding \/.+: nothing was changed\. Free some space, then try again\.$/,
      );
      expect(message).not.toMatch(/ENOSPC|unexpected/);
    });
    await fs.rm(path.join(mountPoint, 'filler'));
    await withService(async (library) => {
      const noted = (await library.listPapers({})).filter((paper) => paper.note !== '');
      expect(noted.map((paper) => paper.note)).toEqual(['My note, kept in the log.']);
      // With space again, the next change is stored after the line the full disk cut short.
      await library.setNote(noted[0]?.id ?? '', 'Changed once there was space.');
    });
    await withService(async (library) => {
      const noted = (await library.listPapers({})).filter((paper) => paper.note !== '');
      expect(noted.map((paper) => paper.note)).toEqual(['Changed once there was space.']);
    });
    expect(before.get(path.relative(mountPoint, libraryPaths(db).catalogue))).toBe(
      (await folderBytes(mountPoint)).get(path.relative(mountPoint, libraryPaths(db).catalogue)),
    );
    // Every device's log ends with a whole line: the full disk's half line was cut off again.
    const logs = [...(await folderBytes(path.dirname(db))).entries()].filter(([name]) => name.endsWith('.jsonl'));
    expect(logs.length).toBeGreaterThan(0);
    for (const [name, bytes] of logs)
      expect(Buffer.from(bytes, 'base64').toString('utf8').endsWith('\n'), name).toBe(true);
  });
  it('the command line says either in one line, with the exit code of its kind', async () => {
    const cli = await CliHarness.create();
    try {
      const [first] = await withService((library) => library.listPapers({}));
      const id = first?.id ?? '';
      const filler = path.join(mountPoint, 'filler');
      await fs.writeFile(filler, Buffer.alloc(16 * 1024 * 1024)).catch(() => undefined);
      const full = await cli.run(['note', id, 'A long note. '.repeat(70_000)], { db });
      expect(full.code).toBe(7);
      expect(full.stderr).toMatch(
        /^shelfmark: No space left on the disk holding \/.+: nothing was changed\. Free some space, then try again\.\n$/,
      );
      const out = path.join(mountPoint, 'notes.md');
      expect(await cli.run(['export', '--all', '--abstracts', '--out', out], { db })).toEqual({
        code: 7,
        stdout: '',
        stderr: `shelfmark: No space left on the disk holding ${out}: nothing was changed. Free some space, then try again.\n`,
      });
      await fs.rm(filler);

      execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
      const readOnly = `The library is read-only: ${path.dirname(db)} cannot be written (it is on a read-only file system). It can be read, searched and exported; nothing was changed.`;
      expect(await cli.run(['tag', id, 'later'], { db })).toEqual({
        code: 6,
        stdout: '',
        stderr: `shelfmark: ${readOnly}\n`,
      });
      const asJson = await cli.run(['status', id, 'read', '--json'], { db });
      expect(asJson.code).toBe(6);
      expect(JSON.parse(asJson.stderr)).toEqual({ error: { kind: 'read-only', message: readOnly } });
      expect(await cli.run(['export', '--all', '--out', out], { db })).toEqual({
        code: 7,
        stdout: '',
        stderr: `shelfmark: ${out} is on a read-only file system: nothing was changed. Choose a place that can be written.\n`,
      });
      expect((await cli.run(['list'], { db })).code).toBe(0);
    } finally {
      await cli.remove();
    }
  });
});
