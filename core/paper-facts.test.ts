import { describe, expect, it } from 'vitest';
import {
  categoriesPrimaryFirst,
  factsOf,
  mergeFacts,
  publishedDate,
  sameFacts,
  venueLabelOf,
  venueOf,
  volumeAndPages,
  type PaperFacts,
} from './paper-facts.js';

const ARTICLE: PaperFacts = { type: 'article', venue: 'J. Mach. Learn. Res.', volume: '21', pages: '140:1–140:67' };
const INPROCEEDINGS: PaperFacts = {
  type: 'inproceedings',
  venue: 'Advances in Neural Information Processing Systems 33',
  pages: '6840–6851',
  publisher: 'Curran Associates, Inc.',
  editors: ['Hugo Larochelle'],
  month: 12,
};

describe('factsOf', () => {
  it('leaves out what the source did not give, and gives nothing when it gave nothing', () => {
    expect(factsOf({ type: 'misc', venue: '', volume: null, pages: undefined, editors: [], hfUpvotes: 0 })).toEqual({
      type: 'misc',
      hfUpvotes: 0,
    });
    expect(factsOf({ venue: '', editors: [], month: null })).toBeUndefined();
  });
});

describe('mergeFacts', () => {
  it('keeps what the stored record has and fills in what it lacks', () => {
    const stored: PaperFacts = { published: '2024-03-04', primaryCategory: 'cs.LG' };
    expect(mergeFacts(stored, { published: '2024-05-01', comment: '9 pages', primaryCategory: 'stat.ML' })).toEqual({
      published: '2024-03-04',
      primaryCategory: 'cs.LG',
      comment: '9 pages',
    });
  });

  it('gives the stored facts themselves back when nothing is added, so that a re-import changes nothing', () => {
    const stored: PaperFacts = { ...INPROCEEDINGS, hfUpvotes: 3 };
    expect(mergeFacts(stored, { ...INPROCEEDINGS, editors: ['Hugo Larochelle'], hfUpvotes: 3 })).toBe(stored);
    expect(mergeFacts(stored, undefined)).toBe(stored);
    expect(mergeFacts(undefined, stored)).toBe(stored);
  });

  it("takes the latest import's Hugging Face counts, and a merge of two records the stored one's", () => {
    const stored: PaperFacts = { published: '2025-03-10', hfUpvotes: 12, hfComments: 1 };
    expect(mergeFacts(stored, { hfUpvotes: 40 })).toEqual({ published: '2025-03-10', hfUpvotes: 40, hfComments: 1 });
    expect(mergeFacts(stored, { hfUpvotes: 40, hfComments: 5 }, 'stored')).toBe(stored);
    expect(mergeFacts({ published: '2025-03-10' }, { hfUpvotes: 40 }, 'stored')).toEqual({
      published: '2025-03-10',
      hfUpvotes: 40,
    });
  });

  it('never mixes the publication facts of two entries of different types', () => {
    expect(mergeFacts(ARTICLE, INPROCEEDINGS)).toBe(ARTICLE);
    expect(mergeFacts(ARTICLE, { type: 'misc', venue: 'arXiv preprint', number: '7' })).toBe(ARTICLE);
    expect(mergeFacts(ARTICLE, { type: 'article', number: '140', venue: 'JMLR' })).toEqual({
      ...ARTICLE,
      number: '140',
    });
  });

  it('lets an entry that says where the paper appeared replace a @misc, or arXiv facts alone', () => {
    const misc: PaperFacts = { type: 'misc', venue: 'arXiv preprint arXiv:2006.11239', primaryCategory: 'cs.LG' };
    expect(mergeFacts(misc, INPROCEEDINGS)).toEqual({ ...INPROCEEDINGS, primaryCategory: 'cs.LG' });
    const arxiv: PaperFacts = { published: '2020-06-19', primaryCategory: 'cs.LG', comment: 'NeurIPS 2020' };
    expect(mergeFacts(arxiv, INPROCEEDINGS)).toEqual({ ...arxiv, ...INPROCEEDINGS });
    // …and arXiv's facts never touch an entry's.
    expect(mergeFacts(INPROCEEDINGS, arxiv)).toEqual({ ...INPROCEEDINGS, ...arxiv });
  });
});

describe('sameFacts', () => {
  it('compares fact by fact, lists by their items', () => {
    expect(sameFacts(INPROCEEDINGS, { ...INPROCEEDINGS, editors: ['Hugo Larochelle'] })).toBe(true);
    expect(sameFacts(INPROCEEDINGS, { ...INPROCEEDINGS, month: 11 })).toBe(false);
    expect(sameFacts(undefined, undefined)).toBe(true);
    expect(sameFacts(undefined, {})).toBe(false);
  });
});

describe('what a reader is shown', () => {
  it('names the venue, else the journal reference arXiv gives', () => {
    expect(venueOf(ARTICLE)).toBe('J. Mach. Learn. Res.');
    expect(venueOf({ journalRef: 'Phys. Rev. D 76, 013009 (2007)' })).toBe('Phys. Rev. D 76, 013009 (2007)');
    expect(venueOf(undefined)).toBeNull();
  });

  it('labels a row with the venue, else "arXiv" and the primary category', () => {
    expect(venueLabelOf({ arxivId: '2401.00001', facts: ARTICLE })).toBe('J. Mach. Learn. Res.');
    expect(venueLabelOf({ arxivId: null, facts: { journalRef: 'Phys. Rev. D 76' } })).toBe('Phys. Rev. D 76');
    expect(venueLabelOf({ arxivId: '2401.00001', facts: { primaryCategory: 'cs.CL' } })).toBe('arXiv cs.CL');
    expect(venueLabelOf({ arxivId: '2401.00001' })).toBe('arXiv');
    expect(venueLabelOf({ arxivId: null, facts: { hfUpvotes: 3 } })).toBeNull();
  });

  it('dates it by what a source said, else by its year and BibTeX month', () => {
    expect(publishedDate({ year: 2025, facts: { published: '2024-10-03', month: 12 } })).toBe('2024-10-03');
    expect(publishedDate({ year: 2020, facts: { month: 12 } })).toBe('2020-12');
    expect(publishedDate({ year: 2020, facts: { type: 'article' } })).toBeNull();
    expect(publishedDate({ year: null, facts: { month: 12 } })).toBeNull();
  });

  it('gives volume, number and pages as a citation does', () => {
    expect(volumeAndPages({ volume: '529', number: '7587', pages: '484–489' })).toBe('vol. 529, no. 7587, pp. 484–489');
    expect(volumeAndPages({ pages: '17' })).toBe('p. 17');
    expect(volumeAndPages({ venue: 'Nat.' })).toBeNull();
  });

  it('puts the primary category first', () => {
    expect(categoriesPrimaryFirst(['cs.AI', 'cs.LG', 'stat.ML'], { primaryCategory: 'cs.LG' })).toEqual([
      'cs.LG',
      'cs.AI',
      'stat.ML',
    ]);
    expect(categoriesPrimaryFirst(['cs.AI'], undefined)).toEqual(['cs.AI']);
  });
});
