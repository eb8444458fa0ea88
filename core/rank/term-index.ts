/**
 * The library's terms, paper by paper, and how many papers hold each term: what ranking learns from and scores
 * with. A cache, made again from the papers whenever it is lost: indexing again reuses every paper whose text is
 * unchanged (by its fingerprint) and counts only new or changed ones. All papers' terms sit in two arrays (a
 * paper's are `starts[p]` to `starts[p + 1]`): a hundred thousand small arrays would keep the garbage collector
 * busy. Pure; an index is never changed once made.
 */

import { countTermsInto, fingerprintOf, TERM_BITS, type DocumentTerms, type PaperText } from './terms.js';

export interface TermIndex {
  readonly ids: readonly string[];
  /** Where each paper is in `ids`. */
  readonly positions: ReadonlyMap<string, number>;
  readonly fingerprints: Uint32Array;
  /** ids.length + 1 entries. */
  readonly starts: Uint32Array;
  readonly buckets: Uint32Array;
  readonly counts: Uint16Array;
  /** Per bucket, how many papers hold it. */
  readonly documentFrequency: Int32Array;
}

export interface IdentifiedPaper extends PaperText {
  readonly id: string;
}

export const EMPTY_TERM_INDEX: TermIndex = {
  ids: [],
  positions: new Map(),
  fingerprints: new Uint32Array(0),
  starts: new Uint32Array(1),
  buckets: new Uint32Array(0),
  counts: new Uint16Array(0),
  documentFrequency: new Int32Array(1 << TERM_BITS),
};

/** The paper's terms in `index`, or undefined when it does not hold the paper. */
export function termsIn(index: TermIndex, id: string): DocumentTerms | undefined {
  const position = index.positions.get(id);
  return position === undefined ? undefined : termsAt(index, position);
}

export function termsAt(index: TermIndex, position: number): DocumentTerms {
  const start = index.starts[position] ?? 0;
  const end = index.starts[position + 1] ?? start;
  return { buckets: index.buckets.subarray(start, end), counts: index.counts.subarray(start, end) };
}

/** Arrays that grow as terms are added. */
class TermsBuilder {
  buckets: Uint32Array;
  counts: Uint16Array;
  length = 0;
  constructor(capacity: number) {
    this.buckets = new Uint32Array(Math.max(1024, capacity));
    this.counts = new Uint16Array(this.buckets.length);
  }
  reserve(extra: number): void {
    if (this.length + extra <= this.buckets.length) return;
    const capacity = Math.max(this.length + extra, this.buckets.length * 2);
    const buckets = new Uint32Array(capacity);
    buckets.set(this.buckets.subarray(0, this.length));
    const counts = new Uint16Array(capacity);
    counts.set(this.counts.subarray(0, this.length));
    this.buckets = buckets;
    this.counts = counts;
  }
  readonly add = (bucket: number, count: number): void => {
    this.reserve(1);
    this.buckets[this.length] = bucket;
    this.counts[this.length++] = count;
  };
}

/** The index of `papers`, reusing what `previous` knows of each that has not changed. */
export function indexPapers(previous: TermIndex, papers: readonly IdentifiedPaper[]): TermIndex {
  if (holdsExactly(previous, papers)) return previous;
  const ids: string[] = [];
  const positions = new Map<string, number>();
  const fingerprints = new Uint32Array(papers.length);
  const starts = new Uint32Array(papers.length + 1);
  const builder = new TermsBuilder(previous.buckets.length + papers.length * 8);
  const documentFrequency = new Int32Array(1 << TERM_BITS);
  for (const paper of papers) {
    if (positions.has(paper.id)) continue;
    const position = ids.length;
    const fingerprint = fingerprintOf(paper);
    const known = previous.positions.get(paper.id);
    const start = builder.length;
    if (known !== undefined && previous.fingerprints[known] === fingerprint) {
      const from = previous.starts[known] ?? 0;
      const to = previous.starts[known + 1] ?? from;
      builder.reserve(to - from);
      builder.buckets.set(previous.buckets.subarray(from, to), start);
      builder.counts.set(previous.counts.subarray(from, to), start);
      builder.length += to - from;
    } else {
      countTermsInto(paper, builder.add);
    }
    for (let i = start; i < builder.length; i++) {
      const bucket = builder.buckets[i] ?? 0;
      documentFrequency[bucket] = (documentFrequency[bucket] ?? 0) + 1;
    }
    ids.push(paper.id);
    positions.set(paper.id, position);
    fingerprints[position] = fingerprint;
    starts[position + 1] = builder.length;
  }
  return {
    ids,
    positions,
    fingerprints: fingerprints.subarray(0, ids.length),
    starts: starts.subarray(0, ids.length + 1),
    buckets: builder.buckets.subarray(0, builder.length),
    counts: builder.counts.subarray(0, builder.length),
    documentFrequency,
  };
}

/** Whether `index` holds `papers`, each unchanged and in its place: the usual case, checked without copying. */
function holdsExactly(index: TermIndex, papers: readonly IdentifiedPaper[]): boolean {
  if (papers.length !== index.ids.length) return false;
  for (const [position, paper] of papers.entries()) {
    if (index.ids[position] !== paper.id || index.fingerprints[position] !== fingerprintOf(paper)) return false;
  }
  return true;
}
