/** What an import changed, as the controller follows it up: the papers to reload, and those left without authors. */

import type { ImportReport } from '../../core/api.js';
import { paperById } from '../state/state.js';
import type { AppState, Dialog } from '../state/types.js';

/** The papers an import added or changed. */
export function papersChangedBy(report: ImportReport): ReadonlySet<string> {
  const changed = new Set<string>();
  for (const file of report.files) {
    if (!file.ok || file.kind === 'macros') continue;
    for (const paper of [...file.summary.added, ...file.summary.merged]) changed.add(paper.id);
  }
  return changed;
}

/**
 * The papers of the import that have no authors in the library as it is now (after the import's reload): what
 * a Hugging Face page's text gives, and what arXiv can complete.
 */
function papersWithoutAuthors(state: AppState, report: ImportReport): readonly string[] {
  return [...papersChangedBy(report)].filter((id) => paperById(state, id)?.authors.length === 0);
}

/** The report of an import, reloaded: with the offer to complete from arXiv the papers it left without authors. */
export function importReportDialog(state: AppState, report: ImportReport): Dialog {
  const incomplete = papersWithoutAuthors(state, report);
  return incomplete.length === 0 ? { kind: 'import-report', report } : { kind: 'import-report', report, incomplete };
}
