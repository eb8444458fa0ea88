import { describe, expect, it } from 'vitest';
import { parsedDigest, parsedPaper } from '../tests/builders.js';
import { findPaper } from './lookup.js';
import { mergeDigest } from './merge.js';

const { catalogue } = mergeDigest(
  { papers: [], digests: [] },
  parsedDigest([
    parsedPaper({ title: 'One', arxivId: '2401.00001' }),
    parsedPaper({ title: 'Two', arxivId: '2401.00002' }),
    parsedPaper({ title: 'Three' }),
  ]),
  'x',
  '2026-11-27T10:00:00.000Z',
);

describe('findPaper', () => {
  it('finds by id, by arXiv id in any form, and by an unambiguous prefix', () => {
    expect(findPaper(catalogue, '2401.00001').title).toBe('One');
    expect(findPaper(catalogue, 'arXiv:2401.00002v3').title).toBe('Two');
    expect(findPaper(catalogue, 'https://arxiv.org/abs/2401.00002').title).toBe('Two');
    const three = catalogue.papers[2]?.id ?? '';
    expect(findPaper(catalogue, three.slice(0, 12)).title).toBe('Three');
  });

  it('says when nothing or too much matches', () => {
    expect(() => findPaper(catalogue, '2401.9999')).toThrow('No paper has the id "2401.9999".');
    expect(() => findPaper(catalogue, '2401.0000')).toThrow(
      '"2401.0000" could be any of 2 papers: 2401.00001, 2401.00002.',
    );
  });
});
