/**
 * The progress bar of a long command, on the terminal's standard error: drawn over itself a few times a second,
 * and gone when the command ends. Only for a terminal (the caller decides): a log or a pipe gets none of it.
 */

import type { TaskProgress } from '../../core/api.js';

/** How often the bar is drawn at most, and how long a command runs before it is drawn at all (no flicker). */
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
): ProgressBar {
  const started = now();
  let drawnAt: number | null = null;
  let shown: { readonly stage: string; readonly line: string } | null = null;
  return {
    update(progress) {
      const time = now();
      // A new stage is shown at once, once the bar is there at all.
      const newStage = shown !== null && shown.stage !== progress.message;
      if (time - (drawnAt ?? started) < REDRAW_MS && !newStage) return;
      const line = lineOf(progress);
      drawnAt = time;
      if (line === shown?.line) return;
      shown = { stage: progress.message, line };
      write(`${CLEAR_LINE}${line}`);
    },
    done() {
      if (drawnAt !== null) write(CLEAR_LINE);
      drawnAt = null;
    },
  };
}

/** A share as a bar ("Importing ████░░░  43%"); any other step in words ("Importing: saving the library…"). */
function lineOf(progress: TaskProgress): string {
  if (progress.percent !== true)
    return `Importing: ${progress.message.charAt(0).toLowerCase()}${progress.message.slice(1)}…`;
  const share = Math.min(1, progress.done / 100);
  const filled = Math.round(share * WIDTH);
  return `Importing ${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)} ${String(Math.floor(share * 100)).padStart(3)}%`;
}
