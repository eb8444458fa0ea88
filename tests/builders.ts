/** Builders for tests: plain data with defaults. */

import type { ParsedDigest } from '../core/import/types.js';
import type { Paper, ParsedPaper } from '../core/model.js';

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
