import { describe, expect, it } from 'vitest';
import { learnRanker, rankPapers, type RankCandidate } from './rank.js';
import { reasonsFrom } from './reasons.js';
import { EMPTY_TERM_INDEX, indexPapers } from './term-index.js';
import { authorKey } from './terms.js';

const paper = (id: string, title: string, abstract: string, authors: string[]): RankCandidate => ({
  id,
  title,
  abstract,
  authors,
});

// Every paper of this library is about "large language models" and written in the prose of abstracts; the kept
// ones are about graph generation, the dismissed ones about speech.
const PROSE = 'Extensive experiments show our systems improve performance, as Smith et al. report.';
const kept = ['molecules', 'proteins', 'citations', 'road networks', 'social networks', 'circuits'].map((what, n) =>
  paper(
    `k${String(n)}`,
    `Graph generation of ${what} with large language models`,
    `Large language models for graph generation of ${what}. ${PROSE}`,
    ['Jure Leskovec', 'et al.', 'Akhil V'],
  ),
);
const dismissed = ['accents', 'meetings', 'noise', 'children', 'podcasts', 'lectures'].map((what, n) =>
  paper(
    `d${String(n)}`,
    `Speech recognition of ${what} with large language models`,
    `Large language models for speech recognition of ${what}. ${PROSE}`,
    ['Ann Speaker', 'others'],
  ),
);
const unread = [
  paper(
    'u1',
    'Graph generation with large language models, at scale',
    `Large language models for graph generation of chemical compounds. ${PROSE}`,
    ['J. Leskovec', 'Akhil V', 'et al'],
  ),
  paper('u2', 'Speech recognition with large language models', `Large language models hear. ${PROSE}`, ['Bo Voice']),
];

describe('reasons', () => {
  const library = [...kept, ...dismissed, ...unread];
  const index = indexPapers(EMPTY_TERM_INDEX, library);
  const ranker = learnRanker(index, { kept: kept.map(({ id }) => id), dismissed: dismissed.map(({ id }) => id) });

  it('say what the paper is about, in phrases where they weigh, and who wrote it', () => {
    const [first] = rankPapers(ranker, index, unread).papers;
    expect(first?.id).toBe('u1');
    expect(first?.reasons).toEqual(['graph generation', 'Akhil V', 'J. Leskovec']);
  });

  it('never name words of prose, terms most of the library holds, "et al." or a bare initial', () => {
    const weak =
      /^(systems|performance|extensive experiments|improve|large language|language models|et al|al|A\. V|E\. al)$/;
    for (const { reasons } of rankPapers(ranker, index, library).papers) {
      for (const reason of reasons) expect(reason).not.toMatch(weak);
    }
  });

  it('give a phrase in place of a word of it when the phrase weighs nearly as much', () => {
    const labels = new Map([
      [1, 'diffusion'],
      [2, 'discrete diffusion'],
      [3, 'graphs'],
      [4, 'graph'],
      [5, 'transformers'],
    ]);
    const ranked = [
      { bucket: 1, weight: 1 },
      { bucket: 3, weight: 0.9 },
      { bucket: 2, weight: 0.6 },
      { bucket: 4, weight: 0.5 },
    ];
    expect(reasonsFrom(ranked, labels)).toEqual(['discrete diffusion', 'graphs']);
    const light = [1, 3, 5, 2].map((bucket, n) => ({ bucket, weight: 1 - n * 0.1 - (bucket === 2 ? 0.5 : 0) }));
    expect(reasonsFrom(light, labels)).toEqual(['diffusion', 'graphs', 'transformers']);
  });
});

describe('authors', () => {
  it('are never "et al." nor a bare initial', () => {
    expect(authorKey('et al.')).toBeNull();
    expect(authorKey('others')).toBeNull();
    expect(authorKey('J. R.')).toBeNull();
    expect(authorKey('Akhil V')?.label).toBe('Akhil V');
    expect(authorKey('Santhosh G S')?.label).toBe('Santhosh G S');
    expect(authorKey('A. Smith et al.')?.label).toBe('A. Smith');
  });
});
