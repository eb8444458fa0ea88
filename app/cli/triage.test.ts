/** The morning triage from the command line: dismiss, snooze, undo either, and a snooze coming back on its day. */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '../../core/model.js';
import type { DigestProgress, LibraryStats } from '../../core/query.js';
import { CliHarness, SAMPLE } from '../../tests/cli-harness.js';

let cli: CliHarness;

beforeEach(async () => {
  cli = await CliHarness.create();
});

afterEach(async () => {
  await cli.remove();
});

/** Noon on a day, in this computer's time zone: the day `shelfmark` takes as today. */
const on = (day: string) => () => new Date(`${day}T12:00:00`);
const WEDNESDAY = on('2026-03-11');
const FRIDAY = on('2026-03-13');

const ids = (papers: readonly Paper[]): string[] => papers.map((paper) => paper.id);

async function imported(): Promise<string[]> {
  expect((await cli.run(['import', SAMPLE], { now: WEDNESDAY })).code).toBe(0);
  return ids(await cli.json<Paper[]>(['list'], { now: WEDNESDAY }));
}

describe('shelfmark dismiss', () => {
  it('takes papers out of Unread and keeps them in the library, until status unread brings one back', async () => {
    const [first = '', second = '', third = ''] = await imported();
    const result = await cli.run(['dismiss', first, second], { now: WEDNESDAY });
    expect(result).toEqual({ code: 0, stdout: `${first}: dismissed\n${second}: dismissed\n`, stderr: '' });

    expect(ids(await cli.json<Paper[]>(['list', '--status', 'dismissed']))).toEqual([first, second]);
    const unread = ids(await cli.json<Paper[]>(['list', '--status', 'unread']));
    expect(unread).toHaveLength(30);
    expect(unread).not.toContain(first);
    expect(ids(await cli.json<Paper[]>(['list']))).toContain(first);
    const listed = (await cli.run(['list'])).stdout.split('\n');
    expect(listed.find((line) => line.includes(first))).toMatch(/^✗ /);
    expect(listed.find((line) => line.includes(third))).toMatch(/^• /);

    expect((await cli.run(['status', first, 'unread'])).code).toBe(0);
    expect(ids(await cli.json<Paper[]>(['list', '--status', 'dismissed']))).toEqual([second]);
    expect((await cli.json<LibraryStats>(['stats'])).counts).toEqual({ unread: 31, reading: 0, read: 0, dismissed: 1 });
    expect((await cli.run(['stats'])).stdout).toContain('\n  dismissed  1\n');
  });

  it('changes nothing when one of the ids names no paper', async () => {
    const [first = ''] = await imported();
    const result = await cli.run(['dismiss', first, 'no-such-paper']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('shelfmark: No paper has the id "no-such-paper".\n');
    expect(await cli.json<Paper[]>(['list', '--status', 'dismissed'])).toEqual([]);
  });
});

describe('shelfmark snooze', () => {
  it('hides papers from Unread until their day, then brings them back, marked as returned', async () => {
    const [first = '', second = ''] = await imported();
    const result = await cli.run(['snooze', first, second, '--for', '2d'], { now: WEDNESDAY });
    expect(result).toEqual({
      code: 0,
      stdout: `${first}: snoozed until 2026-03-13\n${second}: snoozed until 2026-03-13\n`,
      stderr: '',
    });
    const snoozed = await cli.json<Paper[]>(['list', '--status', 'snoozed'], { now: WEDNESDAY });
    expect(snoozed.map(({ id, status, snoozedUntil }) => ({ id, status, snoozedUntil }))).toEqual([
      { id: first, status: 'unread', snoozedUntil: '2026-03-13' },
      { id: second, status: 'unread', snoozedUntil: '2026-03-13' },
    ]);
    expect(ids(await cli.json<Paper[]>(['list', '--status', 'unread'], { now: WEDNESDAY }))).not.toContain(first);
    const before = (await cli.run(['list'], { now: WEDNESDAY })).stdout.split('\n');
    expect(before.find((line) => line.includes(first))).toMatch(/^◷ .*\(snoozed until 2026-03-13\)$/);
    expect((await cli.run(['search', 'is:snoozed'], { now: WEDNESDAY })).stdout).toContain('2 papers match.');

    // Friday: both are back in Unread on their own, marked as returned.
    expect(await cli.json<Paper[]>(['list', '--status', 'snoozed'], { now: FRIDAY })).toEqual([]);
    expect(ids(await cli.json<Paper[]>(['list', '--status', 'unread'], { now: FRIDAY }))).toHaveLength(32);
    const after = (await cli.run(['list'], { now: FRIDAY })).stdout.split('\n');
    expect(after.find((line) => line.includes(first))).toMatch(/^• .*\(back from a snooze\)$/);
    expect((await cli.run(['show', first], { now: FRIDAY })).stdout).toContain('Snoozed:  until 2026-03-13: back now');
  });

  it('is undone by status unread, and ended by any other decision', async () => {
    const [first = '', second = ''] = await imported();
    await cli.run(['snooze', first, second, '--until', '2026-04-01'], { now: WEDNESDAY });
    expect((await cli.run(['status', first, 'unread'], { now: WEDNESDAY })).code).toBe(0);
    expect((await cli.run(['status', second, 'read'], { now: WEDNESDAY })).code).toBe(0);
    expect(await cli.json<Paper[]>(['list', '--status', 'snoozed'], { now: WEDNESDAY })).toEqual([]);
    const [undone] = await cli.json<Paper[]>(['list', '--status', 'unread'], { now: WEDNESDAY });
    expect(undone?.id).toBe(first);
    expect(undone?.snoozedUntil).toBeUndefined();
  });

  it.each([
    [[], 'shelfmark: snooze needs --until YYYY-MM-DD or --for 3d|2w (one of them).'],
    [
      ['--for', '2d', '--until', '2026-04-01'],
      'shelfmark: snooze needs --until YYYY-MM-DD or --for 3d|2w (one of them).',
    ],
    [['--for', 'a while'], 'shelfmark: --for takes days or weeks, as in 3d or 2w (a year at most), not "a while".'],
    [
      ['--until', '2026-03-11'],
      'shelfmark: 2026-03-11 is not after today (2026-03-11): a snooze ends on a day still to come.',
    ],
    [['--until', 'friday'], 'shelfmark: "friday" is not a day: write it YYYY-MM-DD, as in 2026-03-12.'],
  ])('refuses %j in the command line’s words, changing nothing', async (options, message) => {
    const [first = ''] = await imported();
    const result = await cli.run(['snooze', first, ...options], { now: WEDNESDAY });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${message} (see "shelfmark help snooze")\n`);
    expect(await cli.json<Paper[]>(['list', '--status', 'snoozed'], { now: WEDNESDAY })).toEqual([]);
  });

  it('points status at the commands that dismiss and snooze', async () => {
    const [first = ''] = await imported();
    const snoozed = await cli.run(['status', first, 'snoozed']);
    expect([snoozed.code, snoozed.stderr]).toEqual([
      2,
      'shelfmark: "snoozed" is not a status to set: snooze with shelfmark snooze ID. (see "shelfmark help status")\n',
    ]);
    const dismissed = await cli.run(['status', first, 'dismissed']);
    expect(dismissed.stderr).toBe(
      'shelfmark: "dismissed" is not a status to set: dismiss with shelfmark dismiss ID. (see "shelfmark help status")\n',
    );
  });
});

describe('list --digest', () => {
  it('takes an unambiguous start of a digest id, as paper ids do', async () => {
    await imported();
    const [digest] = await cli.json<DigestProgress[]>(['digests']);
    const id = digest?.id ?? '';
    expect(id).toMatch(/^hf-2026-03-11-/);
    expect(await cli.json<Paper[]>(['list', '--digest', 'hf-2026-03-11'])).toHaveLength(32);
    expect(await cli.json<Paper[]>(['list', '--digest', id])).toHaveLength(32);
    const missing = await cli.run(['list', '--digest', 'arxiv-']);
    expect([missing.code, missing.stderr]).toEqual([3, 'shelfmark: No digest has the id "arxiv-".\n']);
  });
});
