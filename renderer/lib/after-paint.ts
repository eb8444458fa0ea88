/** Scheduling work behind the next frame, so that what the page has to show is drawn first. */

/** Runs `run` once the page has painted what it has now (or soon, when it is not being painted at all). */
export function afterNextPaint(run: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState !== 'visible') setTimeout(run, 0);
  else requestAnimationFrame(() => setTimeout(run, 0));
}

export function nextPaint(): Promise<void> {
  return new Promise((resolve) => afterNextPaint(resolve));
}

/** How long an idle slice may run where the page does not say (no requestIdleCallback). */
const IDLE_SLICE_MS = 8;

/**
 * Runs `run` when the page is idle, with `more()` telling whether there is time left for another slice of work (a
 * few milliseconds: a keystroke meanwhile waits at most a slice).
 */
export function whenIdle(run: (more: () => boolean) => void): void {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback((deadline) => {
      run(() => deadline.timeRemaining() > 2);
    });
    return;
  }
  setTimeout(() => {
    const until = performance.now() + IDLE_SLICE_MS;
    run(() => performance.now() < until);
  }, 50);
}
