/**
 * Ranking quality on real arXiv listings: a simulated reader whose interest is a set of arXiv categories (which no
 * ranker sees) goes through the 21 days in order. Each day the day's new papers are ranked; then the reader keeps
 * the papers in its categories and dismisses the rest. Precision at 10 (of the day's first ten, the share the reader
 * keeps), averaged over days 4 to 21, for Shelfmark and three references ranking the same days in the same run:
 * the listing's order, a seeded random order, and arxiv-sanity-lite's method (rank-reference.ts).
 */

import { learnRanker, rankPapers } from '../core/rank/rank.js';
import { EMPTY_TERM_INDEX, indexPapers, type TermIndex } from '../core/rank/term-index.js';
import { seededRandom } from '../tests/random.js';
import type { ListedPaper, ListingDay } from './rank-data.js';
import { referenceFeatures, referenceScores } from './rank-reference.js';

export interface Reader {
  readonly name: string;
  readonly categories: readonly string[];
}

const READERS: readonly Reader[] = [
  { name: 'narrow (cs.RO)', categories: ['cs.RO'] },
  { name: 'narrow (cs.GR)', categories: ['cs.GR'] },
  { name: 'medium (cs.IR)', categories: ['cs.IR'] },
  { name: 'medium (cs.HC)', categories: ['cs.HC'] },
  { name: 'broad (cs.LG)', categories: ['cs.LG'] },
];

const FIRST_SCORED_DAY = 4;
const AT = 10;

const RANKERS = ['shelfmark', 'arxiv-sanity-lite', 'listing order', 'random'] as const;
type RankerName = (typeof RANKERS)[number];

export interface RankQualityFigures {
  readonly metric: 'rank-quality';
  readonly reader: string;
  /** Of a day's new papers, the share the reader keeps, averaged over the days scored. */
  readonly base_rate: number;
  readonly p_at_10: Readonly<Record<RankerName, number>>;
}

const wants = (reader: Reader, paper: ListedPaper): boolean =>
  paper.categories.some((category) => reader.categories.includes(category));

function precisionAt(order: readonly ListedPaper[], reader: Reader): number {
  return order.slice(0, AT).filter((paper) => wants(reader, paper)).length / AT;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Per reader, precision at 10 of each ranker; `onDay` is told how long Shelfmark took each day. */
export function measureRankQuality(
  days: readonly ListingDay[],
  readers: readonly Reader[] = READERS,
): RankQualityFigures[] {
  // What every reader shares, made once a day: the library so far and its index, and the reference's features.
  const library: ListedPaper[] = [];
  let index: TermIndex = EMPTY_TERM_INDEX;
  const totals = readers.map(() => ({
    base: 0,
    p: { shelfmark: 0, 'arxiv-sanity-lite': 0, 'listing order': 0, random: 0 },
  }));
  const random = seededRandom(18);
  let scoredDays = 0;
  for (const [dayNumber, day] of days.entries()) {
    library.push(...day.papers);
    index = indexPapers(index, library);
    const scored = dayNumber + 1 >= FIRST_SCORED_DAY;
    const reference = scored ? referenceFeatures(library) : null;
    const earlier = library.slice(0, library.length - day.papers.length);
    const randomOrder = shuffled(day.papers, random);
    if (scored) scoredDays++;
    for (const [r, reader] of readers.entries()) {
      const kept = earlier.filter((paper) => wants(reader, paper)).map((paper) => paper.id);
      const dismissed = earlier.filter((paper) => !wants(reader, paper)).map((paper) => paper.id);
      const ranking = rankPapers(learnRanker(index, { kept, dismissed }), index, day.papers, AT);
      if (!scored || reference === null) continue;
      const total = totals[r];
      if (total === undefined) continue;
      const byId = new Map(day.papers.map((paper) => [paper.id, paper]));
      const ours = ranking.papers.flatMap(({ id }) => byId.get(id) ?? []);
      const referenceScore = referenceScores(reference, new Set(kept));
      const theirs = day.papers
        .map((paper, position) => ({ paper, position, score: referenceScore.get(paper.id) ?? 0 }))
        .sort((a, b) => b.score - a.score || a.position - b.position)
        .map(({ paper }) => paper);
      total.base += day.papers.filter((paper) => wants(reader, paper)).length / day.papers.length;
      total.p.shelfmark += precisionAt(ours, reader);
      total.p['arxiv-sanity-lite'] += precisionAt(theirs, reader);
      total.p['listing order'] += precisionAt(day.papers, reader);
      total.p.random += precisionAt(randomOrder, reader);
    }
  }
  return readers.map((reader, r) => {
    const total = totals[r];
    if (total === undefined) throw new Error('no totals for a reader');
    const mean = (sum: number): number => sum / Math.max(1, scoredDays);
    return {
      metric: 'rank-quality',
      reader: reader.name,
      base_rate: mean(total.base),
      p_at_10: Object.fromEntries(RANKERS.map((name) => [name, mean(total.p[name])])) as Record<RankerName, number>,
    };
  });
}
