/**
 * A library whose reading states were written before dismissals and snoozes (state schema version 1, as Shelfmark
 * on main writes it today) opens as it is, its files kept as they were in a backup when it becomes a synced
 * folder's, and nothing in it is lost when a dismissal and a snooze are written, before compaction and after.
 */

import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useLibraryFolder } from '../../tests/library-folder.js';

const folder = useLibraryFolder('shelfmark-state-v1-', '2026-03-11T12:00:00.000Z');
const open = folder.open;

const DIGEST = {
  id: 'hf-2026-03-10-0a1b2c3d',
  format: 'hf-daily-json',
  title: 'Hugging Face Daily Papers, Mar 10, 2026',
  date: '2026-03-10',
  source: 'hf.json',
  importedAt: '2026-03-10T08:00:00.000Z',
  paperIds: ['2603.00001', '2603.00002', '2603.00003'],
};

const paper = (n: number) => ({
  id: `2603.0000${n}`,
  title: `Paper ${n}`,
  abstract: '',
  authors: ['Ada Lovelace'],
  arxivId: `2603.0000${n}`,
  doi: null,
  year: 2026,
  links: [`https://arxiv.org/abs/2603.0000${n}`],
  categories: ['cs.LG'],
  digests: [DIGEST.id],
  addedAt: '2026-03-10T08:00:00.000Z',
});

const SNAPSHOT = {
  '2603.00001': {
    status: 'read',
    tags: ['graphs'],
    note: 'Good.',
    readAt: '2026-03-10T09:00:00.000Z',
    updatedAt: '2026-03-10T09:00:00.000Z',
  },
};
const LOGGED = {
  '2603.00002': { status: 'reading', tags: [], note: '', readAt: null, updatedAt: '2026-03-10T10:00:00.000Z' },
};

/** The library's files exactly as main writes them today: catalogue version 2, reading states version 1. */
async function writeTodaysLibrary(): Promise<{ snapshot: string; log: string }> {
  const snapshot = JSON.stringify({ schemaVersion: 1, states: SNAPSHOT });
  const log = `${JSON.stringify({ schemaVersion: 1, states: LOGGED })}\n`;
  await writeFile(
    folder.path('library.json'),
    JSON.stringify({ schemaVersion: 2, papers: [1, 2, 3].map(paper), digests: [DIGEST] }),
  );
  await writeFile(folder.path('library.state.json'), snapshot);
  await writeFile(folder.path('library.state.log'), log);
  return { snapshot, log };
}

describe('reading states of version 1', () => {
  it('open as they are, the files as they were kept in a backup', async () => {
    const { snapshot, log } = await writeTodaysLibrary();
    const service = open();
    const { papers } = await service.getLibrary();
    expect(
      papers.map(({ id, status, tags, note, readAt, updatedAt }) => ({ id, status, tags, note, readAt, updatedAt })),
    ).toEqual([
      { id: '2603.00001', ...SNAPSHOT['2603.00001'] },
      { id: '2603.00002', ...LOGGED['2603.00002'] },
      { id: '2603.00003', status: 'unread', tags: [], note: '', readAt: null, updatedAt: null },
    ]);
    expect(papers.every((one) => one.snoozedUntil === undefined)).toBe(true);
    const [backup] = await service.listBackups();
    const kept = async (name: string) =>
      gunzipSync(await readFile(await folder.backupFile(backup?.name ?? '', `${name}.gz`))).toString('utf8');
    expect(await kept('library.state.json')).toBe(snapshot);
    expect(await kept('library.state.log')).toBe(log);
  });

  it('keep everything beside a dismissal and a snooze, through compaction', async () => {
    await writeTodaysLibrary();
    const service = open();
    await service.setStatus(['2603.00002'], 'dismissed');
    await service.snooze(['2603.00003'], '2026-03-13');

    const expected = [
      { id: '2603.00001', status: 'read', tags: ['graphs'], note: 'Good.' },
      { id: '2603.00002', status: 'dismissed', tags: [], note: '' },
      { id: '2603.00003', status: 'unread', tags: [], note: '', snoozedUntil: '2026-03-13' },
    ];
    expect((await open().getLibrary()).papers).toMatchObject(expected);
    await service.compact();
    expect((await open().getLibrary()).papers).toMatchObject(expected);
    expect((await open().listPapers({ status: 'snoozed' })).map((one) => one.id)).toEqual(['2603.00003']);
  });
});
