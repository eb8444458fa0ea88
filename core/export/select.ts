/** Which papers an export holds. */

import type { Paper } from '../model.js';
import { matchesFilter, type PaperFilter } from '../query.js';
import { SearchIndex } from '../search/index.js';

export interface ExportSelection extends PaperFilter {
  /** Only these papers (a search's results, the papers selected in the app), in this order. */
  readonly ids?: readonly string[] | undefined;
  /** A search, as typed in the app (words, `tag:`, `is:`): only the papers it finds, best first. */
  readonly query?: string | undefined;
  /** Papers without a note too; by default an export holds only papers with notes. */
  readonly all?: boolean | undefined;
  /** The user's day, for `status` and `is:` to tell a snooze still to end from one come back; the library sets it. */
  readonly today?: string | undefined;
}

/** The papers in library order, or in the order of `ids`, or a search's best first. */
export function selectForExport(papers: readonly Paper[], selection: ExportSelection): Paper[] {
  const wanted = (paper: Paper): boolean =>
    matchesFilter(paper, selection, selection.today ?? null) && (selection.all === true || paper.note.trim() !== '');
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const inOrder = (ids: readonly string[]): Paper[] =>
    ids.flatMap((id) => {
      const paper = byId.get(id);
      return paper !== undefined && wanted(paper) ? [paper] : [];
    });
  const query = selection.query?.trim() ?? '';
  if (query !== '') {
    const chosen = selection.ids === undefined ? null : new Set(selection.ids);
    const candidates = papers.filter((paper) => wanted(paper) && (chosen?.has(paper.id) ?? true));
    const hits = new SearchIndex(candidates).search(query, {
      limit: candidates.length,
      ...(selection.today === undefined ? {} : { today: selection.today }),
    });
    return inOrder(hits.map((hit) => hit.id));
  }
  return selection.ids === undefined ? papers.filter(wanted) : inOrder(selection.ids);
}
