/**
 * One device's view of a synced library, as plain data: every device's state it has read (joined: it only grows, so
 * files arriving out of order, vanishing or coming back never take the view back in time), its own changes, every
 * import, its clock, and the library they make. The store keeps one per open library; pure functions move it on.
 */

import type { DeviceId } from './causal-register.js';
import { foldImports, preferredImport, type CatalogueFold, type ImportOp } from './catalogue-fold.js';
import { clockAfter, encodeStamp, receive, ZERO_STAMP, type Hlc, type Stamp } from './hlc.js';
import { grownFold } from './grown-fold.js';
import { applyDelta, buildLibrary, withFold, type SyncedLibrary } from './library.js';
import type { LibraryFiles } from './library-files.js';
import { opId, stateOfOps, type SyncOp } from './ops.js';
import { EMPTY_SYNC_STATE, joinDelta, joinStates, type SyncState } from './sync-state.js';

export interface Replica {
  readonly device: DeviceId;
  readonly clock: Hlc;
  /** Every device's state read so far, this device's own included. */
  readonly state: SyncState;
  /** This device's own state: what its next snapshot holds. */
  readonly own: SyncState;
  /** Every import read or made, by id. */
  readonly imports: ReadonlyMap<string, ImportOp>;
  readonly library: SyncedLibrary;
  /** Devices whose stamps are too far ahead of this computer's clock to adopt (hlc.ts MAX_CLOCK_AHEAD_MS). */
  readonly aheadDevices: readonly DeviceId[];
}

const NO_IMPORTS: ReadonlyMap<string, ImportOp> = new Map();

function withImports(imports: ReadonlyMap<string, ImportOp>, added: Iterable<ImportOp>): ReadonlyMap<string, ImportOp> {
  let grown: Map<string, ImportOp> | undefined;
  for (const op of added) {
    const id = opId(op);
    const had = (grown ?? imports).get(id);
    const kept = had === undefined ? op : preferredImport(had, op);
    if (kept === had) continue;
    grown ??= new Map(imports);
    grown.set(id, kept);
  }
  return grown ?? imports;
}

function rebuilt(replica: Omit<Replica, 'library'>, previous: Replica | null, given?: CatalogueFold): Replica {
  // Imports only ever grow, as a new map: the same map is the same imports, and folds the same.
  const fold =
    given ??
    (previous === null
      ? foldImports(replica.imports.values())
      : grownFold(previous.library.fold, previous.imports, replica.imports));
  const unchanged = previous !== null && previous.state === replica.state && previous.library.fold === fold;
  return { ...replica, library: unchanged ? previous.library : buildLibrary(replica.state, fold) };
}

/**
 * What a device keeps of its own outside the library's folder (in app-data): the latest stamp it gave, its own state
 * and its own imports. A sync tool may take the device's own files away for a while (or for good); without this, a
 * device started meanwhile would not see its own earlier changes, and its next change to the same register, seeing
 * its own stamp, would supersede them unseen. With it, the device's view always holds everything it wrote, and it can
 * write its own files again where they went missing.
 */
export interface LocalJournal {
  readonly highWater: Stamp;
  readonly own: SyncState;
  readonly imports: readonly ImportOp[];
}

export const EMPTY_JOURNAL: LocalJournal = { highWater: ZERO_STAMP, own: EMPTY_SYNC_STATE, imports: [] };

/** What the device must keep of its own, outside the folder, after `replica`. */
export function journalOf(replica: Replica): LocalJournal {
  return {
    highWater: encodeStamp(replica.clock),
    own: replica.own,
    imports: [...replica.imports.values()].filter((op) => op.device === replica.device),
  };
}

/**
 * A device's view of the library in `files`, as it starts: its own journal and files, its clock past every stamp it
 * gave (so that its stamps only ever increase), and moved up to every other device's it may adopt. With `fold`, the
 * catalogue is that fold (a cache's, of exactly the imports the folder holds, which `files` and the journal then need
 * not hold): the imports are not folded again.
 */
