import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '../../core/model.js';
import { CliHarness, SAMPLE } from '../../tests/cli-harness.js';

const BIN = new URL('../../bin/shelfmark.js', import.meta.url).pathname;

let cli: CliHarness;
let directory: string;
let db: string;

beforeEach(async () => {
  cli = await CliHarness.create();
  ({ directory, db } = cli);
});

afterEach(async () => {
  await cli.remove();
});

const shelfmark = (...argv: string[]) => cli.run(argv, { stdin: 'A note from standard input.\n' });
const json = <T>(...argv: string[]) => cli.json<T>(argv, { stdin: 'A note from standard input.\n' });
const snapshotFiles = () => cli.files();

const BIBTEX = `@article{xu2023pfgm,
  title = {{PFGM}++: Unlocking the Potential of Physics-Inspired Generative Models},
  author = {Xu, Yilun and Liu, Ziming and Tian, Yonglong},
  year = {2023},
  eprint = {2302.04265},
  archivePrefix = {arXiv},
}
`;

describe('shelfmark import', () => {
  it('imports the sample digest and reports what it added', async () => {
    const result = await shelfmark('import', SAMPLE);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /hf-daily-papers-mar-11\.txt: Hugging Face Daily Papers, Mar 11 \(.+\) — 32 papers added, 0 merged with papers already in your library/,
    );
    const papers = await json<Paper[]>('list');
    expect(papers).toHaveLength(32);
    expect(papers[0]?.title).toBe('Pard: Permutation-Invariant Autoregressive Diffusion for Graph Generation');
    expect(Object.keys(papers[0] ?? {})).toEqual(
      expect.arrayContaining([
        'id',
        'title',
        'abstract',
        'authors',
        'arxivId',
        'links',
        'status',
        'tags',
        'note',
        'digests',
        'addedAt',
        'readAt',
      ]),
    );
  });

  it('merges a re-import and another format without touching status, tags or note', async () => {
    await shelfmark('import', SAMPLE);
    const pfgm = (await json<Paper[]>('list')).find((paper) => paper.title.startsWith('PFGM++'));
    expect(pfgm).toBeDefined();
    const id = pfgm?.id ?? '';
    await json('status', id, 'read');
    await json('tag', id, 'generative', 'to-present');
    await json('note', id, '# PFGM++\n\nAugment the data dimension.');

    const again = await shelfmark('import', SAMPLE);
    expect(again.stdout).toContain('0 papers added, 32 merged with papers already in your library');
    const bib = join(directory, 'refs.bib');
    await writeFile(bib, BIBTEX);
    const merged = await shelfmark('import', bib);
    expect(merged.stdout).toContain('0 papers added, 1 merged with papers already in your library');

    const paper = await json<Paper>('show', id);
    expect(paper).toMatchObject({
      status: 'read',
      tags: ['generative', 'to-present'],
      note: '# PFGM++\n\nAugment the data dimension.',
      arxivId: '2302.04265',
      authors: ['Yilun Xu', 'Ziming Liu', 'Yonglong Tian'],
    });
    expect(paper.digests).toHaveLength(2);
    expect(await json<Paper>('show', '2302.04265v1')).toEqual(paper);
    expect(await json<Paper[]>('list')).toHaveLength(32);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'the file is empty'],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0, 1, 2, 3]), 'binary'],
    ['invalid UTF-8', Buffer.from([0x40, 0x61, 0x72, 0x74, 0xff, 0xfe, 0x7b, 0x0a]), 'UTF-8'],
    ['an unknown format', Buffer.from('Dear colleagues,\nthe meeting moves to Tuesday.\n'), 'does not recognise'],
  ])('refuses %s, naming it, and leaves the library byte-for-byte unchanged', async (_, bytes, reason) => {
    await shelfmark('import', SAMPLE);
    const [first] = await json<Paper[]>('list');
    await json('note', first?.id ?? '', 'precious');
    const before = await snapshotFiles();
    const bad = join(directory, 'bad-input.txt');
    await writeFile(bad, bytes);
    const result = await shelfmark('import', bad);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`shelfmark: ${bad}: `);
    expect(result.stderr).toContain(reason);
    await rm(bad);
    expect(await snapshotFiles()).toEqual(before);
  });

  it('refuses a 50 MB file without reading it into the library', async () => {
    const big = join(directory, 'huge.bib');
    await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 0x61));
    const result = await shelfmark('import', big);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('too large (50.0 MB; the limit is 32.0 MB)');
    expect((await readdir(directory)).sort()).toEqual(['huge.bib']);
  });

  it('cuts a field no real paper has to size, says so on a line of its own, and stores it cut', async () => {
    const title = `Huge \u202etitle ${'lorem ipsum '.repeat(80_000)}`.padEnd(1024 * 1024, 'x');
    const bib = join(directory, 'huge-title.bib');
    await writeFile(bib, `@article{huge,\n  title = {${title}},\n  author = {Eve Mallory},\n  year = {2024},\n}\n`);
    const result = await shelfmark('import', bib);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.split('\n')).toEqual([
      expect.stringMatching(
        /\/huge-title\.bib: BibTeX: huge-title\.bib \(.+\) — 1 paper added, 0 merged with papers already in your library$/,
      ),
      '  warning: paper 1 (“Huge \\u202etitle lorem ipsum lorem ipsum lore…”): title cut from 1,048,576 to 2,000 characters',
      '',
    ]);
    const [paper] = await json<Paper[]>('list');
    expect(paper?.title).toHaveLength(2_000);
    expect(paper?.title.startsWith('Huge \u202etitle lorem ipsum')).toBe(true);
    expect(paper?.title.endsWith('…')).toBe(true);
    expect(paper?.authors).toEqual(['Eve Mallory']);
  });

  it('imports what it can and reports the files it cannot', async () => {
    const missing = join(directory, 'missing.txt');
    const result = await shelfmark('import', SAMPLE, missing);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`shelfmark: There is no file or folder ${missing}. Check the name and the folder.\n`);
    expect(await json<Paper[]>('list')).toHaveLength(32);
  });
});

