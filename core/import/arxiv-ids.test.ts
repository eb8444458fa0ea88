import { describe, expect, it } from 'vitest';
import { arxivIdOf, arxivRefsOf, looksLikeArxivIdList, parseArxivIdList } from './arxiv-ids.js';
import { detectFormat } from './detect.js';
import { parseDigestText, readDigestText } from './index.js';

describe('arxivIdOf', () => {
  it.each([
    ['2410.03060', '2410.03060'],
    ['2410.03060v2', '2410.03060'],
    ['arXiv:2410.03060v2', '2410.03060'],
    ['0704.0001', '0704.0001'],
    ['hep-th/9901001', 'hep-th/9901001'],
    ['math.GT/0309136v1', 'math.GT/0309136'],
    ['https://arxiv.org/abs/2410.03060', '2410.03060'],
    ['http://export.arxiv.org/abs/2410.03060v3', '2410.03060'],
    ['https://arxiv.org/pdf/2410.03060v2', '2410.03060'],
    ['arxiv.org/pdf/2410.03060v2.pdf', '2410.03060'],
    ['https://arxiv.org/abs/hep-th/9901001v2', 'hep-th/9901001'],
    ['https://huggingface.co/papers/2410.03060', '2410.03060'],
    ['huggingface.co/papers/2410.03060/', '2410.03060'],
    ['https://hf.co/papers/2410.03060#community', '2410.03060'],
    ['<https://arxiv.org/abs/2410.03060>', '2410.03060'],
  ])('reads %s as %s', (token, id) => {
    expect(arxivIdOf(token)).toBe(id);
  });

  it.each([
    'hello',
    '2410',
    '2410.3',
    'https://example.org/arxiv.org/abs/2410.03060',
    'example.org/arxiv.org/abs/2410.03060',
    'https://arxiv.org.example.com/abs/2410.03060',
    'https://huggingface.co/datasets/2410.03060',
    'https://github.com/2410.03060',
  ])('refuses %s', (token) => {
    expect(arxivIdOf(token)).toBeNull();
  });
});

describe('a list of arXiv ids', () => {
  const LIST = [
    '2410.03060v2  https://huggingface.co/papers/2503.07604',
    '',
    'arXiv:hep-th/9901001, https://arxiv.org/pdf/2410.03060',
    '   ',
  ].join('\n');

  it('is recognised when every line holds only ids and links to papers', () => {
    expect(looksLikeArxivIdList(LIST)).toBe(true);
    expect(looksLikeArxivIdList(`${LIST}\nand one more line`)).toBe(false);
    expect(looksLikeArxivIdList(' \n\n')).toBe(false);
  });

  it('is a format of its own, whose papers the shell must ask arXiv for', () => {
    expect(detectFormat(LIST, 'ids.txt')).toBe('arxiv-ids');
    expect(detectFormat('@article{x,\n  title = {2410.03060},\n}\n', 'refs.bib')).toBe('bibtex');
    const ctx = { fileName: 'ids.txt', now: '2026-03-12T00:00:00.000Z' };
    expect(readDigestText(LIST, ctx)).toEqual({ kind: 'arxiv-ids', refs: parseArxivIdList(LIST) });
    expect(() => parseDigestText(LIST, ctx)).toThrow('it is a list of arXiv ids, whose details come from arXiv');
  });

  it('names each paper once, by its first line', () => {
    expect(parseArxivIdList(LIST)).toEqual([
      { arxivId: '2410.03060', where: 'line 1 (2410.03060v2)' },
      { arxivId: '2503.07604', where: 'line 1 (https://huggingface.co/papers/2503.07604)' },
      { arxivId: 'hep-th/9901001', where: 'line 3 (arXiv:hep-th/9901001)' },
    ]);
  });

  it('from arguments: the ones that name no paper are said', () => {
    expect(arxivRefsOf(['2410.03060', 'arXiv:2410.03060v1', 'nonsense', '1501.00001,2402.00002'])).toEqual({
      refs: [
        { arxivId: '2410.03060', where: '2410.03060' },
        { arxivId: '1501.00001', where: '1501.00001' },
        { arxivId: '2402.00002', where: '2402.00002' },
      ],
      unknown: ['nonsense'],
    });
  });
});
