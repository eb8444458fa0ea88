import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../tests/fake-clock.js';
import { Pacer } from './pacer.js';

describe('Pacer', () => {
  it('lets a first request go at once, and makes the next wait out the interval', async () => {
    const clock = new FakeClock();
    const pacer = new Pacer(3_000, clock);
    await pacer.turn();
    await pacer.turn();
    expect(clock.sleeps).toEqual([3_000]);
    clock.advance(5_000);
    await pacer.turn();
    expect(clock.sleeps).toEqual([3_000]);
  });

  it('counts the time a request took', async () => {
    const clock = new FakeClock();
    const pacer = new Pacer(3_000, clock);
    await pacer.turn();
    clock.advance(1_200);
    const waits: number[] = [];
    await pacer.turn(undefined, (ms) => waits.push(ms));
    expect(waits).toEqual([1_800]);
  });

  it('spaces callers that ask at once, in the order they asked', async () => {
    const clock = new FakeClock();
    const pacer = new Pacer(3_000, clock);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((caller) => pacer.turn().then(() => order.push(caller))));
    expect(order).toEqual([1, 2, 3]);
    expect(clock.sleeps).toEqual([3_000, 3_000]);
  });

  it('lets a cancelled caller go without holding up the next', async () => {
    const clock = new FakeClock();
    const pacer = new Pacer(3_000, clock);
    await pacer.turn();
    const cancelled = new AbortController();
    cancelled.abort();
    await expect(pacer.turn(cancelled.signal)).rejects.toThrow('Cancelled');
    await pacer.turn();
    expect(clock.sleeps).toEqual([3_000, 3_000]);
  });
});
