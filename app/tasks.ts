/**
 * Long calls (those that go to the network) as tasks: each has an AbortSignal that stops it and a progress that can
 * be read, by a task id for a front end across a transport, or directly for one in the same process (the CLI).
 */

import type { TaskOptions, TaskProgress } from '../core/api.js';
import { InvalidInputError } from '../core/errors.js';

/** How a call in the same process follows and stops a task, besides the task id any transport carries. */
export interface RunOptions extends TaskOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: TaskProgress) => void;
}

/** What a task's work is given: the signal that stops it, and where to say how far it has come. */
export interface Run {
  readonly signal: AbortSignal;
  readonly progress: (progress: TaskProgress) => void;
}

interface Task {
  readonly controller: AbortController;
  progress: TaskProgress | null;
}

export class Tasks {
  readonly #running = new Map<string, Task>();

  /** Runs `work` as a task: cancellable by `options.task` and `options.signal`, its progress told to both. */
  async run<T>(options: RunOptions | undefined, work: (run: Run) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const task: Task = { controller, progress: null };
    const id = options?.task;
    if (id !== undefined) {
      if (this.#running.has(id)) throw new InvalidInputError(`A task "${id}" is running already.`);
      this.#running.set(id, task);
    }
    const outer = options?.signal;
    const signal = outer === undefined ? controller.signal : AbortSignal.any([outer, controller.signal]);
    try {
      return await work({
        signal,
        progress: (progress) => {
          task.progress = progress;
          options?.onProgress?.(progress);
        },
      });
    } finally {
      if (id !== undefined) this.#running.delete(id);
    }
  }

  /** How far the task has come; null when it is not running (or has said nothing yet). */
  progress(id: string): TaskProgress | null {
    return this.#running.get(id)?.progress ?? null;
  }

  /** Stops the task; false when no task of that id is running. */
  cancel(id: string): boolean {
    const task = this.#running.get(id);
    task?.controller.abort();
    return task !== undefined;
  }
}
