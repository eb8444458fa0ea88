/** What search knows of a paper: its text, and the reading state its qualifiers (`tag:`, `is:`) look at. */

import type { Paper } from '../model.js';
import type { SearchDocument } from './types.js';

export function searchDocumentOf(paper: Paper): SearchDocument {
  const document: SearchDocument = {
    id: paper.id,
    title: paper.title,
    authors: paper.authors,
    abstract: paper.abstract,
    tags: paper.tags,
    note: paper.note,
    status: paper.status,
  };
  return paper.snoozedUntil === undefined ? document : { ...document, snoozedUntil: paper.snoozedUntil };
}
