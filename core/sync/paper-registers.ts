/**
 * What the user did with one paper, as causal registers (causal-register.ts): its status, its note, and one register
 * per tag. Joined field by field; turned into the ReadingState the rest of Shelfmark knows, with the note's conflicts
 * beside it. Pure.
 */

import { compareCodePoints } from './canonical-json.js';
import {
  combineRegisters,
  joinRegisters,
  lastChanged,
  latestVersion,
  type DeviceId,
  type Register,
  type Version,
} from './causal-register.js';
import { stampTime, type Stamp } from './hlc.js';
import { DEFAULT_READING_STATE, type ReadingState, type ReadingStatus } from '../model.js';

export interface StatusValue {
  readonly status: ReadingStatus;
  /** When the paper was marked read; null unless its status is read. */
  readonly readAt: string | null;
  /** The day an unread paper comes back (core/model.ts ReadingState); absent when it is not snoozed. */
  readonly snoozedUntil?: string;
}

export interface TagValue {
  /** The tag as the user wrote it. */
  readonly spelling: string;
  /** Where the tag goes in the paper's list: the stamp of its first add (tags are listed in the order added). */
  readonly since: Stamp;
}

export interface PaperRegisters {
  readonly status?: Register<StatusValue>;
  readonly note?: Register<string>;
  /** By tag key (tagKey): an add is a version, an untag a write of none. */
  readonly tags?: ReadonlyMap<string, Register<TagValue>>;
}

/** A note written on one device while another was written on another, kept beside the note until resolved. */
export interface NoteConflict {
  readonly text: string;
  readonly device: DeviceId;
  /** When it was written (ISO). */
  readonly at: string;
  readonly stamp: Stamp;
}

export interface MaterialisedPaper {
  readonly state: ReadingState;
  /** The note's other versions, latest first; empty when there are none. */
  readonly conflicts: readonly NoteConflict[];
}

/** Which register a tag is: tags are one whatever their case (core/reading.ts sameTag). */
export function tagKey(tag: string): string {
  return tag.normalize('NFC').toLowerCase();
}

type Join = <T>(a: Register<T>, b: Register<T>) => Register<T>;

function joinOptional<T>(join: Join, a: Register<T> | undefined, b: Register<T> | undefined): Register<T> | undefined {
  return a === undefined ? b : b === undefined ? a : join(a, b);
}

function joinTags(
  join: Join,
  a: ReadonlyMap<string, Register<TagValue>> | undefined,
  b: ReadonlyMap<string, Register<TagValue>> | undefined,
): ReadonlyMap<string, Register<TagValue>> | undefined {
  if (a === undefined || a === b) return b ?? a;
  if (b === undefined) return a;
  let joined: Map<string, Register<TagValue>> | undefined;
  for (const [key, register] of b) {
    const mine = a.get(key);
    const both = mine === undefined ? register : join(mine, register);
    if (both === mine) continue;
    joined ??= new Map(a);
    joined.set(key, both);
  }
  return joined ?? a;
}

function joinedWith(join: Join, a: PaperRegisters, b: PaperRegisters): PaperRegisters {
  if (a === b) return a;
  const status = joinOptional(join, a.status, b.status);
  const note = joinOptional(join, a.note, b.note);
  const tags = joinTags(join, a.tags, b.tags);
  if (status === a.status && note === a.note && tags === a.tags) return a;
  return {
    ...(status === undefined ? {} : { status }),
    ...(note === undefined ? {} : { note }),
    ...(tags === undefined ? {} : { tags }),
  };
}

/** Two states of one paper under one name (PaperRef): their join. */
export function joinPaperRegisters(a: PaperRegisters, b: PaperRegisters): PaperRegisters {
  return joinedWith(joinRegisters, a, b);
}

/** The states of one paper under different names, as one (causal-register.ts combineRegisters). */
export function combinePaperRegisters(a: PaperRegisters, b: PaperRegisters): PaperRegisters {
  return joinedWith(combineRegisters, a, b);
}

/** The tags that stand, in the order first added, each as last spelled. */
function standingTags(tags: ReadonlyMap<string, Register<TagValue>>): string[] {
  const standing: { key: string; since: Stamp; spelling: string }[] = [];
  for (const [key, register] of tags) {
    const latest = latestVersion(register);
    if (latest === undefined) continue;
    const since = register.versions.reduce(
      (first, version) => minStamp(first, version.value.since),
      latest.value.since,
    );
    standing.push({ key, since, spelling: latest.value.spelling });
  }
  standing.sort((a, b) => compareCodePoints(a.since, b.since) || compareCodePoints(a.key, b.key));
  return standing.map((tag) => tag.spelling);
}

function minStamp(a: Stamp, b: Stamp): Stamp {
  return b < a ? b : a;
}

/** The note's versions other than the one shown, latest first, one per text, none with the shown text. */
function noteConflicts(note: Register<string> | undefined): NoteConflict[] {
  const latest = note === undefined ? undefined : latestVersion(note);
  if (note === undefined || latest === undefined) return [];
  const texts = new Set([latest.value]);
  const conflicts: NoteConflict[] = [];
  for (const version of [...note.versions].reverse()) {
    if (texts.has(version.value)) continue;
    texts.add(version.value);
    conflicts.push(conflictOf(version));
  }
  return conflicts;
}

function conflictOf(version: Version<string>): NoteConflict {
  return { text: version.value, device: version.device, at: stampTime(version.stamp), stamp: version.stamp };
}

/** The paper's reading state, as every device shows it. */
export function materialisePaper(registers: PaperRegisters): MaterialisedPaper {
  const status = registers.status === undefined ? undefined : latestVersion(registers.status)?.value;
  const note = registers.note === undefined ? undefined : latestVersion(registers.note)?.value;
  let changed = '';
  for (const register of [registers.status, registers.note, ...(registers.tags?.values() ?? [])]) {
    if (register !== undefined) {
      const stamp = lastChanged(register);
      if (stamp > changed) changed = stamp;
    }
  }
  const state: ReadingState = {
    status: status?.status ?? DEFAULT_READING_STATE.status,
    tags: registers.tags === undefined ? [] : standingTags(registers.tags),
    note: note ?? DEFAULT_READING_STATE.note,
    readAt: status?.readAt ?? null,
    updatedAt: changed === '' ? new Date(0).toISOString() : stampTime(changed),
    ...(status?.snoozedUntil === undefined ? {} : { snoozedUntil: status.snoozedUntil }),
  };
  return { state, conflicts: noteConflicts(registers.note) };
}
