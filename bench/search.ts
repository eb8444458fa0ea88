/**
 * Search per keystroke, through the renderer's own search engine (what its worker runs), against a plain Fuse
 * over whole papers. Recall: of the papers that contain every query word, the share the search finds.
 */

import Fuse from 'fuse.js';
import { performance } from 'node:perf_hooks';
import { papersOf } from '../core/query.js';
import { SearchIndex } from '../core/search/index.js';
import type { SearchDocument } from '../core/search/index.js';
import { SearchEngine } from '../renderer/search/engine.js';
import type { FromWorker } from '../renderer/search/protocol.js';
import { RESULT_LIMIT_DEFAULT } from '../renderer/search/limits.js';
import type { SyntheticLibrary } from './generate.js';
import { percentile, time } from './measure.js';

const QUERIES = [
  'equivariant networks',
  'graph diffusion',
  'language model alignment',
  'contrastive representation',
  'point cloud',
  'reinforcement policy',
  'sparse attention',
  'bayesian optimization',
  'molecular generation',
  'knowledge graphs',
] as const;

/** One typo in each word: a transposition, a deletion or a substitution, in turn. */
function withTypos(query: string): string {
  return query
    .split(' ')
    .map((word, index) => {
      const at = Math.floor(word.length / 2);
      if (index % 3 === 0) return `${word.slice(0, at - 1)}${word[at] ?? ''}${word[at - 1] ?? ''}${word.slice(at + 1)}`;
      if (index % 3 === 1) return `${word.slice(0, at)}${word.slice(at + 1)}`;
      return `${word.slice(0, at)}${word[at] === 'x' ? 'y' : 'x'}${word.slice(at + 1)}`;
    })
    .join(' ');
}

export interface SearchFigures {
  readonly metric: 'search';
  readonly papers: number;
  readonly p50_ms: number;
  readonly p95_ms: number;
  readonly baseline_p50_ms: number | null;
  readonly recall_exact: number;
  readonly recall_typo: number;
  readonly index_ms: number;
}

function searchDocuments(library: SyntheticLibrary): SearchDocument[] {
  return papersOf(library).map(({ id, title, authors, abstract, tags, note, status }) => ({
    id,
    title,
    authors,
    abstract,
    tags,
    note,
    status,
  }));
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u));
}

/** Ids of the papers holding every word of the query as a whole word. */
function papersContaining(documents: readonly SearchDocument[], query: string): Set<string> {
  const wanted = query.split(' ');
  return new Set(
    documents
      .filter((document) => {
        const text = words(
          [document.title, document.authors.join(' '), document.abstract, document.tags.join(' '), document.note].join(
            ' ',
          ),
        );
        return wanted.every((word) => text.has(word));
      })
      .map((document) => document.id),
  );
}

function recall(index: SearchIndex, documents: readonly SearchDocument[], query: string, typed: string): number {
  const expected = papersContaining(documents, query);
  if (expected.size === 0) return 1;
  const found = new Set(index.search(typed, { limit: documents.length }).map((hit) => hit.id));
  let hits = 0;
  for (const id of expected) if (found.has(id)) hits += 1;
  return hits / expected.size;
}

export async function measureSearch(library: SyntheticLibrary, withBaseline: boolean): Promise<SearchFigures> {
  const documents = searchDocuments(library);
  const answers: FromWorker[] = [];
  const engine = new SearchEngine(
    (message) => answers.push(message),
    (run) => run(),
  );
  const indexMs = await time(() => engine.handle({ type: 'reset', docs: documents }));

  const keystrokes: number[] = [];
  let requestId = 0;
  for (const query of [...QUERIES, ...QUERIES.map(withTypos)]) {
    for (let length = 1; length <= query.length; length += 1) {
      const typed = query.slice(0, length);
      const start = performance.now();
      engine.handle({ type: 'search', requestId: ++requestId, query: typed, limit: RESULT_LIMIT_DEFAULT });
      keystrokes.push(performance.now() - start);
      if (answers.pop()?.type !== 'results') throw new Error(`the search engine did not answer "${typed}"`);
    }
  }

  const index = new SearchIndex(documents);
  const exact = QUERIES.map((query) => recall(index, documents, query, query));
  const typo = QUERIES.map((query) => recall(index, documents, query, withTypos(query)));
  const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

  let baseline: number | null = null;
  if (withBaseline) {
    const fuse = new Fuse(documents, {
      keys: ['title', 'authors', 'abstract', 'tags', 'note'],
      ignoreLocation: true,
      threshold: 0.3,
    });
    // Whole queries only: at ~1 s a search, every keystroke would take minutes.
    const samples = QUERIES.slice(0, 5).map((query) => {
      const start = performance.now();
      fuse.search(query);
      return performance.now() - start;
    });
    baseline = percentile(samples, 50);
  }

  return {
    metric: 'search',
    papers: documents.length,
    p50_ms: percentile(keystrokes, 50),
    p95_ms: percentile(keystrokes, 95),
    baseline_p50_ms: baseline,
    recall_exact: mean(exact),
    recall_typo: mean(typo),
    index_ms: indexMs,
  };
}
