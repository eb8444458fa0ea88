/**
 * Fuzzy search over a library as the user types. Every word of the query must match somewhere in a paper (title,
 * authors, abstract, tags or note), exactly, as a prefix, or with a typo; best matches come first.
 *
 * Terms live in a vocabulary with posting lists, so a query only looks at the terms close to its words and the
 * documents holding them. What a word matches is kept for the next keystrokes, which mostly change the last word.
 */

import { DocumentTable } from './documents.js';
import { DocumentTerms } from './document-terms.js';
import { highlightsOf, highlightTerms, type HighlightTerms } from './highlights.js';
import { parseQuery } from './parse-query.js';
import { phraseMatches } from './phrase-matches.js';
import { postingEntry, PostingPairs, Postings } from './postings.js';
import { passesQualifiers, qualifiersOf, type Qualifiers } from './qualifiers.js';
import { queryTermKey, queryTerms, type QueryTerm } from './query-terms.js';
import { RecentCache } from './recent-cache.js';
import { documentScore } from './scoring.js';
import { termCandidates, type TermCandidates } from './term-candidates.js';
import { TopHits } from './top-hits.js';
import type { ParsedQuery, SearchDocument, SearchHit, SearchOptions } from './types.js';
import { Vocabulary } from './vocabulary.js';
import { wordMatches, type WordMatches } from './word-matches.js';

const DEFAULT_LIMIT = 200;

/** Shared by every hit of a query without words: a library's worth of them is common. */
const NO_HIGHLIGHTS: SearchHit['highlights'] = Object.freeze({});

// Rebuild from the live documents once changes have doubled the slots or the unpacked postings: rare enough to
// keep upserts O(changed) on average.
const MIN_DEAD_BEFORE_REBUILD = 10_000;
const MIN_ADDED_BEFORE_REBUILD = 2_000_000;

interface IndexState {
  readonly vocabulary: Vocabulary;
  readonly documents: DocumentTable;
  readonly postings: Postings;
  readonly documentTerms: DocumentTerms;
}

/** Puts `document` in the table and hands each of its terms' posting entries to `add`. */
function indexDocument(
  table: DocumentTable,
  documentTerms: DocumentTerms,
  document: SearchDocument,
  add: (termId: number, entry: number) => void,
): void {
  const slot = table.put(document);
  const notAscii = documentTerms.forEachTerm(document, (termId, fieldMask) =>
    add(termId, postingEntry(slot, fieldMask)),
  );
  table.setNotAsciiFields(slot, notAscii);
}

function buildState(documents: Iterable<SearchDocument>): IndexState {
  const vocabulary = new Vocabulary();
  const table = new DocumentTable();
  const documentTerms = new DocumentTerms(vocabulary);
  const pairs = new PostingPairs();
  const add = (termId: number, entry: number): void => pairs.push(termId, entry);
  for (const document of documents) indexDocument(table, documentTerms, document, add);
  const postings = new Postings(pairs, vocabulary.size);
  vocabulary.sortAddedTerms(); // now rather than on the first keystroke
  return { vocabulary, documents: table, postings, documentTerms };
}

export class SearchIndex {
  #state: IndexState;
  readonly #candidates = new RecentCache<string, TermCandidates>(64);
  #candidatesVersion = -1;
  readonly #matches = new RecentCache<string, WordMatches>(16);

  constructor(documents: readonly SearchDocument[]) {
    this.#state = buildState(documents);
  }

  get size(): number {
    return this.#state.documents.liveCount;
  }

