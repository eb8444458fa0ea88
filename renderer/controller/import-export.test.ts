import { describe, expect, it } from 'vitest';
import { ApiCallError, type DigestFile, type ImportReport, type LibraryApi, type TaskOptions } from '../../core/api.js';
import { INITIAL_STATE, loaded } from '../state/state.js';
import { createStore } from '../state/store.js';
import type { Dialog } from '../state/types.js';
import { ImportExport } from './import-export.js';
import { CANCELLED_NOTHING_CHANGED, TaskRunner } from './tasks.js';

type Api = Pick<LibraryApi, 'importFiles' | 'importSample' | 'exportLibrary' | 'taskProgress' | 'cancelTask'>;

const REPORT: ImportReport = {
  files: [
    {
      file: 'refs.bib',
      ok: true,
      kind: 'digest',
      summary: {
        digest: { id: 'bibtex-refs', title: 'BibTeX: refs.bib' },
        added: [{ id: 'p1', title: 'A paper' }],
        merged: [],
        mergedInFile: [],
        skipped: [],
      },
      warnings: [],
      notes: [],
    },
  ],
  added: 1,
  merged: 0,
};

/** File imports over `api`, with the page's task runner polling every millisecond; what it shows is recorded. */
function transfer(api: Partial<Api>) {
  const store = createStore(loaded(INITIAL_STATE, [], []));
  const shown = { dialogs: [] as Dialog[], toasts: [] as string[] };
  const unexpected = () => Promise.reject(new Error('not expected'));
  const full: Api = {
    importFiles: unexpected,
    importSample: unexpected,
    exportLibrary: unexpected,
    taskProgress: () => Promise.resolve(null),
    cancelTask: () => Promise.resolve(false),
    ...api,
  };
  const tasks = new TaskRunner(store, full, () => 'task-1', 1);
  const subject = new ImportExport(store, full, tasks, {
    reload: () => Promise.resolve(),
    openDialog: (dialog) => shown.dialogs.push(dialog),
    closeDialog: () => undefined,
    toast: (message) => shown.toasts.push(message),
  });
  return { subject, store, shown, tasks };
}

const file = (name: string, text: string): File => new File([text], name, { type: 'text/plain' });

describe('importing files in the app', () => {
  it('is a task: named by its file, its progress as a share, then its report', async () => {
    let finish: (report: ImportReport) => void = () => undefined;
    const asked: { files: readonly DigestFile[]; options: TaskOptions | undefined }[] = [];
    const { subject, store, shown } = transfer({
      importFiles: (files, options) => {
        asked.push({ files, options });
        return new Promise((resolve) => (finish = resolve));
      },
      taskProgress: (id) =>
        Promise.resolve(id === 'task-1' ? { message: 'Reading the files', done: 43, total: 100, percent: true } : null),
    });
    const importing = subject.importFiles([file('refs.bib', '@article{a, title={A paper}}')]);
    await expect.poll(() => store.get().task?.progress?.done).toBe(43);
    expect(store.get().task).toMatchObject({ id: 'task-1', label: 'Importing refs.bib' });
    expect(store.get().busy).toBe('importing');
    expect(asked[0]?.options).toEqual({ task: 'task-1' });
    finish(REPORT);
    await importing;
    expect(store.get().task).toBeNull();
    expect(store.get().busy).toBeNull();
    expect(shown.dialogs.map((dialog) => dialog.kind)).toEqual(['import-report']);
  });

  it('cancelled, changes nothing and says so; failing, says why', async () => {
    const cancelled = transfer({
      importFiles: () => Promise.reject(new ApiCallError({ kind: 'cancelled', message: 'Cancelled.' })),
    });
    await cancelled.subject.importFiles([file('a.bib', ''), file('b.bib', '')]);
    expect(cancelled.shown.toasts).toEqual([CANCELLED_NOTHING_CHANGED]);
    expect(cancelled.shown.dialogs).toEqual([]);

    const failing = transfer({
      importFiles: () => Promise.reject(new ApiCallError({ kind: 'invalid-input', message: 'The disk is full.' })),
    });
    await failing.subject.importFiles([file('a.bib', '')]);
    expect(failing.shown.dialogs).toEqual([expect.objectContaining({ kind: 'import-failed' })]);
    expect(JSON.stringify(failing.shown.dialogs)).toContain('The disk is full.');
  });
});
