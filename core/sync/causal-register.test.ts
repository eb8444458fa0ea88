import { describe, expect, it } from 'vitest';

import { canonicalJson } from './canonical-json.js';
import {
  combineRegisters,
  emptySeen,
  joinRegisters,
  latestVersion,
  normaliseRegister,
  written,
  type Register,
  type Seen,
} from './causal-register.js';
import { encodeStamp } from './hlc.js';
import { Prng } from './simulation/prng.js';

const DEVICES = ['aaaaaa', 'bbbbbb', 'cccccc'];
const stamp = (n: number): string => encodeStamp({ physical: 1_700_000_000_000 + n, logical: 0 });
const seen = (entries: Record<string, number>): Seen =>
  Object.fromEntries(Object.entries(entries).map(([device, n]) => [device, stamp(n)]));

/**
 * Registers as devices make them: each device writes in turn, having seen some of the others' writes (never less
 * of a device than it saw before), now and then a write of no value (an untag).
 */
function randomRegisters(prng: Prng, count: number): Register<string>[] {
  const known = new Map(
    DEVICES.map((device) => [device, normaliseRegister<string>({ versions: [], seen: emptySeen() })]),
  );
  const made: Register<string>[] = [];
  for (let n = 1; n <= count; n++) {
    const device = prng.pick(DEVICES);
    let view = known.get(device) ?? normaliseRegister<string>({ versions: [], seen: emptySeen() });
    for (const other of made) if (prng.chance(0.3)) view = joinRegisters(view, other);
    const versions = prng.chance(0.2) ? [] : [{ stamp: stamp(n), device, value: `v${n}` }];
    const write = written(device, stamp(n), versions, view.seen);
    made.push(write);
    known.set(device, joinRegisters(view, write));
  }
  return made;
}

const text = (register: Register<unknown>): string => canonicalJson(register);

describe('the causal register', () => {
  it('keeps both of two writes made apart, showing the later', () => {
    const a = written('aaaaaa', stamp(1), [{ stamp: stamp(1), device: 'aaaaaa', value: 'a' }], emptySeen());
    const b = written('bbbbbb', stamp(2), [{ stamp: stamp(2), device: 'bbbbbb', value: 'b' }], emptySeen());
    const both = joinRegisters(a, b);
    expect(both.versions.map((version) => version.value)).toEqual(['a', 'b']);
    expect(latestVersion(both)?.value).toBe('b');
  });

  it('drops a write that a later one had seen, even one stamped after it', () => {
    const ahead = written('aaaaaa', stamp(100), [{ stamp: stamp(100), device: 'aaaaaa', value: 'ahead' }], emptySeen());
    const after = written('bbbbbb', stamp(2), [{ stamp: stamp(2), device: 'bbbbbb', value: 'after' }], ahead.seen);
    expect(joinRegisters(ahead, after).versions.map((version) => version.value)).toEqual(['after']);
    expect(joinRegisters(after, ahead).versions.map((version) => version.value)).toEqual(['after']);
  });

  it('joins in any order, in any grouping, any number of times, to the same register', () => {
    const prng = new Prng(11);
    for (let round = 0; round < 200; round++) {
      const registers = randomRegisters(prng, 3 + prng.below(8));
      const [a, b, c] = prng.some(registers, 3) as [Register<string>, Register<string>, Register<string>];
      expect(text(joinRegisters(a, b))).toBe(text(joinRegisters(b, a)));
      expect(text(joinRegisters(joinRegisters(a, b), c))).toBe(text(joinRegisters(a, joinRegisters(b, c))));
      expect(text(joinRegisters(a, a))).toBe(text(a));
      const all = registers.reduce(joinRegisters);
      const shuffled = prng.shuffled([...registers, ...prng.some(registers, 3)]).reduce(joinRegisters);
      expect(text(shuffled)).toBe(text(all));
    }
  });

  it('combines the registers of two names without one’s `seen` dropping the other’s versions', () => {
    const mine = written('aaaaaa', stamp(1), [{ stamp: stamp(1), device: 'aaaaaa', value: 'here' }], emptySeen());
    const there = written('aaaaaa', stamp(5), [{ stamp: stamp(5), device: 'aaaaaa', value: 'there' }], emptySeen());
    expect(joinRegisters(mine, there).versions.map((version) => version.value)).toEqual(['there']);
    expect(combineRegisters(mine, there).versions.map((version) => version.value)).toEqual(['here', 'there']);
    // A write under the other name that saw both: the one by `seen`, the other by name.
    const both = combineRegisters(mine, there);
    const named = written('bbbbbb', stamp(6), [{ stamp: stamp(6), device: 'bbbbbb', value: 'both seen' }], there.seen, [
      `${stamp(1)}@aaaaaa`,
    ]);
    const after = combineRegisters(mine, joinRegisters(there, named));
    expect(after.versions.map((version) => version.value)).toEqual(['both seen']);
    expect(text(combineRegisters(joinRegisters(named, there), mine))).toBe(text(after));
    expect(both.versions).toHaveLength(2);
  });

  it('keeps one version of a stamp two computers gave as one device, the same one everywhere', () => {
    const one = normaliseRegister({ versions: [{ stamp: stamp(1), device: 'aaaaaa', value: 'one' }], seen: seen({}) });
    const other = normaliseRegister({
      versions: [{ stamp: stamp(1), device: 'aaaaaa', value: 'two' }],
      seen: seen({}),
    });
    expect(text(joinRegisters(one, other))).toBe(text(joinRegisters(other, one)));
    expect(joinRegisters(one, other).versions).toHaveLength(1);
  });
});
