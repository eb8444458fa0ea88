import { CATALOGUE_FORMAT } from './schema.js';
import { describe, expect, it } from 'vitest';
import type { CataloguePaper } from '../../core/model.js';
import { checkedCatalogue } from './checked-catalogue.js';

const paper = (id: string): CataloguePaper => ({
  id,
  title: `Paper ${id}`,
  abstract: '',
  authors: ['Ada Lovelace'],
  arxivId: null,
  doi: null,
  year: 2024,
  links: [],
  categories: [],
  digests: [],
  addedAt: '2026-01-01T00:00:00.000Z',
});

describe('checkedCatalogue', () => {
  it('writes the papers themselves, frozen so that what was checked is what is written', () => {
    const papers = [paper('a'), paper('b')];
    const file = checkedCatalogue({ papers, digests: [] });
    expect(file).toEqual({ schemaVersion: CATALOGUE_FORMAT.version, papers, digests: [] });
    expect(file.papers[0]).toBe(papers[0]);
    expect(Object.isFrozen(papers[0]) && Object.isFrozen(papers[0]?.authors)).toBe(true);
  });

  it('leaves out fields the schema does not have', () => {
    const withMore = { ...paper('a'), status: 'read' };
    expect(checkedCatalogue({ papers: [withMore], digests: [] }).papers).toEqual([paper('a')]);
  });

  it('refuses a catalogue with a paper that is not valid, saying where', () => {
    const broken = { ...paper('b'), title: 42 } as unknown as CataloguePaper;
    expect(() => checkedCatalogue({ papers: [paper('a'), broken], digests: [] })).toThrow(
      /^The catalogue to save is not valid: papers\[1\]\.title: /,
    );
  });
});
