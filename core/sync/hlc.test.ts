import { describe, expect, it } from 'vitest';

import {
  clockAfter,
  compareHlc,
  decodeStamp,
  encodeStamp,
  MAX_CLOCK_AHEAD_MS,
  receive,
  stampAt,
  stampBefore,
  stampTime,
  tick,
  ZERO_HLC,
  type Hlc,
} from './hlc.js';
import { Prng } from './simulation/prng.js';

const NOW = Date.UTC(2025, 2, 11, 9);

describe('the hybrid logical clock', () => {
  it('gives stamps that sort as strings in the order of their clocks', () => {
    const prng = new Prng(7);
    const clocks: Hlc[] = Array.from({ length: 500 }, () => ({
      physical: prng.chance(0.5) ? NOW + prng.below(3) : prng.below(2 ** 40),
      logical: prng.below(36 ** 4),
    }));
    for (const clock of clocks) expect(decodeStamp(encodeStamp(clock))).toEqual(clock);
    const byClock = [...clocks].sort(compareHlc).map(encodeStamp);
    expect([...byClock].sort()).toEqual(byClock);
  });

  it('only ever goes forward, whatever the wall clock does', () => {
    let clock = ZERO_HLC;
    const stamps: string[] = [];
    for (const wall of [NOW, NOW, NOW - 60_000, NOW + 5, NOW + 5, NOW - 3_600_000]) {
      const next = tick(clock, wall);
      clock = next.clock;
      stamps.push(next.stamp);
    }
    expect(new Set(stamps).size).toBe(stamps.length);
    expect([...stamps].sort()).toEqual(stamps);
    expect(stampTime(stamps[0] ?? '')).toBe(new Date(NOW).toISOString());
    expect(decodeStamp(stamps.at(-1) ?? '')).toEqual({ physical: NOW + 5, logical: 2 });
  });

  it('moves a millisecond on when its counter runs out', () => {
    const full = { physical: NOW, logical: 36 ** 4 - 1 };
    expect(tick(full, NOW).clock).toEqual({ physical: NOW + 1, logical: 0 });
  });

  it('adopts a stamp of another device up to five minutes ahead, and no further', () => {
    const near = encodeStamp({ physical: NOW + MAX_CLOCK_AHEAD_MS, logical: 4 });
    const adopted = receive(ZERO_HLC, near, NOW);
    expect(adopted).toEqual({ clock: { physical: NOW + MAX_CLOCK_AHEAD_MS, logical: 4 }, ahead: false });
    expect(tick(adopted.clock, NOW).stamp > near).toBe(true);

    const far = encodeStamp({ physical: NOW + 3 * 3_600_000, logical: 0 });
    const refused = receive({ physical: NOW, logical: 2 }, far, NOW);
    expect(refused).toEqual({ clock: { physical: NOW, logical: 2 }, ahead: true });
    expect(decodeStamp(tick(refused.clock, NOW + 1).stamp).physical).toBe(NOW + 1);
  });

  it('starts past every stamp a device gave', () => {
    const given = [stampAt('2025-03-11T09:00:00.000Z', 3), stampAt('2025-03-10T09:00:00.000Z')];
    expect(tick(clockAfter(given), Date.UTC(2025, 0, 1)).stamp > (given[0] ?? '')).toBe(true);
  });

  it('names the stamp just before another, and none before the first', () => {
    const stamp = encodeStamp({ physical: NOW, logical: 0 });
    expect(decodeStamp(stampBefore(stamp) ?? '')).toEqual({ physical: NOW - 1, logical: 36 ** 4 - 1 });
    expect(stampBefore(encodeStamp({ physical: NOW, logical: 2 }))).toBe(encodeStamp({ physical: NOW, logical: 1 }));
    expect(stampBefore(encodeStamp(ZERO_HLC))).toBeNull();
    expect(stampAt('not a time')).toBe(encodeStamp(ZERO_HLC));
  });
});
