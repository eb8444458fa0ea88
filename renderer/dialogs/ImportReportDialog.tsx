import './ImportReportDialog.css';
import type { ReactNode } from 'react';
import type { FileImportResult, ImportReport } from '../../core/api.js';
import type { SkippedBlock } from '../../core/import/types.js';
import { FieldText } from '../kit/FieldText.js';
import type { PaperRef } from '../../core/merge.js';
import { formatCount, plural } from '../lib/status.js';
import { Dialog, DoneButton } from './Dialog.js';

/** A note as the importer writes it ("the file does not say…"), begun as a sentence. */
const asSentence = (note: string): string => note.charAt(0).toUpperCase() + note.slice(1);

function headline(report: ImportReport): string {
  const failed = report.files.filter((file) => !file.ok).length;
  if (report.added > 0) return `Imported ${plural(report.added, 'paper')}`;
  if (report.merged > 0) return 'Everything was already in your library';
  if (failed === report.files.length)
    return failed === 1 ? 'The file could not be imported' : 'The files could not be imported';
  return 'Nothing new to import';
}

/** How many entries of the report's files were a paper an earlier entry of the same file gave. */
function mergedInFiles(report: ImportReport): number {
  return report.files.reduce(
    (sum, file) => sum + (file.ok && file.kind !== 'macros' ? file.summary.mergedInFile.length : 0),
    0,
  );
}

/** At most this many merged papers are named in a list; the rest are counted. */
const MERGES_NAMED = 100;

export function ImportReportDialog({ report, onClose }: { report: ImportReport; onClose: () => void }) {
  const failed = report.files.filter((file) => !file.ok);
  const inFiles = mergedInFiles(report);
  return (
    <Dialog title={headline(report)} onClose={onClose} wide footer={<DoneButton onClose={onClose} />}>
      <p className="report-summary">
        {plural(report.added, 'new paper')} added
        {inFiles > 0 && ` · ${plural(inFiles, 'entry', 'entries')} merged with papers in the same file`}
        {` · ${formatCount(report.merged)} merged with papers already in your library`}
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
/** A file's card heading: what it held, then the file's own name. */
function FileName({ name, file }: { name: ReactNode; file: string }) {
  return (
    <div className="report-file-name">
      {name}
      <FieldText className="report-file-source" text={file} />
    </div>
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
  if (result.kind === 'macros') {
    return (
      <li className="report-file">
        <FileName name="BibTeX macros" file={result.file} />
        <p className="report-file-line">
          <span className="badge">{plural(result.macros, 'macro')}, no entries</span>
          <span className="badge is-ok">
            used by <FieldText text={result.usedBy.join(', ')} />
          </span>
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
          <MergeBadges inFile={summary.mergedInFile.length} inLibrary={summary.merged.length} />
          <span className="badge">{plural(summary.digests, 'digest')}</span>
          {summary.statesTaken > 0 && (
            <span className="badge">{plural(summary.statesTaken, 'reading state')} taken</span>
          )}
          <ShortenedBadge count={result.warnings.length} />
        </p>
        <MergeLists inFile={summary.mergedInFile} inLibrary={summary.merged} />
        <Blocks title="Fields cut to size" blocks={result.warnings} />
      </li>
    );
  }
  const { summary } = result;
  return (
    <li className="report-file">
      <FileName name={<FieldText text={summary.digest.title} />} file={result.file} />
      <p className="report-file-line">
        <span className="badge is-ok">{summary.added.length} added</span>
        <MergeBadges inFile={summary.mergedInFile.length} inLibrary={summary.merged.length} />
        {summary.skipped.length > 0 && <span className="badge is-warn">{summary.skipped.length} skipped</span>}
        <ShortenedBadge count={result.warnings.length} />
        {result.notes.length > 0 && <span className="badge is-warn">{plural(result.notes.length, 'note')}</span>}
      </p>
      <MergeLists inFile={summary.mergedInFile} inLibrary={summary.merged} />
      {result.notes.length > 0 && (
        <details className="report-skipped" open={result.notes.length <= 5}>
          <summary>What to know about this file</summary>
          <ul>
            {result.notes.map((note, position) => (
              <li key={position}>
                <FieldText text={asSentence(note)} />
              </li>
            ))}
          </ul>
        </details>
      )}
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

function MergeBadges({ inFile, inLibrary }: { inFile: number; inLibrary: number }) {
  return (
    <>
      {inFile > 0 && <span className="badge">{plural(inFile, 'entry', 'entries')} merged in the file</span>}
      <span className="badge">{formatCount(inLibrary)} merged with your library</span>
    </>
  );
}

/** Every merge the import made, by the paper each entry joined. */
function MergeLists({ inFile, inLibrary }: { inFile: readonly PaperRef[]; inLibrary: readonly PaperRef[] }) {
  return (
    <>
      {inFile.length > 0 && (
        <MergeList summary="Entries merged with papers in the same file" papers={inFile} open={inFile.length <= 5} />
      )}
      {inLibrary.length > 0 && (
        <MergeList summary="Merged with papers already in your library" papers={inLibrary} open={false} />
      )}
    </>
  );
}

function MergeList({ summary, papers, open }: { summary: string; papers: readonly PaperRef[]; open: boolean }) {
  const named = papers.slice(0, MERGES_NAMED);
  return (
    <details className="report-skipped" open={open}>
      <summary>{summary}</summary>
      <ul>
        {named.map((paper, position) => (
          <li key={position}>
            <FieldText text={paper.title} /> <FieldText className="report-where" text={paper.id} />
          </li>
        ))}
        {papers.length > named.length && <li>and {formatCount(papers.length - named.length)} more</li>}
      </ul>
    </details>
  );
}
