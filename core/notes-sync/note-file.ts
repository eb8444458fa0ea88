/**
 * A paper's file in a synced folder: YAML front matter (the folder export's keys, named as the template says, and
 * `shelfmark: <paper id>`), a blank line, then the note exactly as written. Written here, and read back: the note,
 * and the `tags` and `status` the user may have changed.
 */

import { Scalar, YAMLSeq, type Document } from 'yaml';
import { InvalidInputError } from '../errors.js';
import { FRONT_MATTER_FIELDS, OWNER_KEY, frontMatterValues, type FrontMatterField } from '../export/markdown.js';
import { yamlFrontMatter, type FrontMatterValue } from '../export/markdown-text.js';
import { isReadingStatus, READING_STATUSES, type Paper, type ReadingStatus } from '../model.js';
import { MAX_NOTE_LENGTH, normalizeTag } from '../reading.js';
import { quoteForMessage } from '../terminal-text.js';
import { readFrontMatter } from './front-matter.js';
import { obsidianTags, tagKey } from './obsidian-tags.js';
import type { NotesSyncTemplate } from './template.js';

/** What a paper's file says of what the user may change there. */
export interface NoteFileContent {
  /** The paper, by its `shelfmark:` key. */
  readonly id: string;
  readonly note: string;
  /** As written in the file (normalised as Shelfmark stores a tag); null when the file has no tags key. */
  readonly tags: readonly string[] | null;
  /** Null when the file has no status key, or it is empty. */
  readonly status: ReadingStatus | null;
}

export type NoteFileReading =
  /** Not a file Shelfmark wrote (no `shelfmark:` key): never read as a paper's, never touched. */
  | { readonly kind: 'other' }
  /** A file with a `shelfmark:` key whose front matter cannot be taken in: left alone, and said why. */
  | { readonly kind: 'broken'; readonly reason: string; readonly owner: string | null }
  | { readonly kind: 'paper'; readonly content: NoteFileContent };

export type DigestTitles = ReadonlyMap<string, string>;

function syncedValues(paper: Paper, digestTitles: DigestTitles): Readonly<Record<FrontMatterField, FrontMatterValue>> {
  return { ...frontMatterValues(paper, digestTitles), tags: obsidianTags(paper.tags) };
}

/**
 * What of a paper its file shows, as one text: two papers with the same text would be written the same. The sync
 * record keeps a hash of it, to tell later whether the paper changed since (whatever the template).
 */
export function syncedState(paper: Paper, digestTitles: DigestTitles): string {
  const values = frontMatterValues(paper, digestTitles);
  return JSON.stringify([...FRONT_MATTER_FIELDS.map((field) => values[field]), paper.note]);
}

/**
 * What a sync reads back from a file (its note, tags and status) as one text. The record keeps a hash of it, so
 * that a file whose formatting or other keys alone changed (Obsidian's properties editor, a title edited) is not
 * taken for edited: a change made in Shelfmark then reaches it, rather than standing in conflict with it.
 */
export function syncedContent(content: Pick<NoteFileContent, 'note' | 'tags' | 'status'>): string {
  const tags = content.tags === null ? null : [...new Set(content.tags.map(tagKey))].sort();
  return JSON.stringify([content.note, tags, content.status]);
}

/** The file Shelfmark writes for `paper`; `ownerKey` CONFLICT_KEY for a conflict copy. */
export function renderNoteFile(
  paper: Paper,
  template: NotesSyncTemplate,
  digestTitles: DigestTitles,
  ownerKey = OWNER_KEY,
): string {
  const values = syncedValues(paper, digestTitles);
  const entries = FRONT_MATTER_FIELDS.flatMap((field) => {
    const key = template.keys[field];
    return key === null ? [] : [[key, values[field]] as const];
  });
  return `${yamlFrontMatter([...entries, [ownerKey, paper.id]])}\n\n${paper.note}`;
}

/** A value as a node that every YAML reader takes as text: strings double-quoted (`2401.00010`, `yes` stay text). */
function textNode(document: Document, value: FrontMatterValue): unknown {
  if (value === null) return null;
  const quoted = (text: string): Scalar => Object.assign(new Scalar(text), { type: Scalar.QUOTE_DOUBLE });
  if (typeof value === 'string') return quoted(value);
  const list = new YAMLSeq(document.schema);
  list.items = value.map(quoted);
  return list;
}

