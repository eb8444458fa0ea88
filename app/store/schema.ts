import { z } from 'zod';

import {
  DIGEST_FORMATS,
  emptyStateMap,
  type Catalogue,
  type CataloguePaper,
  type Digest,
  type ReadingState,
  type ReadingStateMap,
} from '../../core/model.js';
import type { CatalogueColumns, OutlineColumns } from '../../core/outline.js';
import { FACT_NAMES, factKind, type FactKind } from '../../core/paper-facts.js';
import { digestSchema, PUBLISHED_DATE, paperSchema, readingStateSchema } from '../../core/record-schema.js';
import type { FileStamp } from './file-stamp.js';

export { digestSchema, paperSchema, readingStateSchema };

/** The catalogue file: papers and digests. */
export interface CatalogueFile extends Catalogue {
  readonly schemaVersion: number;
}

/** The reading-state snapshot file; also each line of its write-ahead log. */
export interface StateFile {
  readonly schemaVersion: number;
  readonly states: ReadingStateMap;
}

/** Upgrades a file's data from one schema version to the next. Pure: it must not touch the disk. */
type Migration = (data: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/** `migrations[n]` upgrades data of schema version n to version n + 1. */
type Migrations = Readonly<Record<number, Migration>>;

export interface FileFormat<T> {
  /** What the file is, for messages: "a Shelfmark catalogue". */
  readonly name: string;
  readonly version: number;
  readonly schema: z.ZodType<T>;
  /** True only of data the schema would give back unchanged, found faster than zod finds it (and without its copy). */
  readonly exactly?: (data: unknown) => data is T;
  readonly migrations: Migrations;
}

export type Decoded<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string; readonly newer: boolean };

const isText = (value: unknown): value is string => typeof value === 'string';
const isTextOrNull = (value: unknown): value is string | null => value === null || isText(value);
/** In a loop rather than `every`: a catalogue's papers hold four lists each, and 100,000 papers are checked at once. */
function isTexts(value: unknown): value is readonly string[] {
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index++) if (typeof value[index] !== 'string') return false;
  return true;
}

/**
 * What paperSchema says of each field the outline keeps, as a plain check of one value. The outline file is read a
 * column at a time, a value per paper, and on a process just started zod takes twice as long over a column as the
 * whole read otherwise does. schema.test.ts holds these to the same answers as paperSchema.
 */
export const OUTLINE_FIELD_CHECKS: {
  readonly [K in keyof CatalogueColumns]: (value: unknown) => value is CatalogueColumns[K][number];
} = {
  id: (value): value is string => isText(value) && value !== '',
  title: isText,
  abstract: isText,
  authors: isTexts,
  arxivId: isTextOrNull,
  doi: isTextOrNull,
  year: (value): value is number | null => value === null || Number.isInteger(value),
  digests: isTexts,
  addedAt: isText,
};

const isCountOrNull = (value: unknown): value is number | null =>
  value === null || (Number.isInteger(value) && (value as number) >= 0);

/** The checks of every column of the outline file: the record's fields as above, and its facts as a row shows them. */
export const OUTLINE_COLUMN_CHECKS: {
  readonly [K in keyof OutlineColumns]: (value: unknown) => value is OutlineColumns[K][number];
} = {
  ...OUTLINE_FIELD_CHECKS,
  venue: isTextOrNull,
  published: isTextOrNull,
  upvotes: isCountOrNull,
};

const FACT_CHECKS_BY_KIND: { readonly [K in FactKind]: (value: unknown) => boolean } = {
  text: isText,
  texts: isTexts,
  month: (value) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 12,
  date: (value) => isText(value) && PUBLISHED_DATE.test(value),
  count: (value) => Number.isInteger(value) && (value as number) >= 0,
};

/** What factsSchema says of each fact. */
const FACT_CHECKS: ReadonlyMap<string, (value: unknown) => boolean> = new Map(
  FACT_NAMES.map((name) => [name, FACT_CHECKS_BY_KIND[factKind(name)]]),
);

/** An object of facts, each passing its check: hasExactly with every field optional, without its lists. */
function isFacts(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const facts = value as Readonly<Record<string, unknown>>;
  for (const key in facts) {
    if (Object.hasOwn(facts, key) && FACT_CHECKS.get(key)?.(facts[key]) !== true) return false;
  }
  return true;
}

