/** A query's words as terms: a single term, or a phrase whose terms must be adjacent. */

import { tokenize } from './tokenize.js';

export type QueryTerm =
  { readonly kind: 'term'; readonly term: string } | { readonly kind: 'phrase'; readonly terms: readonly string[] };

export const queryTermKey = (queryTerm: QueryTerm): string =>
  queryTerm.kind === 'term' ? `t:${queryTerm.term}` : `p:${queryTerm.terms.join(' ')}`;

/**
 * A word with spaces in it (a quoted phrase) is a phrase; one joined by other punctuation ("self-supervised",
 * "SE(3)") stands for its terms separately, each required, like words typed apart. Repeats count once.
 */
export function queryTerms(words: readonly string[]): QueryTerm[] {
  const found = new Map<string, QueryTerm>();
  for (const word of words) {
    const terms = tokenize(word);
    const parts: QueryTerm[] =
      terms.length > 1 && /\s/u.test(word)
        ? [{ kind: 'phrase', terms }]
        : terms.map((term) => ({ kind: 'term', term }));
    for (const part of parts) found.set(queryTermKey(part), part);
  }
  return [...found.values()];
}
