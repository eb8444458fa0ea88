/** How long `run` takes, in milliseconds: for tests that a piece of work stays linear on hostile input. */
export function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/**
 * The most a test allows such work: each input these tests give once took minutes (quadratic or exponential work)
 * or ran out of memory, so the bound is loose enough that a machine busy with other work never fails it, and a
 * return of the old behaviour always does.
 */
export const LINEAR_WORK_MS = 10_000;