/**
 * What paperSchema and digestSchema say of each field, as plain checks: a record with exactly these fields, each
 * passing its check, is one zod would give back unchanged, so it is kept as it is, without zod's copy (a catalogue
 * of 100,000 papers is read in a third of the time, and in half the memory). schema.test.ts holds these to the
 * same answers as the schemas.
 */
export const PAPER_FIELD_CHECKS: { readonly [K in keyof CataloguePaper]-?: (value: unknown) => boolean } = {
  ...OUTLINE_FIELD_CHECKS,
  links: isTexts,
  categories: isTexts,
  aliases: (value) => isTexts(value) && value.length > 0 && value.every((alias) => alias !== ''),
  facts: isFacts,
};

/** The fields a paper may go without. */
const OPTIONAL_PAPER_FIELDS: ReadonlySet<string> = new Set(['aliases', 'facts']);

const DIGEST_FIELD_CHECKS: { readonly [K in keyof Digest]-?: (value: unknown) => boolean } = {
  id: OUTLINE_FIELD_CHECKS.id,
  format: (value) => (DIGEST_FORMATS as readonly unknown[]).includes(value),
  title: isText,
  date: isTextOrNull,
  source: isText,
  importedAt: isText,
  paperIds: isTexts,
};

/**
 * Whether `value` is an object with exactly the fields of `checks` (those in `optional` may be missing), each
 * passing its check.
 */
function hasExactly(
  value: unknown,
  checks: Readonly<Record<string, (value: unknown) => boolean>>,
  optional: ReadonlySet<string> = NO_FIELDS,
): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Readonly<Record<string, unknown>>;
  // Every field one of `checks` and passing it, and as many that may not be missing as there are: all of them.
  // In a loop that makes nothing: a catalogue of 100,000 papers is checked field by field.
  let required = 0;
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(checks, key) || checks[key]?.(record[key]) !== true) return false;
    if (!optional.has(key)) required++;
  }
  return required === requiredFields(checks, optional);
}

const requiredCounts = new WeakMap<object, { readonly optional: ReadonlySet<string>; readonly count: number }>();

/** How many of the fields of `checks` are not `optional`: counted once for each. */
function requiredFields(checks: object, optional: ReadonlySet<string>): number {
  let counted = requiredCounts.get(checks);
  if (counted?.optional !== optional) {
    counted = { optional, count: Object.keys(checks).filter((key) => !optional.has(key)).length };
    requiredCounts.set(checks, counted);
  }
  return counted.count;
}

const NO_FIELDS: ReadonlySet<string> = new Set();

export const isExactlyPaper = (value: unknown): value is CataloguePaper =>
  hasExactly(value, PAPER_FIELD_CHECKS, OPTIONAL_PAPER_FIELDS);
export const isExactlyDigest = (value: unknown): value is Digest => hasExactly(value, DIGEST_FIELD_CHECKS);

export const catalogueSchema = z.object({
  papers: z.array(paperSchema),
  digests: z.array(digestSchema),
}) satisfies z.ZodType<Catalogue>;

const CATALOGUE_FILE_CHECKS = {
  schemaVersion: (value: unknown) => value === 3,
  papers: Array.isArray,
  digests: Array.isArray,
};

export const CATALOGUE_FORMAT: FileFormat<CatalogueFile> = {
  name: 'a Shelfmark catalogue',
  version: 3,
  schema: catalogueSchema.extend({ schemaVersion: z.literal(3) }),
  exactly: (data): data is CatalogueFile =>
    hasExactly(data, CATALOGUE_FILE_CHECKS) &&
    (data as CatalogueFile).papers.every(isExactlyPaper) &&
    (data as CatalogueFile).digests.every(isExactlyDigest),
  // When the format changes, bump `version` and add `[version - 1]: data => …`.
  migrations: {
    // Version 2 lets a paper have `aliases`, the ids of papers merged into it. Every version 1 paper reads as it
    // is; the version is new so that a Shelfmark that knows nothing of aliases refuses the file rather than
    // dropping them when it next writes it.
    1: (data) => ({ ...data }),
    // Version 3 lets a paper have `facts`, what its sources say of where and when it appeared (its venue, pages,
    // arXiv comments, Hugging Face upvotes…). Every version 2 paper reads as it is; the version is new for the
    // same reason as 2 was: a Shelfmark that knows nothing of facts refuses the file rather than dropping them.
    2: (data) => ({ ...data }),
  },
};

