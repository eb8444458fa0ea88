/** Builders for tests: plain data with defaults. */

import type { ParsedDigest } from '../core/import/types.js';
import type { ParsedPaper } from '../core/model.js';

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
