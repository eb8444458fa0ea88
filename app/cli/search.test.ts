import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '../../core/model.js';
import { CliHarness, SAMPLE } from '../../tests/cli-harness.js';
import type { SearchResult } from './search-results.js';

let cli: CliHarness;

beforeEach(async () => {
  cli = await CliHarness.create();
  await cli.run(['import', SAMPLE]);
});

afterEach(async () => {
  await cli.remove();
});

describe('shelfmark search', () => {
  it('ranks papers as the app does, and marks the words each matched', async () => {
    const result = await cli.run(['search', 'permutation', 'diffusion']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^• title-[0-9a-f]+ {2}Pard: \[Permutation\]-Invariant Autoregressive \[Diffusion\] for Graph Generation$/,
    );
    expect(lines[1]).toMatch(/^ {4}abstract: …sensitivity to ordering\. Yet \[diffusion\] models .*…$/);
    expect(lines.at(-2)).toMatch(/^\d+ papers? match\.$/);
  });

  it('takes the app’s qualifiers, a phrase, and a limit', async () => {
    const [pard] = await cli.json<Paper[]>(['list']);
    await cli.json(['tag', pard?.id ?? '', 'graphs']);
    const tagged = await cli.json<SearchResult[]>(['search', 'tag:graphs']);
    expect(tagged.map((hit) => hit.id)).toEqual([pard?.id]);
    const phrase = await cli.json<SearchResult[]>(['search', '"graph generation"', 'is:unread']);
    expect(phrase[0]).toMatchObject({ title: expect.stringContaining('Graph Generation') as string });
    expect(phrase[0]?.matched.title).toEqual(['Graph Generation']);
    const limited = await cli.run(['search', 'invariant', '--limit', '2']);
    expect(limited.stdout).toMatch(/\nThe best 2 papers shown; --limit N shows more\.\n$/);
    expect(limited.stdout.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(2);
  });

  it('says when nothing matches, and refuses a limit that is not a number', async () => {
    expect(await cli.run(['search', 'zzyzx'])).toEqual({ code: 0, stdout: 'No papers match "zzyzx".\n', stderr: '' });
    expect((await cli.run(['search', 'x', '--limit', 'lots'])).code).toBe(2);
  });

  it('keeps what it prints terminal-safe, marks included', async () => {
    const [pard] = await cli.json<Paper[]>(['list']);
    await cli.json(['note', pard?.id ?? '', 'a xylophone \u001b]0;owned\u0007\ntune']);
    const result = await cli.run(['search', 'xylophone']);
    expect(result.stdout).toContain('    note: a [xylophone] \\x1b]0;owned\\x07 tune\n');
    expect(result.stdout).not.toContain('\u001b');
  });
});
