import { appendFile, lstat, mkdir, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { safeBaseName } from '../../core/export/file-names.js';
import { MANIFEST_NAME as MANIFEST } from '../../core/export/folder-manifest.js';
import type { Paper } from '../../core/model.js';
import { CliHarness, SAMPLE } from '../../tests/cli-harness.js';

let cli: CliHarness;
let papers: Paper[];

beforeEach(async () => {
  cli = await CliHarness.create();
  await cli.run(['import', SAMPLE]);
  papers = await cli.json<Paper[]>(['list']);
  const [a, b, c] = papers;
  await cli.json(['status', a?.id ?? '', 'read']);
  await cli.json(['tag', a?.id ?? '', 'graphs', 'to-present']);
  await cli.json(['note', a?.id ?? '', '# Idea\n\nPermutation-invariant *diffusion*.\n']);
  await cli.json(['status', b?.id ?? '', 'reading']);
  await cli.json(['note', c?.id ?? '', 'Short: LoRA as LEGO.']);
});

afterEach(async () => {
  await cli.remove();
});

describe('shelfmark export', () => {
  it('restores an identical library from a JSON backup', async () => {
    const backup = join(cli.directory, 'backup.json');
    expect((await cli.run(['export', '--format', 'json', '--out', backup])).code).toBe(0);
    const restored = join(cli.directory, 'restored', 'library.json');
    const result = await cli.run(['import', backup], { db: restored });
    expect(result.stderr).toBe('');
    // But when each state last changed: the import is a change made now.
    const asShown = (papers: readonly Paper[]) => papers.map(({ updatedAt: _, ...paper }) => paper);
    expect(asShown(await cli.json<Paper[]>(['list'], { db: restored }))).toEqual(
      asShown(await cli.json<Paper[]>(['list'])),
    );
    expect(await cli.json(['digests'], { db: restored })).toEqual(await cli.json(['digests']));
  });

  it('merges a backup into a library: the newer reading state wins', async () => {
    const backup = join(cli.directory, 'backup.json');
    await cli.run(['export', '--format', 'json', '--out', backup]);
    const id = papers[0]?.id ?? '';
    await cli.json(['note', id, 'Changed after the backup.']);
    await cli.run(['import', backup]);
    expect((await cli.json<Paper>(['show', id])).note).toBe('Changed after the backup.');
    expect(await cli.json<Paper[]>(['list'])).toHaveLength(32);
  });

  it('writes one Markdown document of the papers with notes', async () => {
    const out = join(cli.directory, 'notes.md');
    const result = await cli.run(['export', '--out', out]);
    expect(result.stdout).toBe(`Exported 2 papers to ${out}\n`);
    const document = await readFile(out, 'utf8');
    expect(document).toContain(`## ${papers[0]?.title ?? ''}\n`);
    expect(document).toContain('### Idea\n\nPermutation-invariant *diffusion*.');
    expect(document).toContain('- **Tags:** #graphs #to-present');
    expect(document).not.toContain(papers[1]?.title ?? 'never');
    // The same library gives the same bytes.
    await cli.run(['export', '--out', out, '--force']);
    expect(await readFile(out, 'utf8')).toBe(document);
  });

  it('writes a folder with a file per paper, filtered, with front matter', async () => {
    const out = join(cli.directory, 'vault');
    expect((await cli.run(['export', '--out', out, '--tag', 'graphs', '--abstracts'])).code).toBe(0);
    const files = (await readdir(out)).filter((name) => name !== MANIFEST);
    expect(files).toEqual([`${papers[0]?.title.replace(':', ' ').replace(/\s+/g, ' ') ?? ''}.md`]);
    const content = await readFile(join(out, files[0] ?? ''), 'utf8');
    const [, yaml = ''] = /^---\n([\s\S]*?)\n---\n/.exec(content) ?? [];
    expect(parseYaml(yaml)).toMatchObject({
      title: papers[0]?.title,
      status: 'read',
      tags: ['graphs', 'to-present'],
      shelfmark: papers[0]?.id,
    });
    expect(content.endsWith('\n\n# Idea\n\nPermutation-invariant *diffusion*.\n')).toBe(true);
    expect(content).toContain(`> ${papers[0]?.abstract.slice(0, 40) ?? ''}`);
  });

  it('never overwrites without --force, and --all includes papers without notes', async () => {
    const out = join(cli.directory, 'vault');
    await mkdir(out);
    await writeFile(join(out, 'mine.md'), 'keep me');
    const refused = await cli.run(['export', '--out', out]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toBe(
      `shelfmark: ${out} already exists; choose another name, or export into it with --force (only files Shelfmark wrote there are replaced).\n`,
    );
    expect(await readdir(out)).toEqual(['mine.md']);
    expect((await cli.run(['export', '--out', out, '--all', '--force'])).code).toBe(0);
    expect(await readdir(out)).toHaveLength(32 + 2);
    expect(await readFile(join(out, 'mine.md'), 'utf8')).toBe('keep me');
    expect((await readdir(cli.directory)).filter((name) => name.includes('.tmp') || name.includes('.old'))).toEqual([]);
  });

  it('writes BibTeX and refuses what cannot be exported', async () => {
    const bib = join(cli.directory, 'read.bib');
    await cli.run(['export', '--format', 'bibtex', '--status', 'read', '--out', bib]);
    expect((await readFile(bib, 'utf8')).match(/^@misc\{/gm)).toHaveLength(1);
    const none = await cli.run(['export', '--out', join(cli.directory, 'x.md'), '--tag', 'missing']);
    expect(none).toMatchObject({ code: 4 });
    expect(none.stderr).toBe('shelfmark: No papers match, so there is nothing to export.\n');
    const json = await cli.run(['export', '--format', 'json', '--tag', 'x', '--out', join(cli.directory, 'b.json')]);
    expect(json.code).toBe(2);
  });
});

describe('shelfmark export --force into a folder that holds other files', () => {
  const PAST = new Date('2020-01-02T03:04:05.000Z');
  let out: string;
  const nameOf = (paper: Paper | undefined): string => `${safeBaseName(paper?.title ?? '', paper?.id ?? '')}.md`;
  const copyOf = (name: string, copy: number): string => name.replace(/\.md$/, ` (${copy}).md`);

  /** The files' bytes and modification times, to compare after. */
  async function snapshot(names: readonly string[]): Promise<Map<string, { bytes: Buffer; mtimeMs: number }>> {
    const taken = await Promise.all(
      names.map(async (name) => {
        const file = join(out, name);
        return [name, { bytes: await readFile(file), mtimeMs: (await lstat(file)).mtimeMs }] as const;
      }),
    );
    return new Map(taken);
  }

  async function writeMine(files: Record<string, string>): Promise<void> {
    for (const [name, content] of Object.entries(files)) {
      await mkdir(dirname(join(out, name)), { recursive: true });
      await writeFile(join(out, name), content);
      await utimes(join(out, name), PAST, PAST);
    }
  }

  beforeEach(() => {
    out = join(cli.directory, 'vault');
  });

  it('leaves the user’s files byte for byte, untouched', async () => {
    const mine = {
      'own.txt': 'my own text\n',
      'notes.md': '# My notes\n',
      [join('sub', 'deep.md')]: 'deep',
      [join('sub', nameOf(papers[0]))]: 'same name, one folder down',
    };
    await writeMine(mine);
    const before = await snapshot(Object.keys(mine));
    const result = await cli.run(['export', '--out', out, '--force', '--all']);
    expect(result).toEqual({ code: 0, stdout: `Exported 32 papers to ${out} (32 files)\n`, stderr: '' });
    expect(await snapshot(Object.keys(mine))).toEqual(before);
    expect(await readdir(out)).toHaveLength(32 + 3 + 1);
  });

  it('never writes over a file of the user’s with the name it would use, in any case or through a link', async () => {
    const [a, , c, d] = papers;
    const outside = join(cli.directory, 'outside.md');
    await writeFile(outside, 'not in the folder');
    await writeMine({ [nameOf(a)]: 'My own notes on this paper.\n', [nameOf(c).toUpperCase()]: 'MINE TOO' });
    await symlink(outside, join(out, nameOf(d)));
    const before = await snapshot([nameOf(a), nameOf(c).toUpperCase()]);
    await cli.json(['note', d?.id ?? '', 'A note for the linked name.']);

    const result = await cli.run(['export', '--out', out, '--force']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      `Exported 3 papers to ${out} (3 files). Left 3 files of yours as they were: ` +
        `${nameOf(a)} (wrote ${copyOf(nameOf(a), 2)} instead), ` +
        `${nameOf(c).toUpperCase()} (wrote ${copyOf(nameOf(c), 2)} instead), ` +
        `${nameOf(d)} (wrote ${copyOf(nameOf(d), 2)} instead).\n`,
    );
    expect(await snapshot([nameOf(a), nameOf(c).toUpperCase()])).toEqual(before);
    expect(await readFile(outside, 'utf8')).toBe('not in the folder');
    expect((await lstat(join(out, nameOf(d)))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(out, copyOf(nameOf(a), 2)), 'utf8')).toContain('Permutation-invariant *diffusion*.');
    expect(await readFile(join(out, copyOf(nameOf(d), 2)), 'utf8')).toContain('A note for the linked name.');
  });

  it('replaces its own files on a re-export, and says which', async () => {
    const [a, , c] = papers;
    await cli.run(['export', '--out', out]);
    await cli.json(['note', a?.id ?? '', 'Changed since.']);
    const result = await cli.run(['export', '--out', out, '--force']);
    expect(result.stdout).toBe(
      `Exported 2 papers to ${out} (2 files). Replaced 2 files from an earlier export: ${nameOf(a)}, ${nameOf(c)}.\n`,
    );
    expect((await readdir(out)).sort()).toEqual([MANIFEST, nameOf(a), nameOf(c)].sort());
    expect(await readFile(join(out, nameOf(a)), 'utf8')).toMatch(/\n---\n\nChanged since\.$/);
  });

  it('treats a file it wrote that the user changed since as theirs, and leaves files of papers not exported', async () => {
    const [a] = papers;
    await cli.run(['export', '--out', out, '--all']);
    await appendFile(join(out, nameOf(a)), '\nMy addition.\n');
    const before = await snapshot(await readdir(out));

    const result = await cli.run(['export', '--out', out, '--force', '--tag', 'graphs']);
    expect(result.stdout).toContain(
      `(1 file). Left 1 file of yours as it was: ${nameOf(a)} (wrote ${copyOf(nameOf(a), 2)} instead). Left 31 files from an earlier export that this one did not replace: `,
    );
    expect(result.stdout).toMatch(/ and 21 more\.\n$/);
    const after = await snapshot([...before.keys()].filter((name) => name !== MANIFEST));
    for (const [name, file] of after) expect(file).toEqual(before.get(name));

    // The next export of everything writes over Shelfmark's files again, and keeps each paper's name.
    const again = await cli.json<{ replaced: string[]; kept: unknown[]; left: string[] }>([
      'export',
      '--out',
      out,
      '--force',
      '--all',
    ]);
    expect(again.replaced).toHaveLength(32);
    expect(again.replaced).toContain(copyOf(nameOf(a), 2));
    expect(again.kept).toEqual([{ name: nameOf(a), instead: copyOf(nameOf(a), 2) }]);
    expect(again.left).toEqual([]);
    expect(await readFile(join(out, nameOf(a)), 'utf8')).toMatch(/My addition\.\n$/);
  });

  it('knows the unchanged files of an export from before the shelfmark key as its own', async () => {
    const [a, , c] = papers;
    await cli.run(['export', '--out', out]);
    await rm(join(out, MANIFEST));
    for (const name of [nameOf(a), nameOf(c)]) {
      const content = await readFile(join(out, name), 'utf8');
      await writeFile(join(out, name), content.replace(/\nshelfmark: .*\n/, '\n'));
    }
    const result = await cli.run(['export', '--out', out, '--force']);
    expect(result.stdout).toBe(
      `Exported 2 papers to ${out} (2 files). Replaced 2 files from an earlier export: ${nameOf(a)}, ${nameOf(c)}.\n`,
    );
    expect(await readFile(join(out, nameOf(a)), 'utf8')).toContain(`\nshelfmark: "${a?.id ?? ''}"\n`);
  });

  it('refuses a folder whose record of Shelfmark’s files it cannot read, and a file in place of the folder', async () => {
    await writeMine({ [MANIFEST]: 'my own json' });
    const refused = await cli.run(['export', '--out', out, '--force']);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toBe(
      `shelfmark: ${join(out, MANIFEST)} is not a record Shelfmark can read of the files it exported there; move it away, or export to another folder.\n`,
    );
    expect(await readdir(out)).toEqual([MANIFEST]);
    expect(await readFile(join(out, MANIFEST), 'utf8')).toBe('my own json');

    const file = join(cli.directory, 'plain');
    await writeFile(file, 'a file');
    const notFolder = await cli.run(['export', '--out', file, '--force']);
    expect(notFolder.stderr).toBe(`shelfmark: ${file} is a file, not a folder; choose another name.\n`);
    expect(await readFile(file, 'utf8')).toBe('a file');
  });
});

describe('shelfmark export of titles that are one name on macOS and Windows', () => {
  const TITLES = ['ς final', 'σ final', 'Straße', 'STRASSE', 'Caf\u00e9', 'Cafe\u0301', 'Paper', 'paper'];
  const bibtex = TITLES.map(
    (title, index) =>
      `@misc{k${index},\n  title = {{${title}}},\n  author = {Doe, Jane},\n  year = {2024},\n  eprint = {2401.0000${index}},\n  archivePrefix = {arXiv},\n}\n`,
  ).join('\n');

  async function library(): Promise<string> {
    const db = join(cli.directory, 'folded', 'library.json');
    const bib = join(cli.directory, 'folded.bib');
    await writeFile(bib, bibtex);
    expect((await cli.run(['import', bib], { db })).code).toBe(0);
    return db;
  }

  /** The exported files' names, and the paper each is of. */
  async function exported(folder: string): Promise<Map<string, string>> {
    const names = (await readdir(folder)).filter((name) => name !== MANIFEST);
    const ids = await Promise.all(
      names.map(async (name) => /\nshelfmark: "(.*)"\n/.exec(await readFile(join(folder, name), 'utf8'))?.[1] ?? ''),
    );
    return new Map(names.map((name, index) => [name, ids[index] ?? '']));
  }

  const key = (name: string): string => name.normalize('NFC').toLowerCase().toUpperCase();

  it('writes a file for each, no two of them one name on a case-insensitive disk', async () => {
    const db = await library();
    const out = join(cli.directory, 'folded-vault');
    expect((await cli.run(['export', '--all', '--out', out], { db })).stdout).toBe(
      `Exported 8 papers to ${out} (8 files)\n`,
    );
    const files = await exported(out);
    expect(files.size).toBe(8);
    expect(new Set([...files.keys()].map(key)).size).toBe(8);
    expect([...files.values()].sort()).toEqual(TITLES.map((_, index) => `2401.0000${index}`));
  });

  it('takes none of the user’s names, whatever their case or Unicode form', async () => {
    const db = await library();
    const out = join(cli.directory, 'folded-vault');
    const mine = ['PAPER.md', 'Cafe\u0301.md', 'strasse.md', 'Σ FINAL.md'];
    await mkdir(out);
    for (const name of mine) await writeFile(join(out, name), `mine: ${name}`);
    const result = await cli.json<{ kept: { name: string }[] }>(['export', '--all', '--force', '--out', out], { db });
    expect(result.kept.map((kept) => kept.name).sort()).toEqual([...mine].sort());
    for (const name of mine) expect(await readFile(join(out, name), 'utf8')).toBe(`mine: ${name}`);
    const files = await exported(out);
    expect([...files.values()].filter((id) => id !== '').sort()).toEqual(TITLES.map((_, index) => `2401.0000${index}`));
    const names = [...files.keys()];
    expect(new Set(names.map(key)).size).toBe(names.length);
  });
});
