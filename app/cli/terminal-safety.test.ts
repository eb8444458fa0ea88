import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '../../core/model.js';
import { CliHarness } from '../../tests/cli-harness.js';

let cli: CliHarness;

beforeEach(async () => {
  cli = await CliHarness.create();
});

afterEach(async () => {
  await cli.remove();
});

/** Any character that can drive or reorder a terminal, but a line break. */
const RAW_UNSAFE = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** What a digest can carry: a title that sets the terminal's title, clears it, turns it red; C1 controls; bidi. */
const TITLE = 'Evil \u001b]0;pwned\u0007title \u001b[2J\u001b[31mred\u009b31m abc\u202etxt.exe\u202c end';
const TITLE_SHOWN = 'Evil \\x1b]0;pwned\\x07title \\x1b[2J\\x1b[31mred\\x9b31m abc\\u202etxt.exe\\u202c end';
const ABSTRACT = 'First \u001b[31mparagraph\u001b[0m.\n\nSecond \u202eparagraph\u202c \u001b]0;pwned\u0007.';
const ABSTRACT_SHOWN = 'First \\x1b[31mparagraph\\x1b[0m.\n\nSecond \\u202eparagraph\\u202c \\x1b]0;pwned\\x07.';
const AUTHOR = 'Mal \u001b[2JLory \u009b31m\u2066Eve\u2069';
const AUTHOR_SHOWN = 'Mal \\x1b[2JLory \\x9b31m\\u2066Eve\\u2069';
const NOTE = 'line one \u001b]0;pwned\u0007\nline two \u001b[2J \u202eabc\u202c\u2028end\n';
const NOTE_SHOWN = 'line one \\x1b]0;pwned\\x07\nline two \\x1b[2J \\u202eabc\\u202c\\u2028end\n';

const DIGEST = JSON.stringify([
  {
    paper: {
      id: '2503.07604',
      title: TITLE,
      summary: ABSTRACT,
      authors: [{ name: AUTHOR }, { name: 'Ada Lovelace' }],
      publishedAt: '2025-03-11T00:00:00.000Z',
    },
  },
]);

async function importHostilePaper(): Promise<void> {
  const file = join(cli.directory, 'daily.json');
  await writeFile(file, DIGEST);
  expect((await cli.run(['import', file])).code).toBe(0);
  expect((await cli.run(['note', '2503.07604', NOTE])).code).toBe(0);
  expect((await cli.run(['tag', '2503.07604', 'to-read'])).code).toBe(0);
}

describe('what a digest says is inert in a terminal', () => {
  beforeEach(importHostilePaper);

  it('list shows escape sequences, C1 controls and bidi characters as escapes', async () => {
    expect(await cli.run(['list'])).toEqual({
      code: 0,
      stdout: `• 2503.07604  ${TITLE_SHOWN}  [to-read]\n1 paper\n`,
      stderr: '',
    });
  });

  it('show does too, keeping the lines of the abstract and the note', async () => {
    const paper = await cli.json<Paper>(['show', '2503.07604']);
    const { stdout, stderr, code } = await cli.run(['show', '2503.07604']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      [
        TITLE_SHOWN,
        '',
        'Id:       2503.07604',
        'Status:   unread',
        `Authors:  ${AUTHOR_SHOWN}, Ada Lovelace`,
        'Published: 2025-03-11',
        'arXiv:    2503.07604',
        'Year:     2025',
        'Tags:     to-read',
        `Digests:  ${paper.digests.join(', ')}`,
        `Added:    ${paper.addedAt.slice(0, 10)}`,
        'Link:     https://arxiv.org/abs/2503.07604',
        '',
        ABSTRACT_SHOWN,
        '',
        `Note:\n${NOTE_SHOWN}`,
        '',
      ].join('\n'),
    );
    expect(stdout).not.toMatch(RAW_UNSAFE);
  });

  it('show --json and list --json write them as \\u escapes, and parse back to the text itself', async () => {
    for (const argv of [
      ['show', '2503.07604', '--json'],
      ['list', '--json'],
    ]) {
      const { stdout, code } = await cli.run(argv);
      expect(code).toBe(0);
      expect(stdout).not.toMatch(RAW_UNSAFE);
      expect(stdout).toContain(
        '"title": "Evil \\u001b]0;pwned\\u0007title \\u001b[2J\\u001b[31mred\\u009b31m abc\\u202etxt.exe\\u202c end"',
      );
      expect(stdout).toContain(
        '"note": "line one \\u001b]0;pwned\\u0007\\nline two \\u001b[2J \\u202eabc\\u202c\\u2028end\\n"',
      );
      const parsed = JSON.parse(stdout) as Paper | Paper[];
      expect(Array.isArray(parsed) ? parsed[0] : parsed).toMatchObject({
        title: TITLE,
        abstract: ABSTRACT,
        authors: [AUTHOR, 'Ada Lovelace'],
        note: NOTE,
      });
    }
  });

  it('tags prints nothing raw (a tag can hold no such character)', async () => {
    expect(await cli.run(['tags'])).toEqual({ code: 0, stdout: '1  to-read\n', stderr: '' });
    expect(await cli.run(['tag', '2503.07604', 'x\u001b[31m'])).toEqual({
      code: 4,
      stdout: '',
      stderr: 'shelfmark: The tag "x\\x1b[31m" has a comma or a control character; tags cannot.\n',
    });
  });
});

describe('a digest named by a hostile file', () => {
  it('is named with escapes in the import summary and in digests', async () => {
    const file = join(cli.directory, 'refs\u001b]0;pwned\u0007\u202e.bib');
    const shown = `${cli.directory}/refs\\x1b]0;pwned\\x07\\u202e.bib`;
    await writeFile(file, '@article{k, title = {A paper}, year = {2024}}\n');
    const imported = await cli.run(['import', file]);
    expect(imported.stderr).toBe('');
    const named = `${shown}: BibTeX: refs\\x1b]0;pwned\\x07\\u202e.bib (`;
    expect(imported.stdout.slice(0, named.length)).toBe(named);
    expect(imported.stdout.slice(named.length)).toMatch(
      /^[^)]+\) — 1 paper added, 0 merged with papers already in your library\n$/,
    );
    const digests = await cli.run(['digests']);
    expect(digests.stdout).toMatch(/ {2}BibTeX: refs\\x1b\]0;pwned\\x07\\u202e\.bib\n$/);
    expect(digests.stdout).not.toMatch(RAW_UNSAFE);
    const json = await cli.run(['digests', '--json']);
    expect(json.stdout).not.toMatch(RAW_UNSAFE);
    expect(JSON.parse(json.stdout)).toMatchObject([{ title: 'BibTeX: refs\u001b]0;pwned\u0007\u202e.bib' }]);
  });
});