/** The first line of the catalogue's outline file (see outline-file.ts); a line per column follows it. */
export interface OutlineHeader {
  readonly schemaVersion: number;
  /** The stamp of the catalogue file the outline was made from. */
  readonly catalogue: FileStamp;
  readonly digests: readonly Digest[];
  /** How many papers each column holds. */
  readonly papers: number;
}

export const OUTLINE_HEADER_FORMAT: FileFormat<OutlineHeader> = {
  name: "a Shelfmark catalogue's outline",
  // 3: each paper's facts as a list row shows them (venue, published, upvotes), after the catalogue's columns.
  version: 3,
  schema: z.object({
    schemaVersion: z.literal(3),
    catalogue: z.object({ ino: z.number(), size: z.number(), mtimeMs: z.number() }),
    digests: z.array(digestSchema),
    papers: z.number().int().min(0),
  }),
  // Derived data: an outline of another version is not upgraded but made again from the catalogue.
  migrations: {},
};

/**
 * Reading states by paper id. Not `z.record`: zod skips a "__proto__" key, and a paper id is user data, so each
 * entry is checked by hand into a map without a prototype.
 */
const stateMapSchema = z.unknown().transform((value, context): Record<string, ReadingState> => {
  const states = emptyStateMap();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    context.addIssue({ code: 'custom', message: 'expected an object of reading states by paper id' });
    return states;
  }
  for (const [id, state] of Object.entries(value)) {
    const parsed = readingStateSchema.safeParse(state);
    if (id === '') {
      context.addIssue({ code: 'custom', message: 'a paper id is empty' });
    } else if (!parsed.success) {
      for (const issue of parsed.error.issues) context.addIssue({ ...issue, path: [id, ...issue.path] });
    } else {
      states[id] = parsed.data;
    }
  }
  return states;
});

export const STATE_FORMAT: FileFormat<StateFile> = {
  name: 'a Shelfmark reading-state file',
  version: 2,
  schema: z.object({ schemaVersion: z.literal(2), states: stateMapSchema }),
  migrations: {
    // Version 2 adds the 'dismissed' status and a state's `snoozedUntil`. Every version 1 state reads as it is; the
    // version is new so that a Shelfmark that knows neither refuses the file (and each line of the log) rather than
    // dropping a snooze when it next writes the snapshot.
    1: (data) => ({ ...data }),
  },
};

/** Checks parsed JSON against `format`, upgrading older versions in memory. */
export function decode<T>(json: unknown, format: FileFormat<T>): Decoded<T> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return corrupt(`it is not ${format.name} (expected a JSON object)`);
  }
  let data = json as Readonly<Record<string, unknown>>;
  const version = data['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return corrupt(`it is not ${format.name} (it has no valid schemaVersion)`);
  }
  if (version > format.version) {
    return {
      ok: false,
      newer: true,
      problem: `it was written by a newer version of Shelfmark (schema version ${version}; this version reads up to ${format.version})`,
    };
  }
  for (let from = version; from < format.version; from++) {
    const migration = format.migrations[from];
    if (migration === undefined) return corrupt(`its schema version ${version} is not one Shelfmark has ever written`);
    data = { ...migration(data), schemaVersion: from + 1 };
  }
  if (format.exactly?.(data) === true) return { ok: true, value: data };
  const parsed = format.schema.safeParse(data);
  if (!parsed.success) return corrupt(`it is not ${format.name} (${describeIssues(parsed.error)})`);
  return { ok: true, value: parsed.data };
}

/** The first issue only: a broken 100,000-paper file could otherwise produce a message of megabytes. */
export function describeIssues(error: z.ZodError): string {
  const [first, ...rest] = error.issues;
  if (first === undefined) return 'invalid';
  const where = first.path.length > 0 ? `${z.core.toDotPath(first.path)}: ` : '';
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
  return `${where}${first.message}${more}`;
}

function corrupt(problem: string): Decoded<never> {
  return { ok: false, newer: false, problem };
}
