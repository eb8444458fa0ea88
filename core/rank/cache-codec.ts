/**
 * A term index (term-index.ts) as bytes, for a cache file: a header, the papers' ids as JSON, then the index's
 * arrays as they are in memory (little-endian, as every platform Shelfmark runs on). How many papers hold each term
 * is counted again on reading. Bytes of another version, of another number of buckets, or cut short are no index:
 * the caller makes it again. Pure.
 */

import { TERM_BITS, TERMS_VERSION } from './terms.js';
import { EMPTY_TERM_INDEX, type TermIndex } from './term-index.js';

const MAGIC = 0x4b52_4d53; // "SMRK"
const HEADER_WORDS = 6;

const padded = (bytes: number): number => Math.ceil(bytes / 4) * 4;

export function encodeTermIndex(index: TermIndex): Uint8Array {
  const ids = new TextEncoder().encode(JSON.stringify(index.ids));
  const papers = index.ids.length;
  const terms = index.buckets.length;
  const size = HEADER_WORDS * 4 + padded(ids.length) + 4 * (papers + papers + 1 + terms) + padded(2 * terms);
  const bytes = new Uint8Array(size);
  const header = new Uint32Array(bytes.buffer, 0, HEADER_WORDS);
  header.set([MAGIC, TERMS_VERSION, TERM_BITS, papers, terms, ids.length]);
  let at = HEADER_WORDS * 4;
  bytes.set(ids, at);
  at += padded(ids.length);
  new Uint32Array(bytes.buffer, at, papers).set(index.fingerprints);
  at += 4 * papers;
  new Uint32Array(bytes.buffer, at, papers + 1).set(index.starts);
  at += 4 * (papers + 1);
  new Uint32Array(bytes.buffer, at, terms).set(index.buckets);
  at += 4 * terms;
  new Uint16Array(bytes.buffer, at, terms).set(index.counts);
  return bytes;
}

/** The index `bytes` hold, or null when they hold none this version reads. */
export function decodeTermIndex(bytes: Uint8Array): TermIndex | null {
  if (bytes.byteLength < HEADER_WORDS * 4) return null;
  // Typed arrays over the bytes need their offsets aligned: copy them to a buffer of their own first.
  const buffer = bytes.byteOffset % 4 === 0 ? bytes.buffer : bytes.slice().buffer;
  const base = bytes.byteOffset % 4 === 0 ? bytes.byteOffset : 0;
  const [magic, version, bits, papers = 0, terms = 0, idBytes = 0] = new Uint32Array(buffer, base, HEADER_WORDS);
  if (magic !== MAGIC || version !== TERMS_VERSION || bits !== TERM_BITS) return null;
  const size = HEADER_WORDS * 4 + padded(idBytes) + 4 * (papers + papers + 1 + terms) + padded(2 * terms);
  if (bytes.byteLength < size) return null;
  let at = base + HEADER_WORDS * 4;
  let ids: unknown;
  try {
    ids = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, at, idBytes)));
  } catch {
    return null;
  }
  if (!Array.isArray(ids) || ids.length !== papers || !ids.every((id) => typeof id === 'string')) return null;
  at += padded(idBytes);
  const fingerprints = new Uint32Array(buffer, at, papers);
  at += 4 * papers;
  const starts = new Uint32Array(buffer, at, papers + 1);
  at += 4 * (papers + 1);
  const buckets = new Uint32Array(buffer, at, terms);
  at += 4 * terms;
  const counts = new Uint16Array(buffer, at, terms);
  const documentFrequency = new Int32Array(EMPTY_TERM_INDEX.documentFrequency.length);
  for (let p = 0; p < papers; p++) {
    const start = starts[p] ?? 0;
    const end = starts[p + 1] ?? 0;
    if (end < start || end > terms) return null;
  }
  for (let k = 0; k < terms; k++) {
    const bucket = buckets[k] ?? documentFrequency.length;
    if (bucket >= documentFrequency.length) return null;
    documentFrequency[bucket] = (documentFrequency[bucket] ?? 0) + 1;
  }
  return {
    ids,
    positions: new Map(ids.map((id, position) => [id, position])),
    fingerprints,
    starts,
    buckets,
    counts,
    documentFrequency,
  };
}
