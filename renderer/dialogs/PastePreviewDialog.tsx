import './IntakeDialogs.css';
import type { ImportPreview, PreviewPaper } from '../../core/import/preview.js';
import { useAppState, useController } from '../kit/context.js';
import { FieldText } from '../kit/FieldText.js';
import { formatCount, plural } from '../lib/status.js';
import { Dialog } from './Dialog.js';
import { Blocks } from './SkippedBlocks.js';

/** At most this many papers are listed; the rest are counted. A long BibTeX paste is still previewed at once. */
const PAPERS_LISTED = 500;

/**
 * What importing pasted text would do, before anything is stored: how many papers are new and how many the library
 * has, each paper, the format it was read as, and every block that will be skipped and why. Import commits it;
 * Cancel leaves the library as it is.
 */
export function PastePreviewDialog({
  text,
  preview,
  onClose,
}: {
  text: string;
  preview: ImportPreview;
  onClose: () => void;
}) {
  const controller = useController();
  const running = useAppState((state) => state.task !== null);
  const listed = preview.papers.slice(0, PAPERS_LISTED);
  const empty = preview.papers.length === 0;
  return (
    <Dialog
      title="Import pasted text?"
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" className="button is-quiet" data-autofocus={empty || undefined} onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button is-primary"
            disabled={empty || running}
            data-autofocus={!empty || undefined}
            onClick={() => void controller.importPaste(text)}
          >
            Import
          </button>
        </>
      }
    >
      <p className="intake-summary">{preview.summary}</p>
      <p className="intake-format">
        Read as {preview.formatName}; it will be listed as “<FieldText text={preview.title} />
        ”.
        {empty && ' Nothing in it can be imported.'}
      </p>
      <Blocks
        title={`${plural(preview.skipped.length, 'block')} will be skipped, and why`}
        blocks={preview.skipped}
        open
      />
      <Blocks title={`${plural(preview.warnings.length, 'field')} will be cut to size`} blocks={preview.warnings} />
      {!empty && (
        // A summary to focus: the list can be scrolled from the keyboard.
        <details className="intake-section" open>
          <summary className="intake-section-title">{plural(preview.papers.length, 'paper')}</summary>
          <ul className="intake-papers">
            {listed.map((paper, position) => (
              <PreviewRow key={position} paper={paper} />
            ))}
          </ul>
          {preview.papers.length > listed.length && (
            <p className="muted">and {formatCount(preview.papers.length - listed.length)} more</p>
          )}
        </details>
      )}
    </Dialog>
  );
}

function PreviewRow({ paper }: { paper: PreviewPaper }) {
  const facts = [
    paper.authors.length > 0 ? paper.authors.join(', ') : 'no authors given',
    ...(paper.arxivId === null ? [] : [`arXiv ${paper.arxivId}`]),
  ].join(' · ');
  return (
    <li className="intake-paper">
      <span className="intake-paper-text">
        <FieldText className="intake-paper-title" text={paper.title} math="inline" />
        <FieldText className="intake-paper-detail" text={facts} />
      </span>
      {paper.existing === null ? (
        <span className="badge is-ok">New</span>
      ) : (
        <span className="badge">In your library</span>
      )}
    </li>
  );
}
