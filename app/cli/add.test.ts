import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../core/api.js';
import type { Paper } from '../../core/model.js';
import { SAMPLE, type RunOptions } from '../../tests/cli-harness.js';
import { useWebWorld } from '../../tests/web-world.js';
import { LibraryService } from '../library-service.js';
import { networkSettings } from '../net/settings.js';
import {
  ERROR_ID,
  MISSING_ID,
  OLD_STYLE,
  SEVERAL_VERSIONS,
  WITH_DOI,
  WITHDRAWN,
} from '../../tests/fixtures/arxiv-papers.js';

const web = useWebWorld((apis) => {
  for (const paper of [SEVERAL_VERSIONS, WITH_DOI, OLD_STYLE, WITHDRAWN]) apis.arxiv.set(paper.id, paper);
  apis.arxivErrors.add(ERROR_ID);
});
const world = (options?: RunOptions): RunOptions => web.options(options);
const shelfmark = (...argv: string[]) => web.cli.run(argv, world());
const json = <T>(...argv: string[]) => web.cli.json<T>(argv, world());

describe('shelfmark add', () => {
  it('adds papers by every form of id and link, in one request', async () => {
    const result = await shelfmark(
      'add',
      '2410.03060v1',
      'https://huggingface.co/papers/2410.03060',
      'arXiv:2302.04265v2',
      'https://arxiv.org/pdf/hep-th/9901001v2',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^127\.0\.0\.1:\d+: arXiv 2410\.03060 and 2 more \(arxiv-[0-9a-f]{8}\) — 3 papers added, 0 merged with papers already in your library\n$/,
    );
    const queries = web.apis.arxivQueries();
    expect(queries.map((query) => Object.fromEntries(query))).toEqual([
      { id_list: '2410.03060,2302.04265,hep-th/9901001', max_results: '3' },
    ]);
    expect((await json<Paper[]>('list')).map((paper) => paper.id)).toEqual([
      '2410.03060',
      '2302.04265',
      'hep-th/9901001',
    ]);
  });

  it('stores what the API says: title and authors as Unicode, categories, year, links', async () => {
    await shelfmark('add', '2410.03060');
    expect(await json<Paper>('show', '2410.03060v3')).toMatchObject({
      id: '2410.03060',
      arxivId: '2410.03060',
      title: 'Attention in $\\mathcal{O}(n \\log n)$: Sparse Transformers for Zürich’s Füße Corpus',
      abstract:
        'We show that attention can be computed in $\\mathcal{O}(n \\log n)$ time without loss of accuracy on ' +
        'long documents. Code and data: https://github.com/example/sparse-attention.',
      authors: ['Jürgen Müller', 'Ana María Pérez', '田中 宏'],
      year: 2024,
      doi: null,
      categories: ['cs.LG', 'cs.CL', 'stat.ML'],
      links: [
        'https://arxiv.org/abs/2410.03060',
        'https://github.com/example/sparse-attention',
        'https://arxiv.org/pdf/2410.03060',
      ],
    });
  });

  it("keeps arXiv's primary category, comment, journal reference and the day version 1 was published", async () => {
    await shelfmark('add', '2410.03060', '2302.04265');
    expect((await json<Paper>('show', '2410.03060')).facts).toEqual({
      published: '2024-10-03',
      primaryCategory: 'cs.LG',
      comment: '12 pages, 4 figures; v3: typos fixed',
    });
    expect((await json<Paper>('show', '2302.04265')).facts).toEqual({
      published: '2023-02-08',
      journalRef: 'Proceedings of the 40th International Conference on Machine Learning, PMLR 202 (2023)',
      primaryCategory: 'cs.LG',
    });
  });

  it('takes a DOI, and decodes TeX accents of an old paper', async () => {
    await shelfmark('add', '2302.04265', 'hep-th/9901001');
    expect(await json<Paper>('show', '2302.04265')).toMatchObject({
      doi: '10.5555/example.2023.38572',
      year: 2023,
      links: [
        'https://arxiv.org/abs/2302.04265',
        'https://doi.org/10.5555/example.2023.38572',
        'https://arxiv.org/pdf/2302.04265',
      ],
    });
    expect(await json<Paper>('show', 'hep-th/9901001')).toMatchObject({
      title: 'Strings on $AdS_5 \\times S^5$ and the Schrödinger Picture',
      authors: ["G. 't Hooft", 'José García'],
      year: 1999,
      categories: ['hep-th'],
    });
  });

  it('says which ids it could not add and why, and adds the rest', async () => {
    const report = await json<ImportReport>('add', '2410.03060', MISSING_ID, '1501.00001', ERROR_ID);
    expect(report.added).toBe(1);
    const [file] = report.files;
    expect(file?.ok === true && file.kind === 'digest' ? file.summary.skipped : null).toEqual([
      { where: MISSING_ID, reason: 'arXiv has no paper with this id' },
      {
        where: '1501.00001',
        reason:
          'arXiv lists it as withdrawn (“This paper has been withdrawn by the author due to a crucial error in Lemma 2”)',
      },
      { where: ERROR_ID, reason: `incorrect id format for ${ERROR_ID}` },
    ]);
    const text = await shelfmark('add', MISSING_ID, '2302.04265');
    expect(text.stdout).toContain(`\n  skipped ${MISSING_ID}: arXiv has no paper with this id\n`);
  });

  it('merges a paper added again, keeping its reading state', async () => {
    await shelfmark('add', '2410.03060');
    await json('tag', '2410.03060', 'attention');
    const again = await shelfmark('add', 'https://arxiv.org/abs/2410.03060v2');
    expect(again.stdout).toContain('0 papers added, 1 merged with papers already in your library');
    expect(await json<Paper>('show', '2410.03060')).toMatchObject({ tags: ['attention'] });
  });

  it('fails with exit 3 when arXiv has none of the papers, and starts no library', async () => {
    const result = await shelfmark('add', MISSING_ID);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      `shelfmark: arXiv gave none of its papers: ${MISSING_ID}: arXiv has no paper with this id\n`,
    );
    expect([...(await web.cli.files()).keys()]).toEqual([]);
  });

  it('refuses what is not an id, before asking arXiv anything', async () => {
    const result = await shelfmark('add', '2410.03060', 'https://example.org/paper');
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('"https://example.org/paper" is not an arXiv id');
    expect(web.apis.requests).toEqual([]);
  });
});

