import { describe, expect, it } from 'vitest';
import type { DailyPapersReport } from '../../core/api.js';
import type { Paper } from '../../core/model.js';
import type { DigestProgress } from '../../core/query.js';
import { SAMPLE, type RunOptions } from '../../tests/cli-harness.js';
import { MAR_11 } from '../../tests/fixtures/hf-daily-papers.js';
import { useWebWorld } from '../../tests/web-world.js';

const web = useWebWorld((apis) => apis.days.set('2025-03-11', MAR_11));

/** A run on `today` (UTC noon) against the fake APIs, whose waits take no time. */
const on = (today: string, options: RunOptions = {}): RunOptions =>
  web.options({ now: () => new Date(`${today}T12:00:00.000Z`), ...options });
const daysAsked = () => web.apis.requests.map((request) => request.query.get('date'));

describe('shelfmark fetch hf', () => {
  it('imports a day’s papers, dated by the day asked for, with their authors and arXiv ids', async () => {
    const result = await web.cli.run(['fetch', 'hf', '--date', '2025-03-11'], on('2025-03-12'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^127\.0\.0\.1:\d+ 2025-03-11: Hugging Face Daily Papers, Mar 11, 2025 \(hf-2025-03-11-[0-9a-f]{8}\) — 32 papers added, 0 merged with papers already in your library\n$/,
    );
    expect(web.apis.requests.map((request) => `${request.path}?${request.query.toString()}`)).toEqual([
      '/hf/api/daily_papers?date=2025-03-11',
    ]);
    const papers = await web.cli.json<Paper[]>(['list'], on('2025-03-12'));
    expect(papers).toHaveLength(32);
    expect(papers[0]).toMatchObject({
      title: 'Pard: Permutation-Invariant Autoregressive Diffusion for Graph Generation',
      arxivId: '2503.90101',
      authors: ['Ana Álvarez', 'Farah Dubois'],
      year: 2025,
    });
    const [digest] = await web.cli.json<DigestProgress[]>(['digests'], on('2025-03-12'));
    expect(digest).toMatchObject({ title: 'Hugging Face Daily Papers, Mar 11, 2025', total: 32 });
  });

  it('merges a day fetched again, and the page text of that day, keeping reading states', async () => {
    await web.cli.run(['fetch', 'hf', '--date', '2025-03-11'], on('2025-03-12'));
    await web.cli.json(['status', '2503.90101', 'read'], on('2025-03-12'));
    const again = await web.cli.run(['fetch', 'hf', '--date', '2025-03-11'], on('2025-03-13'));
    expect(again.stdout).toContain('— 0 papers added, 32 merged with papers already in your library');
    const page = await web.cli.run(['import', SAMPLE], on('2025-03-13'));
    expect(page.stdout).toContain('— 0 papers added, 32 merged with papers already in your library');
    expect(await web.cli.json<Paper[]>(['list'], on('2025-03-13'))).toHaveLength(32);
    expect(await web.cli.json<DigestProgress[]>(['digests'], on('2025-03-13'))).toHaveLength(2);
    expect(await web.cli.json<Paper>(['show', '2503.90101'], on('2025-03-13'))).toMatchObject({ status: 'read' });
  });

  it('takes the latest day with papers when none is named, and says which', async () => {
    web.apis.days.set('2025-03-14', MAR_11.slice(0, 3));
    const result = await web.cli.run(['fetch', 'hf'], on('2025-03-16'));
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(
      'Hugging Face lists no papers yet for 2025-03-15 (Saturday), 2025-03-16 (Sunday); took 2025-03-14 (Friday), the latest day with papers.',
    );
    expect(result.stdout).toMatch(/ 2025-03-14: Hugging Face Daily Papers, Mar 14, 2025 \(.+\) — 3 papers added/);
    expect(daysAsked()).toEqual(['2025-03-16', '2025-03-15', '2025-03-14']);
    expect(web.clock.sleeps).toEqual([1_000, 1_000]);
  });

  it('takes today when today has papers', async () => {
    const report = await web.cli.json<DailyPapersReport>(['fetch', 'hf'], on('2025-03-11'));
    expect(report).toMatchObject({ latest: '2025-03-11', days: [{ date: '2025-03-11', papers: 32 }] });
  });

  it('fetches each day since one, a request a day, skipping the days without papers', async () => {
    web.apis.days.set('2025-03-10', MAR_11.slice(0, 2));
    const result = await web.cli.run(['fetch', 'hf', '--since', '2025-03-09'], on('2025-03-12'));
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('No papers on 2025-03-09 (Sunday), 2025-03-12 (Wednesday).');
    expect(lines[1]).toMatch(/ 2025-03-10: Hugging Face Daily Papers, Mar 10, 2025 \(.+\) — 2 papers added/);
    expect(lines[2]).toMatch(
      / 2025-03-11: Hugging Face Daily Papers, Mar 11, 2025 \(.+\) — 30 papers added, 2 merged with papers already in your library/,
    );
    expect(daysAsked()).toEqual(['2025-03-09', '2025-03-10', '2025-03-11', '2025-03-12']);
    expect(web.clock.sleeps).toEqual([1_000, 1_000, 1_000]);
  });

  it('says when a day has no papers, and imports nothing', async () => {
    const result = await web.cli.run(['fetch', 'hf', '--date', '2025-03-15'], on('2025-03-16'));
    expect(result).toEqual({
      code: 0,
      stdout: 'Hugging Face lists no papers for 2025-03-15 (Saturday).\n',
      stderr: '',
    });
    expect([...(await web.cli.files()).keys()]).toEqual([]);
  });

  it('imports what it can read of a damaged day, and says what it skipped', async () => {
    web.apis.days.set('2025-03-10', [...MAR_11.slice(0, 2), { paper: { id: '2503.99999' } }, 'not a paper']);
    const result = await web.cli.run(['fetch', 'hf', '--date', '2025-03-10'], on('2025-03-12'));
    expect(result.stdout).toContain('— 2 papers added, 0 merged with papers already in your library\n');
    expect(result.stdout).toContain('  skipped item 3 (2503.99999): it has no title\n');
    expect(result.stdout).toContain('  skipped item 4: it is not an object\n');
  });

  it.each([
    [['fetch', 'hf', '--date', '2025-03-11', '--since', '2025-03-01'], 2, 'fetch takes --date or --since, not both.'],
    [['fetch', 'arxiv'], 2, 'fetch fetches from hf (Hugging Face Daily Papers), not "arxiv".'],
    [['fetch', 'hf', '--date', '2025-02-30'], 4, '"2025-02-30" is not a day: write it YYYY-MM-DD (2025-03-11).'],
    [['fetch', 'hf', '--since', '2025-03-20'], 4, '2025-03-20 is after today (2025-03-12, in UTC).'],
  ])('refuses %j, asking nothing', async (argv, code, message) => {
    const result = await web.cli.run(argv, on('2025-03-12'));
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(`shelfmark: ${message}`);
    expect(web.apis.requests).toEqual([]);
  });

  it('changes nothing when Hugging Face cannot be reached, even after days it had fetched', async () => {
    await web.cli.run(['import', SAMPLE]);
    const before = await web.cli.files();
    web.apis.days.set('2025-03-10', MAR_11.slice(0, 2));
    web.apis.failures.push({ status: 200, body: '[]' }, { status: 200, body: '[]' });
    for (let i = 0; i < 4; i++) web.apis.failures.push({ status: 502 });
    const result = await web.cli.run(['fetch', 'hf', '--since', '2025-03-08'], on('2025-03-12'));
    expect(result.code).toBe(8);
    expect(result.stderr).toMatch(
      /^shelfmark: 127\.0\.0\.1:\d+ answered 502 Bad Gateway, 4 times; try again later\.\n$/,
    );
    expect(await web.cli.files()).toEqual(before);
  });
});