  /** Adds or replaces documents, by id; a replaced document keeps its place in the order. */
  upsert(documents: readonly SearchDocument[]): void {
    const { documents: table, documentTerms, postings } = this.#state;
    const add = (termId: number, entry: number): void => postings.add(termId, entry);
    for (const document of documents) indexDocument(table, documentTerms, document, add);
    this.#changed();
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) this.#state.documents.remove(id);
    this.#changed();
  }

  /**
   * Best first. With no words: every document passing the qualifiers, in the order they were given, score 0, no
   * highlights.
   */
  search(query: string | ParsedQuery, options: SearchOptions = {}): readonly SearchHit[] {
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    const qualifiers = qualifiersOf(parsed, options.today ?? null);
    const parts = queryTerms(parsed.words);
    if (parts.length === 0) return this.#everyPassing(qualifiers, limitOf(options.limit, Infinity));
    const limit = limitOf(options.limit, DEFAULT_LIMIT);
    const matches = parts.map((part) => this.#matchesOf(part));
    const driver = matches.reduce((a, b) => (b.slots.length < a.slots.length ? b : a));
    const { documents, vocabulary } = this.#state;
    const top = new TopHits(limit);
    const filtering = qualifiers.statuses.size > 0 || qualifiers.tagKeys.length > 0;
    for (const slot of driver.slots) {
      let total = 0;
      let weakest = 1;
      for (const { worth } of matches) {
        const value = worth[slot] ?? 0;
        total += value;
        if (value < weakest) weakest = value;
      }
      if (weakest === 0) continue;
      if (filtering) {
        const document = documents.documentAt(slot);
        if (document === undefined || !passesQualifiers(qualifiers, document, documents.tagKeysAt(slot))) continue;
      }
      top.offer(slot, documentScore(weakest, total, matches.length), documents.orderAt(slot));
    }
    const terms = this.#highlightTerms(parts);
    return top.sorted().flatMap(({ slot, score }) => {
      const document = documents.documentAt(slot);
      if (document === undefined) return [];
      const fieldMask = matches.reduce((mask, { fields }) => mask | (fields[slot] ?? 0), 0);
      const highlights = highlightsOf(document, fieldMask, documents.notAsciiFieldsAt(slot), terms, vocabulary);
      return [{ id: document.id, score, highlights }];
    });
  }

  #everyPassing(qualifiers: Qualifiers, limit: number): SearchHit[] {
    const { documents } = this.#state;
    const hits: SearchHit[] = [];
    for (const slot of documents.slotsInOrder()) {
      if (hits.length >= limit) break;
      const document = documents.documentAt(slot);
      if (document !== undefined && passesQualifiers(qualifiers, document, documents.tagKeysAt(slot))) {
        hits.push({ id: document.id, score: 0, highlights: NO_HIGHLIGHTS });
      }
    }
    return hits;
  }

  #candidatesOf(term: string): TermCandidates {
    const { vocabulary } = this.#state;
    if (this.#candidatesVersion !== vocabulary.version) {
      this.#candidates.clear();
      this.#candidatesVersion = vocabulary.version;
    }
    return this.#candidates.get(term, () => termCandidates(term, vocabulary));
  }

  #matchesOf(part: QueryTerm): WordMatches {
    return this.#matches.get(queryTermKey(part), () => {
      const { vocabulary, documents, postings } = this.#state;
      if (part.kind === 'term') {
        return wordMatches(this.#candidatesOf(part.term), postings, documents.alive, documents.slotCount);
      }
      const phrase = part.terms.map((term) => ({
        candidates: this.#candidatesOf(term),
        matches: this.#matchesOf({ kind: 'term', term }),
      }));
      return phraseMatches(phrase, documents, vocabulary);
    });
  }

  #highlightTerms(parts: readonly QueryTerm[]): HighlightTerms {
    const words: TermCandidates[] = [];
    const phrases: TermCandidates[][] = [];
    for (const part of parts) {
      if (part.kind === 'term') words.push(this.#candidatesOf(part.term));
      else phrases.push(part.terms.map((term) => this.#candidatesOf(term)));
    }
    return highlightTerms(words, phrases);
  }

  #changed(): void {
    this.#matches.clear();
    const { documents, postings } = this.#state;
    const tooManyDead = documents.deadCount > Math.max(MIN_DEAD_BEFORE_REBUILD, documents.liveCount);
    const tooManyAdded = postings.addedCount > Math.max(MIN_ADDED_BEFORE_REBUILD, postings.packedCount / 2);
    if (tooManyDead || tooManyAdded) {
      const live = [...documents.slotsInOrder()].flatMap((slot) => documents.documentAt(slot) ?? []);
      this.#state = buildState(live);
      this.#candidatesVersion = -1;
    }
  }
}

function limitOf(requested: number | undefined, fallback: number): number {
  if (requested === undefined) return fallback;
  return Math.max(0, Math.floor(requested));
}
