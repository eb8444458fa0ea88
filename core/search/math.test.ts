import { describe, expect, it } from 'vitest';
import { LINEAR_WORK_MS, timed } from '../../tests/timing.js';
import { SearchIndex } from './search-index.js';
import { forEachJoinedTerm, tokenize } from './tokenize.js';
import type { SearchDocument } from './types.js';

function paper(id: string, title: string, abstract = ''): SearchDocument {
  return { id, title, authors: [], abstract, tags: [], note: '', status: 'unread' };
}

const joinedTerms = (text: string): string[] => {
  const terms: string[] = [];
  forEachJoinedTerm(text, (term) => terms.push(term));
  return terms;
};

describe('the words of math', () => {
  it("are its commands' names without the backslash, and its letters and numbers", () => {
    expect(tokenize('$\\nabla^2$DFT: a Dataset')).toEqual(['nabla', '2', 'dft', 'a', 'dataset']);
    expect(tokenize('in $\\mathcal{O}(n \\log n)$ time')).toEqual(['in', 'o', 'n', 'log', 'n', 'time']);
  });

  it('leave out the commands that only set how math looks', () => {
    expect(tokenize('$U_{\\text{user}} \\left( \\mathbf{x} \\right)$ at $\\approx\\! 300\\,\\text{ms}$')).toEqual([
      'u',
      'user',
      'x',
      'at',
      'approx',
      '300',
      'ms',
    ]);
    // Outside math, text is text.
    expect(tokenize('the left text')).toEqual(['the', 'left', 'text']);
  });

  it("keep a command's name apart from the digits after it", () => {
    expect(tokenize('$\\ell2$ and \\ell2')).toEqual(['ell', '2', 'and', 'ell2']);
  });

  it('are also read as they look rendered, where math joins them', () => {
    expect(joinedTerms('L$^2$M: Scaling')).toEqual(['l2m']);
    expect(joinedTerms('Beyond the $L_2$ Norm, $x_{ij}$')).toEqual(['l2', 'xij']);
    expect(joinedTerms('$\\textbf{DA}^{\\textbf{2}}$: Depth')).toEqual(['da2']);
    expect(joinedTerms('$a + b$ and L^2M without math')).toEqual([]);
  });

  it('are found in linear time, however many spans and scripts there are', () => {
    expect(timed(() => joinedTerms('$a^b$ '.repeat(100_000)))).toBeLessThan(LINEAR_WORK_MS);
    expect(timed(() => tokenize(`$${'x_{y}^'.repeat(100_000)}$`))).toBeLessThan(LINEAR_WORK_MS);
  });
});

describe('searching papers with math in them', () => {
  const index = new SearchIndex([
    paper('nabla', '$\\nabla^2$DFT: A Universal Quantum Chemistry Dataset'),
    paper('l2m', 'L$^2$M: Mutual Information Scaling Law for Long-Context Language Modeling'),
    paper('norm', 'Beyond the $L_2$ Norm', 'We replace the $\\mathbf{L}_2$ loss by a $\\rho$-loss in $\\text{ms}$.'),
    paper('plain', 'A Text Dataset of Mutual Information'),
  ]);
  const ids = (query: string): string[] => index.search(query).map((hit) => hit.id);

  it('finds a paper by the words around the math', () => {
    expect(ids('quantum chemistry dataset')).toEqual(['nabla']);
    expect(ids('DFT')).toEqual(['nabla']);
    expect(ids('scaling law')).toEqual(['l2m']);
  });

  it("finds it by the math's own words", () => {
    expect(ids('nabla')).toEqual(['nabla']);
    expect(ids('rho')).toEqual(['norm']);
    expect(ids('L_2 norm')).toEqual(['norm']);
  });

  it('finds it by the math as it reads rendered', () => {
    expect(ids('L2M')).toEqual(['l2m']);
    expect(ids('L2 norm')).toEqual(['norm']);
  });

  it('does not find it by the commands that only set how math looks', () => {
    expect(ids('text')).toEqual(['plain']);
    expect(ids('mathbf')).toEqual([]);
  });
});
