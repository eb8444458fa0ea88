import { describe, expect, it } from 'vitest';
import { parsedDigest, parsedPaper } from '../tests/builders.js';
import { possibleDuplicates } from './duplicates.js';
import { mergeDigest } from './merge.js';

const { catalogue } = mergeDigest(
  { papers: [], digests: [] },
  parsedDigest([
    parsedPaper({ title: 'Working memory', authors: ['Alan D. Baddeley'], year: 1986 }),
    parsedPaper({ title: 'Graph Attention Networks', arxivId: '1710.10903' }),
    parsedPaper({ title: 'Working Memory', authors: ['Alan D. Baddeley', 'Graham Hitch'], year: 1974 }),
    parsedPaper({ title: 'Interference', authors: ['Christopher Healey'], year: 2014 }),
    parsedPaper({ title: 'Interference', authors: ['Michael J. Kane', 'Lynn Hasher'], year: 1995 }),
    parsedPaper({ title: 'Interference', authors: ['Ada Lovelace'], year: 1995, doi: '10.1/x' }),
  ]),
  'refs.bib',
  '2026-11-27T10:00:00.000Z',
);
const [wm1986 = '', , wm1974 = '', healey = '', kane = '', lovelace = ''] = catalogue.papers.map((paper) => paper.id);

describe('possibleDuplicates', () => {
  it('lists each title papers share, with why each pair was kept apart', () => {
    expect(possibleDuplicates(catalogue)).toEqual([
      {
        title: 'Working memory',
        papers: [
          { id: wm1986, title: 'Working memory', authors: ['Alan D. Baddeley'], year: 1986, arxivId: null, doi: null },
          {
            id: wm1974,
            title: 'Working Memory',
            authors: ['Alan D. Baddeley', 'Graham Hitch'],
            year: 1974,
            arxivId: null,
            doi: null,
          },
        ],
        keptApart: [{ ids: [wm1986, wm1974], reasons: ['years 1986 and 1974'] }],
      },
      {
        title: 'Interference',
        papers: [
          expect.objectContaining({ id: healey, year: 2014 }),
          expect.objectContaining({ id: kane, year: 1995 }),
          expect.objectContaining({ id: lovelace, doi: '10.1/x' }),
        ],
        keptApart: [
          { ids: [healey, kane], reasons: ['years 2014 and 1995', 'no author in common (Healey and Kane, Hasher)'] },
          { ids: [healey, lovelace], reasons: ['years 2014 and 1995', 'no author in common (Healey and Lovelace)'] },
          { ids: [kane, lovelace], reasons: ['no author in common (Kane, Hasher and Lovelace)'] },
        ],
      },
    ]);
  });

  it('lists nothing for a library whose titles are all different', () => {
    expect(possibleDuplicates({ papers: catalogue.papers.slice(0, 2), digests: [] })).toEqual([]);
  });
});
