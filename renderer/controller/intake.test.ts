import { describe, expect, it } from 'vitest';
import { ApiCallError, type DailyPapersReport, type ImportReport, type LibraryApi } from '../../core/api.js';
import type { CompletionReport } from '../../core/complete.js';
import type { ImportPreview } from '../../core/import/preview.js';
import type { Paper } from '../../core/model.js';
import { paper } from '../../tests/builders.js';
import { INITIAL_STATE, loaded } from '../state/state.js';
import { createStore } from '../state/store.js';
import type { Dialog } from '../state/types.js';
import { Intake } from './intake.js';
import { TaskRunner } from './tasks.js';

type IntakeApi = Pick<
  LibraryApi,
  'previewImport' | 'importText' | 'addPapers' | 'fetchDailyPapers' | 'completePapers' | 'taskProgress' | 'cancelTask'
>;

const reportOf = (added: readonly Paper[]): ImportReport => ({
  files: [
    {
      file: 'Pasted text',
      ok: true,
      kind: 'digest',
      summary: {
        digest: { id: 'hf-2025-03-11', title: 'Hugging Face Daily Papers, Mar 11, 2025' },
        added: added.map(({ id, title }) => ({ id, title })),
        merged: [],
        mergedInFile: [],
        skipped: [],
      },
      warnings: [],
      notes: [],
    },
  ],
  added: added.length,
  merged: 0,
});

const PREVIEW: ImportPreview = {
  name: 'Pasted text',
  format: 'arxiv-ids',
  formatName: 'a list of arXiv ids',
  title: 'arXiv papers',
  summary: '1 paper: new',
  added: 1,
  merged: 0,
  papers: [{ title: 'A paper', authors: [], arxivId: '2410.03060', existing: null }],
  skipped: [],
  warnings: [],
};

const refused = (kind: 'network' | 'cancelled', message: string) => Promise.reject(new ApiCallError({ kind, message }));
const unexpected = () => Promise.reject(new Error('not expected'));

/** The intake over `api`, with the library as `papers` after each reload; what it shows is recorded. */
function intake(api: Partial<IntakeApi>, papers: readonly Paper[] = []) {
  const store = createStore(loaded(INITIAL_STATE, [], []));
  const shown = { dialogs: [] as (Dialog | null)[], toasts: [] as string[], reloads: [] as string[][] };
  const full: IntakeApi = {
    previewImport: unexpected,
    importText: unexpected,
    addPapers: unexpected,
    fetchDailyPapers: unexpected,
    completePapers: unexpected,
    taskProgress: () => Promise.resolve(null),
    cancelTask: () => Promise.resolve(false),
    ...api,
  };
  const tasks = new TaskRunner(store, full, () => 'task-1');
  const subject = new Intake(store, full, tasks, {
    reload: (changed) => {
      shown.reloads.push([...changed]);
      store.update((state) => loaded(state, papers, []));
      return Promise.resolve();
    },
    openDialog: (dialog) => shown.dialogs.push(dialog),
    closeDialog: () => shown.dialogs.push(null),
    toast: (message) => shown.toasts.push(message),
  });
  return { subject, shown, store };
}

