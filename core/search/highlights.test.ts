import { describe, expect, it } from 'vitest';
import { DocumentTerms } from './document-terms.js';
import { highlightsOf, highlightTerms, mergeRanges } from './highlights.js';
import { termCandidates } from './term-candidates.js';
import type { SearchDocument } from './types.js';
import { Vocabulary } from './vocabulary.js';

const documents: SearchDocument[] = [
  {
    id: 'a',
    title: 'Graph Attention Networks',
    authors: ['Petar Veličković', 'Pietro Liò'],
    abstract:
      'We present graph attention networks (GATs), novel neural network architectures on graph-structured data.',
    tags: ['graphs', 'attention'],
    note: 'Networks of networks; compare graphs.',
    status: 'unread',
  },
  {
    id: 'b',
    title: 'E(n) Equivariant Graph Neural Networks',
    authors: ['Victor Garcia Satorras', 'Max Welling'],
    abstract: 'Equivariant to rotations: E(n)-Equivariant Graph Neural Networks (EGNNs), equivariance for graphs.',
    tags: [],
    note: '',
    status: 'read',
  },
];

describe('highlightsOf', () => {
  const vocabulary = new Vocabulary();
  const terms = new DocumentTerms(vocabulary);
  const notAsciiFields = documents.map((document) => terms.forEachTerm(document, () => undefined));

  it('finds the same ranges in ASCII text directly as by splitting it into words', () => {
    const queries = [
      ['graphs'],
      ['netw', 'equivarant'],
      ['g'],
      ['e', 'n'],
      ['networks', 'network'],
      ['lio'],
      ['ne', 'net'],
    ];
    for (const query of queries) {
      const words = query.map((word) => termCandidates(word, vocabulary));
      const found = highlightTerms(words, []);
      expect(found.asciiSearch).not.toBeNull();
      documents.forEach((document, index) => {
        const notAscii = notAsciiFields[index] ?? 0;
        expect(highlightsOf(document, 0b11111, notAscii, found, vocabulary)).toEqual(
          highlightsOf(document, 0b11111, notAscii, { ...found, asciiSearch: null }, vocabulary),
        );
      });
    }
  });

  it('knows which fields have words that are not ASCII', () => {
    expect(notAsciiFields).toEqual([0b00100, 0]);
  });

  it('marks only the fields asked for', () => {
    const found = highlightTerms([termCandidates('graph', vocabulary)], []);
    expect(Object.keys(highlightsOf(documents[0] as SearchDocument, 0b00001, 0, found, vocabulary))).toEqual(['title']);
  });
});

describe('mergeRanges', () => {
  it('sorts ranges and joins overlapping or repeated ones', () => {
    expect(
      mergeRanges([
        [10, 14],
        [0, 3],
        [10, 14],
        [2, 5],
        [6, 8],
      ]),
    ).toEqual([
      [0, 5],
      [6, 8],
      [10, 14],
    ]);
  });
});
