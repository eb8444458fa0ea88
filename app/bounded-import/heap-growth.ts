/**
 * V8's heap growth bounded while a shelved import runs. Its live set stays small (the papers are on disk: ~50–70 MB at
 * 100,000 papers), but V8 lets the heap grow to three or four times what its last full collection left live before it
 * collects again: at 100,000 entries 250 MB resident, not 185 MB. Bounded to 30 % past the live set, it collects more
 * often, in no time that shows (each collection marks little); then V8 decides again (0, its default). Not for an
 * import whose papers are in memory: each collection would mark them all.
 */

import { setFlagsFromString } from 'node:v8';

const PERCENT = 30;

export async function withHeapGrowthBounded<T>(work: () => Promise<T>): Promise<T> {
  setFlagsFromString(`--heap-growing-percent=${String(PERCENT)}`);
  try {
    return await work();
  } finally {
    setFlagsFromString('--heap-growing-percent=0');
  }
}