describe('Intake', () => {
  it('previews pasted text as a task, storing nothing, and shows the preview', async () => {
    const asked: unknown[][] = [];
    const { subject, shown } = intake({
      previewImport: (...args) => {
        asked.push(args);
        return Promise.resolve(PREVIEW);
      },
    });
    await subject.previewPaste('2410.03060\n');
    expect(asked).toEqual([['2410.03060\n', 'Pasted text', { task: 'task-1' }]]);
    expect(shown.dialogs).toEqual([null, { kind: 'paste-preview', text: '2410.03060\n', preview: PREVIEW }]);
  });

  it('says there is nothing to import when the clipboard holds no text', async () => {
    const { subject, shown } = intake({});
    await subject.previewPaste('  \n');
    expect(shown.toasts).toEqual(['There is no text to import: copy a digest’s text, then paste it.']);
    expect(shown.dialogs).toEqual([]);
  });

  it('imports what was previewed, reloads its papers, and offers to complete those without authors', async () => {
    const thin = paper('p1', { authors: [] });
    const full = paper('p2', { authors: ['Ana Álvarez'] });
    const { subject, shown } = intake({ importText: () => Promise.resolve(reportOf([thin, full])) }, [thin, full]);
    await subject.importPaste('page text');
    expect(shown.reloads).toEqual([['p1', 'p2']]);
    expect(shown.dialogs.at(-1)).toEqual({ kind: 'import-report', report: reportOf([thin, full]), incomplete: ['p1'] });
  });

  it('fetches a day; an empty one says so and changes nothing', async () => {
    const asked: unknown[][] = [];
    const empty: DailyPapersReport = {
      days: [{ date: '2025-03-15', papers: 0 }],
      latest: null,
      report: { files: [], added: 0, merged: 0 },
    };
    const { subject, shown } = intake({
      fetchDailyPapers: (...args) => {
        asked.push(args);
        return Promise.resolve(empty);
      },
    });
    await subject.fetchDailyPapers('2025-03-15');
    expect(asked).toEqual([[{ date: '2025-03-15' }, { task: 'task-1' }]]);
    expect(shown.toasts).toEqual(['Hugging Face lists no papers for Mar 15, 2025. Nothing was imported.']);
    expect(shown.reloads).toEqual([]);
  });

  it('shows a failed fetch in the library’s words', async () => {
    const { subject, shown } = intake({
      fetchDailyPapers: () => refused('network', 'Could not reach huggingface.co: connection refused'),
    });
    await subject.fetchDailyPapers('2025-03-11');
    expect(shown.dialogs.at(-1)).toEqual({
      kind: 'import-failed',
      title: 'The fetch failed',
      message: 'Could not reach huggingface.co: connection refused.',
    });
  });

  it('shows a paste that is no digest with the reason, begun as a sentence', async () => {
    const { subject, shown } = intake({
      previewImport: () =>
        Promise.reject(
          new ApiCallError({ kind: 'invalid-input', message: 'it looks like a BibTeX file but contains no papers' }),
        ),
    });
    await subject.previewPaste('@string{a = "b"}');
    expect(shown.dialogs.at(-1)).toEqual({
      kind: 'import-failed',
      title: 'The pasted text cannot be imported',
      message: 'It looks like a BibTeX file but contains no papers.',
    });
  });

  it('says a cancelled addition changed nothing', async () => {
    const { subject, shown } = intake({ addPapers: () => refused('cancelled', 'Cancelled.') });
    await subject.addPapers(['2410.03060']);
    expect(shown.toasts).toEqual(['Cancelled. Nothing in your library changed.']);
    expect(shown.reloads).toEqual([]);
  });

  it('completes papers, reloads those completed and those they merged into, and reports', async () => {
    const report: CompletionReport = {
      completed: [
        { id: 'p1', title: 'One', arxivId: '2410.03060', mergedInto: null },
        { id: 'p2', title: 'Two', arxivId: '2410.03061', mergedInto: 'p9' },
      ],
      notCompleted: [{ id: 'p3', title: 'Three', reason: 'no-match', message: 'no', candidates: [] }],
    };
    const { subject, shown } = intake({ completePapers: () => Promise.resolve(report) });
    await subject.completePapers(['p1', 'p2', 'p3']);
    expect(shown.reloads).toEqual([['p1', 'p2', 'p9']]);
    expect(shown.dialogs.at(-1)).toEqual({ kind: 'completion-report', report });
  });

  it('keeps the dialog that asked while another task runs, and says so', async () => {
    let finish: (report: ImportReport) => void = () => undefined;
    const { subject, shown } = intake({
      addPapers: () => new Promise((resolve) => (finish = resolve)),
      completePapers: unexpected,
    });
    const adding = subject.addPapers(['2410.03060']);
    await subject.completePapers(['p1']);
    expect(shown.toasts).toEqual(['Adding 1 paper from arXiv is still running: wait for it, or cancel it.']);
    expect(shown.dialogs).toEqual([null]);
    finish(reportOf([]));
    await adding;
  });
});
