/**
 * The last-sync record: for each folder synced, the template it uses and, per paper, the file Shelfmark wrote or
 * took in (its path in the folder and a hash of its text) and a hash of what of the paper it showed then. With it
 * a sync tells which side changed since: the paper, the file, or both. Kept in the library's folder
 * (`library.notes-sync.json`), never in the synced folder; it also remembers the app's sync settings.
 */

import { z } from 'zod';
import { FRONT_MATTER_FIELDS, type FrontMatterField } from '../export/markdown.js';
import { DEFAULT_TEMPLATE, type NotesSyncTemplate } from './template.js';

/** One paper's file in a folder, as the last sync left it. */
export interface SyncedFile {
  /** Relative to the folder, `/` between names. */
  readonly path: string;
  /** Hash of the file's text as Shelfmark wrote or took it in. */
  readonly file: string;
  /** Hash of the paper's synced state (note-file.ts, syncedState) as it was then. */
  readonly paper: string;
  /** Hash of what the file said of note, tags and status then (note-file.ts, syncedContent). */
  readonly content: string;
  /** A conflict not yet settled: the copy holding Shelfmark's version, and a hash of what it was written with. */
  readonly conflict?: { readonly path: string; readonly hash: string };
}

export interface FolderRecord {
  readonly template: NotesSyncTemplate;
  /** By paper id. */
  readonly papers: ReadonlyMap<string, SyncedFile>;
}

/** What the app remembers: the folder File → Sync Notes with Folder… syncs, and whether on every change. */
export interface NotesSyncSettings {
  readonly folder: string | null;
  readonly onChange: boolean;
}

export interface NotesSyncRecord {
  readonly settings: NotesSyncSettings;
  /** By the folder's absolute path. */
  readonly folders: ReadonlyMap<string, FolderRecord>;
}

export const EMPTY_SYNC_RECORD: NotesSyncRecord = { settings: { folder: null, onChange: false }, folders: new Map() };

export const EMPTY_FOLDER_RECORD: FolderRecord = { template: DEFAULT_TEMPLATE, papers: new Map() };

const FORMAT = 'shelfmark-notes-sync';
const VERSION = 1;

const hash = z.string().regex(/^[0-9a-f]{64}$/);
// Lists rather than objects keyed by id: a paper's id is user data ("__proto__"), never an object's key.
const syncedFile = z
  .object({
    id: z.string().min(1),
    path: z.string().min(1),
    file: hash,
    paper: hash,
    content: hash,
    conflict: z
      .object({ path: z.string().min(1), hash })
      .strict()
      .optional(),
  })
  .strict();
const keys = z
  .object(
    Object.fromEntries(FRONT_MATTER_FIELDS.map((field) => [field, z.string().min(1).nullable()])) as Record<
      FrontMatterField,
      z.ZodNullable<z.ZodString>
    >,
  )
  .strict();
const recordSchema = z
  .object({
    format: z.literal(FORMAT),
    version: z.literal(VERSION),
    settings: z.object({ folder: z.string().min(1).nullable(), onChange: z.boolean() }).strict(),
    folders: z.array(
      z
        .object({
          folder: z.string().min(1),
          template: z.object({ fileName: z.string().min(1), keys }).strict(),
          papers: z.array(syncedFile),
        })
        .strict(),
    ),
  })
  .strict();

/** The record a file holds; null when it is not one this version of Shelfmark reads. */
export function parseSyncRecord(text: string): NotesSyncRecord | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = recordSchema.safeParse(data);
  if (!parsed.success) return null;
  const folders = new Map<string, FolderRecord>();
  for (const { folder, template, papers } of parsed.data.folders) {
    const entries = papers.map(
      ({ id, conflict, ...entry }) => [id, conflict === undefined ? entry : { ...entry, conflict }] as const,
    );
    folders.set(folder, { template, papers: new Map(entries) });
  }
  return { settings: parsed.data.settings, folders };
}

const byKey = <T>(entries: Iterable<readonly [string, T]>): (readonly [string, T])[] =>
  [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export function syncRecordJson(record: NotesSyncRecord): string {
  const folders = byKey(record.folders).map(([folder, { template, papers }]) => ({
    folder,
    template,
    papers: byKey(papers).map(([id, entry]) => ({ id, ...entry })),
  }));
  return `${JSON.stringify({ format: FORMAT, version: VERSION, settings: record.settings, folders }, null, 2)}\n`;
}