describe('a list of arXiv ids, pasted or piped', () => {
  const LIST = '2410.03060v2  https://huggingface.co/papers/2302.04265\n\narXiv:1501.00001\n';

  it('is a digest: import - asks arXiv for its papers, and says which it skipped', async () => {
    const result = await web.cli.run(['import', '-'], world({ stdin: LIST }));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^standard input: arXiv 2410\.03060 and 2 more \(arxiv-[0-9a-f]{8}\) — 2 papers added, 0 merged with papers already in your library\n {2}skipped line 3 \(arXiv:1501\.00001\): arXiv lists it as withdrawn/,
    );
    expect(web.apis.arxivQueries()).toHaveLength(1);
  });

  it('is previewed with its papers from arXiv, and imported after without asking again', async () => {
    const service = new LibraryService(web.cli.db, {
      sampleDigest: SAMPLE,
      network: networkSettings(web.apis.env, { clock: web.clock }),
    });
    try {
      const preview = await service.previewImport(LIST);
      expect(preview).toMatchObject({
        format: 'arxiv-ids',
        formatName: 'a list of arXiv ids',
        summary: '2 papers: 2 new',
        skipped: [{ where: 'line 3 (arXiv:1501.00001)' }],
      });
      expect(preview.papers.map((paper) => paper.authors[0])).toEqual(['Jürgen Müller', 'Yilun Xu']);
      expect([...(await web.cli.files()).keys()]).toEqual([]);
      expect(await service.importText(LIST, 'Pasted text')).toMatchObject({ added: 2 });
      expect(web.apis.arxivQueries()).toHaveLength(1);
    } finally {
      await service.close();
    }
  });

  it('can be followed and cancelled by a task id, as the app does', async () => {
    const service = new LibraryService(web.cli.db, {
      sampleDigest: SAMPLE,
      network: networkSettings(web.apis.env, { clock: web.clock }),
    });
    try {
      web.apis.failures.push({ status: 503 });
      const seen: (string | undefined)[] = [];
      web.clock.onSleep = () => {
        void service.taskProgress('paste-1').then((progress) => seen.push(progress?.message));
        void service.cancelTask('paste-1');
      };
      await expect(service.importText(LIST, 'Pasted text', { task: 'paste-1' })).rejects.toThrow(
        'Cancelled; the library is unchanged.',
      );
      expect(seen).toEqual([expect.stringMatching(/answered 503 Service Unavailable; trying again in 2 s$/)]);
      expect(await service.cancelTask('paste-1')).toBe(false);
      expect([...(await web.cli.files()).keys()]).toEqual([]);
    } finally {
      await service.close();
    }
  });
});

