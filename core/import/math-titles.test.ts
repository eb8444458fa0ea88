import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedPaper } from '../model.js';
import { parseDigestText } from './index.js';

/** The same three papers as a Hugging Face day, an arXiv listing email and a BibTeX file, TeX and all. */
function papersOf(fileName: string): readonly ParsedPaper[] {
  const text = readFileSync(new URL(`./fixtures/${fileName}`, import.meta.url), 'utf8');
  const parsed = parseDigestText(text, { fileName, now: '2025-03-13T08:00:00.000Z' });
  if (parsed.kind !== 'digest') throw new Error(`${fileName} is not a digest`);
  return parsed.digest.papers;
}

const byId = (papers: readonly ParsedPaper[], id: string): ParsedPaper | undefined =>
  papers.find((paper) => paper.arxivId === id);

/** What Shelfmark stores for each: the author's math between `$…$`, the text around it decoded. */
const STORED = {
  '2503.10001': {
    title: '$\\nabla^2$Field: Learning Second-Order Potentials for Drug-like Molecules',
    abstract:
      'We learn $\\nabla^2 \\phi$ fields of drug-like molecules in $\\mathcal{O}(n \\log n)$ time, within ' +
      '$\\approx\\! 300\\,\\text{ms}$ per molecule, as in [chen24, ruiz25]. ' +
      'Code: GitHub (https://github.com/example/field).',
  },
  '2503.10002': {
    title: 'L$^2$R: Layered Latent Retrieval for Long Documents',
    abstract:
      'Retrieval with Layered Latent Representations (L$^2$R) and the ranger baseline (https://example.org/ranger).',
  },
  '2503.10003': {
    title: 'Beyond the $L_2$ Norm: Robust Losses for Sparse Regression',
    abstract: 'We replace the $L_2$ norm by a $\\rho$-loss with heavy tails, e.g. Cauchy, at no cost.',
  },
} as const;

describe('math in titles and abstracts, from every format', () => {
  const formats = {
    'Hugging Face JSON': papersOf('math-titles.json'),
    'an arXiv listing email': papersOf('math-titles.eml'),
    BibTeX: papersOf('math-titles.bib'),
  };

  for (const [format, papers] of Object.entries(formats)) {
    it(`is stored the same from ${format}`, () => {
      for (const [id, stored] of Object.entries(STORED)) {
        expect(byId(papers, id), id).toMatchObject(stored);
      }
    });
  }

  it('keeps the links that commands carried', () => {
    for (const papers of Object.values(formats)) {
      expect(byId(papers, '2503.10001')?.links).toContain('https://github.com/example/field');
    }
  });
});

describe('the title of a Hugging Face entry', () => {
  const papers = papersOf('math-titles.json');

  it("is the entry's own where HF's copy in the paper lost the math", () => {
    expect(byId(papers, '2503.10001')?.title).toBe(STORED['2503.10001'].title);
    expect(byId(papers, '2503.10002')?.title).toBe(STORED['2503.10002'].title);
  });

  it('is whichever of the two there is, decoded', () => {
    expect(byId(papers, '2503.10003')?.title).toBe(STORED['2503.10003'].title);
    expect(byId(papers, '2503.10004')?.title).toBe('$\\epsilon$-Greedy Agents Revisited');
  });

  it("is the paper's where neither has math", () => {
    expect(byId(papers, '2503.10005')?.title).toBe('Scaling Laws, Revisited Once More');
  });
});
