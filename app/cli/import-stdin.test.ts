import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../core/api.js';
import type { Paper } from '../../core/model.js';
import { CliHarness, SAMPLE } from '../../tests/cli-harness.js';

let cli: CliHarness;

beforeEach(async () => {
  cli = await CliHarness.create();
});

afterEach(async () => {
  await cli.remove();
});

const BIBTEX = `@article{xu2023pfgm,
  title = {{PFGM}++: Unlocking the Potential of Physics-Inspired Generative Models},
  author = {Xu, Yilun and Liu, Ziming},
  year = {2023},
}
`;

describe('shelfmark import -', () => {
  it('reads a digest from standard input, detects its format and says what it added', async () => {
    const page = await readFile(SAMPLE, 'utf8');
    const result = await cli.run(['import', '-'], { stdin: page });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(
      /^standard input: Hugging Face Daily Papers, Mar 11 \(hf-\d{4}-03-11-[0-9a-f]{8}\) — 32 papers added, 0 merged with papers already in your library\n/,
    );
    expect(await cli.json<Paper[]>(['list'])).toHaveLength(32);
  });

  it('reads standard input beside files, and merges what the library has', async () => {
    await cli.run(['import', SAMPLE]);
    const report = await cli.json<ImportReport>(['import', '-', SAMPLE], { stdin: BIBTEX });
    expect(report.files.map((file) => file.file)).toEqual(['standard input', SAMPLE]);
    expect(report).toMatchObject({ added: 0, merged: 33 });
    const pfgm = await cli.json<Paper[]>(['list']);
    expect(pfgm.find((paper) => paper.title.startsWith('PFGM++'))?.authors).toEqual(['Yilun Xu', 'Ziming Liu']);
  });

  it('refuses empty standard input, naming it, and starts no library', async () => {
    const result = await cli.run(['import', '-'], { stdin: ' \n' });
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      'shelfmark: standard input: the file is empty (it holds only blank space)\nshelfmark: nothing was imported; the library is unchanged.\n',
    );
    expect([...(await cli.files()).keys()]).toEqual([]);
  });

  it('reads standard input once', async () => {
    const result = await cli.run(['import', '-', '-'], { stdin: BIBTEX });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('import reads standard input (-) once.');
  });
});
