/**
 * The command line against the fake web APIs (fake-web-apis.ts) with a clock whose waits take no time: a fresh
 * library folder, server and clock for each test of a file that calls `useWebWorld`, taken down after it.
 */

import { afterEach, beforeEach } from 'vitest';
import { CliHarness, type RunOptions } from './cli-harness.js';
import { FakeClock } from './fake-clock.js';
import { FakeWebApis } from './fake-web-apis.js';

export interface WebWorld {
  readonly cli: CliHarness;
  readonly apis: FakeWebApis;
  readonly clock: FakeClock;
  /** What a run is given: the fake APIs' bases, the clock, then `options`. */
  options(options?: RunOptions): RunOptions;
}

/** `setUp` fills the fake APIs before each test. */
export function useWebWorld(setUp: (apis: FakeWebApis) => void = () => undefined): WebWorld {
  let current: { cli: CliHarness; apis: FakeWebApis; clock: FakeClock } | null = null;
  const now = (): NonNullable<typeof current> => {
    if (current === null) throw new Error('the web world is set up only during a test');
    return current;
  };
  beforeEach(async () => {
    current = { cli: await CliHarness.create(), apis: await FakeWebApis.start(), clock: new FakeClock() };
    setUp(current.apis);
  });
  afterEach(async () => {
    const { apis, cli } = now();
    current = null;
    await apis.close();
    await cli.remove();
  });
  return {
    get cli() {
      return now().cli;
    },
    get apis() {
      return now().apis;
    },
    get clock() {
      return now().clock;
    },
    options: (options = {}) => ({
      env: now().apis.env,
      network: { clock: now().clock, timeoutMs: 2_000 },
      ...options,
    }),
  };
}
