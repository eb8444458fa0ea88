/**
 * Digests for a simulation to import: works that two devices may import under different ids (one with its arXiv
 * id, one from a record without), and different works that share a title (their ids collide).
 */

import type { ParsedDigest } from '../../import/types.js';
import type { ParsedPaper } from '../../model.js';
import type { Prng } from './prng.js';

const TOPICS = ['graphs', 'attention', 'diffusion', 'retrieval', 'proteins', 'agents', 'compilers', 'sparsity'];

function work(index: number): ParsedPaper {
  const topic = TOPICS[index % TOPICS.length] ?? 'papers';
  // Every fifth work shares its title with the one before it, by other authors, years apart: another work.
  const titled = index % 5 === 4 ? index - 1 : index;
  return {
    title: `On ${topic} ${titled}`,
    abstract: `What work ${index} found.`,
    authors: [`Author${index} Family${index}`],
    arxivId: index % 3 === 0 ? `2401.${String(10000 + index)}` : null,
    doi: null,
    year: 2000 + (index % 5 === 4 ? 12 : 0) + (index % 7),
    links: [],
    categories: [],
  };
}

const WORKS: readonly ParsedPaper[] = Array.from({ length: 40 }, (_, index) => work(index));

/** A record of the work as another source gives it: without its arXiv id, or without its abstract. */
function variant(paper: ParsedPaper, prng: Prng): ParsedPaper {
  if (paper.arxivId !== null && prng.chance(0.3)) return { ...paper, arxivId: null, abstract: '' };
  return prng.chance(0.3) ? { ...paper, abstract: `${paper.abstract} More.` } : paper;
}

export function randomDigest(prng: Prng, serial: number): ParsedDigest {
  const papers = prng.some(WORKS, 1 + prng.below(5)).map((paper) => variant(paper, prng));
  return {
    format: prng.chance(0.5) ? 'bibtex' : 'hf-daily-json',
    title: `Digest ${serial % 12}`,
    date: prng.chance(0.5) ? `2024-01-${String(1 + (serial % 12)).padStart(2, '0')}` : null,
    papers,
    skipped: [],
  };
}
