/**
 * How a synced folder's files are named and which front-matter keys they use: a template the user can change
 * (`shelfmark sync-notes DIR --template FILE`), remembered per folder. The default is what the folder export writes.
 */

import { InvalidInputError } from '../errors.js';
import { FRONT_MATTER_FIELDS, OWNER_KEY, type FrontMatterField } from '../export/markdown.js';
import { safeBaseName } from '../export/file-names.js';
import type { Paper } from '../model.js';
import { quoteForMessage } from '../terminal-text.js';

export interface NotesSyncTemplate {
  /** A new file's name without `.md`, with placeholders: {title}, {year}, {author} (the first's last name), {arxiv}, {id}. */
  readonly fileName: string;
  /** The key each field is written under in the front matter; null leaves it out. */
  readonly keys: Readonly<Record<FrontMatterField, string | null>>;
}

export const DEFAULT_TEMPLATE: NotesSyncTemplate = {
  fileName: '{title}',
  keys: {
    title: 'title',
    authors: 'authors',
    arxiv: 'arxiv',
    url: 'url',
    tags: 'tags',
    status: 'status',
    read: 'read',
    digests: 'digests',
  },
};

/** The key of a conflict copy: Shelfmark's version of a paper's file, never read as the paper's file. */
export const CONFLICT_KEY = 'shelfmark-conflict';

const PLACEHOLDERS = {
  title: (paper: Paper) => paper.title,
  year: (paper: Paper) => (paper.year === null ? '' : String(paper.year)),
  author: (paper: Paper) => paper.authors[0]?.trim().split(/\s+/).at(-1) ?? '',
  arxiv: (paper: Paper) => paper.arxivId ?? '',
  id: (paper: Paper) => paper.id,
} as const satisfies Record<string, (paper: Paper) => string>;

const PLACEHOLDER = /\{([^{}]*)\}/g;
const isPlaceholder = (name: string): name is keyof typeof PLACEHOLDERS => Object.hasOwn(PLACEHOLDERS, name);

/** The base name (no extension) of a new file for `paper`: the template filled in, made safe on every disk. */
export function fileBaseName(paper: Paper, template: NotesSyncTemplate): string {
  const filled = template.fileName.replace(PLACEHOLDER, (_, name: string) =>
    isPlaceholder(name) ? PLACEHOLDERS[name](paper) : '',
  );
  return safeBaseName(filled, paper.id);
}

const KEY = /^[\p{L}\p{N}_][\p{L}\p{N}_ .-]{0,63}$/u;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A template from what the user wrote (a YAML or JSON file's data): `fileName`, and `keys` naming any fields whose
 * key changes (`null` to leave one out). What it does not name stays as the default. Throws, in words, for a
 * mistake.
 */
export function templateFrom(data: unknown): NotesSyncTemplate {
  const mistake = (what: string): InvalidInputError => new InvalidInputError(`The template ${what}.`);
  if (!isRecord(data)) throw mistake('should hold fileName and keys, as in "fileName: {year} {title}"');
  for (const name of Object.keys(data)) {
    if (name !== 'fileName' && name !== 'keys')
      throw mistake(`has "${quoteForMessage(name)}"; it takes fileName and keys`);
  }
  const fileName = data.fileName ?? DEFAULT_TEMPLATE.fileName;
  if (typeof fileName !== 'string' || fileName.trim() === '') throw mistake('’s fileName should be text');
  const used = [...fileName.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  const unknown = used.find((name) => !isPlaceholder(name));
  if (unknown !== undefined) {
    throw mistake(
      `’s fileName has {${quoteForMessage(unknown)}}; it may use ${Object.keys(PLACEHOLDERS)
        .map((name) => `{${name}}`)
        .join(', ')}`,
    );
  }
  if (used.length === 0)
    throw mistake('’s fileName should use {title} or another placeholder, or every file would have one name');
  const given = data.keys ?? {};
  if (!isRecord(given)) throw mistake('’s keys should map fields to keys, as in "authors: author"');
  const keys: Record<FrontMatterField, string | null> = { ...DEFAULT_TEMPLATE.keys };
  for (const [field, key] of Object.entries(given)) {
    if (!(FRONT_MATTER_FIELDS as readonly string[]).includes(field)) {
      throw mistake(`names the field "${quoteForMessage(field)}"; the fields are ${FRONT_MATTER_FIELDS.join(', ')}`);
    }
    if (key !== null && (typeof key !== 'string' || !KEY.test(key) || key === OWNER_KEY || key === CONFLICT_KEY)) {
      throw mistake(
        `’s key for ${field} should be a word of letters, digits, "_", "-" or "." (or null), not ${OWNER_KEY}`,
      );
    }
    keys[field as FrontMatterField] = key;
  }
  const named = Object.values(keys).filter((key): key is string => key !== null);
  const twice = named.find((key, index) => named.indexOf(key) !== index);
  if (twice !== undefined) throw mistake(`gives two fields the key "${twice}"`);
  return { fileName, keys };
}
