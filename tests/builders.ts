/** Builders for tests: plain data with defaults. */

import { OUTLINE_ABSTRACT_LENGTH } from '../core/api.js';
import type { ParsedDigest } from '../core/import/types.js';
import type { Paper, ParsedPaper } from '../core/model.js';
import { outlineCatalogue, type PaperColumns } from '../core/outline.js';

export function parsedPaper(fields: Partial<ParsedPaper> & Pick<ParsedPaper, 'title'>): ParsedPaper {
  return {
    abstract: '',
    authors: [],
    arxivId: null,
    doi: null,
    year: null,
    links: [],
    categories: [],
    ...fields,
  };
}

export function parsedDigest(papers: readonly ParsedPaper[], fields: Partial<ParsedDigest> = {}): ParsedDigest {
  return { format: 'bibtex', title: 'Test digest', date: null, papers, skipped: [], ...fields };
}

/** A paper with its reading state, unread and untouched unless `fields` say otherwise. */
export function paper(id: string, fields: Partial<Paper> = {}): Paper {
  return {
    ...parsedPaper({ title: `Paper ${id}`, abstract: `About ${id}.` }),
    id,
    digests: ['d1'],
    addedAt: '2026-03-11T10:00:00.000Z',
    status: 'unread',
    tags: [],
    note: '',
    readAt: null,
    updatedAt: null,
    ...fields,
  };
}

/** `papers` as getLibraryOutline answers with them: outlined, in columns. */
export function outlineColumns(papers: readonly Paper[]): PaperColumns {
  return {
    ...outlineCatalogue({ papers, digests: [] }, OUTLINE_ABSTRACT_LENGTH).papers,
    status: papers.map((paper) => paper.status),
    tags: papers.map((paper) => paper.tags),
    note: papers.map((paper) => paper.note),
    readAt: papers.map((paper) => paper.readAt),
    updatedAt: papers.map((paper) => paper.updatedAt),
    snoozedUntil: papers.map((paper) => paper.snoozedUntil ?? null),
  };
}
