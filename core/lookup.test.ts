import { describe, expect, it } from 'vitest';
import { parsedDigest, parsedPaper } from '../tests/builders.js';
import { findDigest, findPaper } from './lookup.js';
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

  it('finds a paper by an id merged into it, its own id first', () => {
    const aliases = [['title-00000000000001', '2301.00009'], [], ['2401.00001']];
    const withAliases = {
      ...catalogue,
      papers: catalogue.papers.map((paper, index) => {
        const these = aliases[index] ?? [];
        return these.length > 0 ? { ...paper, aliases: these } : paper;
      }),
    };
    expect(findPaper(withAliases, 'title-00000000000001').title).toBe('One');
    expect(findPaper(withAliases, 'arXiv:2301.00009v2').title).toBe('One');
    expect(findPaper(withAliases, '2401.00001').title).toBe('One');
  });

  it('says when nothing or too much matches', () => {
    expect(() => findPaper(catalogue, '2401.9999')).toThrow('No paper has the id "2401.9999".');
    expect(() => findPaper(catalogue, '2401.0000')).toThrow(
      '"2401.0000" could be any of 2 papers: 2401.00001, 2401.00002.',
    );
  });
});

describe('findDigest', () => {
  const digest = (id: string) =>
    ({ id, format: 'hf-daily-json', title: id, date: null, source: 'x', importedAt: '', paperIds: [] }) as const;
  const withDigests = {
    ...catalogue,
    digests: [digest('hf-2026-03-11-1a2b3c4d'), digest('hf-2026-03-12-5e6f7a8b'), digest('hf-2026-03-12-9c0d1e2f')],
  };

  it('finds a digest by its id or an unambiguous start of it', () => {
    expect(findDigest(withDigests, 'hf-2026-03-11-1a2b3c4d').id).toBe('hf-2026-03-11-1a2b3c4d');
    expect(findDigest(withDigests, 'hf-2026-03-11').id).toBe('hf-2026-03-11-1a2b3c4d');
    expect(findDigest(withDigests, 'hf-2026-03-12-9').id).toBe('hf-2026-03-12-9c0d1e2f');
  });

  it('names the digests a start could be, and says when none has the id', () => {
    expect(() => findDigest(withDigests, 'hf-2026-03-12')).toThrow(
      '"hf-2026-03-12" could be any of 2 digests: hf-2026-03-12-5e6f7a8b, hf-2026-03-12-9c0d1e2f.',
    );
    expect(() => findDigest(withDigests, 'arxiv')).toThrow('No digest has the id "arxiv".');
    expect(() => findDigest(withDigests, '')).toThrow('No digest has the id "".');
  });
});
