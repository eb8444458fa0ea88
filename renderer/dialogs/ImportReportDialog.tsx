import './ImportReportDialog.css';
import type { ReactNode } from 'react';
import type { FileImportResult, ImportReport } from '../../core/api.js';
import { useController } from '../kit/context.js';
import { FieldText } from '../kit/FieldText.js';
import type { PaperRef } from '../../core/merge.js';
import { formatCount, plural } from '../lib/status.js';
import { CompletionOffer } from './CompletionOffer.js';
import { ReportDialog } from './ReportDialog.js';
import { Blocks } from './SkippedBlocks.js';

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

/** The digests the import brought in with any papers, each with how many papers it lists. */
function digestsOf(report: ImportReport): { readonly id: string; readonly papers: number }[] {
  return report.files.flatMap((file) =>
    file.ok && file.kind === 'digest' && file.summary.added.length + file.summary.merged.length > 0
      ? [{ id: file.summary.digest.id, papers: file.summary.added.length + file.summary.merged.length }]
      : [],
  );
}

/** "Show these 32 papers": opens a digest just imported. */
function ShowDigest({ id, papers, small = false }: { id: string; papers: number; small?: boolean }) {
  const controller = useController();
  return (
    <button type="button" className={`button${small ? ' is-small' : ''}`} onClick={() => controller.showDigest(id)}>
      Show {papers === 1 ? 'this paper' : `these ${formatCount(papers)} papers`}
    </button>
  );
}

export function ImportReportDialog({
  report,
  incomplete = [],
  onClose,
}: {
  report: ImportReport;
  /** Papers of the import without authors: offered to complete from arXiv. */
  incomplete?: readonly string[] | undefined;
  onClose: () => void;
}) {
  const failed = report.files.filter((file) => !file.ok);
  const inFiles = mergedInFiles(report);
  const digests = digestsOf(report);
  // One digest: its papers are the footer's offer; several: each file's card offers its own.
  const [only] = digests.length === 1 ? digests : [];
  return (
    <ReportDialog
      title={headline(report)}
      onClose={onClose}
      actions={only !== undefined && <ShowDigest id={only.id} papers={only.papers} />}
    >
      <p className="report-summary">
        {plural(report.added, 'new paper')} added
        {inFiles > 0 && ` · ${plural(inFiles, 'entry', 'entries')} merged with papers in the same file`}
        {` · ${formatCount(report.merged)} merged with papers already in your library`}
        {failed.length > 0 && ` · ${plural(failed.length, 'file')} failed`}
        {failed.length > 0 && report.added + report.merged === 0 && '. Nothing in your library changed.'}
      </p>
      {incomplete.length > 0 && <CompletionOffer ids={incomplete} />}
      <ul className="report-files">
        {report.files.map((file, position) => (
          <FileResult key={`${file.file}-${position}`} result={file} offerDigest={digests.length > 1} />
        ))}
      </ul>
    </ReportDialog>
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

function FileResult({ result, offerDigest }: { result: FileImportResult; offerDigest: boolean }) {
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
  const papers = summary.added.length + summary.merged.length;
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
      {offerDigest && papers > 0 && <ShowDigest id={summary.digest.id} papers={papers} small />}
    </li>
  );
}

function ShortenedBadge({ count }: { count: number }) {
  return count > 0 && <span className="badge is-warn">{plural(count, 'field')} cut</span>;
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