describe('shelfmark reading state', () => {
  beforeEach(async () => {
    await shelfmark('import', SAMPLE);
  });

  it('sets status, tags and notes, and lists by them', async () => {
    const [first, second] = await json<Paper[]>('list');
    expect(first && second).toBeTruthy();
    const a = first?.id ?? '';
    const b = second?.id ?? '';
    await json('status', a, 'reading');
    await json('status', b, 'read');
    await json('tag', b, 'graphs');
    await json('tag', a, 'graphs', 'later');
    await json('untag', a, 'later');
    expect((await json<Paper[]>('list', '--status', 'read')).map((paper) => paper.id)).toEqual([b]);
    expect((await json<Paper[]>('list', '--tag', 'graphs')).map((paper) => paper.id)).toEqual([a, b]);
    const read = await json<Paper>('show', b);
    expect(read.readAt).not.toBeNull();

    expect((await json<Paper>('note', a, '-')).note).toBe('A note from standard input.\n');
    const file = join(directory, 'note.md');
    await writeFile(file, '## Heading\n\n- point\n');
    expect((await json<Paper>('note', a, '--file', file)).note).toBe('## Heading\n\n- point\n');

    expect(await json('tags')).toEqual([{ tag: 'graphs', count: 2 }]);
    const stats = await json<{ counts: Record<string, number>; readPerWeek: unknown[] }>('stats');
    expect(stats.counts).toEqual({ unread: 30, reading: 1, read: 1, dismissed: 0 });
    expect(stats.readPerWeek).toHaveLength(1);
    const [digest] = await json<{ id: string; total: number; counts: { read: number } }[]>('digests');
    expect(digest).toMatchObject({ total: 32, counts: { read: 1 } });
    expect(await json<Paper[]>('list', '--digest', digest?.id ?? '')).toHaveLength(32);
  });

  it('prints human-readable output by default', async () => {
    const list = await shelfmark('list');
    expect(list.stdout).toContain('• ');
    expect(list.stdout).toContain('Pard: Permutation-Invariant Autoregressive Diffusion for Graph Generation');
    expect(list.stdout).toMatch(/32 papers\n$/);
    const digests = await shelfmark('digests');
    expect(digests.stdout).toMatch(/0\/32 read \(0%\)\s+Hugging Face Daily Papers, Mar 11/);
  });

  it('fails with a one-line reason for unknown papers and bad arguments', async () => {
    expect(await shelfmark('show', '9999.99999')).toEqual({
      code: 3,
      stdout: '',
      stderr: 'shelfmark: No paper has the id "9999.99999".\n',
    });
    const badStatus = await shelfmark('status', 'whatever', 'done');
    expect(badStatus.code).toBe(2);
    expect(badStatus.stderr).toContain('"done" is not a status: use unread, reading, read.');
    const unknown = await shelfmark('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('shelfmark: "frobnicate" is not a command. (see "shelfmark --help")\n');
    const [first] = await json<Paper[]>('list');
    const badTag = await shelfmark('tag', first?.id ?? '', ' ');
    expect(badTag).toMatchObject({ code: 4, stderr: 'shelfmark: A tag cannot be empty.\n' });
  });
});

describe('shelfmark library files', () => {
  it('stops on a library file it cannot parse, naming it, and never overwrites it', async () => {
    await writeFile(db, '{ "schemaVersion": 1, "papers": [ oops');
    const result = await shelfmark('import', SAMPLE);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain(db);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await readFile(db, 'utf8')).toBe('{ "schemaVersion": 1, "papers": [ oops');
  });
});

describe('the shelfmark command', () => {
  it('runs from the checkout with --help', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, '--help']);
    expect(stdout).toContain('Usage: shelfmark [--db PATH] [--json] COMMAND [ARGS]');
    expect(stdout).toContain('import FILE...');
  });

  it('stops quietly when its reader closes the pipe early', async () => {
    await promisify(execFile)(process.execPath, [BIN, '--db', db, 'import', SAMPLE]);
    const { stderr } = await promisify(execFile)('sh', [
      '-c',
      `"${process.execPath}" "${BIN}" --db "${db}" list --json | head -c 10`,
    ]);
    expect(stderr).toBe('');
  });

  it('says there is no library, with exit 3, and creates none', async () => {
    const nowhere = join(directory, 'nowhere', 'library.json');
    const failed = await promisify(execFile)(process.execPath, [BIN, '--db', nowhere, 'list']).then(
      () => ({ code: 0, stderr: '' }),
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect({ code: failed.code, stderr: failed.stderr }).toEqual({
      code: 3,
      stderr: `shelfmark: There is no library at ${nowhere}. Start one by importing a digest: shelfmark --db ${nowhere} import FILE\n`,
    });
    expect(await readdir(directory)).toEqual([]);
  });

  it('uses SHELFMARK_DB when --db is not given', async () => {
    await promisify(execFile)(process.execPath, [BIN, 'import', SAMPLE], { env: { ...process.env, SHELFMARK_DB: db } });
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'list', '--json'], {
      env: { ...process.env, SHELFMARK_DB: db },
    });
    expect(JSON.parse(stdout)).toHaveLength(32);
  });
});
