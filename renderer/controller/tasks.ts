/**
 * Calls that go to the network (a fetch, an addition, a completion, reading a pasted list of ids), one at a time,
 * as tasks: the library is given a task id, asked how far the task has come a few times a second while it runs,
 * and asked to stop it when the user cancels. A cancelled task changes nothing in the library.
 */

import { ApiCallError, type LibraryApi, type TaskOptions } from '../../core/api.js';
import type { Store } from '../state/store.js';
import type { AppState } from '../state/types.js';
import { errorMessage } from './error-text.js';

type TaskApi = Pick<LibraryApi, 'taskProgress' | 'cancelTask'>;

/** How a task ended: its value, cancelled, failed (in the library's words), or not begun as another was running. */
export type TaskOutcome<T> =
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'busy'; readonly running: string };

/** What the user is told when a task they cancelled has stopped. */
export const CANCELLED_NOTHING_CHANGED = 'Cancelled. Nothing in your library changed.';

/** What the user is told when a task cannot begin while `running` (another task's label) runs. */
export const stillRunning = (running: string): string => `${running} is still running: wait for it, or cancel it.`;

/** How often a running task's progress is asked for. */
const POLL_MS = 250;

let nextTaskNumber = 0;

/** Unique among the tasks of every page on one library: a count, and chance for other pages and windows. */
function newTaskId(): string {
  nextTaskNumber += 1;
  return `page-${nextTaskNumber}-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
}

function isCancelled(error: unknown): boolean {
  return error instanceof ApiCallError && error.error.kind === 'cancelled';
}

export class TaskRunner {
  private polling = false;
  /** Tasks the library has said it is stopping. */
  private readonly stopping = new Set<string>();

  constructor(
    private readonly store: Store<AppState>,
    private readonly api: TaskApi,
    private readonly newId: () => string = newTaskId,
    private readonly pollMs = POLL_MS,
  ) {}

  /** Runs `work` as the task `label` names, unless another task is running. */
  async run<T>(label: string, work: (options: TaskOptions) => Promise<T>): Promise<TaskOutcome<T>> {
    const running = this.store.get().task;
    if (running !== null) return { kind: 'busy', running: running.label };
    const id = this.newId();
    this.store.update((state) => ({ ...state, task: { id, label, progress: null, cancelling: false } }));
    const timer = setInterval(() => void this.poll(id), this.pollMs);
    try {
      return { kind: 'done', value: await work({ task: id }) };
    } catch (error) {
      return isCancelled(error) ? { kind: 'cancelled' } : { kind: 'failed', message: errorMessage(error) };
    } finally {
      clearInterval(timer);
      this.stopping.delete(id);
      this.store.update((state) => (state.task?.id === id ? { ...state, task: null } : state));
    }
  }

  /** Stops the running task: it ends as cancelled, having changed nothing (unless it was already saving). */
  cancel(): void {
    const { task } = this.store.get();
    if (task === null || task.cancelling) return;
    this.store.update((state) =>
      state.task === null ? state : { ...state, task: { ...state.task, cancelling: true } },
    );
    void this.askToCancel(task.id);
  }

  private async askToCancel(id: string): Promise<void> {
    try {
      if (await this.api.cancelTask(id)) this.stopping.add(id);
    } catch {
      // Asked again at the next poll.
    }
  }

  /**
   * Asks how far the task has come. A cancel that reached the library before the task had begun there (it answered
   * that no such task runs) is asked again, until the task stops.
   */
  private async poll(id: string): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const task = this.store.get().task;
      if (task?.id !== id) return;
      if (task.cancelling && !this.stopping.has(id)) await this.askToCancel(id);
      const progress = await this.api.taskProgress(id).catch(() => null);
      if (progress === null) return;
      this.store.update((state) => {
        const current = state.task;
        if (current?.id !== id) return state;
        const same =
          current.progress !== null &&
          current.progress.message === progress.message &&
          current.progress.done === progress.done &&
          current.progress.total === progress.total;
        return same ? state : { ...state, task: { ...current, progress } };
      });
    } finally {
      this.polling = false;
    }
  }
}
