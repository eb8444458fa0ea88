import { describe, expect, it } from 'vitest';
import { ApiCallError, type TaskProgress } from '../../core/api.js';
import { INITIAL_STATE } from '../state/state.js';
import { createStore } from '../state/store.js';
import { TaskRunner } from './tasks.js';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A library whose one task runs until the test ends it, and says how far it has come. */
function taskLibrary() {
  const progress = new Map<string, TaskProgress>();
  const cancels: { id: string; answered: boolean }[] = [];
  /** Whether the library knows the task yet: a cancel sent before it does finds nothing to stop. */
  let known = true;
  let finish: (value: string) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const api = {
    taskProgress: (id: string) => Promise.resolve(progress.get(id) ?? null),
    cancelTask: (id: string) => {
      cancels.push({ id, answered: known });
      if (known) fail(new ApiCallError({ kind: 'cancelled', message: 'Cancelled.' }));
      return Promise.resolve(known);
    },
  };
  const work = () =>
    new Promise<string>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  return {
    api,
    progress,
    cancels,
    work,
    finish: (value: string) => finish(value),
    fail: (error: unknown) => fail(error),
    setKnown: (value: boolean) => (known = value),
  };
}

function runner(library: ReturnType<typeof taskLibrary>) {
  const store = createStore(INITIAL_STATE);
  return { store, tasks: new TaskRunner(store, library.api, () => 'task-1', 5) };
}

describe('TaskRunner', () => {
  it('gives the work a task id, shows its progress as the library says it, and clears it at the end', async () => {
    const library = taskLibrary();
    const { store, tasks } = runner(library);
    let options: unknown;
    const outcome = tasks.run('Fetching', (given) => {
      options = given;
      return library.work();
    });
    expect(options).toEqual({ task: 'task-1' });
    expect(store.get().task).toEqual({ id: 'task-1', label: 'Fetching', progress: null, cancelling: false });
    library.progress.set('task-1', { message: 'Asking arXiv for 3 papers', done: 1, total: 2 });
    await wait(30);
    expect(store.get().task?.progress).toEqual({ message: 'Asking arXiv for 3 papers', done: 1, total: 2 });
    library.finish('the report');
    expect(await outcome).toEqual({ kind: 'done', value: 'the report' });
    expect(store.get().task).toBeNull();
  });

  it('runs one task at a time', async () => {
    const library = taskLibrary();
    const { tasks } = runner(library);
    const first = tasks.run('Fetching', () => library.work());
    expect(await tasks.run('Adding', () => Promise.resolve('no'))).toEqual({ kind: 'busy', running: 'Fetching' });
    library.finish('done');
    await first;
  });

  it('cancels: the library stops the task, which ends as cancelled', async () => {
    const library = taskLibrary();
    const { store, tasks } = runner(library);
    const outcome = tasks.run('Fetching', () => library.work());
    tasks.cancel();
    expect(store.get().task?.cancelling).toBe(true);
    expect(await outcome).toEqual({ kind: 'cancelled' });
    expect(library.cancels).toEqual([{ id: 'task-1', answered: true }]);
    expect(store.get().task).toBeNull();
  });

  it('asks again when the cancel reached the library before the task had begun there', async () => {
    const library = taskLibrary();
    library.setKnown(false);
    const { tasks } = runner(library);
    const outcome = tasks.run('Fetching', () => library.work());
    tasks.cancel();
    await wait(10);
    library.setKnown(true);
    expect(await outcome).toEqual({ kind: 'cancelled' });
    expect(library.cancels.map((cancel) => cancel.answered)).toContain(false);
    expect(library.cancels.at(-1)).toEqual({ id: 'task-1', answered: true });
  });

  it('says why a task failed, in the library’s words', async () => {
    const library = taskLibrary();
    const { tasks } = runner(library);
    const outcome = tasks.run('Fetching', () => library.work());
    library.fail(new ApiCallError({ kind: 'network', message: 'Could not reach huggingface.co: refused' }));
    expect(await outcome).toEqual({ kind: 'failed', message: 'Could not reach huggingface.co: refused' });
  });
});
