/** Papers for the renderer's unit tests. */

import type { Paper } from '../../core/model.js';

export function paper(id: string, fields: Partial<Paper> = {}): Paper {
  return {
    id,
    title: `Paper ${id}`,
    abstract: `About ${id}.`,
    authors: [],
    arxivId: null,
    doi: null,
    year: null,
    links: [],
    categories: [],
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
