/**
 * A change of the library recorded as the store records one (app/sync/synced-library-store.ts transact): the
 * catalogue's changes first (an import, merges, removals, digests' days), then the reading states' on the library
 * with that import, so that papers new in it are named by it.
 */

import type { ImportOp } from '../catalogue-fold.js';
import type { Hlc } from '../hlc.js';
import type { SyncOp } from '../ops.js';
import { catalogueChange, opsForStates, type Writer } from '../record.js';
import { recordWritten, type Replica } from '../replica.js';
import type { Catalogue, ReadingStateMap } from '../../model.js';

export interface RecordedChange {
  readonly clock: Hlc;
  readonly ops: readonly SyncOp[];
  readonly imported: ImportOp | null;
}

export function recordChange(
  replica: Replica,
  writer: Writer,
  catalogue: Catalogue | undefined,
  states: ReadingStateMap,
): RecordedChange {
  let clock = replica.clock;
  const ops: SyncOp[] = [];
  let imported: ImportOp | null = null;
  let named = replica;
  if (catalogue !== undefined) {
    const recorded = catalogueChange(replica.library, { ...writer, clock }, catalogue);
    ({ clock } = recorded);
    imported = recorded.value.import;
    ops.push(...recorded.value.ops);
    if (imported !== null) named = recordWritten(replica, clock, [], imported);
  }
  if (Object.keys(states).length > 0) {
    const recorded = opsForStates(named.library, { ...writer, clock }, states);
    ({ clock } = recorded);
    ops.push(...recorded.value);
  }
  return { clock, ops, imported };
}
