/**
 * The day's papers in: a pasted digest (previewed before anything is stored), a day of Hugging Face Daily Papers,
 * papers by arXiv id, and thin papers completed from arXiv. Each goes to the network in the main process or the
 * server, as a task the user can follow and cancel (tasks.ts); each reloads what it changed and reports.
 */

import type { DailyPapersReport, ImportReport, LibraryApi, TaskOptions } from '../../core/api.js';
import type { CompletionReport } from '../../core/complete.js';
import { isoDateLabel } from '../../core/import/dates.js';
import { plural } from '../lib/status.js';
import type { Store } from '../state/store.js';
import type { AppState, Dialog } from '../state/types.js';
import { sentence } from './error-text.js';
import { importReportDialog, papersChangedBy } from './import-changes.js';
import { CANCELLED_NOTHING_CHANGED, stillRunning, type TaskOutcome, type TaskRunner } from './tasks.js';
import type { Toaster } from './toasts.js';

type IntakeApi = Pick<LibraryApi, 'previewImport' | 'importText' | 'addPapers' | 'fetchDailyPapers' | 'completePapers'>;

/** What the intake touches beyond the store. */
interface IntakeHooks {
  /** Reloads the library; `changed`: the papers that were added or changed. */
  readonly reload: (changed: ReadonlySet<string>) => Promise<void>;
  readonly openDialog: (dialog: Dialog) => void;
  readonly closeDialog: () => void;
  readonly toast: Toaster;
}

/** The name a pasted digest is imported under: what the report and the digest's source say. */
const PASTED_TEXT = 'Pasted text';

/** A reason as the importer words it ("it looks like a BibTeX file but…"), begun as a sentence of its own. */
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export class Intake {
  constructor(
    private readonly store: Store<AppState>,
    private readonly api: IntakeApi,
    private readonly tasks: TaskRunner,
    private readonly hooks: IntakeHooks,
  ) {}

  /** Reads pasted text as a digest and shows what importing it would do; nothing is stored yet. */
  async previewPaste(text: string): Promise<void> {
    if (text.trim() === '') {
      this.hooks.toast('There is no text to import: copy a digest’s text, then paste it.', 'error');
      return;
    }
    const outcome = await this.start('Reading the pasted text', (options) =>
      this.api.previewImport(text, PASTED_TEXT, options),
    );
    this.settle(outcome, 'The pasted text cannot be imported', (preview) =>
      this.hooks.openDialog({ kind: 'paste-preview', text, preview }),
    );
  }

  /** Imports the pasted text the preview showed. */
  async importPaste(text: string): Promise<void> {
    const outcome = await this.start('Importing the pasted text', (options) =>
      this.api.importText(text, PASTED_TEXT, options),
    );
    await this.settleImport(outcome, 'The pasted text could not be imported');
  }

  /** Imports one day (YYYY-MM-DD) of Hugging Face Daily Papers. */
  async fetchDailyPapers(date: string): Promise<void> {
    const day = isoDateLabel(date);
    const outcome = await this.start(`Fetching Hugging Face Daily Papers of ${day}`, (options) =>
      this.api.fetchDailyPapers({ date }, options),
    );
    if (outcome.kind !== 'done') {
      this.settle(outcome, 'The fetch failed', () => undefined);
      return;
    }
    const { report, days }: DailyPapersReport = outcome.value;
    if (report.files.length === 0 || days.every((entry) => entry.papers === 0)) {
      this.hooks.toast(`Hugging Face lists no papers for ${day}. Nothing was imported.`, 'info');
      return;
    }
    await this.reported(report);
  }

  /** Adds papers by arXiv id or link, with their details from arXiv. */
  async addPapers(refs: readonly string[]): Promise<void> {
    const outcome = await this.start(`Adding ${plural(refs.length, 'paper')} from arXiv`, (options) =>
      this.api.addPapers(refs, options),
    );
    await this.settleImport(outcome, 'No paper was added');
  }

  /** Completes papers from arXiv: their arXiv id, authors, year, categories and links, where arXiv has one match. */
  async completePapers(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const outcome = await this.start(`Completing ${plural(ids.length, 'paper')} from arXiv`, (options) =>
      this.api.completePapers(ids, options),
    );
    if (outcome.kind !== 'done') {
      this.settle(outcome, 'The papers could not be completed', () => undefined);
      return;
    }
    const report: CompletionReport = outcome.value;
    const changed = new Set(
      report.completed.flatMap((paper) => (paper.mergedInto === null ? [paper.id] : [paper.id, paper.mergedInto])),
    );
    if (changed.size > 0) await this.hooks.reload(changed);
    this.hooks.openDialog({ kind: 'completion-report', report });
  }

  /**
   * Runs a task in place of the dialog that asked for it; while another task runs, the dialog stays as it is and
   * the user is told.
   */
  private start<T>(label: string, work: (options: TaskOptions) => Promise<T>): Promise<TaskOutcome<T>> {
    if (this.store.get().task === null) this.hooks.closeDialog();
    return this.tasks.run(label, work);
  }

  private async settleImport(outcome: TaskOutcome<ImportReport>, failure: string): Promise<void> {
    if (outcome.kind === 'done') await this.reported(outcome.value);
    else this.settle(outcome, failure, () => undefined);
  }

  /** Reloads what an import changed, then shows its report. */
  private async reported(report: ImportReport): Promise<void> {
    if (report.added + report.merged > 0) await this.hooks.reload(papersChangedBy(report));
    this.hooks.openDialog(importReportDialog(this.store.get(), report));
  }

  /** What the user hears of a task's end: its value goes to `done`; a failure is shown under `failure`. */
  private settle<T>(outcome: TaskOutcome<T>, failure: string, done: (value: T) => void): void {
    switch (outcome.kind) {
      case 'done':
        done(outcome.value);
        break;
      case 'cancelled':
        this.hooks.toast(CANCELLED_NOTHING_CHANGED, 'info');
        break;
      case 'failed':
        this.hooks.openDialog({
          kind: 'import-failed',
          title: failure,
          message: sentence(capitalised(outcome.message)),
        });
        break;
      case 'busy':
        this.hooks.toast(stillRunning(outcome.running), 'error');
        break;
    }
  }
}
