/**
 * The progress bar of a long command, on the terminal's standard error: drawn over itself a few times a second,
 * and gone when the command ends. Only for a terminal (the caller decides): a log or a pipe gets none of it.
 */

import type { TaskProgress } from '../../core/api.js';

/**
 * How often the bar is drawn at most, and how long a command runs before it is drawn at all (no flicker); it is drawn
 * then, with what was last told, whether or not more is told by then.
 */
const REDRAW_MS = 250;
const WIDTH = 30;
/** Back to the start of the line, and the line cleared: every progress line of the CLI is written over in place. */
export const CLEAR_LINE = '\r\u001b[2K';

export interface ProgressBar {
  readonly update: (progress: TaskProgress) => void;
  /** Clears the bar, if it was drawn. */
  readonly done: () => void;
}

export function importProgressBar(
  write: (text: string) => void,
  now: () => number = () => performance.now(),
  schedule: (draw: () => void, ms: number) => () => void = scheduleUnref,
): ProgressBar {
  const started = now();
  let drawnAt: number | null = null;
  let shown: { readonly stage: string; readonly line: string } | null = null;
  let latest: TaskProgress | null = null;
  /** Cancels the drawing put off until the bar's time comes; null when none is. */
  let cancelLater: (() => void) | null = null;
  const cancelPending = (): void => {
    cancelLater?.();
    cancelLater = null;
  };
  const draw = (progress: TaskProgress, time: number): void => {
    const line = lineOf(progress);
    drawnAt = time;
    if (line === shown?.line) return;
    shown = { stage: progress.message, line };
    write(`${CLEAR_LINE}${line}`);
  };
  return {
    update(progress) {
      const time = now();
      latest = progress;
      // A new stage is shown at once, once the bar is there at all.
      const newStage = shown !== null && shown.stage !== progress.message;
      const due = (drawnAt ?? started) + REDRAW_MS;
      if (time < due && !newStage) {
        // Drawn when its time comes even if nothing more is told by then: a stage that lasts (saving a large
        // library after a small file was read) shows.
        cancelLater ??= schedule(() => {
          cancelLater = null;
          if (latest !== null) draw(latest, now());
        }, due - time);
        return;
      }
      cancelPending();
      draw(progress, time);
    },
    done() {
      cancelPending();
      if (drawnAt !== null) write(CLEAR_LINE);
      drawnAt = null;
    },
  };
}

/** A timer that does not keep the process alive: the command's end clears the bar (done) whatever is pending. */
function scheduleUnref(draw: () => void, ms: number): () => void {
  const timer = setTimeout(draw, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

/** A share as a bar ("Importing ████░░░  43%"); any other step in words ("Importing: saving the library…"). */
function lineOf(progress: TaskProgress): string {
  if (progress.percent !== true)
    return `Importing: ${progress.message.charAt(0).toLowerCase()}${progress.message.slice(1)}…`;
  const share = Math.min(1, progress.done / 100);
  const filled = Math.round(share * WIDTH);
  return `Importing ${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)} ${String(Math.floor(share * 100)).padStart(3)}%`;
}
