import './IntakeDialogs.css';
import './ImportReportDialog.css';
import type { CompletionReport, NotCompleted, NotCompletedReason } from '../../core/complete.js';
import { FieldText } from '../kit/FieldText.js';
import { plural } from '../lib/status.js';
import { ReportDialog } from './ReportDialog.js';

/** The papers left as they were, in groups by why, in this order. */
const LEFT: readonly { readonly reasons: readonly NotCompletedReason[]; readonly title: string }[] = [
  { reasons: ['ambiguous'], title: 'Several papers on arXiv have the title: none was taken' },
  { reasons: ['no-match', 'not-found', 'withdrawn'], title: 'Not found on arXiv' },
  { reasons: ['kept-apart'], title: 'Left apart' },
];

/** "no paper on arXiv has this title" as a line of its own. */
const asSentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function headline({ completed, notCompleted }: CompletionReport): string {
  if (completed.length > 0) return `Completed ${plural(completed.length, 'paper')}`;
  return notCompleted.length === 1 ? 'The paper could not be completed' : 'No paper could be completed';
}

/** What "Complete details" did: the papers completed from arXiv, and those left as they were, and why. */
export function CompletionReportDialog({ report, onClose }: { report: CompletionReport; onClose: () => void }) {
  const { completed, notCompleted } = report;
  return (
    <ReportDialog title={headline(report)} onClose={onClose}>
      <p className="report-summary">
        {plural(completed.length, 'paper')} completed from arXiv · {plural(notCompleted.length, 'paper')} left as they
        were. Statuses, tags and notes are untouched.
      </p>
      {completed.length > 0 && (
        // Summaries to focus: the lists can be scrolled from the keyboard.
        <details className="intake-section" open>
          <summary className="intake-section-title">Completed</summary>
          <ul className="intake-papers">
            {completed.map((paper) => (
              <li key={paper.id} className="intake-paper">
                <span className="intake-paper-text">
                  <FieldText className="intake-paper-title" text={paper.title} math="inline" />
                  <span className="intake-paper-detail">
                    arXiv {paper.arxivId}
                    {paper.mergedInto !== null && ' · merged into the paper your library had for it'}
                  </span>
                </span>
                <span className="badge is-ok">Completed</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {LEFT.map(({ reasons, title }) => (
        <LeftGroup key={title} title={title} papers={notCompleted.filter((paper) => reasons.includes(paper.reason))} />
      ))}
    </ReportDialog>
  );
}

function LeftGroup({ title, papers }: { title: string; papers: readonly NotCompleted[] }) {
  if (papers.length === 0) return null;
  return (
    <details className="intake-section" open>
      <summary className="intake-section-title">{title}</summary>
      <ul className="intake-papers">
        {papers.map((paper) => (
          <li key={paper.id} className="intake-paper">
            <span className="intake-paper-text">
              <FieldText className="intake-paper-title" text={paper.title} math="inline" />
              <FieldText className="intake-paper-detail" text={asSentence(paper.message)} />
              {paper.candidates.length > 0 && (
                <FieldText
                  className="intake-paper-detail"
                  text={`It could be ${paper.candidates.map((candidate) => `arXiv ${candidate.arxivId} (“${candidate.title}”)`).join(', ')}.`}
                />
              )}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
