import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupSummary } from '../../core/api.js';
import type { Paper } from '../../core/model.js';
import { CliHarness } from '../../tests/cli-harness.js';
import { appDataDirectory } from '../library-location.js';
import { LibraryService } from '../library-service.js';
import { libraryPaths } from '../store/library-paths.js';
import { backupPlace } from '../sync/local-journal.js';
import { bundledSampleDigest } from '../resources.js';

let cli: CliHarness;

beforeEach(async () => {
  cli = await CliHarness.create();
});

afterEach(async () => {
  await cli.remove();
});

/** The folder of this computer's backups of the test's library (in the test file's app-data folder). */
async function backupsFolder(): Promise<string> {
  return (await backupPlace(appDataDirectory(), libraryPaths(cli.db))).folder;
}

/** Papers as the user sees them, but when their state last changed: a restore is a change made now. */
function asShown(papers: readonly Paper[]): Omit<Paper, 'updatedAt'>[] {
  return papers.map(({ updatedAt: _, ...paper }) => paper);
}

/** A service whose clock reads `day` at noon. */
function serviceOn(day: string): LibraryService {
  return new LibraryService(cli.db, {
    sampleDigest: bundledSampleDigest(),
    now: () => new Date(`${day}T12:00:00.000Z`),
  });
}

