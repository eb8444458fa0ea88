/** Which documents a query word matches, and what the match is worth in each. */

import { entryMask, entrySlot, type Postings } from './postings.js';
import { MASK_BEST_WEIGHT, MASK_WEIGHT_SUM, wordWorth } from './scoring.js';
import type { TermCandidates } from './term-candidates.js';

export interface WordMatches {
  /** By slot: what the word's matches are worth there, 0 where it has none. */
  readonly worth: Float32Array;
  /** By slot: the fields it matched in. */
  readonly fields: Uint8Array;
  /** The slots with a match. */
  readonly slots: Int32Array;
}

export function wordMatches(
  candidates: TermCandidates,
  postings: Postings,
  alive: Uint8Array,
  slotCount: number,
): WordMatches {
  const fields = new Uint8Array(slotCount);
  const best = new Float32Array(slotCount);
  const sum = new Float32Array(slotCount);
  const slots: number[] = [];
  const { termIds, closeness } = candidates;
  const bestWeights = MASK_BEST_WEIGHT;
  const weightSums = MASK_WEIGHT_SUM;
  for (let index = 0; index < termIds.length; index++) {
    const factor = closeness[index] ?? 0;
    // Terms come closest first, so a field's first match in a document is its best one there.
    postings.forEachRun(termIds[index] ?? -1, (entries, start, end) => {
      for (let at = start; at < end; at++) {
        const entry = entries[at] ?? 0;
        const slot = entrySlot(entry);
        if (alive[slot] !== 1) continue;
        const seen = fields[slot] ?? 0;
        const fresh = entryMask(entry) & ~seen;
        if (fresh === 0) continue;
        if (seen === 0) slots.push(slot);
        fields[slot] = seen | fresh;
        const top = factor * (bestWeights[fresh] ?? 0);
        if (top > (best[slot] ?? 0)) best[slot] = top;
        sum[slot] = (sum[slot] ?? 0) + factor * (weightSums[fresh] ?? 0);
      }
    });
  }
  for (const slot of slots) best[slot] = wordWorth(best[slot] ?? 0, sum[slot] ?? 0);
  return { worth: best, fields, slots: Int32Array.from(slots) };
}
