/** What the command line says when something goes wrong, and the exit code that says what kind of thing it was. */

import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupSummary } from '../../core/api.js';
import { NotFoundError } from '../../core/errors.js';
import type { Paper } from '../../core/model.js';
import { CliHarness, SAMPLE } from '../../tests/cli-harness.js';
import { fileSystemError, LibraryFileError, LibraryReadOnlyError } from '../store/index.js';
import { COMMANDS } from './commands/index.js';
import { errorReport } from './error-report.js';
import { EXIT_CODES } from './exit-codes.js';
import { run } from './main.js';
import { UsageError } from './usage-error.js';

let cli: CliHarness;

beforeEach(async () => {
  cli = await CliHarness.create();
});

afterEach(async () => {
  await cli.remove();
});

/** A library with the sample digest, and the id of its first paper. */
async function sampleLibrary(): Promise<string> {
  expect((await cli.run(['import', SAMPLE])).code).toBe(0);
  const [first] = await cli.json<Paper[]>(['list']);
  return first?.id ?? '';
}

/** The error object `--json` writes on standard error. */
const jsonError = (stderr: string): unknown => JSON.parse(stderr);

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: raw message`), { code });
}

describe('exit codes', () => {
  it('are one for each kind of error, none of them 0', () => {
    const codes = Object.values(EXIT_CODES).map(({ code }) => code);
    expect(codes.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 130]);
  });

  it('are classified as the API classifies errors, the same for text and JSON', () => {
    const cases: readonly [unknown, string, number][] = [
      [new UsageError('list does not take --limit.'), 'usage', 2],
      [new NotFoundError('No paper has the id "x".'), 'not-found', 3],
      [new LibraryFileError('/lib/library.json', 'it is not valid JSON', 'Restore a backup.'), 'library-file', 5],
      [new LibraryReadOnlyError('/media/papers', errno('EROFS')), 'read-only', 6],
      [fileSystemError(Object.assign(errno('ENOSPC'), { path: '/lib/library.state.log' })), 'file-system', 7],
      [new Error('boom'), 'internal', 1],
    ];
    for (const [error, kind, code] of cases) {
      const asJson = errorReport(error, true, undefined);
      expect(asJson.code).toBe(code);
      expect(asJson.text.endsWith('}\n') && !asJson.text.slice(0, -1).includes('\n')).toBe(true);
      expect(jsonError(asJson.text)).toEqual({ error: { kind, message: expect.any(String) as string } });
      expect(errorReport(error, false, undefined).code).toBe(code);
    }
  });

  it('say a read-only library in words, on one line or as a JSON object', () => {
    const error = new LibraryReadOnlyError('/media/papers', errno('EROFS'));
    const message =
      'The library is read-only: /media/papers cannot be written (it is on a read-only file system). It can be read, searched and exported; nothing was changed.';
    expect(errorReport(error, false, 'tag')).toEqual({ code: 6, text: `shelfmark: ${message}\n` });
    expect(errorReport(error, true, 'tag')).toEqual({
      code: 6,
      text: `${JSON.stringify({ error: { kind: 'read-only', message } })}\n`,
    });
  });

  it('say a full disk in words, never as an unexpected error', () => {
    const full = Object.assign(errno('ENOSPC'), { path: '/home/u/papers/library.state.log' });
    expect(errorReport(full, false, 'note')).toEqual({
      code: 7,
      text: 'shelfmark: No space left on the disk holding /home/u/papers/library.state.log: nothing was changed. Free some space, then try again.\n',
    });
  });

  it('call an error Shelfmark has no words for internal, and say so without a stack', () => {
    expect(errorReport(new TypeError('x is undefined'), false, 'list')).toEqual({
      code: 1,
      text: 'shelfmark: Something went wrong: x is undefined\n',
    });
  });
});

describe('files the user names', () => {
  let id: string;
  beforeEach(async () => {
    id = await sampleLibrary();
  });

  it('note --file: a missing file is named, with what to do', async () => {
    const missing = join(cli.directory, 'missing.md');
    expect(await cli.run(['note', id, '--file', missing])).toEqual({
      code: 7,
      stdout: '',
      stderr: `shelfmark: There is no file or folder ${missing}. Check the name and the folder.\n`,
    });
    expect(await cli.run(['note', id, '--file', cli.directory])).toEqual({
      code: 7,
      stdout: '',
      stderr: `shelfmark: ${cli.directory} is a folder, not a file: nothing was changed. Choose a file.\n`,
    });
    expect((await cli.json<Paper>(['show', id])).note).toBe('');
  });

  it('note --file: a file too large for a note is refused before it is read', async () => {
    const big = join(cli.directory, 'big.md');
    await writeFile(big, Buffer.alloc(3_000_001, 0x61));
    expect(await cli.run(['note', id, '--file', big])).toEqual({
      code: 4,
      stdout: '',
      stderr: `shelfmark: ${big} is too large for a note (2.9 MB): a note can be at most 1,000,000 characters long.\n`,
    });
  });

  it('import FILE: a folder is named, and nothing imported is an error of that kind', async () => {
    const folder = join(cli.directory, 'digests');
    await mkdir(folder);
    expect(await cli.run(['import', folder])).toEqual({
      code: 7,
      stdout: '',
      stderr: `shelfmark: ${folder} is a folder, not a file: name the digest files in it.\nshelfmark: nothing was imported; the library is unchanged.\n`,
    });
  });

  it('import FILE --json: the report on standard output, the error as a JSON object', async () => {
    const missing = join(cli.directory, 'missing.txt');
    const result = await cli.run(['import', missing, '--json']);
    expect(result.code).toBe(7);
    expect(JSON.parse(result.stdout)).toMatchObject({
      files: [{ file: missing, ok: false, error: expect.stringContaining('There is no file or folder') as string }],
    });
    expect(jsonError(result.stderr)).toEqual({
      error: { kind: 'file-system', message: 'nothing was imported; the library is unchanged.' },
    });
  });

  it('export --out: a place that cannot be written is named as the user named it', async () => {
    const plain = join(cli.directory, 'plain');
    await writeFile(plain, 'a file');
    const out = join(plain, 'notes.md');
    expect(await cli.run(['export', '--all', '--out', out])).toEqual({
      code: 7,
      stdout: '',
      stderr: `shelfmark: A part of ${out} is a file, not a folder: nothing was changed. Choose another location.\n`,
    });
  });
});

describe('a library that is not there', () => {
  let folder: string;
  let db: string;
  beforeEach(() => {
    folder = join(cli.directory, 'nowhere');
    db = join(folder, 'library.json');
  });

  const says = (path: string): string =>
    `shelfmark: There is no library at ${path}. Start one by importing a digest: shelfmark --db ${path} import FILE\n`;

  it.each([
    ['list'],
    ['show', '2403.01234'],
    ['tags'],
    ['digests'],
    ['stats'],
    ['export', '--out', 'notes.md'],
    ['backups'],
    ['status', '2403.01234', 'read'],
    ['tag', '2403.01234', 'graphs'],
    ['untag', '2403.01234', 'graphs'],
    ['note', '2403.01234', 'text'],
    ['restore', '2026-01-14T12-00-00Z-daily'],
  ])('%s says so, with how to start one, and creates nothing', async (...argv) => {
    expect(await cli.run(argv, { db })).toEqual({ code: 3, stdout: '', stderr: says(db) });
    expect(existsSync(folder)).toBe(false);
  });

  it('is started by no command but those that bring papers in', () => {
    const starts = COMMANDS.filter((command) => command.needs === 'nothing').map((command) => command.name);
    expect(starts).toEqual(['import', 'add', 'fetch']);
  });

  it('says so as a JSON object with --json', async () => {
    const result = await cli.run(['list', '--json'], { db });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(jsonError(result.stderr)).toEqual({
      error: {
        kind: 'not-found',
        message: `There is no library at ${db}. Start one by importing a digest: shelfmark --db ${db} import FILE`,
      },
    });
    expect(existsSync(folder)).toBe(false);
  });

  it('names the library that $SHELFMARK_DB chose, and quotes a path for the shell', async () => {
    const spaced = join(cli.directory, 'my papers', 'library.json');
    let stderr = '';
    const code = await run(['list'], {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
      readStdin: () => Promise.resolve(''),
      env: { SHELFMARK_DB: spaced, XDG_CONFIG_HOME: process.env['XDG_CONFIG_HOME'] },
    });
    expect({ code, stderr }).toEqual({
      code: 3,
      stderr: `shelfmark: There is no library at ${spaced}. Start one by importing a digest: shelfmark import FILE\n`,
    });
    expect((await cli.run(['list'], { db: spaced })).stderr).toBe(
      `shelfmark: There is no library at ${spaced}. Start one by importing a digest: shelfmark --db '${spaced}' import FILE\n`,
    );
  });

  it('is started by import', async () => {
    expect((await cli.run(['import', SAMPLE], { db })).code).toBe(0);
    expect(await cli.json<Paper[]>(['list'], { db })).toHaveLength(32);
  });

  it('is brought back by restore when its files are gone but its backups are not', async () => {
    const id = await sampleLibrary();
    // The day's first change to a library that exists backs it up first.
    await cli.json(['note', id, 'kept']);
    const [backup] = await cli.json<BackupSummary[]>(['backups']);
    if (backup === undefined) throw new Error('no backup was made');
    for (const file of ['library.json', 'library.state.json', 'library.state.log', 'library.outline.json', 'devices']) {
      await rm(join(cli.directory, file), { force: true, recursive: true });
    }
    expect((await cli.run(['list'])).code).toBe(3);
    expect((await cli.json<BackupSummary[]>(['backups'])).map((each) => each.name)).toEqual([backup.name]);
    expect((await cli.run(['restore', backup.name])).code).toBe(0);
    expect(await cli.json<Paper[]>(['list'])).toHaveLength(32);
  });
});

describe('options', () => {
  it.each([
    [['list', '--limit', '5'], 'list does not take --limit. (see "shelfmark help list")'],
    [['list', '--out', 'x.md'], 'list does not take --out. (see "shelfmark help list")'],
    [['--max', '5', 'list'], '"--max" is not an option. (see "shelfmark --help")'],
    [['list', '--status'], '--status needs a value: --status S. (see "shelfmark help list")'],
    [
      ['list', '--status', '--tag', 'x'],
      '--status needs a value: --status S (one that starts with "-" is written --status=VALUE). (see "shelfmark help list")',
    ],
    [['list', '--db', ''], '--db needs a value: --db PATH. (see "shelfmark help list")'],
    [['list', '--all=yes'], '--all takes no value. (see "shelfmark help list")'],
    [['list', '--tag', 'a', '--tag', 'b'], '--tag is given twice; give it once. (see "shelfmark help list")'],
    [
      ['list', '--status', 'done'],
      '"done" is not a status: use unread, reading, read, snoozed, dismissed. (see "shelfmark help list")',
    ],
    [['show'], 'usage: shelfmark show ID (see "shelfmark help show")'],
  ])('%j: one line in the command line’s words, exit 2', async (argv, line) => {
    await sampleLibrary();
    expect(await cli.run(argv)).toEqual({ code: 2, stdout: '', stderr: `shelfmark: ${line}\n` });
  });

  it('with --json, a usage error is a JSON object', async () => {
    const result = await cli.run(['list', '--limit', '5', '--json']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(jsonError(result.stderr)).toEqual({ error: { kind: 'usage', message: 'list does not take --limit.' } });
  });

  it('a value that starts with "-" is given with =', async () => {
    await sampleLibrary();
    expect(await cli.run(['list', '--tag=-x'])).toEqual({ code: 0, stdout: 'No papers match.\n', stderr: '' });
  });
});

describe('untag', () => {
  let id: string;
  beforeEach(async () => {
    id = await sampleLibrary();
    await cli.json(['tag', id, 'graphs', 'later']);
  });

  it('a tag the paper does not have: says which tags it has, changes nothing, exit 3', async () => {
    const before = await cli.files();
    expect(await cli.run(['untag', id, 'nosuch'])).toEqual({
      code: 3,
      stdout: '',
      stderr: `shelfmark: ${id} has no tag "nosuch" (its tags are graphs, later); nothing was changed.\n`,
    });
    expect(await cli.files()).toEqual(before);
  });

  it('some tags the paper has and some not: removes those, names the others, exit 0', async () => {
    expect(await cli.run(['untag', id, 'nosuch', 'later', 'other'])).toEqual({
      code: 0,
      stdout: `${id}: graphs\n`,
      stderr: `shelfmark: ${id} had no tag "nosuch" or "other"; the others were removed.\n`,
    });
  });

  it('with --json, a tag the paper does not have is a not-found error', async () => {
    const result = await cli.run(['untag', id, 'nosuch', '--json']);
    expect(result.code).toBe(3);
    expect(jsonError(result.stderr)).toEqual({
      error: {
        kind: 'not-found',
        message: `${id} has no tag "nosuch" (its tags are graphs, later); nothing was changed.`,
      },
    });
  });

  it('a paper with no tags says so', async () => {
    await cli.json(['untag', id, 'graphs', 'later']);
    expect((await cli.run(['untag', id, 'graphs'])).stderr).toBe(
      `shelfmark: ${id} has no tag "graphs" (it has no tags); nothing was changed.\n`,
    );
  });
});

describe('tag', () => {
  let id: string;
  beforeEach(async () => {
    id = await sampleLibrary();
  });

  it('says when a tag is saved in another form than the one typed', async () => {
    expect(await cli.run(['tag', id, 'Has Space', 'plain'])).toEqual({
      code: 0,
      stdout: `${id}: Has-Space, plain\n`,
      stderr: 'shelfmark: tag "Has Space" saved as "Has-Space"\n',
    });
    expect(await cli.run(['tag', id, 'PLAIN'])).toEqual({
      code: 0,
      stdout: `${id}: Has-Space, plain\n`,
      stderr: 'shelfmark: tag "PLAIN" is already there as "plain"\n',
    });
  });

  it('with --json, says it in the output only: standard error stays empty', async () => {
    const result = await cli.run(['tag', id, 'Has Space', '--json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect((JSON.parse(result.stdout) as Paper).tags).toEqual(['Has-Space']);
  });

  it('an unknown paper is not found (exit 3), a tag it cannot take is invalid input (exit 4)', async () => {
    expect(await cli.run(['tag', '9999.99999', 'x'])).toEqual({
      code: 3,
      stdout: '',
      stderr: 'shelfmark: No paper has the id "9999.99999".\n',
    });
    const result = await cli.run(['tag', id, 'a,b', '--json']);
    expect(result.code).toBe(4);
    expect(jsonError(result.stderr)).toEqual({
      error: { kind: 'invalid-input', message: 'The tag "a,b" has a comma or a control character; tags cannot.' },
    });
  });
});
