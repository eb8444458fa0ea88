/**
 * A hybrid logical clock: the wall-clock millisecond and a counter, so that a device's stamps only ever increase
 * (whatever its clock does) and a change made after reading another's stamp is stamped after it. Pure: the wall
 * clock is an argument. A stamp is 13 base-36 characters (9 of milliseconds, up to the year 5188, and 4 of counter),
 * so stamps sort as strings.
 */

export type Stamp = string;

export interface Hlc {
  /** Milliseconds since the epoch: the latest of this clock's wall clock and every stamp it adopted. */
  readonly physical: number;
  /** Counts the stamps given within one millisecond. */
  readonly logical: number;
}

/**
 * How far ahead of this computer's clock another device's stamp may be and still be adopted. A stamp further ahead
 * (its computer's clock is wrong) is merged like any other, but this clock does not jump to it: one wrong clock does
 * not drag every device's stamps into the future. Which change wins does not depend on it (causal-register.ts): a
 * change made after seeing another supersedes it whatever their stamps.
 */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

const PHYSICAL_DIGITS = 9;
const LOGICAL_DIGITS = 4;
const MAX_PHYSICAL = 36 ** PHYSICAL_DIGITS - 1;
const MAX_LOGICAL = 36 ** LOGICAL_DIGITS - 1;
const STAMP = /^[0-9a-z]{13}$/;

export const ZERO_HLC: Hlc = { physical: 0, logical: 0 };

export function encodeStamp({ physical, logical }: Hlc): Stamp {
  return physical.toString(36).padStart(PHYSICAL_DIGITS, '0') + logical.toString(36).padStart(LOGICAL_DIGITS, '0');
}

export const ZERO_STAMP: Stamp = encodeStamp(ZERO_HLC);

export function isStamp(value: unknown): value is Stamp {
  return typeof value === 'string' && STAMP.test(value);
}

export function decodeStamp(stamp: Stamp): Hlc {
  if (!isStamp(stamp)) throw new TypeError(`${JSON.stringify(stamp)} is not a stamp`);
  return {
    physical: parseInt(stamp.slice(0, PHYSICAL_DIGITS), 36),
    logical: parseInt(stamp.slice(PHYSICAL_DIGITS), 36),
  };
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a.physical !== b.physical ? a.physical - b.physical : a.logical - b.logical;
}

function wallClock(nowMs: number): number {
  return Math.min(MAX_PHYSICAL, Math.max(0, Math.floor(Number.isFinite(nowMs) ? nowMs : 0)));
}

/** The next stamp: after every stamp this clock gave or adopted, and at the wall clock when that is later. */
export function tick(clock: Hlc, nowMs: number): { readonly clock: Hlc; readonly stamp: Stamp } {
  const wall = wallClock(nowMs);
  let next: Hlc =
    wall > clock.physical ? { physical: wall, logical: 0 } : { physical: clock.physical, logical: clock.logical + 1 };
  // A counter that runs out moves the stamp a millisecond on: still after every earlier one.
  if (next.logical > MAX_LOGICAL) next = { physical: next.physical + 1, logical: 0 };
  if (next.physical > MAX_PHYSICAL) throw new RangeError('The clock has run past the year 5188.');
  return { clock: next, stamp: encodeStamp(next) };
}

/**
 * The clock after reading another device's stamp: moved up to it, so that the next stamp comes after it, unless it
 * is more than MAX_CLOCK_AHEAD_MS ahead of the wall clock (`ahead`: this clock stays as it was).
 */
export function receive(clock: Hlc, stamp: Stamp, nowMs: number): { readonly clock: Hlc; readonly ahead: boolean } {
  const remote = decodeStamp(stamp);
  if (remote.physical > wallClock(nowMs) + MAX_CLOCK_AHEAD_MS) return { clock, ahead: true };
  return { clock: compareHlc(remote, clock) > 0 ? remote : clock, ahead: false };
}

/** The clock of a device that gave every stamp of `own`: past them all, whatever the wall clock says. */
export function clockAfter(own: Iterable<Stamp>): Hlc {
  let latest = ZERO_STAMP;
  for (const stamp of own) if (stamp > latest) latest = stamp;
  return decodeStamp(latest);
}

/** When the stamp was given, as an ISO time (what `updatedAt` shows). */
export function stampTime(stamp: Stamp): string {
  return new Date(decodeStamp(stamp).physical).toISOString();
}

/** A stamp at an ISO time (a stamp for what today's library files hold); time zero when it is not one. */
export function stampAt(iso: string, logical = 0): Stamp {
  const ms = Date.parse(iso);
  return encodeStamp({ physical: wallClock(Number.isNaN(ms) ? 0 : ms), logical: Math.min(logical, MAX_LOGICAL) });
}

/** The stamp just before `stamp`, or null for the first stamp of all. */
export function stampBefore(stamp: Stamp): Stamp | null {
  const { physical, logical } = decodeStamp(stamp);
  if (logical > 0) return encodeStamp({ physical, logical: logical - 1 });
  return physical > 0 ? encodeStamp({ physical: physical - 1, logical: MAX_LOGICAL }) : null;
}
