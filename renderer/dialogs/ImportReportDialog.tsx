import type { FileImportResult, ImportReport } from '../../core/api.js';
import { plural } from '../lib/status.js';
import { Dialog } from './Dialog.js';

function headline(report: ImportReport): string {
  const failed = report.files.filter((file) => !file.ok).length;
  if (report.added > 0) return `Imported ${plural(report.added, 'paper')}`;
  if (report.merged > 0) return 'Everything was already in your library';
  if (failed === report.files.length)
    return failed === 1 ? 'The file could not be imported' : 'The files could not be imported';
  return 'Nothing new to import';
}

export function ImportReportDialog({ report, onClose }: { report: ImportReport; onClose: () => void }) {
  const failed = report.files.filter((file) => !file.ok);
  return (
    <Dialog
      title={headline(report)}
      onClose={onClose}
      wide
      footer={
        <button type="button" className="button is-primary" autoFocus onClick={onClose}>
          Done
        </button>
      }
    >
      <p className="report-summary">
        {plural(report.added, 'new paper')} added · {plural(report.merged, 'paper')} already there
        {failed.length > 0 && ` · ${plural(failed.length, 'file')} failed`}
        {failed.length > 0 && report.added + report.merged === 0 && '. Nothing in your library changed.'}
      </p>
      <ul className="report-files">
        {report.files.map((file, position) => (
          <FileResult key={`${file.file}-${position}`} result={file} />
        ))}
      </ul>
    </Dialog>
  );
}

/** What a file was read as, and the file. */
function FileName({ name, file }: { name: string; file: string }) {
  return (
    <div className="report-file-name">
      {name}
      <span className="report-file-source">{file}</span>
    </div>
  );
}

function FileResult({ result }: { result: FileImportResult }) {
  if (!result.ok) {
    return (
      <li className="report-file is-failed">
        <div className="report-file-name">{result.file}</div>
        <p className="report-file-error">
          <span className="badge is-error">Not imported</span> {result.error}
        </p>
      </li>
    );
  }
  if (result.kind === 'macros') {
    return (
      <li className="report-file">
        <FileName name="BibTeX macros" file={result.file} />
        <p className="report-file-line">
          <span className="badge">{plural(result.macros, 'macro')}, no entries</span>
          <span className="badge is-ok">used by {result.usedBy.join(', ')}</span>
        </p>
      </li>
    );
  }
  if (result.kind === 'library') {
    const { summary } = result;
    return (
      <li className="report-file">
        <FileName name="Shelfmark library" file={result.file} />
        <p className="report-file-line">
          <span className="badge is-ok">{summary.added.length} added</span>
          <span className="badge">{summary.merged.length} already there</span>
          <span className="badge">{plural(summary.digests, 'digest')}</span>
          {summary.statesTaken > 0 && (
            <span className="badge">{plural(summary.statesTaken, 'reading state')} taken</span>
          )}
        </p>
      </li>
    );
  }
  const { summary } = result;
  return (
    <li className="report-file">
      <FileName name={summary.digest.title} file={result.file} />
      <p className="report-file-line">
        <span className="badge is-ok">{summary.added.length} added</span>
        <span className="badge">{summary.merged.length} already there</span>
        {summary.skipped.length > 0 && <span className="badge is-warn">{summary.skipped.length} skipped</span>}
      </p>
      {summary.skipped.length > 0 && (
        <details className="report-skipped" open={summary.skipped.length <= 5}>
          <summary>Skipped blocks and why</summary>
          <ul>
            {summary.skipped.map((block, position) => (
              <li key={position}>
                <span className="report-where">{block.where}</span> {block.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