/**
 * The paper's file written again over `existing`, the file as it is: with keys the user added in the front matter
 * (aliases, cssclasses, their own properties) kept where they are, Shelfmark's keys set to the paper's values, and
 * the paper's note as the body. A file with Shelfmark's keys alone is written as new.
 */
export function rewriteNoteFile(
  existing: string,
  paper: Paper,
  template: NotesSyncTemplate,
  digestTitles: DigestTitles,
): string {
  const fresh = renderNoteFile(paper, template, digestTitles);
  const frontMatter = readFrontMatter(existing);
  if (frontMatter.kind !== 'ok') return fresh;
  const ours = new Set<string>([OWNER_KEY]);
  for (const field of FRONT_MATTER_FIELDS) {
    const key = template.keys[field];
    if (key !== null) ours.add(key);
  }
  if (Object.keys(frontMatter.data).every((key) => ours.has(key))) return fresh;
  const document = frontMatter.document.clone();
  const values = syncedValues(paper, digestTitles);
  for (const field of FRONT_MATTER_FIELDS) {
    const key = template.keys[field];
    if (key !== null) document.set(key, textNode(document, values[field]));
  }
  document.set(OWNER_KEY, textNode(document, paper.id));
  return `---\n${document.toString({ lineWidth: 0 })}---\n\n${paper.note}`;
}

/** The tags a file's value holds: a list, or one line of them (`tags: ml, nlp`); Obsidian takes both. */
function tagsOf(value: unknown): readonly string[] | string {
  if (value === null) return [];
  const items: unknown[] = typeof value === 'string' ? value.split(/[,\s]+/) : Array.isArray(value) ? value : [value];
  const tags: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' && typeof item !== 'number') return 'should be a list of tags';
    const text = String(item).replace(/^#+/, '').trim();
    if (text === '') continue;
    try {
      tags.push(normalizeTag(text));
    } catch (error) {
      if (error instanceof InvalidInputError) return error.message;
      throw error;
    }
  }
  return tags;
}

/** What a file in a synced folder is: a paper's file (and what it says), one whose front matter is broken, or another. */
export function readNoteFile(text: string, template: NotesSyncTemplate): NoteFileReading {
  const frontMatter = readFrontMatter(text);
  if (frontMatter.kind === 'none') return { kind: 'other' };
  if (frontMatter.kind === 'broken') {
    return frontMatter.owner === null
      ? { kind: 'other' }
      : { kind: 'broken', reason: frontMatter.reason, owner: frontMatter.owner };
  }
  const { data, body } = frontMatter;
  const owner = data[OWNER_KEY];
  if (owner === undefined) return { kind: 'other' };
  const broken = (reason: string): NoteFileReading => ({
    kind: 'broken',
    reason,
    owner: typeof owner === 'string' ? owner : null,
  });
  const id = typeof owner === 'string' ? owner.trim() : typeof owner === 'number' ? String(owner) : '';
  if (id === '') return broken(`its "${OWNER_KEY}:" key should hold the id of a paper`);

  let tags: readonly string[] | null = null;
  const tagsKey = template.keys.tags;
  if (tagsKey !== null && Object.hasOwn(data, tagsKey)) {
    const read = tagsOf(data[tagsKey]);
    if (typeof read === 'string') return broken(`${tagsKey}: ${read}`);
    tags = read;
  }

  let status: ReadingStatus | null = null;
  const statusKey = template.keys.status;
  const statusValue = statusKey === null ? null : data[statusKey];
  if (statusKey !== null && statusValue !== undefined && statusValue !== null) {
    // As typed in Obsidian's properties: "Read" is read.
    const typed = typeof statusValue === 'string' ? statusValue.trim().toLowerCase() : statusValue;
    if (!isReadingStatus(typed)) {
      const said = typeof statusValue === 'string' ? `"${quoteForMessage(statusValue, 40)}"` : 'this';
      return broken(`${statusKey}: ${said} is not a reading status; use ${READING_STATUSES.join(', ')}`);
    }
    status = typed;
  }

  if (body.length > MAX_NOTE_LENGTH) {
    return broken(`its note is longer than a note may be (${MAX_NOTE_LENGTH.toLocaleString('en')} characters)`);
  }
  return { kind: 'paper', content: { id, note: body, tags, status } };
}
