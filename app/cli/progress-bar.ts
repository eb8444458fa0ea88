/**
 * The progress bar of a long command, on the terminal's standard error: drawn over itself a few times a second,
 * and gone when the command ends. Only for a terminal (the caller decides): a log or a pipe gets none of it.
 */

import type { ImportProgress } from '../library-service.js';

/** How often the bar is drawn at most, and how long a command runs before it is drawn at all (no flicker). */
const REDRAW_MS = 250;
const WIDTH = 30;
/** Back to the start of the line, and the line cleared: every progress line of the CLI is written over in place. */
export const CLEAR_LINE = '\r\u001b[2K';

export interface ProgressBar {
  readonly update: (progress: ImportProgress) => void;
  /** Clears the bar, if it was drawn. */
  readonly done: () => void;
}

export function importProgressBar(
  write: (text: string) => void,
  now: () => number = () => performance.now(),
): ProgressBar {
  const started = now();
  let drawnAt: number | null = null;
  let shown: { readonly stage: ImportProgress['stage']; readonly line: string } | null = null;
  return {
    update(progress) {
      const time = now();
      // A new stage is shown at once, once the bar is there at all.
      const newStage = shown !== null && shown.stage !== progress.stage;
      if (time - (drawnAt ?? started) < REDRAW_MS && !newStage) return;
      const line = lineOf(progress);
      drawnAt = time;
      if (line === shown?.line) return;
      shown = { stage: progress.stage, line };
      write(`${CLEAR_LINE}${line}`);
    },
    done() {
      if (drawnAt !== null) write(CLEAR_LINE);
      drawnAt = null;
    },
  };
}

function lineOf(progress: ImportProgress): string {
  if (progress.stage === 'saving') return 'Importing: saving the library…';
  const share = progress.total === 0 ? 1 : Math.min(1, progress.done / progress.total);
  const filled = Math.round(share * WIDTH);
  return `Importing ${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)} ${String(Math.floor(share * 100)).padStart(3)}%`;
}
