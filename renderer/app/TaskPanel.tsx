import './TaskPanel.css';
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { useAppState, useController } from '../kit/context.js';

/** Tells the page how tall the panel is, so that the toasts stand above it (TaskPanel.css). */
function useHeightOnRoot(ref: RefObject<HTMLElement | null>, shown: boolean): void {
  useLayoutEffect(() => {
    const panel = ref.current;
    if (!shown || panel === null) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      root.style.setProperty('--task-panel-height', `${panel.offsetHeight}px`);
    });
    observer.observe(panel);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--task-panel-height');
    };
  }, [ref, shown]);
}

/**
 * The network task running (a fetch, an addition, a completion): what it does, how far it has come, and Cancel.
 * At the bottom of the window, under the toasts; a screen reader hears it start and its steps, politely.
 */
export function TaskPanel() {
  const controller = useController();
  const task = useAppState((state) => state.task);
  const ref = useRef<HTMLElement>(null);
  useHeightOnRoot(ref, task !== null);
  if (task === null) return null;
  const { progress } = task;
  const total = progress?.total ?? null;
  return (
    <section ref={ref} className="task-panel" aria-label="Running task">
      <div className="task-text" role="status">
        <span className="task-label">{task.cancelling ? `Cancelling: ${task.label}…` : `${task.label}…`}</span>
        {progress !== null && (
          <span className="task-step">
            {progress.message}
            {progress.percent === true
              ? ` (${progress.done} %)`
              : total !== null && total > 1 && ` (${Math.min(progress.done + 1, total)} of ${total})`}
          </span>
        )}
      </div>
      <progress
        className="task-progress"
        aria-label={task.label}
        {...(total === null || total === 0 ? {} : { max: total, value: progress?.done ?? 0 })}
      />
      <button
        type="button"
        className="button is-small"
        disabled={task.cancelling}
        onClick={() => controller.cancelTask()}
      >
        Cancel
      </button>
    </section>
  );
}
