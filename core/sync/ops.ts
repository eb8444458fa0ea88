/**
 * The changes a device makes, as plain data: each stamped (hlc.ts), with its device and what its writer had seen of
 * the register it writes (`seen`). A change is a small state (`deltaOf`): applying changes is joining states, so they
 * may come in any order, twice, or folded into a snapshot, and give the same library. Pure.
 */

import { written, type DeviceId, type Register, type Seen, type Version } from './causal-register.js';
import type { Stamp } from './hlc.js';
import { tagKey, type PaperRegisters, type StatusValue, type TagValue } from './paper-registers.js';
import {
  joinStates,
  mergeKey,
  paperRefKey,
  removedKey,
  type DigestDay,
  type MergeValue,
  type PaperRef,
  type RemovedEntry,
  type SyncState,
} from './sync-state.js';

interface OpBase {
  readonly stamp: Stamp;
  readonly device: DeviceId;
  /** The register written, as the writer saw it under this change's own name: what this change supersedes. */
  readonly seen: Seen;
  /**
   * Versions the writer saw of the same paper under other names (causal-register.ts), superseded by name
   * (`<stamp>@<device>`); absent when there are none.
   */
  readonly kills?: readonly string[];
}

/** A note version a plain edit carries forward, so that editing the note never drops a conflict beside it. */
export interface KeptNote {
  /** Before the edit's own stamp, so the edit stays the note shown. */
  readonly stamp: Stamp;
  readonly text: string;
}

export type SyncOp =
  | (OpBase & { readonly kind: 'status'; readonly paper: PaperRef; readonly value: StatusValue })
  /** Adds a tag, or spells it anew. */
  | (OpBase & { readonly kind: 'tag'; readonly paper: PaperRef; readonly value: TagValue })
  /** Removes the tag (by tagKey) as the writer saw it; adds it had not seen stand. */
  | (OpBase & { readonly kind: 'untag'; readonly paper: PaperRef; readonly tag: string })
  /** Edits the note shown; its conflicts stay. */
  | (OpBase & {
      readonly kind: 'note';
      readonly paper: PaperRef;
      readonly text: string;
      readonly kept: readonly KeptNote[];
    })
  /** Resolves the note's conflicts: `text` is the note, every version the writer saw is gone. */
  | (OpBase & { readonly kind: 'resolve-note'; readonly paper: PaperRef; readonly text: string })
  | (OpBase & { readonly kind: 'digest-day'; readonly digest: string; readonly value: DigestDay })
  /** Merges `merged` into `kept` (core/paper-merge.ts), or undoes it (`value.merged` false). */
  | (OpBase & {
      readonly kind: 'merge';
      readonly kept: PaperRef;
      readonly merged: PaperRef;
      readonly value: MergeValue;
    })
  /** Takes records and digests out of the catalogue (a restore, a paper removed); `seen` is empty. */
  | (OpBase & { readonly kind: 'remove'; readonly entries: readonly RemovedEntry[] });

/** One stamp per change on one device: what names a change (and an import). */
export function opId(op: { readonly stamp: Stamp; readonly device: DeviceId }): string {
  return `${op.stamp}@${op.device}`;
}

function write<T>(op: OpBase, value: T, kept: readonly Version<T>[] = []): Register<T> {
  return written(op.device, op.stamp, [...kept, { stamp: op.stamp, device: op.device, value }], op.seen, op.kills);
}

function paperDelta(paper: PaperRef, registers: PaperRegisters): SyncState {
  return { papers: new Map([[paperRefKey(paper), { ref: paper, registers }]]), digests: new Map() };
}

/** The change as a state. */
export function deltaOf(op: SyncOp): SyncState {
  switch (op.kind) {
    case 'status':
      return paperDelta(op.paper, { status: write(op, op.value) });
    case 'tag':
      return paperDelta(op.paper, { tags: new Map([[tagKey(op.value.spelling), write(op, op.value)]]) });
    case 'untag':
      return paperDelta(op.paper, {
        tags: new Map([[op.tag, written<TagValue>(op.device, op.stamp, [], op.seen, op.kills)]]),
      });
    case 'note': {
      const kept = op.kept.map((note) => ({ stamp: note.stamp, device: op.device, value: note.text }));
      return paperDelta(op.paper, { note: write(op, op.text, kept) });
    }
    case 'resolve-note':
      return paperDelta(op.paper, { note: write(op, op.text) });
    case 'digest-day':
      return { papers: new Map(), digests: new Map([[op.digest, write(op, op.value)]]) };
    case 'merge': {
      const entry = { kept: op.kept, merged: op.merged, register: write(op, op.value) };
      return { papers: new Map(), digests: new Map(), merges: new Map([[mergeKey(op.kept, op.merged), entry]]) };
    }
    case 'remove':
      return { papers: new Map(), digests: new Map(), removed: new Set(op.entries.map(removedKey)) };
  }
}

/** The state of a set of changes (a device's log, a snapshot's worth). */
export function stateOfOps(ops: Iterable<SyncOp>, base?: SyncState): SyncState {
  const deltas: SyncState[] = base === undefined ? [] : [base];
  for (const op of ops) deltas.push(deltaOf(op));
  return joinStates(deltas);
}

/** Every stamp a change holds (its own and those it carries forward): what a device's clock must pass. */
export function stampsOf(op: SyncOp): Stamp[] {
  return op.kind === 'note' ? [op.stamp, ...op.kept.map((note) => note.stamp)] : [op.stamp];
}
