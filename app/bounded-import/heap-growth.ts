/**
 * V8's heap growth bounded while a shelved import runs. Its live set stays small (the papers are on disk: ~50–70 MB at
 * 100,000 papers), but V8 lets the heap grow to three or four times what its last full collection left live before it
 * collects again: at 100,000 entries 250 MB resident, not 185 MB. Bounded to 30 % past the live set, it collects more
 * often, in no time that shows (each collection marks little). Then V8 decides again (0: its own rule). Not for an
 * import whose papers are in memory: each collection would mark them all.
 */

import { setFlagsFromString } from 'node:v8';

const PERCENT = 30;

/**
 * Runs `work` with the heap's growth bounded. `boundYoung`, for work whose live set is larger (an import onto a library
 * of papers: the index of them): the young generation kept at the size it starts with, rather than doubled as it
 * fills (V8's semi-space growth; 2 again after), 15–20 MB less there at no cost that shows, where a first import
 * would lose 5–10 % of its time to the collections it makes. Set before anything is read, as it never shrinks.
 */
export async function withHeapGrowthBounded<T>(boundYoung: boolean, work: () => Promise<T>): Promise<T> {
  setFlagsFromString(`--heap-growing-percent=${String(PERCENT)}`);
  if (boundYoung) setFlagsFromString('--semi-space-growth-factor=1');
  try {
    return await work();
  } finally {
    setFlagsFromString('--heap-growing-percent=0');
    setFlagsFromString('--semi-space-growth-factor=2');
  }
}
