/**
 * Finding papers in a catalogue by what a user types: an id (a paper's own, or one merged into it), an arXiv id in
 * any form, or an id prefix; and digests by their id or its prefix.
 */

import { NotFoundError } from './errors.js';
import { normalizeArxivId } from './identity.js';
import type { Catalogue, CataloguePaper, Digest } from './model.js';
import { quoteForMessage } from './terminal-text.js';

interface CatalogueIndex {
  readonly byId: ReadonlyMap<string, CataloguePaper>;
  readonly byArxiv: ReadonlyMap<string, CataloguePaper>;
}

const indexes = new WeakMap<Catalogue, CatalogueIndex>();

/** Built once per catalogue value (catalogues are immutable), so repeated look-ups are O(1). */
function catalogueIndex(catalogue: Catalogue): CatalogueIndex {
  let index = indexes.get(catalogue);
  if (index === undefined) {
    const byId = new Map<string, CataloguePaper>();
    const byArxiv = new Map<string, CataloguePaper>();
    for (const paper of catalogue.papers) {
      for (const alias of paper.aliases ?? []) byId.set(alias, paper);
    }
    // A paper's own id names it, whatever alias another paper may have of it.
    for (const paper of catalogue.papers) {
      byId.set(paper.id, paper);
      if (paper.arxivId !== null) byArxiv.set(paper.arxivId, paper);
    }
    index = { byId, byArxiv };
    indexes.set(catalogue, index);
  }
  return index;
}

const MIN_PREFIX = 4;

export function findPaper(catalogue: Catalogue, ref: string): CataloguePaper {
  const wanted = ref.trim();
  const index = catalogueIndex(catalogue);
  const exact = index.byId.get(wanted);
  if (exact !== undefined) return exact;
  const arxivId = normalizeArxivId(wanted);
  const byArxiv = arxivId === null ? undefined : (index.byArxiv.get(arxivId) ?? index.byId.get(arxivId));
  if (byArxiv !== undefined) return byArxiv;
  if (wanted.length >= MIN_PREFIX) {
    const matches = catalogue.papers.filter((paper) => paper.id.startsWith(wanted));
    const [only] = matches;
    if (matches.length === 1 && only !== undefined) return only;
    if (matches.length > 1) {
      const shown = matches.slice(0, 5).map((paper) => paper.id);
      const more = matches.length > shown.length ? `, and ${matches.length - shown.length} more` : '';
      throw new NotFoundError(`"${wanted}" could be any of ${matches.length} papers: ${shown.join(', ')}${more}.`);
    }
  }
  throw new NotFoundError(`No paper has the id "${wanted}".`);
}

/** Every paper an id list names, in that order; throws for the first it cannot find. */
export function findPapers(catalogue: Catalogue, refs: readonly string[]): CataloguePaper[] {
  const found = refs.map((ref) => findPaper(catalogue, ref));
  return [...new Map(found.map((paper) => [paper.id, paper])).values()];
}

/** A digest by its id, or an unambiguous start of one (`hf-2025-03-11`), as `--digest` takes it. */
export function findDigest(catalogue: Catalogue, ref: string): Digest {
  const wanted = ref.trim();
  const exact = catalogue.digests.find((digest) => digest.id === wanted);
  if (exact !== undefined) return exact;
  const matches = wanted === '' ? [] : catalogue.digests.filter((digest) => digest.id.startsWith(wanted));
  const [only] = matches;
  if (matches.length === 1 && only !== undefined) return only;
  const quoted = quoteForMessage(wanted);
  if (matches.length > 1) {
    const shown = matches.slice(0, 5).map((digest) => digest.id);
    const more = matches.length > shown.length ? `, and ${matches.length - shown.length} more` : '';
    throw new NotFoundError(`"${quoted}" could be any of ${matches.length} digests: ${shown.join(', ')}${more}.`);
  }
  throw new NotFoundError(`No digest has the id "${quoted}".`);
}
