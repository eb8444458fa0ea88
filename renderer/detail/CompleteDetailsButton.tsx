import './CompleteDetailsButton.css';
import type { Paper } from '../../core/model.js';
import { useAppState, useController } from '../kit/context.js';
import { plural } from '../lib/status.js';

/** A paper arXiv may complete: one without an arXiv id (a page's text gives none) or without authors. */
function isThin(paper: Paper): boolean {
  return paper.arxivId === null || paper.authors.length === 0;
}

/**
 * "Complete details" for a paper (the detail pane) or the thin ones of a selection (the bulk panel): their arXiv id,
 * authors, year, categories and links, from arXiv, where it has exactly one paper of the title. Shown only when
 * there is something to complete.
 */
export function CompleteDetailsButton({ papers }: { papers: readonly Paper[] }) {
  const controller = useController();
  const running = useAppState((state) => state.task !== null);
  const thin = papers.filter(isThin);
  if (thin.length === 0) return null;
  const label = papers.length === 1 ? 'Complete details' : `Complete details of ${plural(thin.length, 'paper')}`;
  return (
    <p className="complete-details">
      <button
        type="button"
        className="button is-small"
        disabled={running}
        title="Find the paper on arXiv by its title and fill in its arXiv id, authors, year and links"
        onClick={() => void controller.completePapers(thin.map((paper) => paper.id))}
      >
        {label}
      </button>
    </p>
  );
}
