/** How long `run` takes, in milliseconds: for tests that a piece of work stays linear on hostile input. */
export function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}
