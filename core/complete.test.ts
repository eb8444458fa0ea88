import { describe, expect, it } from 'vitest';
import { parsedPaper } from '../tests/builders.js';
import { applyCompletions, thinPapers } from './complete.js';
import { cataloguePaper, type Catalogue } from './model.js';

const thin = cataloguePaper(parsedPaper({ title: 'Pard', abstract: 'From the page.' }), 'title-1', ['hf'], 't0');
const known = cataloguePaper(parsedPaper({ title: 'Pard (v1)', arxivId: '2402.03687' }), '2402.03687', ['bib'], 't0');
const record = parsedPaper({
  title: 'Pard',
  abstract: 'From arXiv.',
  authors: ['Lecheng Kong'],
  arxivId: '2402.03687',
  year: 2024,
  links: ['https://arxiv.org/abs/2402.03687'],
  categories: ['cs.LG'],
});
const digest = (id: string, paperIds: readonly string[]) => ({
  id,
  format: 'bibtex' as const,
  title: id,
  date: null,
  source: id,
  importedAt: 't0',
  paperIds,
});

describe('applyCompletions', () => {
  it('fills in what a paper lacks, in place, keeping its id and what it had', () => {
    const catalogue: Catalogue = { papers: [thin], digests: [digest('hf', ['title-1'])] };
    const result = applyCompletions({ catalogue, states: {} }, [{ paperId: 'title-1', record }]);
    expect(result.catalogue.papers).toEqual([
      {
        ...thin,
        authors: ['Lecheng Kong'],
        arxivId: '2402.03687',
        year: 2024,
        links: record.links,
        categories: ['cs.LG'],
      },
    ]);
    expect(result.completed).toEqual([{ id: 'title-1', title: 'Pard', arxivId: '2402.03687', mergedInto: null }]);
    expect(thinPapers(result.catalogue)).toEqual([]);
  });

  it('merges a paper into the one the library has for its arXiv id, with its digests', () => {
    const catalogue: Catalogue = {
      papers: [known, thin],
      digests: [digest('bib', ['2402.03687']), digest('hf', ['x', 'title-1', 'y'])],
    };
    const result = applyCompletions({ catalogue, states: {} }, [{ paperId: 'title-1', record }]);
    expect(result.catalogue.papers).toEqual([
      {
        ...known,
        abstract: 'From arXiv.',
        authors: ['Lecheng Kong'],
        year: 2024,
        links: record.links,
        categories: ['cs.LG'],
        digests: ['bib', 'hf'],
      },
    ]);
    expect(result.catalogue.digests.map((d) => d.paperIds)).toEqual([['2402.03687'], ['x', '2402.03687', 'y']]);
    expect(result.completed[0]?.mergedInto).toBe('2402.03687');
  });

  it('leaves a paper with a reading state apart', () => {
    const catalogue: Catalogue = { papers: [known, thin], digests: [] };
    const states = { 'title-1': { status: 'read' as const, tags: [], note: '', readAt: 't1', updatedAt: 't1' } };
    const result = applyCompletions({ catalogue, states }, [{ paperId: 'title-1', record }]);
    expect(result.catalogue.papers).toEqual([known, thin]);
    expect(result.kept.map((paper) => paper.reason)).toEqual(['kept-apart']);
  });
});
