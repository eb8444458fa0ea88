import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompletionReport } from '../../core/complete.js';
import type { Paper } from '../../core/model.js';
import type { DigestProgress } from '../../core/query.js';
import { CliHarness, SAMPLE, type RunOptions } from '../../tests/cli-harness.js';
import { arxivPaperOf, MAR_11 } from '../../tests/fixtures/hf-daily-papers.js';
import { useWebWorld } from '../../tests/web-world.js';
import { WITH_DOI, WITHDRAWN } from '../../tests/fixtures/arxiv-papers.js';

const web = useWebWorld((apis) => {
  for (const item of MAR_11) apis.arxiv.set(item.paper.id, arxivPaperOf(item));
  apis.days.set('2025-03-11', MAR_11);
});

/** The one paper on arXiv of the PFGM++ title: the library's, not the sample day's namesake. */
function onlyPfgmOnArxiv(): void {
  const namesake = MAR_11.find((item) => item.paper.title.startsWith('PFGM++'));
  web.apis.arxiv.delete(namesake?.paper.id ?? '');
  web.apis.arxiv.set(WITH_DOI.id, WITH_DOI);
}

const world = (options: RunOptions = {}): RunOptions =>
  web.options({ now: () => new Date('2025-03-12T12:00:00.000Z'), ...options });
const shelfmark = (...argv: string[]) => web.cli.run(argv, world());
const json = <T>(...argv: string[]) => web.cli.json<T>(argv, world());

async function importBibtex(text: string): Promise<void> {
  const file = join(web.cli.directory, 'refs.bib');
  await writeFile(file, text);
  expect((await shelfmark('import', file)).code).toBe(0);
}

