import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../core/api.js';
import type { DigestProgress } from '../../core/query.js';
import { CliHarness } from '../../tests/cli-harness.js';

const MAR_03 = new URL('../../core/import/fixtures/hf-daily-papers-mar-03.json', import.meta.url);

let cli: CliHarness;

beforeEach(async () => {
  cli = await CliHarness.create();
});

afterEach(async () => {
  await cli.remove();
});

/** The Mar 3 page (its first `count` papers) saved as `name`, without the day it was listed on when `listed` is false. */
async function savedPage(name: string, listed: boolean, count = 4): Promise<string> {
  const items = (JSON.parse(await readFile(MAR_03, 'utf8')) as { paper: Record<string, unknown> }[]).slice(0, count);
  const saved = listed ? items : items.map((item) => ({ ...item, paper: { ...item.paper, submittedOnDailyAt: null } }));
  const path = join(cli.directory, name);
  await writeFile(path, JSON.stringify(saved));
  return path;
}

const GUESSED =
  '  note: the file does not say which day’s page it is: it is dated Mar 2, 2025, the day most of its papers were ' +
  'published, a guess; change the date if it is wrong';

describe('shelfmark import --date', () => {
  it('says in its summary that it guessed a day the file does not give', async () => {
    const result = await cli.run(['import', await savedPage('daily_papers.json', false)]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      expect.stringMatching(
        /daily_papers\.json: Hugging Face Daily Papers, Mar 2, 2025 \(hf-2025-03-02-\w+\) — 4 papers added/,
      ),
      GUESSED,
      '',
    ]);
  });

  it('dates every digest of the import by the day given, and keeps two digests of one day apart, saying so', async () => {
    const undated = await savedPage('daily_papers.json', false);
    const listed = await savedPage('hf-listed.json', true, 2);
    const result = await cli.run(['import', '--date', '2025-03-03', undated, listed]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/daily_papers\.json: Hugging Face Daily Papers, Mar 3, 2025 \(hf-2025-03-03-\w+\)/);
    expect(result.stdout).not.toContain('a guess');
    // The other page lists Mar 3 too, with other papers: another digest of the same day, and the summary says so.
    expect(lines[1]).toMatch(
      /hf-listed\.json: Hugging Face Daily Papers, Mar 3, 2025 \(hf-2025-03-03-\w+\) — 0 papers added, 2 merged with papers already in your library/,
    );
    expect(lines[2]).toMatch(
      /^ {2}note: another Hugging Face digest is dated Mar 3, 2025 too: “Hugging Face Daily Papers, Mar 3, 2025” \(hf-2025-03-03-\w+, from daily_papers\.json\); they are kept apart/,
    );
    const digests = await cli.json<DigestProgress[]>(['digests']);
    expect(digests.map((digest) => [digest.date, digest.source])).toEqual([
      ['2025-03-03', 'daily_papers.json'],
      ['2025-03-03', 'hf-listed.json'],
    ]);
  });

  it('tells, in --json too, when the file gives another day than the one asked', async () => {
    const report = await cli.json<ImportReport>([
      'import',
      '--date',
      '2025-03-04',
      await savedPage('mar-3.json', true),
    ]);
    expect(report.files).toMatchObject([
      {
        ok: true,
        summary: { digest: { title: 'Hugging Face Daily Papers, Mar 4, 2025' } },
        notes: ['dated Mar 4, 2025 as asked, though the file says Mar 3, 2025'],
      },
    ]);
  });

  it('refuses a day that does not exist before reading any file', async () => {
    const result = await cli.run(['import', '--date', '2025-02-30', join(cli.directory, 'missing.json')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('"2025-02-30" is not a day: write it as YYYY-MM-DD, as in 2025-03-03.');
    expect((await cli.run(['list', '--date', '2025-03-03'])).stderr).toContain('list does not take --date.');
  });
});

describe('shelfmark redate', () => {
  it('changes a digest’s day and the day in its title', async () => {
    await cli.run(['import', await savedPage('daily_papers.json', false)]);
    const [digest] = await cli.json<DigestProgress[]>(['digests']);
    const result = await cli.run(['redate', digest?.id ?? '', '2025-03-03']);
    expect(result).toEqual({
      code: 0,
      stdout: `${digest?.id ?? ''}: Hugging Face Daily Papers, Mar 3, 2025\n`,
      stderr: '',
    });
    expect(await cli.json<DigestProgress[]>(['digests'])).toMatchObject([
      { id: digest?.id, date: '2025-03-03', title: 'Hugging Face Daily Papers, Mar 3, 2025' },
    ]);
    expect((await cli.run(['redate', 'hf-none', '2025-03-03'])).stderr).toContain('No digest has the id "hf-none".');
    expect((await cli.run(['redate', digest?.id ?? '', 'March 3'])).code).toBe(2);
  });
});
