import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScoredPaper } from '../../core/api.js';
import type { Paper } from '../../core/model.js';
import { CliHarness, SAMPLE } from '../../tests/cli-harness.js';

let cli: CliHarness;
let papers: Paper[];

beforeEach(async () => {
  cli = await CliHarness.create();
  await cli.run(['import', SAMPLE]);
  papers = await cli.json<Paper[]>(['list']);
});

afterEach(async () => {
  await cli.remove();
});

const idOf = (title: RegExp): string => {
  const paper = papers.find((candidate) => title.test(candidate.title));
  if (paper === undefined) throw new Error(`no paper titled ${String(title)}`);
  return paper.id;
};

/** Files five graph papers under "graphs" and five of statistics under "stats", all of them read. */
async function fileUnderTwoTags(): Promise<void> {
  const graphs = [
    /^Pard/,
    /Commutative Monoids/,
    /Score-based Generative Modeling of Graphs/,
    /Homogeneous Graph/,
    /Subgraph/,
  ];
  const stats = [/Slepian/, /One-connection/, /Partial Correlations/, /Gaussian Processes/, /Accuracy on the Curve/];
  for (const [tag, titles] of [
    ['graphs', graphs],
    ['stats', stats],
  ] as const) {
    const ids = titles.map(idOf);
    await cli.json(['tag', ...ids.slice(0, 1), tag]);
    for (const id of ids) {
      await cli.json(['tag', id, tag]);
      await cli.json(['status', id, 'read']);
    }
  }
}

describe('shelfmark next', () => {
  it('lists unread papers in listing order, and says why, until there are decisions to learn from', async () => {
    const result = await cli.run(['next', '--limit', '3']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(
      'Up next by Hugging Face upvotes, then listing order: too few decisions to learn from yet (0 kept and 0 dismissed; 5 of each needed).',
    );
    expect(lines.slice(1, 4).map((line) => line.split(/\s+/)[1])).toEqual(papers.slice(0, 3).map(({ id }) => id));
    expect(lines[4]).toBe('The first 3 of 32 papers; --limit N shows more.');
    const listed = await cli.json<ScoredPaper[]>(['next']);
    expect(listed.map(({ id }) => id)).toEqual(papers.slice(0, 20).map(({ id }) => id));
    expect(listed[0]).toEqual({ ...papers[0], score: 0, reasons: [] });
  });

  it('ranks by a tag: the papers filed under it against those filed elsewhere, each with its reasons', async () => {
    await fileUnderTwoTags();
    const ranked = await cli.json<ScoredPaper[]>(['next', '--tag', 'graphs', '--limit', '5']);
    expect(ranked).toHaveLength(5);
    expect(ranked.every((paper) => paper.status === 'unread')).toBe(true);
    const gnn = ranked.slice(0, 3).find((paper) => paper.title.startsWith('Equivariant Polynomials for Graph Neural'));
    expect(gnn?.reasons).toEqual(['gnn', 'graph neural', 'expressive power']);
    expect(ranked[0]?.reasons).toContain('equivariant networks');
    const scores = ranked.map(({ score }) => score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const human = await cli.run(['next', '--tag', 'graphs', '--limit', '1']);
    expect(human.stdout.split('\n')[0]).toBe('Up next, learnt from 5 papers kept and 5 papers dismissed:');
    expect(human.stdout.split('\n')[2]).toBe(`    ${ranked[0]?.reasons.join(', ') ?? ''}`);
    const stats = await cli.json<ScoredPaper[]>(['next', '--tag', 'stats', '--limit', '5']);
    expect(stats[0]?.id).not.toBe(ranked[0]?.id);
  });

  it('orders by the Hugging Face upvotes an import recorded, until there are decisions to learn from', async () => {
    const upvoted = await CliHarness.create();
    try {
      await upvoted.run([
        'import',
        fileURLToPath(new URL('../../tests/fixtures/hf-daily-papers-2025-03-11.json', import.meta.url)),
      ]);
      const ranked = await upvoted.json<ScoredPaper[]>(['next', '--limit', '3']);
      expect(ranked.map(({ title, reasons }) => [title.slice(0, 30), reasons])).toEqual([
        ['AdamP: Slowing Down the Slowdo', ['60 upvotes']],
        ['Crystal Diffusion Variational ', ['58 upvotes']],
        ['Frame Averaging for Invariant ', ['55 upvotes']],
      ]);
    } finally {
      await upvoted.remove();
    }
  });

  it('takes only papers of a digest, and refuses a limit that is no count', async () => {
    const [digest] = await cli.json<{ id: string }[]>(['digests']);
    expect(await cli.json<ScoredPaper[]>(['next', '--digest', digest?.id ?? '', '--limit', '100'])).toHaveLength(32);
    expect(await cli.json<ScoredPaper[]>(['next', '--digest', 'no-such-digest'])).toEqual([]);
    const refused = await cli.run(['next', '--limit', 'many']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--limit takes a whole number from 1 to 100,000.');
  });

  it('keeps what it learnt of the papers beside the library, a cache made again when it is damaged', async () => {
    const first = await cli.json<ScoredPaper[]>(['similar', idOf(/^Pard/)]);
    const cache = join(cli.directory, 'library.rank-cache');
    expect((await readFile(cache)).byteLength).toBeGreaterThan(1000);
    await writeFile(cache, 'not a cache');
    expect(await cli.json<ScoredPaper[]>(['similar', idOf(/^Pard/)])).toEqual(first);
    expect((await readFile(cache)).byteLength).toBeGreaterThan(1000);
  });
});

describe('shelfmark similar', () => {
  it('lists the papers most like one, with the words they share', async () => {
    const pard = idOf(/^Pard/);
    const similar = await cli.json<ScoredPaper[]>(['similar', pard, '--limit', '3']);
    expect(similar).toHaveLength(3);
    expect(similar.map(({ id }) => id)).not.toContain(pard);
    expect(similar[0]?.title).toMatch(/Graph/);
    expect(similar[0]?.reasons.length).toBeGreaterThan(0);
    expect(similar[0]?.score).toBeGreaterThan(similar[2]?.score ?? 1);
    const human = await cli.run(['similar', pard.slice(0, 12), '--limit', '2']);
    expect(human.stdout.split('\n')[0]).toBe(
      'More like title-1e19e07828fe50 (Pard: Permutation-Invariant Autoregressive Diffusion for Gra…):',
    );
    expect(human.stdout.split('\n')[1]).toContain(similar[0]?.id ?? '');
    const missing = await cli.run(['similar', 'no-such-paper']);
    expect(missing.code).not.toBe(0);
  });
});
