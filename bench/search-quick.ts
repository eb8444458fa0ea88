/**
 * Quick measurements of core/search: index build time and memory, per-keystroke latency, and recall, on generated
 * libraries. Run: node --expose-gc --import tsx bench/search-quick.ts [sizes...]
 */

import { parseQuery, SearchIndex, type SearchDocument } from '../core/search/index.js';
import { tokenize } from '../core/search/tokenize.js';
import { tagKey } from '../core/search/qualifiers.js';
import { generateLibrary, random } from './search-corpus.js';

const QUERIES = [
  'equivariant networks',
  'graph neural networks',
  'diffusion models for molecules',
  'attention transformer',
  'welling',
  'tag:geometry symmetry',
  'is:unread reinforcement learning',
  'contrastive self supervised',
  'bayesian inference',
  'lie group decomposition',
  'scaling laws language',
  'robust optimization',
];

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function memory(): number {
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function keystrokes(query: string): string[] {
  return Array.from({ length: query.length }, (_, index) => query.slice(0, index + 1));
}

/** Papers containing every word of the query, as a whole word or a prefix, that pass its qualifiers. */
function relevant(documents: readonly SearchDocument[], tokens: readonly Set<string>[], query: string): Set<string> {
  const parsed = parseQuery(query);
  const words = parsed.words.flatMap(tokenize);
  const wantedTags = parsed.tags.map(tagKey);
  const found = new Set<string>();
  documents.forEach((document, index) => {
    if (parsed.statuses.length > 0 && !parsed.statuses.includes(document.status)) return;
    if (!wantedTags.every((tag) => document.tags.map(tagKey).includes(tag))) return;
    const own = tokens[index] ?? new Set<string>();
    if (words.every((word) => own.has(word) || [...own].some((token) => token.startsWith(word)))) found.add(document.id);
  });
  return found;
}

function withTypo(word: string, next: () => number): string {
  if (word.length < 4 || word.includes(':')) return word;
  const at = 1 + Math.floor(next() * (word.length - 2));
  const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(next() * 26)] ?? 'x';
  switch (Math.floor(next() * 4)) {
    case 0:
      return word.slice(0, at) + letter + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + letter + word.slice(at);
    default:
      return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
  }
}

function recall(index: SearchIndex, documents: readonly SearchDocument[], queries: readonly [string, string][]): number[] {
  const tokens = documents.map((d) => new Set(tokenize([d.title, ...d.authors, d.abstract, ...d.tags, d.note].join(' '))));
  return queries.flatMap(([typed, meant]) => {
    const wanted = relevant(documents, tokens, meant);
    if (wanted.size === 0) return [];
    const got = new Set(index.search(typed, { limit: Infinity }).map((hit) => hit.id));
    return [[...wanted].filter((id) => got.has(id)).length / wanted.size];
  });
}

function measure(size: number): void {
  const documents = generateLibrary({ size });
  const warm = new SearchIndex(generateLibrary({ size: 2000, seed: 99 }));
  for (const query of QUERIES) for (const typed of keystrokes(query)) warm.search(typed);

  const before = memory();
  const buildStart = performance.now();
  const index = new SearchIndex(documents);
  const buildMs = performance.now() - buildStart;
  const indexBytes = memory() - before;

  const times: number[] = [];
  let slowest = { ms: 0, query: '' };
  for (const query of QUERIES) {
    for (const typed of keystrokes(query)) {
      const start = performance.now();
      index.search(typed);
      const ms = performance.now() - start;
      times.push(ms);
      if (ms > slowest.ms) slowest = { ms, query: typed };
    }
  }
  times.sort((a, b) => a - b);

  const next = random(3);
  const exact = recall(
    index,
    documents,
    QUERIES.flatMap((query) => keystrokes(query).map((typed): [string, string] => [typed, typed])),
  );
  const typo = recall(
    index,
    documents,
    QUERIES.map((query): [string, string] => [query.split(' ').map((word) => withTypo(word, next)).join(' '), query]),
  );

  const upsertStart = performance.now();
  const changed = documents[Math.floor(size / 2)];
  if (changed !== undefined) index.upsert([{ ...changed, tags: [...changed.tags, 'favourite'], status: 'read' }]);
  const upsertMs = performance.now() - upsertStart;
  const afterUpsertStart = performance.now();
  index.search('equivariant networks');
  const afterUpsertMs = performance.now() - afterUpsertStart;
  const importStart = performance.now();
  index.upsert(generateLibrary({ size: 1000, seed: 5 }).map((d) => ({ ...d, id: `new-${d.id}` })));
  const importMs = performance.now() - importStart;

  const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
  console.log(
    JSON.stringify({
      papers: size,
      build_ms: Math.round(buildMs),
      index_mb: Math.round(indexBytes / 2 ** 20),
      keystrokes: times.length,
      p50_ms: +percentile(times, 50).toFixed(2),
      p95_ms: +percentile(times, 95).toFixed(2),
      max_ms: +percentile(times, 100).toFixed(2),
      slowest: slowest.query,
      recall_exact_mean: +mean(exact).toFixed(4),
      recall_exact_min: +Math.min(...exact).toFixed(4),
      recall_typo_mean: +mean(typo).toFixed(4),
      recall_typo_min: +Math.min(...typo).toFixed(4),
      upsert_one_ms: +upsertMs.toFixed(2),
      first_search_after_upsert_ms: +afterUpsertMs.toFixed(2),
      upsert_1000_new_ms: Math.round(importMs),
    }),
  );
}

const sizes = process.argv.slice(2).map(Number);
for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) measure(size);
