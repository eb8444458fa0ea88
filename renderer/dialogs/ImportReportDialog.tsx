import './ImportReportDialog.css';
import type { FileImportResult, ImportReport } from '../../core/api.js';
import type { SkippedBlock } from '../../core/import/types.js';
import { FieldText } from '../kit/FieldText.js';
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

function FileResult({ result }: { result: FileImportResult }) {
  if (!result.ok) {
    return (
      <li className="report-file is-failed">
        <div className="report-file-name">
          <FieldText text={result.file} />
        </div>
        <p className="report-file-error">
          <span className="badge is-error">Not imported</span> <FieldText text={result.error} />
        </p>
      </li>
    );
  }
  if (result.kind === 'library') {
    const { summary } = result;
    return (
      <li className="report-file">
        <div className="report-file-name">
          Shelfmark library
          <FieldText className="report-file-source" text={result.file} />
        </div>
        <p className="report-file-line">
          <span className="badge is-ok">{summary.added.length} added</span>
          <span className="badge">{summary.merged.length} already there</span>
          <span className="badge">{plural(summary.digests, 'digest')}</span>
          {summary.statesTaken > 0 && (
            <span className="badge">{plural(summary.statesTaken, 'reading state')} taken</span>
          )}
          <ShortenedBadge count={result.warnings.length} />
        </p>
        <Blocks title="Fields cut to size" blocks={result.warnings} />
      </li>
    );
  }
  const { summary } = result;
  return (
    <li className="report-file">
      <div className="report-file-name">
        <FieldText text={summary.digest.title} />
        <FieldText className="report-file-source" text={result.file} />
      </div>
      <p className="report-file-line">
        <span className="badge is-ok">{summary.added.length} added</span>
        <span className="badge">{summary.merged.length} already there</span>
        {summary.skipped.length > 0 && <span className="badge is-warn">{summary.skipped.length} skipped</span>}
        <ShortenedBadge count={result.warnings.length} />
      </p>
      <Blocks title="Skipped blocks and why" blocks={summary.skipped} />
      <Blocks title="Fields cut to size" blocks={result.warnings} />
    </li>
  );
}

function ShortenedBadge({ count }: { count: number }) {
  return count > 0 && <span className="badge is-warn">{plural(count, 'field')} cut</span>;
}

/** Places in the file and what became of them: blocks skipped, fields cut. Open when there are only a few. */
function Blocks({ title, blocks }: { title: string; blocks: readonly SkippedBlock[] }) {
  if (blocks.length === 0) return null;
  return (
    <details className="report-skipped" open={blocks.length <= 5}>
      <summary>{title}</summary>
      <ul>
        {blocks.map((block, position) => (
          <li key={position}>
            <FieldText className="report-where" text={block.where} /> <FieldText text={block.reason} />
          </li>
        ))}
      </ul>
    </details>
  );
}
