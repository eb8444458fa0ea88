import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
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
    expect(await cli.json(['list'], { db: restored })).toEqual(await cli.json(['list']));
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
    const files = await readdir(out);
    expect(files).toEqual([`${papers[0]?.title.replace(':', ' ').replace(/\s+/g, ' ') ?? ''}.md`]);
    const content = await readFile(join(out, files[0] ?? ''), 'utf8');
    const [, yaml = ''] = /^---\n([\s\S]*?)\n---\n/.exec(content) ?? [];
    expect(parseYaml(yaml)).toMatchObject({ title: papers[0]?.title, status: 'read', tags: ['graphs', 'to-present'] });
    expect(content.endsWith('\n\n# Idea\n\nPermutation-invariant *diffusion*.\n')).toBe(true);
    expect(content).toContain(`> ${papers[0]?.abstract.slice(0, 40) ?? ''}`);
  });

  it('never overwrites without --force, and --all includes papers without notes', async () => {
    const out = join(cli.directory, 'vault');
    await mkdir(out);
    await writeFile(join(out, 'mine.md'), 'keep me');
    const refused = await cli.run(['export', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`shelfmark: ${out} already exists; choose another name, or replace it with --force.\n`);
    expect(await readdir(out)).toEqual(['mine.md']);
    expect((await cli.run(['export', '--out', out, '--all', '--force'])).code).toBe(0);
    expect(await readdir(out)).toHaveLength(32);
    expect((await readdir(cli.directory)).filter((name) => name.includes('.tmp') || name.includes('.old'))).toEqual([]);
  });

  it('writes BibTeX and refuses what cannot be exported', async () => {
    const bib = join(cli.directory, 'read.bib');
    await cli.run(['export', '--format', 'bibtex', '--status', 'read', '--out', bib]);
    expect((await readFile(bib, 'utf8')).match(/^@misc\{/gm)).toHaveLength(1);
    const none = await cli.run(['export', '--out', join(cli.directory, 'x.md'), '--tag', 'missing']);
    expect(none).toMatchObject({ code: 1 });
    expect(none.stderr).toBe('shelfmark: No papers match, so there is nothing to export.\n');
    const json = await cli.run(['export', '--format', 'json', '--tag', 'x', '--out', join(cli.directory, 'b.json')]);
    expect(json.code).toBe(2);
  });
});