describe('daily backups', () => {
  it('backs up before the first change of each day, and keeps the last ten', async () => {
    const first = serviceOn('2026-01-01');
    await first.importSample();
    expect(await first.listBackups()).toEqual([]); // nothing to back up before the library existed
    const [paper] = (await first.getLibrary()).papers;
    const id = paper?.id ?? '';
    for (let day = 2; day <= 14; day += 1) {
      const service = serviceOn(`2026-01-${String(day).padStart(2, '0')}`);
      await service.setNote(id, `day ${day}`);
      await service.setNote(id, `day ${day}, later`);
      await service.close();
    }
    const backups = await first.listBackups();
    expect(backups.map((backup) => backup.name)).toEqual(
      Array.from({ length: 10 }, (_, n) => `2026-01-${String(14 - n).padStart(2, '0')}T12-00-00Z-daily`),
    );
    expect(backups.every((backup) => backup.reason === 'daily' && backup.bytes > 0)).toBe(true);
    await first.close();
  });

  it('restores a backup after backing up the library as it is', async () => {
    const monday = serviceOn('2026-03-02');
    await monday.importSample();
    const id = (await monday.getLibrary()).papers[0]?.id ?? '';
    await monday.setNote(id, 'Monday’s note');
    const tuesday = serviceOn('2026-03-03');
    await tuesday.setNote(id, 'Tuesday’s note'); // backs up Monday's library first
    const before = await tuesday.getLibrary();

    const list = await cli.run(['backups']);
    expect(list.stdout).toContain('2026-03-03T12-00-00Z-daily  2026-03-03 12:00 UTC');
    const restored = await cli.run(['restore', '2026-03-03T12-00-00Z-daily']);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(
      /^Restored 2026-03-03T12-00-00Z-daily\. The library as it was is in the backup \S+-before-restore\.\n$/,
    );
    expect((await cli.json<Paper>(['show', id])).note).toBe('Monday’s note');
    // The running service sees the restored library too.
    expect((await tuesday.getPaper(id)).note).toBe('Monday’s note');

    const [safety] = await cli.json<BackupSummary[]>(['backups']);
    expect(safety?.reason).toBe('before-restore');
    expect((await cli.run(['restore', safety?.name ?? ''])).code).toBe(0);
    expect(asShown(await cli.json<Paper[]>(['list']))).toEqual(asShown(before.papers));
  });

  it('restores every paper’s reading state as the backup has it, made before the day’s first change', async () => {
    const monday = serviceOn('2026-03-02');
    await monday.importSample();
    const [a = '', b = '', c = '', d = '', e = ''] = (await monday.getLibrary()).papers.map((paper) => paper.id);
    await monday.setStatus([a], 'read');
    await monday.addTags([a, b], ['graphs']);
    await monday.setNote(b, 'Monday’s note');
    await monday.setStatus([c], 'dismissed');
    await monday.snooze([d], '2026-04-01');
    const asOnMonday = asShown((await monday.getLibrary()).papers);

    const tuesday = serviceOn('2026-03-03');
    await tuesday.setStatus([a, c], 'reading'); // backs up Monday's library first
    await tuesday.setNote(b, 'Tuesday’s note');
    await tuesday.snooze([e], '2026-05-01');
    await tuesday.setStatus([d], 'read');
    const since = await tuesday.importText(
      '@article{lovelace1843, title = {A Paper Imported on Tuesday}, author = {Lovelace, Ada}, year = {1843}}\n',
      'tuesday.bib',
    );
    expect(since.added).toBe(1);
    expect(asShown((await tuesday.getLibrary()).papers)).not.toEqual(asOnMonday);

    expect((await tuesday.restoreBackup('2026-03-03T12-00-00Z-daily'))?.reason).toBe('before-restore');
    expect(asShown((await tuesday.getLibrary()).papers)).toEqual(asOnMonday);
    expect(asShown(await cli.json<Paper[]>(['list']))).toEqual(asOnMonday);
  });

  it('restores a library that cannot be read, keeping the unreadable files in a backup', async () => {
    const day1 = serviceOn('2026-03-02');
    await day1.importSample();
    const day2 = serviceOn('2026-03-03');
    await day2.setStatus([(await day2.getLibrary()).papers[0]?.id ?? ''], 'read');
    await writeFile(cli.db, '{"schemaVersion": 1, "papers": [');

    const broken = await cli.run(['list']);
    expect(broken.code).toBe(5);
    expect(broken.stderr).toContain(cli.db);
    expect(broken.stderr).toContain('shelfmark restore NAME');

    expect((await cli.run(['restore', '2026-03-03T12-00-00Z-daily'])).code).toBe(0);
    expect(await cli.json<Paper[]>(['list'])).toHaveLength(32);
    const [safety] = await cli.json<BackupSummary[]>(['backups']);
    // The unreadable catalogue, as it was (the reading states are the synced folder's, which the restore keeps).
    const kept = join(await backupsFolder(), safety?.name ?? '');
    expect((await readdir(kept)).sort()).toEqual(['library.json.gz']);
  });

  it('backs up and restores a journal whose last line a crash cut short, keeping every complete change', async () => {
    const monday = serviceOn('2026-03-02');
    await monday.importSample();
    const id = (await monday.getLibrary()).papers[0]?.id ?? '';
    await monday.setNote(id, 'acknowledged');
    await monday.close();
    // A journal left by an older Shelfmark, whose last line a crash cut short: taken in, and backed up as it was.
    await appendFile(
      join(cli.directory, 'library.state.log'),
      '{"schemaVersion":1,"states":{}}\n{"schemaVersion":1,"states":{"x":{"sta',
    );
    const tuesday = serviceOn('2026-03-03');
    await tuesday.setStatus([id], 'read'); // backs up Monday's library, cut-short line and all
    await tuesday.close();
    const backedUp = join(await backupsFolder(), '2026-03-03T12-00-00Z-daily', 'library.state.log.gz');
    expect(gunzipSync(await readFile(backedUp)).toString('utf8')).toMatch(
      /\n\{"schemaVersion":1,"states":\{"x":\{"sta$/,
    );

    expect((await cli.run(['restore', '2026-03-03T12-00-00Z-daily'])).code).toBe(0);
    const restored = await cli.json<Paper>(['show', id]);
    expect([restored.note, restored.status]).toEqual(['acknowledged', 'unread']);
    expect((await cli.run(['status', id, 'reading'])).code).toBe(0);
    expect((await cli.json<Paper>(['show', id])).status).toBe('reading');
  });

  it('refuses an unknown or unreadable backup and changes nothing', async () => {
    await serviceOn('2026-03-02').importSample();
    await serviceOn('2026-03-03').setNote((await cli.json<Paper[]>(['list']))[0]?.id ?? '', 'x');
    const before = await cli.files();
    const unknown = await cli.run(['restore', 'yesterday']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('There is no backup "yesterday"');
    const [backup] = await cli.json<BackupSummary[]>(['backups']);
    const gz = join(await backupsFolder(), backup?.name ?? '', 'library.json.gz');
    await writeFile(gz, 'not gzip');
    const corrupt = Object.fromEntries(before);
    const refused = await cli.run(['restore', backup?.name ?? '']);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('cannot be read, so nothing was restored');
    expect(Object.fromEntries(await cli.files())).toEqual(corrupt);
  });
});
