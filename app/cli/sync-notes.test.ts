import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '../../core/model.js';
import type { NotesSyncReport } from '../../core/notes-sync/report.js';
import { CliHarness, SAMPLE } from '../../tests/cli-harness.js';

let cli: CliHarness;
let vault: string;
let first: Paper;
let second: Paper;

beforeEach(async () => {
  cli = await CliHarness.create();
  await cli.run(['import', SAMPLE]);
  [first = {} as Paper, second = {} as Paper] = await cli.json<Paper[]>(['list']);
  await cli.json(['note', first.id, 'My note.']);
  await cli.json(['tag', first.id, 'graphs']);
  await cli.json(['status', second.id, 'reading']);
  vault = join(cli.directory, 'Vault');
  await mkdir(vault);
});

afterEach(async () => {
  await cli.remove();
});

const fileOf = (paper: Paper): string => `${paper.title.replace(/[:?]/g, ' ').replace(/\s+/g, ' ').trim()}.md`;

describe('shelfmark sync-notes', () => {
  it('says what it wrote, then that a second sync needed nothing', async () => {
    const result = await cli.run(['sync-notes', vault]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Synced notes with ${vault}.\nWrote 2 new files: ${fileOf(first)}, ${fileOf(second)}.\n`,
    );
    expect((await readdir(vault)).sort()).toEqual([fileOf(first), fileOf(second)].sort());
    expect((await cli.run(['sync-notes', vault])).stdout).toBe(
      `Synced notes with ${vault}.\n2 files needed nothing.\n`,
    );
  });

  it('names the files it took in, the conflicts and what it skipped, with why', async () => {
    await cli.run(['sync-notes', vault]);
    const firstFile = join(vault, fileOf(first));
    await writeFile(firstFile, `${await readFile(firstFile, 'utf8')}\nMore, from the vault.`);
    const secondFile = join(vault, fileOf(second));
    await writeFile(secondFile, `${await readFile(secondFile, 'utf8')}Typed in the vault.`);
    await cli.json(['note', second.id, 'Typed in Shelfmark.']);
    const result = await cli.run(['sync-notes', vault]);
    expect(result.stdout).toContain(`Took in edits from 1 file: ${fileOf(first)} (note).`);
    expect(result.stdout).toContain(
      `Conflict: ${fileOf(second)} and the library both changed; neither was overwritten, and Shelfmark’s version is in ${fileOf(second).replace(/\.md$/, '')}.shelfmark-conflict.md.`,
    );
    expect((await cli.json<Paper>(['show', first.id])).note).toBe('My note.\nMore, from the vault.');

    await unlink(firstFile);
    expect((await cli.run(['sync-notes', vault])).stdout).toContain(
      `Skipped ${fileOf(first)}: it was deleted from the folder, and is not written again (--restore writes it).`,
    );
  });

  it('gives the report as an object with --json; a dry run changes nothing', async () => {
    const dry = await cli.json<NotesSyncReport>(['sync-notes', vault, '--dry-run']);
    expect(dry).toMatchObject({ folder: vault, dryRun: true, updated: [], conflicts: [], skipped: [], untouched: 0 });
    expect(dry.written.map((file) => file.paper).sort()).toEqual([first.id, second.id].sort());
    expect(await readdir(vault)).toEqual([]);
    const report = await cli.json<NotesSyncReport>(['sync-notes', vault, '--all']);
    expect(report.written).toHaveLength(32);
  });

  it('names new files and keys after a template, remembered for the folder', async () => {
    const template = join(cli.directory, 'template.yaml');
    await writeFile(template, 'fileName: "{id} {title}"\nkeys:\n  authors: author\n  digests: null\n');
    await cli.run(['sync-notes', vault, '--tag', 'graphs', '--template', template]);
    const [name = ''] = await readdir(vault);
    expect(name.startsWith(`${first.id} `)).toBe(true);
    const text = await readFile(join(vault, name), 'utf8');
    expect(text).toContain('\nauthor:');
    expect(text).not.toContain('digests:');
    await cli.run(['sync-notes', vault]);
    expect((await readdir(vault)).every((file) => /^\S+ /.test(file) && !file.startsWith(second.title))).toBe(true);
  });

  it('refuses what it cannot take, in its own words', async () => {
    const both = await cli.run(['sync-notes', vault, '--all', '--tag', 'graphs']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('sync-notes takes --all, or --status and --tag, not both.');
    const template = join(cli.directory, 'template.yaml');
    await writeFile(template, 'fileName: "{name}"\n');
    const bad = await cli.run(['sync-notes', vault, '--template', template]);
    expect(bad.code).toBe(4);
    expect(bad.stderr).toContain('{name}');
    const file = join(cli.directory, 'a-file.md');
    await writeFile(file, '');
    expect((await cli.run(['sync-notes', file])).stderr).toContain('is a file, not a folder');
  });
});
