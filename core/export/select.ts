/** Which papers an export holds. */

import type { Paper } from '../model.js';
import { matchesFilter, type PaperFilter } from '../query.js';

export interface ExportSelection extends PaperFilter {
  /** Only these papers (a search's results, the papers selected in the app), in this order. */
  readonly ids?: readonly string[] | undefined;
  /** A search, as typed in the app (words, `tag:`, `is:`): only the papers it finds, best first. */
  readonly query?: string | undefined;
  /** Papers without a note too; by default an export holds only papers with notes. */
  readonly all?: boolean | undefined;
}

export function selectForExport(papers: readonly Paper[], selection: ExportSelection): Paper[] {
  const wanted = (paper: Paper): boolean =>
    matchesFilter(paper, selection) && (selection.all === true || paper.note.trim() !== '');
  if (selection.ids === undefined) return papers.filter(wanted);
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  return selection.ids.flatMap((id) => {
    const paper = byId.get(id);
    return paper !== undefined && wanted(paper) ? [paper] : [];
  });
}
