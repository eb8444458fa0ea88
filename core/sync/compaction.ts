/**
 * Compaction of one device's files: its snapshots and logs folded into one new snapshot, and a new log begun. Safe
 * because nothing is merged by replaying changes: a snapshot is exactly the join of what it folds (superseded
 * versions dropped, what superseded them kept in `seen`), so every other device joins the same library from it as
 * from the log. The files of the generation before stay one compaction longer, for a device that receives the new
 * log before the new snapshot. Pure: the plan; the store writes the snapshot (atomically), then removes.
 */

import type { DeviceId } from './causal-register.js';
import { encodeStateDocument } from './device-documents.js';
import { classifyPath, devicePath, opsFileName, stateFileName } from './device-files.js';
import type { Stamp } from './hlc.js';
import type { DeviceContribution } from './library-files.js';
import { joinStates, type SyncState } from './sync-state.js';

export interface CompactionPlan {
  /** The new snapshot, to be written whole before anything is removed. */
  readonly snapshot: { readonly path: string; readonly text: string };
  /** The log new changes go to from now on. */
  readonly log: string;
  readonly generation: number;
  /** Files folded into the snapshot that no device needs any more: older generations, and copies. */
  readonly remove: readonly string[];
}

/** The generation a device appends to: its latest. */
function currentGeneration(contribution: DeviceContribution | undefined): number {
  return contribution?.generations.at(-1) ?? 0;
}

/**
 * Folds the device's own files (and `memory`, what it has itself written since it last read them, so that a log
 * that vanished for a while loses nothing) into the next generation's snapshot. `frontier` is the device's clock:
 * past every stamp it gave.
 */
export function planCompaction(
  device: DeviceId,
  own: DeviceContribution,
  frontier: Stamp,
  memory: SyncState = own.state,
): CompactionPlan {
  const current = currentGeneration(own);
  const generation = current + 1;
  const remove = own.files.filter((path) => {
    const file = classifyPath(path);
    if (file === null) return false;
    // A copy of an import stays until the import itself is there: it may be the only one.
    if (file.copy !== null) return file.role.kind !== 'import' || own.files.includes(file.original);
    return (file.role.kind === 'ops' || file.role.kind === 'state') && file.role.generation < current;
  });
  return {
    snapshot: {
      path: devicePath(device, stateFileName(generation)),
      text: encodeStateDocument(device, joinStates([own.state, memory]), frontier > own.latest ? frontier : own.latest),
    },
    log: devicePath(device, opsFileName(generation)),
    generation,
    remove,
  };
}
