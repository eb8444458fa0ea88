/**
 * A causal register: the values written to one thing (a paper's status, its note, one of its tags, a digest's day)
 * that no later write has superseded. Each version carries its stamp and device; `seen` holds, per device, the latest
 * stamp the register has seen from it. A write supersedes exactly what its writer had seen, whatever the clocks say;
 * versions written without knowledge of each other (concurrently) all stay, and are told apart by stamp, then device.
 *
 * The join keeps a version while no state that has seen it has dropped it. It is commutative, associative and
 * idempotent as long as every state has seen its own versions (`normaliseRegister` makes sure of it), so registers
 * merged in any order, any number of times, come out the same. A device's writes to one register follow each other
 * (each sees the one before), which is why `seen` can be a stamp per device rather than a list of every version seen.
 *
 * That holds of one register, not of two found later to be one (a paper two devices imported under two names,
 * library.ts): there a device's write must not supersede, by its own stamp, its own versions of the other name that
 * it never saw. So registers of different names are combined (`combineRegisters`) without `seen`, and a write
 * supersedes the versions it saw under other names by naming them (`killed`, each `<stamp>@<device>`). Pure.
 */

import { canonicalJson, compareCodePoints } from './canonical-json.js';
import type { Stamp } from './hlc.js';

export type DeviceId = string;

/** Per device, the latest stamp seen from it. A null-prototype record: device ids are data. */
export type Seen = Readonly<Record<DeviceId, Stamp>>;

export interface Version<T> {
  readonly stamp: Stamp;
  readonly device: DeviceId;
  readonly value: T;
}

export interface Register<T> {
  /** The versions still standing, oldest first. */
  readonly versions: readonly Version<T>[];
  readonly seen: Seen;
  /** Versions superseded by name (dotOf), seen under another name of the same paper; sorted. */
  readonly killed?: readonly string[];
}

/** A version's name: `<stamp>@<device>`, as a change's (ops.ts opId). */
export function dotOf(version: { readonly stamp: Stamp; readonly device: DeviceId }): string {
  return `${version.stamp}@${version.device}`;
}

function joinKilled(a: readonly string[] | undefined, b: readonly string[] | undefined): readonly string[] | undefined {
  if (b === undefined || b.length === 0 || a === b) return a;
  if (a === undefined || a.length === 0) return b;
  const union = new Set(a);
  for (const dot of b) union.add(dot);
  return union.size === a.length ? a : [...union].sort(compareCodePoints);
}

function alive<T>(versions: readonly Version<T>[], killed: readonly string[] | undefined): readonly Version<T>[] {
  if (killed === undefined || killed.length === 0) return versions;
  const dead = new Set(killed);
  const standing = versions.filter((version) => !dead.has(dotOf(version)));
  return standing.length === versions.length ? versions : standing;
}

function withKilled<T>(register: Register<T>, killed: readonly string[] | undefined): Register<T> {
  return killed === undefined || killed.length === 0 ? register : { ...register, killed };
}

export function emptySeen(): Record<DeviceId, Stamp> {
  return Object.create(null) as Record<DeviceId, Stamp>;
}

function seenStamp(seen: Seen, device: DeviceId): Stamp | undefined {
  return Object.hasOwn(seen, device) ? seen[device] : undefined;
}

/** Whether `seen` has seen the version `stamp` of `device` (or a later one of that device). */
function hasSeen(seen: Seen, device: DeviceId, stamp: Stamp): boolean {
  const latest = seenStamp(seen, device);
  return latest !== undefined && latest >= stamp;
}

function compareVersions(a: Version<unknown>, b: Version<unknown>): number {
  return a.stamp !== b.stamp ? compareCodePoints(a.stamp, b.stamp) : compareCodePoints(a.device, b.device);
}

/** Both, per device the later stamp; keys in code-point order. */
export function joinSeen(a: Seen, b: Seen): Seen {
  if (a === b || (covers(a, b) && isNormal(a))) return a;
  if (covers(b, a) && isNormal(b)) return b;
  const joined = emptySeen();
  for (const device of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(compareCodePoints)) {
    const left = seenStamp(a, device);
    const right = seenStamp(b, device);
    const later = left === undefined || (right !== undefined && right > left) ? right : left;
    if (later !== undefined) joined[device] = later;
  }
  return joined;
}

/** Whether `a` has seen everything `b` has. */
function covers(a: Seen, b: Seen): boolean {
  for (const device of Object.keys(b)) if (!hasSeen(a, device, b[device] ?? '')) return false;
  return true;
}

/** Made by joinSeen: without a prototype, its devices in code-point order. */
function isNormal(seen: Seen): boolean {
  if (Object.getPrototypeOf(seen) !== null) return false;
  const devices = Object.keys(seen);
  for (let index = 1; index < devices.length; index++)
    if ((devices[index - 1] ?? '') >= (devices[index] ?? '')) return false;
  return true;
}

/** `seen` with `stamp` of `device` seen too. */
function seeing(seen: Seen, device: DeviceId, stamp: Stamp): Seen {
  return hasSeen(seen, device, stamp) ? seen : joinSeen(seen, { [device]: stamp });
}

