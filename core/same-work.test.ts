import { describe, expect, it } from 'vitest';
import { nameKey } from './person-name.js';
import { differences, mayBeSameWork, type WorkFacts } from './same-work.js';

const work = (fields: Partial<WorkFacts>): WorkFacts => ({
  authors: [],
  arxivId: null,
  doi: null,
  year: null,
  ...fields,
});

describe('nameKey', () => {
  it.each([
    ['Alan D. Baddeley', { family: 'baddeley', initial: 'a', written: 'Baddeley' }],
    ['Baddeley, Alan D.', { family: 'baddeley', initial: 'a', written: 'Baddeley' }],
    ['A. Baddeley', { family: 'baddeley', initial: 'a', written: 'Baddeley' }],
    ['Baddeley', { family: 'baddeley', initial: null, written: 'Baddeley' }],
    ["Tip O'Neil Jr.", { family: 'oneil', initial: 't', written: "O'Neil" }],
    ['Ludwig van Beethoven', { family: 'beethoven', initial: 'l', written: 'Beethoven' }],
    ['Erwin Schrödinger', { family: 'schrodinger', initial: 'e', written: 'Schrödinger' }],
  ])('%s', (name, key) => {
    expect(nameKey(name)).toEqual(key);
  });

  it('has no key for a name without a letter or digit', () => {
    expect(nameKey(' -- ')).toBeNull();
  });
});

describe('two records with one title', () => {
  const baddeley1986 = work({ authors: ['Alan D. Baddeley'], year: 1986 });

  it('are one work when nothing contradicts it', () => {
    expect(mayBeSameWork(baddeley1986, work({ authors: ['Baddeley, A.'], year: 1986 }))).toBe(true);
    expect(differences(baddeley1986, baddeley1986)).toEqual([]);
  });

  it('are two works with different arXiv ids', () => {
    const a = work({ arxivId: '2401.00001' });
    const b = work({ arxivId: '2401.00002' });
    expect(differences(a, b)).toEqual(['different arXiv ids (2401.00001 and 2401.00002)']);
    expect(mayBeSameWork(a, work({ arxivId: null }))).toBe(true);
  });

  it('are two works with different DOIs, whatever their case', () => {
    expect(differences(work({ doi: '10.1000/A' }), work({ doi: '10.1000/b' }))).toEqual([
      'different DOIs (10.1000/A and 10.1000/b)',
    ]);
    expect(mayBeSameWork(work({ doi: '10.1000/A' }), work({ doi: '10.1000/a' }))).toBe(true);
  });

  it('are two works with years more than one apart, both known', () => {
    expect(differences(work({ year: 1974 }), work({ year: 1986 }))).toEqual(['years 1974 and 1986']);
    expect(mayBeSameWork(work({ year: 2023 }), work({ year: 2024 }))).toBe(true);
    expect(mayBeSameWork(work({ year: 2023 }), work({ year: null }))).toBe(true);
  });

  it('are two works with authors and no author in common, by family name and first initial', () => {
    expect(
      differences(work({ authors: ['Christopher Healey'] }), work({ authors: ['Michael J. Kane', 'Lynn Hasher'] })),
    ).toEqual(['no author in common (Healey and Kane, Hasher)']);
    // The same family name with another first initial is another person.
    expect(mayBeSameWork(work({ authors: ['Alan Baddeley'] }), work({ authors: ['Susan Baddeley'] }))).toBe(false);
    // Where one has no initial, the family name is enough.
    expect(mayBeSameWork(work({ authors: ['Alan Baddeley'] }), work({ authors: ['Baddeley'] }))).toBe(true);
    expect(
      mayBeSameWork(work({ authors: ['Alan Baddeley'] }), work({ authors: ['Graham Hitch', 'A. Baddeley'] })),
    ).toBe(true);
  });

  it('are one work when one of them has no authors (the text of a page), unlike in Zotero', () => {
    expect(mayBeSameWork(baddeley1986, work({}))).toBe(true);
  });

  it('give every reason at once', () => {
    expect(
      differences(
        work({ authors: ['Christopher Healey'], year: 2014, doi: '10.1/x' }),
        work({ authors: ['Lynn Hasher'], year: 1995, doi: '10.1/y' }),
      ),
    ).toEqual(['different DOIs (10.1/x and 10.1/y)', 'years 2014 and 1995', 'no author in common (Healey and Hasher)']);
  });
});
