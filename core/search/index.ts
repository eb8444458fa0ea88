/** Fuzzy search over a library, for the renderer's search worker. */

export { parseQuery } from './parse-query.js';
export { SearchIndex } from './search-index.js';
export type { SearchDocument, SearchHit } from './types.js';
