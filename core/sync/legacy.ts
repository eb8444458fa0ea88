/**
 * A library written before devices (library.json, library.state.json and its log) as the base of a synced one: one
 * import at time zero with the whole catalogue (every id as it was), and every paper's reading state stamped at its
 * `updatedAt`, both of a pseudo-device named by a hash of the content. Two devices that migrate the same library
 * make the same base, which joins to one; two that migrate different copies make two, and for each paper the newer
 * `updatedAt` wins, as it did when copies of a library merged. Pure.
 */

import { canonicalJson } from './canonical-json.js';
import { emptySeen, normaliseRegister, type DeviceId, type Register } from './causal-register.js';
import type { ImportOp } from './catalogue-fold.js';
import { encodeStamp, stampAt, type Stamp } from './hlc.js';
import { opId } from './ops.js';
import { tagKey, type PaperRegisters, type TagValue } from './paper-registers.js';
import { joinStates, paperRefKey, type SyncState } from './sync-state.js';
import { hash53 } from '../identity.js';
import type { Catalogue, ReadingState, ReadingStateMap } from '../model.js';

/** The counters a base's stamp may take at time zero (hlc.ts: four base-36 digits, zero aside). */
const LEGACY_COUNTERS = 36 ** 4 - 1;

export interface LegacyBase {
  readonly device: DeviceId;
  readonly import: ImportOp;
  readonly state: SyncState;
}

function register<T>(device: DeviceId, stamp: Stamp, value: T): Register<T> {
  return normaliseRegister({ versions: [{ stamp, device, value }], seen: emptySeen() });
}

function legacyRegisters(device: DeviceId, state: ReadingState): PaperRegisters {
  const stamp = stampAt(state.updatedAt);
  const tags = new Map<string, Register<TagValue>>();
  state.tags.forEach((spelling, position) => {
    tags.set(tagKey(spelling), register(device, stamp, { spelling, since: stampAt(state.updatedAt, position) }));
  });
  return {
    status: register(device, stamp, {
      status: state.status,
      readAt: state.readAt,
      ...(state.snoozedUntil === undefined ? {} : { snoozedUntil: state.snoozedUntil }),
    }),
    ...(state.note === '' ? {} : { note: register(device, stamp, state.note) }),
    ...(tags.size === 0 ? {} : { tags }),
  };
}

export function legacyBase(catalogue: Catalogue, states: ReadingStateMap): LegacyBase {
  const hash = hash53(canonicalJson({ catalogue, states }));
  const device = `legacy-${hash.toString(36)}`;
  // At time zero, before every import made since; its counter from the content, so that two bases (copies that went
  // apart, or legacy files found again) have files of their own (an import's file is named by its stamp).
  const stamp = encodeStamp({ physical: 0, logical: 1 + (hash % LEGACY_COUNTERS) });
  const imported: ImportOp = { stamp, device, papers: catalogue.papers, digests: catalogue.digests };
  const origin = opId(imported);
  const papers = Object.entries(states).map(([id, state]) => {
    const ref = { origin, id };
    return {
      papers: new Map([[paperRefKey(ref), { ref, registers: legacyRegisters(device, state) }]]),
      digests: new Map(),
    };
  });
  return { device, import: imported, state: joinStates(papers) };
}
