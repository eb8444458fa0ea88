import { describe, expect, it } from 'vitest';
import { decodeTermIndex, encodeTermIndex } from './cache-codec.js';
import { decisionsOf, isUpNext } from './decisions.js';
import { learnRanker, rankPapers, type RankCandidate } from './rank.js';
import { similarPapers } from './similar.js';
import { EMPTY_TERM_INDEX, indexPapers, type TermIndex } from './term-index.js';
import { authorKey } from './terms.js';

const paper = (
  id: string,
  title: string,
  abstract: string,
  authors: string[] = [],
  upvotes?: number,
): RankCandidate => ({
  id,
  title,
  abstract,
  authors,
  ...(upvotes === undefined ? {} : { upvotes }),
});

const GRAPHS = [
  paper('g1', 'Graph generation with diffusion', 'We study graph generation by discrete diffusion over edges.', [
    'Jure Leskovec',
  ]),
  paper('g2', 'Scalable graph generation', 'Graph generation for molecules with a diffusion model.', [
    'J. Leskovec',
    'Ada Li',
  ]),
  paper('g3', 'Diffusion models for graphs', 'A diffusion process generates graphs node by node.', ['Rex Ying']),
  paper('g4', 'Hierarchical graph generation', 'Coarse to fine graph generation of large networks.', ['Jure Leskovec']),
  paper('g5', 'Graph generation benchmarks', 'We compare graph generation methods, diffusion among them.', ['Ada Li']),
];
const SPEECH = [
  paper('s1', 'Streaming speech recognition', 'Low latency speech recognition with transducers.', ['Ann Speaker']),
  paper('s2', 'Speech recognition for accents', 'Accented speech recognition from few hours of audio.', ['Bo Voice']),
  paper('s3', 'Speech translation end to end', 'Translating speech without a transcript.', ['Ann Speaker']),
  paper('s4', 'Robust speech recognition in noise', 'Speech recognition under noise with augmentation.', ['Cy Sound']),
  paper('s5', 'Speech synthesis with transformers', 'Text to speech with a transformer decoder.', ['Bo Voice']),
];
const UNREAD = [
  paper(
    'u1',
    'Noise robust speech recognition for meetings',
    'Meeting speech recognition with far-field audio.',
    ['Cy Sound'],
    40,
  ),
  paper(
    'u2',
    'Graph generation by discrete diffusion',
    'Discrete diffusion for graph generation at scale.',
    ['Jure Leskovec'],
    3,
  ),
  paper('u3', 'A survey of audio codecs', 'Neural audio codecs compared.', ['Dee Codec']),
  paper('u4', 'Molecule graphs from diffusion', 'Diffusion generates molecule graphs.', ['Rex Ying'], 12),
];
const LIBRARY = [...GRAPHS, ...SPEECH, ...UNREAD];
const ids = (papers: readonly RankCandidate[]): string[] => papers.map(({ id }) => id);

describe('Up next', () => {
  const index = indexPapers(EMPTY_TERM_INDEX, LIBRARY);

  it('puts first what is like the papers kept, and says why in its words, phrases and authors', () => {
    const ranker = learnRanker(index, { kept: ids(GRAPHS), dismissed: ids(SPEECH) });
    const ranking = rankPapers(ranker, index, UNREAD);
    expect(ranking.basis).toBe('learnt');
    expect(ranking.papers.map(({ id }) => id)).toEqual(['u2', 'u4', 'u3', 'u1']);
    expect(ranking.papers[0]?.reasons).toEqual(['graph generation', 'discrete diffusion', 'J. Leskovec']);
    expect(ranking.papers[0]?.score).toBeGreaterThan(0);
    expect(ranking.papers.at(-1)?.score).toBeLessThan(0);
    expect(ranking.papers.at(-1)?.reasons).toEqual([]);
  });

  it('learns the same order from the same decisions every time', () => {
    const decisions = { kept: ids(GRAPHS), dismissed: ids(SPEECH) };
    const first = rankPapers(learnRanker(index, decisions), index, UNREAD);
    const again = rankPapers(learnRanker(indexPapers(EMPTY_TERM_INDEX, LIBRARY), decisions), index, UNREAD);
    expect(again).toEqual(first);
  });

  it('orders by upvotes, then listing order, and says so, until a handful are kept and dismissed', () => {
    const ranker = learnRanker(index, { kept: ids(GRAPHS), dismissed: ids(SPEECH.slice(0, 4)) });
    const ranking = rankPapers(ranker, index, UNREAD, 3);
    expect(ranking).toMatchObject({ basis: 'upvotes', kept: 5, dismissed: 4 });
    expect(ranking.papers).toEqual([
      { id: 'u1', score: 40, reasons: ['40 upvotes'] },
      { id: 'u4', score: 12, reasons: ['12 upvotes'] },
      { id: 'u2', score: 3, reasons: ['3 upvotes'] },
    ]);
    const unknown = rankPapers(
      ranker,
      index,
      [UNREAD[2], UNREAD[1]].flatMap((p) => p ?? []),
    );
    expect(unknown.papers.map(({ id }) => id)).toEqual(['u2', 'u3']);
  });

  it('ranks a paper the index does not hold yet', () => {
    const ranker = learnRanker(index, { kept: ids(GRAPHS), dismissed: ids(SPEECH) });
    const newcomer = paper('n1', 'Graph generation with diffusion, again', 'More graph generation.', ['Jure Leskovec']);
    expect(rankPapers(ranker, index, [UNREAD[0] ?? newcomer, newcomer]).papers[0]?.id).toBe('n1');
  });
});

