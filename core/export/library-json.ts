/** The whole library as Shelfmark's own JSON: a lossless backup that `import` restores or merges. */

import { LIBRARY_FORMAT, LIBRARY_FORMAT_VERSION } from '../import/shelfmark-json.js';
import type { LibrarySnapshot } from '../import/types.js';
import { papersOf } from '../query.js';

export function libraryJson(library: LibrarySnapshot): string {
  const document = {
    format: LIBRARY_FORMAT,
    version: LIBRARY_FORMAT_VERSION,
    digests: library.catalogue.digests,
    papers: papersOf(library),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
