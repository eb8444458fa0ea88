/** The fields of a document that search looks in, and the text of each. */

import type { SearchDocument, SearchField } from './types.js';

/** Every field, most telling first; a field's bit in a field mask is `1 << its index` here. */
export const SEARCH_FIELDS = ['title', 'tags', 'authors', 'note', 'abstract'] as const satisfies readonly SearchField[];

export const ALL_FIELDS_MASK = (1 << SEARCH_FIELDS.length) - 1;

export function fieldText(document: SearchDocument, field: SearchField): string {
  switch (field) {
    case 'title':
      return document.title;
    case 'tags':
      return document.tags.join(', ');
    case 'authors':
      return document.authors.join(', ');
    case 'note':
      return document.note;
    case 'abstract':
      return document.abstract;
  }
}