describe('the network, as add meets it', () => {
  it('waits 3 seconds between two requests to arXiv, across commands of one process', async () => {
    await shelfmark('add', '2410.03060');
    web.clock.advance(1_000);
    await shelfmark('add', '2302.04265');
    expect(web.apis.arxivQueries()).toHaveLength(2);
    expect(web.clock.sleeps).toEqual([2_000]);
  });

  it('tries again after a 500, with back-off', async () => {
    web.apis.failures.push({ status: 500 });
    const result = await shelfmark('add', '2410.03060');
    expect(result.code).toBe(0);
    expect(web.apis.arxivQueries()).toHaveLength(2);
    // 2 s of back-off, then the 3 s between requests that it covers only in part.
    expect(web.clock.sleeps).toEqual([2_000, 1_000]);
  });

  it('waits as long as a 429 asks (Retry-After) before it tries again', async () => {
    web.apis.failures.push({ status: 429, headers: { 'Retry-After': '7' } });
    const result = await shelfmark('add', '2410.03060');
    expect(result.code).toBe(0);
    expect(web.clock.sleeps).toEqual([7_000]);
  });

  it('gives up on a server that keeps failing, says so, and changes nothing', async () => {
    await web.cli.run(['import', SAMPLE]);
    const before = await web.cli.files();
    for (let i = 0; i < 4; i++) web.apis.failures.push({ status: 503 });
    const result = await shelfmark('add', '2410.03060');
    expect(result.code).toBe(8);
    expect(result.stderr).toMatch(
      /^shelfmark: 127\.0\.0\.1:\d+ answered 503 Service Unavailable, 4 times; try again later\.\n$/,
    );
    expect(await web.cli.files()).toEqual(before);
  });

  it('says it could not reach a server that refuses the connection, and changes nothing', async () => {
    await web.cli.run(['import', SAMPLE]);
    const before = await web.cli.files();
    const port = await closedPort();
    const result = await web.cli.run(['add', '2410.03060'], {
      ...world(),
      env: { SHELFMARK_ARXIV_API: `http://127.0.0.1:${port}/api/query` },
    });
    expect(result.code).toBe(8);
    expect(result.stderr).toBe(
      `shelfmark: Could not reach 127.0.0.1:${port}: the connection was refused (ECONNREFUSED).\n`,
    );
    expect(await web.cli.files()).toEqual(before);
  });

  it('gives up on a server that does not answer in time', async () => {
    web.apis.failures.push({ status: 0 }, { status: 0 });
    const result = await web.cli.run(
      ['add', '2410.03060'],
      world({ network: { clock: web.clock, timeoutMs: 100, retries: 1 } }),
    );
    expect(result.code).toBe(8);
    expect(result.stderr).toMatch(
      /^shelfmark: 127\.0\.0\.1:\d+ did not answer within 1 s, 2 times; try again later\.\n$/,
    );
  });

  it('stops at Ctrl-C, exits 130 and changes nothing', async () => {
    await web.cli.run(['import', SAMPLE]);
    const before = await web.cli.files();
    const interrupt = new AbortController();
    web.apis.failures.push({ status: 503 });
    web.clock.onSleep = () => interrupt.abort();
    const result = await web.cli.run(['add', '2410.03060'], world({ interrupts: () => interrupt.signal }));
    expect(result).toEqual({ code: 130, stdout: '', stderr: 'shelfmark: Cancelled; the library is unchanged.\n' });
    expect(await web.cli.files()).toEqual(before);
  });

  it('shows its progress on standard error when that is a terminal, and clears it', async () => {
    const result = await web.cli.run(['add', '2410.03060'], world({ stderrIsTerminal: true }));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      '\r\u001b[2KAsking arXiv for 1 paper…\r\u001b[2KarXiv has answered…\r\u001b[2KSaving the library…\r\u001b[2K',
    );
  });
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