describe('More like this', () => {
  it('finds the nearest papers by their words, itself left out, with what they share', () => {
    const index = indexPapers(EMPTY_TERM_INDEX, LIBRARY);
    const target = UNREAD[1] ?? GRAPHS[0];
    if (target === undefined) throw new Error('no fixture');
    const similar = similarPapers(index, target, 3);
    expect(similar[0]?.id).toBe('g1');
    expect(similar.every(({ id }) => id.startsWith('g'))).toBe(true);
    expect(similar[0]?.reasons).toEqual(['discrete diffusion', 'graph generation', 'J. Leskovec']);
    expect(similar[0]?.score).toBeLessThanOrEqual(1);
  });
});

/** An index as plain arrays, how many papers hold each bucket only where some do: quick to compare. */
function contents(index: TermIndex): unknown {
  const frequencies: [number, number][] = [];
  index.documentFrequency.forEach((count, bucket) => {
    if (count !== 0) frequencies.push([bucket, count]);
  });
  return {
    ids: index.ids,
    positions: [...index.positions],
    fingerprints: [...index.fingerprints],
    starts: [...index.starts],
    buckets: [...index.buckets],
    counts: [...index.counts],
    frequencies,
  };
}

describe('the term index', () => {
  it('counts again only the papers that are new or changed, and reads back what it wrote', () => {
    const index = indexPapers(EMPTY_TERM_INDEX, LIBRARY);
    expect(indexPapers(index, LIBRARY)).toBe(index);
    const changed = LIBRARY.map((p) =>
      p.id === 'u3' ? { ...p, abstract: 'Neural audio codecs, compared at length.' } : p,
    );
    const again = indexPapers(index, changed);
    expect(again).not.toBe(index);
    expect(contents(again)).toEqual(contents(indexPapers(EMPTY_TERM_INDEX, changed)));
    const decoded = decodeTermIndex(encodeTermIndex(again));
    expect(decoded && contents(decoded)).toEqual(contents(again));
    expect(decodeTermIndex(new Uint8Array(12))).toBeNull();
  });
});

describe('decisions', () => {
  const state = { tags: [] as string[], note: '' };
  it('keeps what is tagged, noted, reading or read; a paper not decided on is no dismissal', () => {
    const papers = [
      { id: 'a', status: 'unread' as const, ...state },
      { id: 'b', status: 'reading' as const, ...state },
      { id: 'c', status: 'unread' as const, tags: ['graphs'], note: '' },
      { id: 'd', status: 'unread' as const, tags: [], note: 'worth a look' },
      { id: 'e', status: 'dismissed' as const, ...state },
      { id: 'f', status: 'read' as const, tags: ['speech'], note: '' },
    ];
    expect(decisionsOf(papers)).toEqual({ kept: ['b', 'c', 'd', 'f'], dismissed: ['e'] });
    expect(decisionsOf(papers, 'Graphs')).toEqual({ kept: ['c'], dismissed: ['e', 'f'] });
    expect(papers.filter((p) => isUpNext(p, '2026-12-07')).map(({ id }) => id)).toEqual(['a', 'c', 'd']);
  });

  it('leaves a snoozed paper out until its day', () => {
    const snoozed = { id: 'a', status: 'unread' as const, ...state, snoozedUntil: '2026-12-08' };
    expect(isUpNext(snoozed, '2026-12-07')).toBe(false);
    expect(isUpNext(snoozed, '2026-12-08')).toBe(true);
  });
});

describe('authors', () => {
  it('are known by first initial and last name', () => {
    expect(authorKey('Jure Leskovec')?.label).toBe('J. Leskovec');
    expect(authorKey('Leskovec, Jure')?.label).toBe('J. Leskovec');
    expect(authorKey('J. Leskovec')?.key).toBe(authorKey('Jure Leskovec')?.key);
    expect(authorKey('Ünal Ödemiş')?.key).toBe('u. odemis');
    expect(authorKey('  ')).toBeNull();
  });
});