describe('shelfmark complete', () => {
  it('makes a paper imported from the page text the record the HF JSON of its day gives', async () => {
    await shelfmark('import', SAMPLE);
    const [pard] = await json<Paper[]>('list');
    await json('tag', pard?.id ?? '', 'graphs');
    await json('note', pard?.id ?? '', 'Read it twice.');

    const report = await json<CompletionReport>('complete');
    expect(report.completed).toHaveLength(32);
    expect(report.notCompleted).toEqual([]);
    // 32 titles, ten a request, a request every 3 seconds.
    expect(web.apis.arxivQueries()).toHaveLength(4);
    expect(web.clock.sleeps).toEqual([3_000, 3_000, 3_000]);

    const fromJson = await CliHarness.create();
    try {
      expect((await fromJson.run(['fetch', 'hf', '--date', '2025-03-11'], world())).code).toBe(0);
      const expected = await fromJson.json<Paper[]>(['list'], world());
      const completed = await json<Paper[]>('list');
      expect(completed).toHaveLength(32);
      for (const paper of completed) {
        const other = expected.find((candidate) => candidate.arxivId === paper.arxivId);
        expect(other, paper.title).toBeDefined();
        if (other === undefined) continue;
        const record = ({ title, abstract, authors, arxivId, doi, year }: Paper) =>
          ({ title, abstract, authors, arxivId, doi, year }) as const;
        expect(record(paper)).toEqual(record(other));
        // Every link the JSON gives, and the PDF, which the arXiv API gives and the JSON does not.
        expect([...paper.links].sort()).toEqual(
          [...other.links, `https://arxiv.org/pdf/${paper.arxivId ?? ''}`].sort(),
        );
        if (other.categories.length > 0) expect(paper.categories).toEqual(other.categories);
      }
    } finally {
      await fromJson.remove();
    }
    expect(await json<Paper>('show', pard?.id ?? '')).toMatchObject({
      id: pard?.id,
      arxivId: '2503.90101',
      tags: ['graphs'],
      note: 'Read it twice.',
      status: 'unread',
      categories: ['cs.LG', 'stat.ML'],
    });
  });

  it('lists the papers it found no match or several for, and guesses none', async () => {
    web.apis.arxiv.set('1706.03762', { ...WITH_DOI, id: '1706.03762', title: 'Attention Is All You Need' });
    web.apis.arxiv.set('2501.00002', { ...WITH_DOI, id: '2501.00002', title: 'Attention is all you need!' });
    web.apis.arxiv.set(WITHDRAWN.id, WITHDRAWN);
    await importBibtex(
      '@article{a, title = {Attention is All You Need}, author = {Vaswani, Ashish}}\n' +
        '@article{b, title = {A Paper Nobody Wrote}}\n' +
        '@article{c, title = {A Proof That Was Not}}\n',
    );
    const before = await web.cli.files();
    const result = await shelfmark('complete');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        [
          '^No paper on arXiv has the title of 1 paper:',
          '  title-[0-9a-f]+  A Paper Nobody Wrote',
          'Several papers on arXiv have the title of 1 paper \\(none was taken\\):',
          '  title-[0-9a-f]+  Attention is All You Need',
          '      1706\\.03762  Attention Is All You Need',
          '      2501\\.00002  Attention is all you need!',
          'Withdrawn from arXiv \\(1 paper\\):',
          '  title-[0-9a-f]+  A Proof That Was Not: 1501\\.00001: arXiv lists it as withdrawn \\(“This paper has been withdrawn by the author due to a crucial error in Lemma 2”\\)',
          '$',
        ].join('\n'),
      ),
    );
    expect(await web.cli.files()).toEqual(before);
  });

  it('merges a paper into the one the library has for the arXiv id it finds', async () => {
    await importBibtex(
      '@article{old, title = {PFGM++: Physics-Inspired Generative Models, Unlocked}, eprint = {2302.04265}, archivePrefix = {arXiv}}\n',
    );
    await shelfmark('import', SAMPLE);
    const thin = (await json<Paper[]>('list')).find((paper) => paper.title.startsWith('PFGM++: Unlocking'));
    onlyPfgmOnArxiv();
    const report = await json<CompletionReport>('complete', thin?.id ?? '');
    expect(report).toEqual({
      completed: [{ id: thin?.id, title: thin?.title, arxivId: '2302.04265', mergedInto: '2302.04265' }],
      notCompleted: [],
    });
    const papers = await json<Paper[]>('list');
    expect(papers).toHaveLength(32);
    const merged = papers.find((paper) => paper.id === '2302.04265');
    expect(merged).toMatchObject({
      title: 'PFGM++: Physics-Inspired Generative Models, Unlocked',
      authors: ['Yilun Xu', 'Ziming Liu', 'Max Tegmark'],
      doi: '10.5555/example.2023.38572',
      abstract: WITH_DOI.summary,
    });
    expect(merged?.digests).toHaveLength(2);
    const digests = await json<DigestProgress[]>('digests');
    expect(digests.map((digest) => digest.total)).toEqual([1, 32]);
  });

  it('leaves a paper with a reading state apart from the one the library has', async () => {
    await importBibtex(
      '@article{old, title = {PFGM++ Unlocked}, eprint = {2302.04265}, archivePrefix = {arXiv}}\n' +
        '@article{new, title = {PFGM++: Unlocking the Potential of Physics-Inspired Generative Models}}\n',
    );
    onlyPfgmOnArxiv();
    const thin = (await json<Paper[]>('list')).find((paper) => paper.arxivId === null);
    await json('status', thin?.id ?? '', 'reading');
    const report = await json<CompletionReport>('complete');
    expect(report.completed).toEqual([]);
    expect(report.notCompleted).toEqual([
      {
        id: thin?.id,
        title: thin?.title,
        reason: 'kept-apart',
        message:
          'it is 2302.04265, which the library has as 2302.04265; both have a reading state, so they are left apart',
        candidates: [],
      },
    ]);
    expect(await json<Paper[]>('list')).toHaveLength(2);
  });

  it('fills in a paper that has an arXiv id from its arXiv record, when asked by id', async () => {
    await importBibtex(
      '@article{x, title = {PFGM++: Unlocking the Potential of Physics-Inspired Generative Models}, author = {Xu, Yilun}, eprint = {2302.04265}, archivePrefix = {arXiv}}\n',
    );
    web.apis.arxiv.set(WITH_DOI.id, WITH_DOI);
    expect((await shelfmark('complete')).stdout).toBe('Every paper has an arXiv id: there is nothing to complete.\n');
    const result = await shelfmark('complete', '2302.04265');
    expect(result.stdout).toBe(
      'Completed 1 paper from arXiv:\n  2302.04265  2302.04265  PFGM++: Unlocking the Potential of Physics-Inspired Generative Models\n',
    );
    expect(Object.fromEntries(web.apis.arxivQueries()[0] ?? [])).toEqual({ id_list: '2302.04265', max_results: '1' });
    expect(await json<Paper>('show', '2302.04265')).toMatchObject({
      authors: ['Yilun Xu'],
      categories: ['cs.LG', 'cs.CV', 'stat.ML'],
      doi: '10.5555/example.2023.38572',
    });
  });

  it('asks again, alone, for a title whose paper others crowded out of a shared answer', async () => {
    for (let i = 0; i < 25; i++) {
      web.apis.arxiv.set(`2501.${String(10000 + i)}`, {
        ...WITH_DOI,
        id: `2501.${String(10000 + i)}`,
        title: `Sparse Attention, part ${i}`,
      });
    }
    web.apis.arxiv.set('2501.20000', { ...WITH_DOI, id: '2501.20000', title: 'Dense Graphs' });
    await importBibtex('@article{a, title = {Sparse Attention}}\n@article{b, title = {Dense Graphs}}\n');
    const report = await json<CompletionReport>('complete');
    expect(report.completed.map((paper) => paper.arxivId)).toEqual(['2501.20000']);
    expect(report.notCompleted.map((paper) => [paper.title, paper.reason])).toEqual([['Sparse Attention', 'no-match']]);
    const queries = web.apis.arxivQueries().map((query) => query.get('search_query'));
    expect(queries).toEqual([
      'ti:"sparse attention" OR ti:"dense graphs"',
      'ti:"sparse attention"',
      'ti:"dense graphs"',
    ]);
  });

  it('changes nothing when arXiv cannot be reached', async () => {
    await shelfmark('import', SAMPLE);
    const before = await web.cli.files();
    for (let i = 0; i < 4; i++) web.apis.failures.push({ status: 500 });
    const result = await shelfmark('complete');
    expect(result.code).toBe(8);
    expect(await web.cli.files()).toEqual(before);
  });
});
