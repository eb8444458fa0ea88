/** Scheduling work behind the next frame, so that what the page has to show is drawn first. */

/** Runs `run` once the page has painted what it has now (or soon, when it is not being painted at all). */
export function afterNextPaint(run: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState !== 'visible') setTimeout(run, 0);
  else requestAnimationFrame(() => setTimeout(run, 0));
}

export function nextPaint(): Promise<void> {
  return new Promise((resolve) => afterNextPaint(resolve));
}
