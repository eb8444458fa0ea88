import { describe, expect, it } from 'vitest';
import { paper } from '../../tests/builders.js';
import type { Paper } from '../model.js';
import { cslJsonEntries } from './csl-json.js';

const entries = (...papers: Paper[]): Record<string, unknown>[] =>
  JSON.parse(cslJsonEntries(papers)) as Record<string, unknown>[];

describe('CSL-JSON export', () => {
  it('writes an arXiv paper as Zotero’s arXiv import has it: a preprint in the arXiv repository, with its DOI', () => {
    const [entry] = entries(
      paper('p', {
        title: 'PFGM++: Unlocking the Potential',
        authors: ['Yilun Xu', 'Ziming Liu'],
        year: 2023,
        arxivId: '2302.04265',
        links: ['https://arxiv.org/abs/2302.04265', 'https://arxiv.org/pdf/2302.04265'],
        abstract: 'We introduce PFGM++.\n\nA second   paragraph.',
        tags: ['generative', 'to-cite'],
      }),
    );
    expect(entry).toEqual({
      id: 'xu2023pfgm',
      'citation-key': 'xu2023pfgm',
      type: 'article',
      title: 'PFGM++: Unlocking the Potential',
      author: [
        { family: 'Xu', given: 'Yilun' },
        { family: 'Liu', given: 'Ziming' },
      ],
      issued: { 'date-parts': [[2023]] },
      publisher: 'arXiv',
      number: 'arXiv:2302.04265',
      DOI: '10.48550/arXiv.2302.04265',
      URL: 'https://arxiv.org/abs/2302.04265',
      abstract: 'We introduce PFGM++.\n\nA second paragraph.',
      keyword: 'generative, to-cite',
    });
  });

  it('keeps a DOI of the paper’s own, and writes old-style arXiv ids as arXiv does', () => {
    const [withDoi, oldStyle] = entries(
      paper('a', { title: 'Anti de Sitter Space', arxivId: 'hep-th/9802150', doi: '10.4310/ATMP.1998.v2.n2.a2' }),
      paper('b', { title: 'The Large N Limit', arxivId: 'hep-th/9711200' }),
    );
    expect(withDoi).toMatchObject({
      type: 'article',
      number: 'arXiv:hep-th/9802150',
      DOI: '10.4310/ATMP.1998.v2.n2.a2',
    });
    expect(oldStyle).toMatchObject({
      issued: { 'date-parts': [[1997]] },
      number: 'arXiv:hep-th/9711200',
      DOI: '10.48550/arXiv.hep-th/9711200',
      URL: 'https://arxiv.org/abs/hep-th/9711200',
    });
  });

  it('writes a paper known by its DOI alone as a journal article, and one with neither id as a preprint', () => {
    const [journal, bare] = entries(
      paper('a', { title: 'Working Memory', doi: '10.1016/S0079-7421(08)60452-1', abstract: '' }),
      paper('b', { title: 'Notes', abstract: '', links: [] }),
    );
    expect(journal).toEqual({
      id: 'working',
      'citation-key': 'working',
      type: 'article-journal',
      title: 'Working Memory',
      DOI: '10.1016/S0079-7421(08)60452-1',
    });
    expect(bare).toEqual({ id: 'notes', 'citation-key': 'notes', type: 'article', title: 'Notes' });
  });

  it('writes names as Zotero reads them back: the particle in the family name, a suffix apart', () => {
    const [entry] = entries(
      paper('p', { authors: ['Ludwig van Beethoven', "Tip O'Neil Jr.", 'Baddeley, Alan D.', 'OpenAI', '小明 王'] }),
    );
    expect(entry?.author).toEqual([
      { family: 'van Beethoven', given: 'Ludwig' },
      { family: "O'Neil", given: 'Tip', suffix: 'Jr.' },
      { family: 'Baddeley', given: 'Alan D.' },
      { family: 'OpenAI' },
      { family: '王', given: '小明' },
    ]);
  });

  it('writes text plain: math as its $…$ TeX, a dollar sign that is no math as $, & and < as they are', () => {
    const [entry] = entries(
      paper('p', {
        title: 'Bounds at \\$5 a Query: $\\epsilon$-Optimal   Search with $k<n$ & Probes',
        abstract: 'Costs of $5 & more.',
      }),
    );
    expect(entry).toMatchObject({
      title: 'Bounds at $5 a Query: $\\epsilon$-Optimal Search with $k<n$ & Probes',
      abstract: 'Costs of $5 & more.',
    });
  });

  it('is an empty array for no papers', () => {
    expect(cslJsonEntries([])).toBe('[]\n');
  });
});
