/**
 * The catalogue as the store writes it: every paper and digest checked against the schema first, so that nothing
 * Shelfmark could not read back is ever written. What is already known to be valid (read from the catalogue file,
 * or checked for an earlier write) is not checked again: an import into a library of 100,000 papers checks the
 * papers it brings, not every one. What is checked is frozen, so that it is what is written.
 */

import type { z } from 'zod';
import type { Catalogue, CataloguePaper, Digest } from '../../core/model.js';
import {
  CATALOGUE_FORMAT,
  catalogueSchema,
  describeIssues,
  digestSchema,
  isExactlyDigest,
  isExactlyPaper,
  paperSchema,
  type CatalogueFile,
} from './schema.js';

const checked = new WeakSet<object>();

/** Notes the papers and digests of a catalogue the schema has checked (read from its file) as valid. */
export function markChecked(catalogue: Catalogue): void {
  for (const paper of catalogue.papers) checked.add(frozen(paper));
  for (const digest of catalogue.digests) checked.add(frozen(digest));
}

/** The catalogue to write, its papers and digests checked. Throws a TypeError, saying what is wrong, if one is not valid. */
export function checkedCatalogue(catalogue: Catalogue): CatalogueFile {
  const papers = catalogue.papers.map((paper) => checkedRecord(paper, isExactlyPaper, paperSchema));
  const digests = catalogue.digests.map((digest) => checkedRecord(digest, isExactlyDigest, digestSchema));
  if (papers.includes(null) || digests.includes(null)) {
    // Checked as a whole again, for a message that says where in the catalogue the problem is.
    const parsed = catalogueSchema.safeParse(catalogue);
    throw new TypeError(
      `The catalogue to save is not valid: ${parsed.success ? 'invalid' : describeIssues(parsed.error)}`,
    );
  }
  return { schemaVersion: CATALOGUE_FORMAT.version, papers: papers as CataloguePaper[], digests: digests as Digest[] };
}

/**
 * `record` itself when it is valid and has no other fields than the schema's (zod's copy would be the same), else
 * zod's copy; null when it is not valid.
 */
function checkedRecord<T extends object>(
  record: T,
  exactly: (value: unknown) => value is T,
  schema: z.ZodType<T>,
): T | null {
  if (checked.has(record)) return record;
  let kept: T = record;
  if (!exactly(record)) {
    const parsed = schema.safeParse(record);
    if (!parsed.success) return null;
    kept = parsed.data;
  }
  checked.add(frozen(kept));
  return kept;
}

/** Frozen, with the arrays and objects it holds (a paper's facts, and their arrays). */
function frozen<T extends object>(record: T): T {
  for (const value of Object.values(record)) {
    if (Array.isArray(value)) Object.freeze(value);
    else if (typeof value === 'object' && value !== null) frozen(value);
  }
  return Object.freeze(record);
}
