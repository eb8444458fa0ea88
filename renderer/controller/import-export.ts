/**
 * Imports (dropped or chosen files, the sample digest, or an import the desktop app made itself) and export: each
 * import reloads what it changed and reports; an export in browser mode comes back as a download.
 */

import type { FileImportResult, ImportReport, LibraryApi } from '../../core/api.js';
import type { ExportRequest } from '../../core/export/index.js';
import { describeFolderExport } from '../../core/export/folder-report.js';
import { isolated } from '../lib/bidi.js';
import { plural } from '../lib/status.js';
import type { Store } from '../state/store.js';
import type { AppState, Dialog } from '../state/types.js';
import { errorMessage } from './error-text.js';
import { importReportDialog, papersChangedBy } from './import-changes.js';
import { CANCELLED_NOTHING_CHANGED, stillRunning, type TaskRunner } from './tasks.js';
import type { Toaster } from './toasts.js';

/** Files larger than this are refused before they are read: no digest is anywhere near it. */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

type ImportExportApi = Pick<LibraryApi, 'importFiles' | 'importSample' | 'exportLibrary'>;

/** What importing and exporting touch beyond the store. */
interface ImportExportHooks {
  /** Reloads the library; `changed`: the papers an import added or changed. */
  readonly reload: (changed: ReadonlySet<string>) => Promise<void>;
  readonly openDialog: (dialog: Dialog) => void;
  readonly closeDialog: () => void;
  readonly toast: Toaster;
}

export class ImportExport {
  constructor(
    private readonly store: Store<AppState>,
    private readonly api: ImportExportApi,
    private readonly tasks: TaskRunner,
    private readonly hooks: ImportExportHooks,
  ) {}

  async importFiles(files: readonly File[]): Promise<void> {
    if (files.length === 0 || this.store.get().busy !== null) return;
    this.store.update((state) => ({ ...state, busy: 'importing' }));
    try {
      const tooLarge: FileImportResult[] = files
        .filter((file) => file.size > MAX_IMPORT_BYTES)
        .map((file) => ({
          file: file.name,
          ok: false as const,
          error: `At ${(file.size / 1024 / 1024).toFixed(0)} MB it is far larger than any digest; it was not read.`,
        }));
      const readable = files.filter((file) => file.size <= MAX_IMPORT_BYTES);
      const payload = await Promise.all(
        readable.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
      );
      let report: ImportReport = { files: [], added: 0, merged: 0 };
      if (payload.length > 0) {
        // A task, so that a large import shows how far it has come and can be cancelled before it saves.
        const [only] = payload;
        const label =
          payload.length === 1 && only !== undefined
            ? `Importing ${only.name}`
            : `Importing ${plural(payload.length, 'file')}`;
        const outcome = await this.tasks.run(label, (options) => this.api.importFiles(payload, options));
        if (outcome.kind === 'cancelled') {
          this.hooks.toast(CANCELLED_NOTHING_CHANGED, 'info');
          return;
        }
        if (outcome.kind === 'busy') {
          this.hooks.toast(stillRunning(outcome.running), 'error');
          return;
        }
        if (outcome.kind === 'failed') throw new Error(outcome.message);
        report = outcome.value;
      }
      const combined = { ...report, files: [...report.files, ...tooLarge] };
      if (report.added + report.merged > 0) await this.hooks.reload(papersChangedBy(report));
      this.hooks.openDialog(importReportDialog(this.store.get(), combined));
    } catch (error) {
      this.hooks.openDialog({ kind: 'import-failed', message: errorMessage(error) });
    } finally {
      this.store.update((state) => ({ ...state, busy: null }));
    }
  }

  async importSample(): Promise<void> {
    if (this.store.get().busy !== null) return;
    this.store.update((state) => ({ ...state, busy: 'importing' }));
    try {
      const report = await this.api.importSample();
      await this.hooks.reload(papersChangedBy(report));
      const problems = report.files.some(
        (file) => !file.ok || file.warnings.length > 0 || (file.kind === 'digest' && file.summary.skipped.length > 0),
      );
      if (problems || report.added === 0) this.hooks.openDialog({ kind: 'import-report', report });
      else this.hooks.toast(`Imported ${plural(report.added, 'paper')} from the sample digest.`, 'info');
    } catch (error) {
      this.hooks.openDialog({ kind: 'import-failed', message: errorMessage(error) });
    } finally {
      this.store.update((state) => ({ ...state, busy: null }));
    }
  }

  /** The desktop app imported files itself (File → Import): reload, and show what happened. */
  async imported(report: ImportReport): Promise<void> {
    await this.hooks.reload(papersChangedBy(report));
    this.hooks.openDialog(importReportDialog(this.store.get(), report));
  }

  /**
   * Exports through the library: the desktop app asks where to save; browser mode hands the document back and it
   * is downloaded here. Returns an error message for the export dialog to show, or null when done.
   */
  async exportLibrary(request: ExportRequest): Promise<string | null> {
    try {
      const result = await this.api.exportLibrary(request);
      if (result.kind === 'cancelled') return null;
      const what = request.format === 'json' ? 'the whole library' : plural(result.papers, 'paper');
      if (result.kind === 'saved') {
        const folder = result.folder === undefined ? '' : describeFolderExport(result.folder, 5);
        this.hooks.toast(`Exported ${what} to ${isolated(result.path)}.${folder === '' ? '' : ` ${folder}`}`, 'info');
      } else {
        download(result.fileName, result.mimeType, result.content);
        this.hooks.toast(`Exported ${what} as ${isolated(result.fileName)}.`, 'info');
      }
      this.hooks.closeDialog();
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }
}

/** Saves text as a file through the browser's download. */
function download(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