/** The register as written: versions in order, one per stamp and device, each seen by the register itself. */
export function normaliseRegister<T>(register: Register<T>): Register<T> {
  let seen = register.seen;
  for (const version of register.versions) seen = seeing(seen, version.device, version.stamp);
  const killed = register.killed === undefined ? undefined : [...new Set(register.killed)].sort(compareCodePoints);
  const versions = alive(distinctVersions([...register.versions].sort(compareVersions)), killed);
  return withKilled({ versions, seen: joinSeen(seen, emptySeen()) }, killed);
}

/**
 * One version per stamp and device. Two devices never give one stamp; two versions of one stamp and device mean a
 * copied device id (two computers writing as one): the one with the larger canonical value stays, on every device.
 */
function distinctVersions<T>(sorted: readonly Version<T>[]): Version<T>[] {
  const kept: Version<T>[] = [];
  for (const version of sorted) {
    const last = kept.at(-1);
    if (last === undefined || compareVersions(last, version) !== 0) kept.push(version);
    else if (!sameValue(version.value, last.value) && canonicalJson(version.value) > canonicalJson(last.value)) {
      kept[kept.length - 1] = version;
    }
  }
  return kept;
}

/** Whether two registers hold the same versions, seen and killed: a register read twice (a snapshot and a journal). */
function sameRegister<T>(a: Register<T>, b: Register<T>): boolean {
  if (a.versions.length !== b.versions.length) return false;
  for (let index = 0; index < a.versions.length; index++) {
    const [mine, theirs] = [a.versions[index], b.versions[index]];
    if (mine === undefined || theirs === undefined || !sameDot(mine, theirs) || !sameValue(mine.value, theirs.value))
      return false;
  }
  const devices = Object.keys(a.seen);
  if (devices.length !== Object.keys(b.seen).length || devices.some((device) => a.seen[device] !== b.seen[device]))
    return false;
  const [killedA = [], killedB = []] = [a.killed, b.killed];
  return killedA.length === killedB.length && killedA.every((dot, index) => killedB[index] === dot);
}

export function joinRegisters<T>(a: Register<T>, b: Register<T>): Register<T> {
  // The same register read twice joins to itself: said at once, the commonest join when a device opens.
  if (a === b || sameRegister(a, b)) return a;
  const killed = joinKilled(a.killed, b.killed);
  const fromA = alive(
    a.versions.filter((version) => keeps(b, version)),
    killed,
  );
  const fromB = b.versions.filter((version) => keeps(a, version) && !a.versions.some((mine) => sameDot(mine, version)));
  const seen = joinSeen(a.seen, b.seen);
  const same = (version: Version<T>): boolean => {
    const mine = a.versions.find((other) => sameDot(other, version));
    return mine === undefined || sameValue(mine.value, version.value);
  };
  // Nothing new: `a` itself, so that joining what is known already makes nothing new.
  const nothingNew = fromA.length === a.versions.length && fromB.length === 0 && seen === a.seen && killed === a.killed;
  if (nothingNew && b.versions.every(same)) return a;
  const standing = [...fromA, ...fromB, ...b.versions.filter((version) => !same(version))];
  return withKilled({ versions: alive(distinctVersions(standing.sort(compareVersions)), killed), seen }, killed);
}

/**
 * Registers of different names of one thing, as one: every version either holds that none names as superseded.
 * `seen` is not applied across them (see above); it is joined, for when the thing last changed.
 */
export function combineRegisters<T>(a: Register<T>, b: Register<T>): Register<T> {
  if (a === b) return a;
  const killed = joinKilled(a.killed, b.killed);
  const versions = [
    ...a.versions,
    ...b.versions.filter((version) => !a.versions.some((mine) => sameDot(mine, version))),
  ];
  return withKilled(
    { versions: alive(distinctVersions(versions.sort(compareVersions)), killed), seen: joinSeen(a.seen, b.seen) },
    killed,
  );
}

/**
 * Whether two values are the same data: compared field by field, for the flat values registers hold (a field may be
 * a list of strings, compared item by item).
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const left = a as Readonly<Record<string, unknown>>;
  const right = b as Readonly<Record<string, unknown>>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.hasOwn(right, key) && sameField(left[key], right[key]))
  );
}

function sameField(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((item, index) => item === b[index]);
}

/** Whether `register` lets `version` stand: it has not seen it, or has seen it and kept it. */
function keeps(register: Register<unknown>, version: Version<unknown>): boolean {
  return (
    !hasSeen(register.seen, version.device, version.stamp) || register.versions.some((other) => sameDot(other, version))
  );
}

function sameDot(a: Version<unknown>, b: Version<unknown>): boolean {
  return a.stamp === b.stamp && a.device === b.device;
}

/** The version that shows: the latest standing one. */
export function latestVersion<T>(register: Register<T>): Version<T> | undefined {
  return register.versions.at(-1);
}

/** The latest stamp the register has seen from any device: when it last changed. */
export function lastChanged(register: Register<unknown>): Stamp {
  let latest = '';
  for (const device of Object.keys(register.seen)) {
    const stamp = seenStamp(register.seen, device) ?? '';
    if (stamp > latest) latest = stamp;
  }
  return latest;
}

/**
 * A write of `device` at `stamp` that supersedes everything `seen` (the register as the writer saw it) and the
 * versions `killed` names (those it saw under another name).
 */
export function written<T>(
  device: DeviceId,
  stamp: Stamp,
  versions: readonly Version<T>[],
  seen: Seen,
  killed: readonly string[] = [],
): Register<T> {
  return normaliseRegister({ versions, seen: seeing(seen, device, stamp), killed });
}
