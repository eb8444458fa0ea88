import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '../../core/model.js';
import { CliHarness, SAMPLE } from '../../tests/cli-harness.js';
import { run } from './main.js';

let cli: CliHarness;

beforeEach(async () => {
  cli = await CliHarness.create();
});

afterEach(async () => {
  await cli.remove();
});

/** The files of a bibliography split as research groups split theirs, copied beside the library. */
async function splitBibliography(...names: string[]): Promise<string[]> {
  return Promise.all(
    names.map(async (name) => {
      const path = join(cli.directory, name);
      await copyFile(new URL(`../../core/import/fixtures/split-bibliography/${name}`, import.meta.url), path);
      return path;
    }),
  );
}

describe('shelfmark import of BibTeX files that share macros', () => {
  it('reads each with the macros of all, and says what the files of macros alone are', async () => {
    const files = await splitBibliography('authors.bib', 'journals.bib', 'abbrev.bib', 'articles.bib');
    const [authors, journals, abbrev, articles] = files;
    const result = await cli.run(['import', ...files]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      `${authors}: 6 macros, no entries — used by ${articles}`,
      `${journals}: 3 macros, no entries — used by ${abbrev}`,
      `${abbrev}: 3 macros, no entries — used by ${articles}`,
      expect.stringMatching(
        /^.*articles\.bib: BibTeX: articles\.bib \(bib-\w+\) — 5 papers added, 0 merged with papers already in your library$/,
      ),
      'In all: 5 papers added, 0 merged with papers already in your library.',
      '',
    ]);
    const papers = await cli.json<Paper[]>(['list']);
    expect(papers.map((paper) => paper.authors.join('; ')).sort()).toEqual([
      'David Abramson; Mohan Krishnamoorthy; Graham Mills',
      'Frank Hutter; Holger H. Hoos; Kevin Leyton-Brown',
      'Manuel López-Ibáñez; Jérémie Dubois-Lacoste; Thomas Stützle',
      'Marco Dorigo; Thomas Stützle',
      'Thomas Stützle; Holger H. Hoos',
    ]);
    expect(papers.find((paper) => paper.title.startsWith('The irace package'))?.arxivId).toBe('1603.08785');
  });

  it('names the undefined macros of the entries it skips, and refuses a file of macros nobody uses', async () => {
    const [authors, articles] = await splitBibliography('authors.bib', 'articles.bib', 'other.bib');
    const result = await cli.run(['import', articles ?? '']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(1)).toEqual([
      '  skipped 4 entries (@article{StuHoo2000mmas}, @article{AbrAmoMil1996ejor}, @misc{LopDubStu2016irace}, …): ' +
        'they use undefined macros Stuetzle, FGCS, Hoos, EJOR, Abramson_D, Amoorthy, … (9 in all) — import the file that defines them alongside',
      '',
    ]);
    expect((await cli.json<Paper[]>(['list'])).map((paper) => paper.authors)).toEqual([
      ['Frank Hutter', 'Holger H. Hoos', 'Kevin Leyton-Brown'],
    ]);
    const alone = await cli.run(['import', authors ?? '']);
    expect(alone.code).toBe(4);
    expect(alone.stderr).toBe(
      `shelfmark: ${authors}: 6 macros, no entries: import it together with the BibTeX files that use them\n` +
        'shelfmark: nothing was imported; the library is unchanged.\n',
    );
  });

  it('reads a BibTeX file larger than a window a window at a time, with the macros of another file', async () => {
    const [authors] = await splitBibliography('authors.bib');
    const entry = (index: number): string =>
      `@article{k${index},\n  title = {Paper ${index} on Ünïcödé},\n  author = Stuetzle # " and " # Hoos,\n` +
      `  abstract = {${'Words of an abstract. '.repeat(40)}},\n  year = 2020\n}\n`;
    const large = join(cli.directory, 'large.bib');
    await writeFile(large, Array.from({ length: 6000 }, (_, index) => entry(index)).join(''));
    const result = await cli.run(['import', authors ?? '', large]);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').at(-2)).toBe(
      'In all: 6,000 papers added, 0 merged with papers already in your library.',
    );
    const papers = await cli.json<Paper[]>(['list']);
    expect(new Set(papers.map((paper) => paper.authors.join('; ')))).toEqual(
      new Set(['Thomas Stützle; Holger H. Hoos']),
    );
    expect(papers.find((paper) => paper.title === 'Paper 5999 on Ünïcödé')).toBeDefined();
  });
});

describe('shelfmark import of a file imported before', () => {
  it('writes nothing when it changes nothing', async () => {
    const files = await splitBibliography('authors.bib', 'journals.bib', 'abbrev.bib', 'articles.bib');
    await cli.run(['import', ...files]);
    await cli.run(['import', ...files]); // the day's backup is made by the first change of the day
    const before = await cli.files();
    const again = await cli.run(['import', ...files]);
    expect(again.stdout).toContain('In all: 0 papers added, 5 merged with papers already in your library.');
    expect(await cli.files()).toEqual(before);
  });
});

describe('shelfmark import of what is not a regular file', () => {
  const unix = process.platform !== 'win32';

  it.runIf(unix && existsSync('/dev/zero'))(
    'refuses a named pipe and a link to /dev/zero at once, and leaves the library as it was',
    async () => {
      await cli.run(['import', SAMPLE]);
      const before = await cli.files();
      const fifo = join(cli.directory, 'pipe.bib');
      const zeros = join(cli.directory, 'zeros.bib');
      execFileSync('mkfifo', [fifo]);
      await symlink('/dev/zero', zeros);
      const started = performance.now();
      const result = await cli.run(['import', fifo, zeros]);
      expect(performance.now() - started).toBeLessThan(5000);
      expect(result.code).toBe(4);
      expect(result.stderr).toBe(
        `shelfmark: ${fifo}: it is a named pipe (FIFO), not a regular file; Shelfmark imports only regular files\n` +
          `shelfmark: ${zeros}: it is a device, not a regular file; Shelfmark imports only regular files\n` +
          'shelfmark: nothing was imported; the library is unchanged.\n',
      );
      expect(await cli.files()).toEqual(before);
    },
  );
});

describe('shelfmark import on a terminal', () => {
  it('draws its progress on standard error while it works, and clears it before it reports', async () => {
    const entries = Array.from(
      { length: 50_000 },
      (_, n) => `@article{k${n}, title = {Paper number ${n}}, author = {Ada Lovelace and Alan Turing}, year = 2024}\n`,
    );
    const file = join(cli.directory, 'large.bib');
    await writeFile(file, entries.join(''));
    let stdout = '';
    let stderr = '';
    const code = await run(['--db', cli.db, 'import', file], {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      readStdin: () => Promise.resolve(''),
      env: { XDG_CONFIG_HOME: process.env['XDG_CONFIG_HOME'] },
      stderrIsTerminal: true,
    });
    expect(code).toBe(0);
    // Each drawing starts by going back to the start of the line and clearing it; the last clears it for good. The
    // reading may be over before the bar's first quarter of a second: then the save is the first thing drawn.
    const drawings = stderr.replaceAll('\r\u001b[2K', '<clear>');
    expect(drawings).toMatch(/^(<clear>Importing [█░]{30} +\d+%)*(<clear>Importing: saving the library…)?<clear>$/);
    expect(drawings).toMatch(/^<clear>Importing/);
    expect(stdout).toMatch(/50,000 papers added/);
  });
});