export function openReplica(
  device: DeviceId,
  files: LibraryFiles,
  now: number,
  journal = EMPTY_JOURNAL,
  fold?: CatalogueFold,
): Replica {
  const mine = files.devices.get(device);
  const contributions = [...files.devices.values()];
  let imports = withImports(NO_IMPORTS, journal.imports);
  for (const contribution of contributions) imports = withImports(imports, contribution.imports);
  // Every state joined at once, and the library built once: refreshReplica then only sets the clock.
  const start: Omit<Replica, 'library'> = {
    device,
    clock: clockAfter([journal.highWater, ...(mine === undefined ? [] : [mine.latest])]),
    state: joinStates([journal.own, ...contributions.map((contribution) => contribution.state)]),
    own: mine === undefined ? journal.own : joinStates([journal.own, mine.state]),
    imports,
    aheadDevices: [],
  };
  return refreshReplica(rebuilt(start, null, fold), files, now);
}

/** The view over `fold`, which resolves every name as the replica's fold does (the same cache's, its papers read). */
export function replicaWithFold(replica: Replica, fold: CatalogueFold): Replica {
  return { ...replica, library: withFold(replica.library, fold) };
}

/**
 * The view with `imports` too (the imports a cache's fold spared reading, read at last): the fold is kept while the
 * imports are exactly those it was made from, else the others are folded onto it (grown-fold.ts), or all again.
 */
export function replicaWithImports(replica: Replica, imports: readonly ImportOp[]): Replica {
  return rebuilt({ ...replica, imports: withImports(replica.imports, imports) }, replica);
}

/** The view with its imports folded again (a cache's fold, found not to be theirs), and its library built again. */
export function refoldReplica(replica: Replica): Replica {
  return rebuilt(replica, null);
}

/**
 * The view after reading the files again: everything in them joined to what it had. Each device's state is joined
 * in as a delta (library.ts applyDelta): only the papers whose registers it moves on are made again.
 */
export function refreshReplica(replica: Replica, files: LibraryFiles, now: number): Replica {
  let clock = replica.clock;
  const ahead: DeviceId[] = [];
  let imports = replica.imports;
  for (const contribution of files.devices.values()) imports = withImports(imports, contribution.imports);
  const fold = grownFold(replica.library.fold, replica.imports, imports);
  let library = fold === replica.library.fold && replica.library.state === replica.state ? replica.library : null;
  let state = replica.state;
  let own = replica.own;
  for (const contribution of files.devices.values()) {
    if (library === null) state = joinDelta(state, contribution.state);
    else library = applyDelta(library, contribution.state);
    if (contribution.device === replica.device) {
      own = joinDelta(own, contribution.state);
      clock = clockAfter([contribution.latest, encodeStamp(clock)]);
      continue;
    }
    const received = receive(clock, contribution.latest, now);
    clock = received.clock;
    if (received.ahead) ahead.push(contribution.device);
  }
  if (library !== null) state = library.state;
  return {
    ...replica,
    clock,
    state,
    own,
    imports,
    aheadDevices: ahead,
    library:
      library ??
      (state === replica.state && fold === replica.library.fold ? replica.library : buildLibrary(state, fold)),
  };
}

/**
 * The view once this device's own changes are written (appended to its log, fdatasynced) and its import written:
 * only then are they acknowledged.
 */
export function recordWritten(
  replica: Replica,
  clock: Hlc,
  ops: readonly SyncOp[],
  imported: ImportOp | null = null,
): Replica {
  const delta = stateOfOps(ops);
  const imports = imported === null ? replica.imports : withImports(replica.imports, [imported]);
  const own = ops.length === 0 ? replica.own : joinDelta(replica.own, delta);
  if (imports === replica.imports && replica.library.state === replica.state) {
    const library = ops.length === 0 ? replica.library : applyDelta(replica.library, delta);
    return { ...replica, clock, state: library.state, own, library };
  }
  const state = ops.length === 0 ? replica.state : joinDelta(replica.state, delta);
  return rebuilt({ ...replica, clock, state, own, imports }, replica);
}
