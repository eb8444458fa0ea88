import { describe, expect, it } from 'vitest';
import { READING_STATUSES } from '../model.js';
import { parseQuery } from './parse-query.js';
import { tagKey } from './qualifiers.js';
import { SearchIndex } from './search-index.js';
import { tokenize } from './tokenize.js';
import type { SearchDocument } from './types.js';
import { seededRandom } from '../../tests/random.js';

const TOPIC = `equivariant invariant networks network neural graph graphs transformer attention diffusion models model
learning representation generative variational bayesian inference reinforcement policy gradient optimization
stochastic language vision image segmentation retrieval contrastive supervised self molecular protein symmetry group
lie manifold geometric convolutional sequence embedding pretraining alignment reasoning benchmark scaling sparse
experts distillation kernel gaussian causal uncertainty calibration memory efficient theory generalization`.split(
  /\s+/,
);
const COMMON = `the of and to a in we for is that on with by this as our are from an be which it can show
these results using method approach based data performance models new two its more than such also`.split(/\s+/);
const NAMES = ['Max Welling', 'Taco Cohen', 'Léon Bottou', 'Łukasz Kaiser', 'Petar Veličković', 'Yann LeCun', 'Fei Li'];
const TAGS = ['geometry', 'graphs', 'diffusion', 'nlp', 'vision', 'theory', 'to-read'];

/** Papers whose abstracts draw on common words, topic words and a long tail of made-up ones, Zipf-like. */
function generatedLibrary(size: number): SearchDocument[] {
  const next = seededRandom(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const syllables = ['ka', 'lo', 'mi', 'nu', 'pe', 'ra', 'si', 'to', 'vu', 'ze', 'tri', 'plo', 'gra', 'ste'];
  const tail = Array.from({ length: 2500 }, () =>
    Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(syllables)).join(''),
  );
  const word = (): string => {
    const roll = next();
    if (roll < 0.45) return pick(COMMON);
    if (roll < 0.6) return pick(TOPIC);
    return tail[Math.floor(tail.length ** next()) - 1] ?? 'x';
  };
  return Array.from({ length: size }, (_, index) => ({
    id: `p${index}`,
    title: Array.from({ length: 4 + Math.floor(next() * 6) }, () => (next() < 0.5 ? pick(TOPIC) : word())).join(' '),
    authors: Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(NAMES)),
    abstract: Array.from({ length: 200 }, word).join(' '),
    tags: next() < 0.5 ? [] : [pick(TAGS)],
    note: next() < 0.1 ? `${word()} ${pick(TOPIC)}` : '',
    status: pick(READING_STATUSES),
  }));
}

describe('SearchIndex on 10,000 generated papers', () => {
  const library = generatedLibrary(10_000);
  const index = new SearchIndex(library);
  const documentTokens = library.map(
    (d) => new Set(tokenize([d.title, d.authors.join(' '), d.abstract, d.tags.join(' '), d.note].join(' '))),
  );
  const vocabulary = [...new Set(documentTokens.flatMap((tokens) => [...tokens]))];

  /** Papers containing every word of the query as a whole word or a prefix of one, passing its qualifiers. */
  function relevant(query: string): string[] {
    const parsed = parseQuery(query);
    const expansions = parsed.words
      .flatMap(tokenize)
      .map((word) => new Set(vocabulary.filter((token) => token.startsWith(word))));
    const tags = parsed.tags.map(tagKey);
    return library
      .filter((document, index) => {
        if (parsed.statuses.length > 0 && !parsed.statuses.includes(document.status)) return false;
        if (!tags.every((tag) => document.tags.map(tagKey).includes(tag))) return false;
        const tokens = documentTokens[index] ?? new Set<string>();
        return expansions.every((expansion) => [...tokens].some((token) => expansion.has(token)));
      })
      .map((document) => document.id);
  }

  function recall(typed: string, meant: string): number {
    const wanted = relevant(meant);
    const found = new Set(index.search(typed, { limit: Infinity }).map((hit) => hit.id));
    return wanted.length === 0 ? 1 : wanted.filter((id) => found.has(id)).length / wanted.length;
  }

  it('returns every paper containing the words, as typed keystroke by keystroke', () => {
    const queries = [
      'equivariant networks',
      'graph neural',
      'diffusion models tag:diffusion',
      'is:read welling attention',
    ];
    for (const query of queries) {
      for (let length = 1; length <= query.length; length += 3) {
        const typed = query.slice(0, length);
        expect({ typed, recall: recall(typed, typed) }).toEqual({ typed, recall: 1 });
      }
    }
  });

  it('returns nearly every one despite a typo in each word', () => {
    const typos: [string, string][] = [
      ['equivarant netwroks', 'equivariant networks'],
      ['grpah nueral', 'graph neural'],
      ['difusion modles', 'diffusion models'],
      ['atention transfromer', 'attention transformer'],
      ['contrastve slef', 'contrastive self'],
      ['bayesain inferense', 'bayesian inference'],
    ];
    const recalls = typos.map(([typed, meant]) => recall(typed, meant));
    for (const [, meant] of typos) expect(relevant(meant).length).toBeGreaterThan(100);
    expect(recalls.reduce((a, b) => a + b, 0) / recalls.length).toBeGreaterThanOrEqual(0.9);
  });
});
