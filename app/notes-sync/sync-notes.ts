/**
 * Syncs the library's notes with a folder of Markdown files (an Obsidian vault, a Logseq graph, a git repository of
 * notes): reads the folder, works out the plan (core/notes-sync/plan.ts), takes the folder's edits into the library
 * through its ordinary changes, writes files, and keeps the record of what it did. Every file is written atomically
 * (a temp file beside it, then a rename), a new one only where nothing is, an old one only while it still holds
 * what was read; whatever changed meanwhile is left for the next sync.
 */

import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { InvalidInputError } from '../../core/errors.js';
import type { LibrarySnapshot } from '../../core/import/types.js';
import { syncedState } from '../../core/notes-sync/note-file.js';
import { planNotesSync, type NotesSyncScope, type SyncStep } from '../../core/notes-sync/plan.js';
import type { TakeInRequest, TakeInResult } from '../../core/notes-sync/take-in.js';
import { notesSyncReport, type NotesSyncReport } from '../../core/notes-sync/report.js';
import { EMPTY_FOLDER_RECORD, syncRecordJson, type SyncedFile } from '../../core/notes-sync/sync-record.js';
import type { NotesSyncTemplate } from '../../core/notes-sync/template.js';
import { papersOf } from '../../core/query.js';
import {
  nodeFs,
  pathExists,
  removeIfAbandoned,
  writeFileAtomically,
  writeNewFileAtomically,
} from '../store/atomic-write.js';
import { isErrorCode, userFileError } from '../store/errors.js';
import { readSyncRecord, withSyncRecordLock, writeSyncRecord, type SyncRecordPlace } from './record-file.js';
import { isFolder, scanFolder, type ScanHooks, type ScannedFolder } from './scan-folder.js';

const sha256 = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

/** What a sync needs of the library. */
export interface NotesSyncLibrary {
  /** Where the record of its syncs is (record-file.ts). */
  readonly record: SyncRecordPlace;
  read(): Promise<LibrarySnapshot>;
  /** Makes the files' edits the papers', in one durable change; in the order asked. */
  takeIn(requests: readonly TakeInRequest[]): Promise<readonly TakeInResult[]>;
}

export interface SyncHooks extends ScanHooks {
  /** For tests: runs just before a file is written over (another program editing it then). */
  readonly beforeWrite?: (path: string) => Promise<void>;
}

export interface NotesSyncOptions {
  readonly folder: string;
  readonly scope: NotesSyncScope;
  readonly dryRun: boolean;
  readonly restore: boolean;
  /** A template to use from now on for this folder; by default the one it was last synced with. */
  readonly template?: NotesSyncTemplate | undefined;
  /** Papers whose notes are being typed in the app: their files' edits wait for a later sync. */
  readonly editing?: readonly string[] | undefined;
  readonly hooks?: SyncHooks | undefined;
}

const EMPTY_FOLDER: ScannedFolder = { files: [], unread: [], names: [], writeTemps: [] };

/** An Error whose message says, for the report, why a file was left; anything else is thrown on. */
class LeftAlone extends Error {}

export async function syncNotesWithFolder(
  library: NotesSyncLibrary,
  options: NotesSyncOptions,
): Promise<NotesSyncReport> {
  const folder = resolve(options.folder);
  const exists = await isFolder(folder);
  if (!exists) {
    if (await pathExists(folder))
      throw new InvalidInputError(`${folder} is a file, not a folder; choose a folder to sync notes with.`);
    if (!options.dryRun) {
      await mkdir(folder).catch((error: unknown) => {
        if (isErrorCode(error, 'ENOENT')) {
          throw new InvalidInputError(
            `${dirname(folder)} does not exist; choose a folder that does, or create it first.`,
          );
        }
        throw userFileError(error, folder) ?? error;
      });
    }
  }

  const sync = async (place: SyncRecordPlace): Promise<NotesSyncReport> => {
    const record = await readSyncRecord(place);
    const before = record.folders.get(folder) ?? EMPTY_FOLDER_RECORD;
    const template = options.template ?? before.template;
    const snapshot = await library.read();
    const digestTitles = new Map(snapshot.catalogue.digests.map((digest) => [digest.id, digest.title]));
    const contents = exists
      ? await scanFolder(folder, options.hooks).catch((error: unknown) => {
          throw userFileError(error, folder) ?? error;
        })
      : EMPTY_FOLDER;
    // A sync killed mid-write left a hidden temp file beside a note; this one removes those old enough.
    if (!options.dryRun) for (const temp of contents.writeTemps) await removeIfAbandoned(inFolder(folder, temp));
    const editing = new Set(options.editing ?? []);
    const planned = planNotesSync({
      papers: papersOf(snapshot),
      digestTitles,
      folder: contents,
      record: before,
      template,
      scope: options.scope,
      restore: options.restore,
      hash: sha256,
    }).map((step): SyncStep =>
      step.kind === 'take-in' && editing.has(step.paper.id)
        ? {
            kind: 'skip',
            paper: step.paper,
            path: step.path,
            reason: 'its note is being edited in Shelfmark; its file’s edits are taken in at a later sync',
          }
        : step,
    );
    if (options.dryRun) return notesSyncReport(folder, planned, true);

    const done = await takeIn(library, planned, digestTitles);
    const written: Done[] = [];
    for (const item of done) written.push(await writeStep(folder, item, options.hooks));

    const papers = new Map(before.papers);
    for (const { step, entry } of written) if (entry !== null && step.kind !== 'skip') papers.set(step.paper.id, entry);
    const folders = new Map(record.folders).set(folder, { template, papers });
    const next = { ...record, folders };
    // A sync that changed nothing writes nothing, the record included.
    if (syncRecordJson(next) !== syncRecordJson(record)) await writeSyncRecord(place, next);
    return notesSyncReport(
      folder,
      written.map(({ step }) => step),
      false,
    );
  };
  return options.dryRun ? sync(library.record) : withSyncRecordLock(library.record, sync);
}

/** The file at `path` (relative, `/` between names) in `folder`. */
const inFolder = (folder: string, path: string): string => join(folder, ...path.split('/'));

/** A step carried out (or left, as a skip), and what the record keeps of it from now on; null: what it kept. */
interface Done {
  readonly step: SyncStep;
  readonly entry: SyncedFile | null;
}

const entryOf = (step: SyncStep): SyncedFile | null =>
  step.kind === 'skip' || step.kind === 'take-in' ? null : step.entry;

/** Takes every file's edits in, in one change; a paper changed meanwhile keeps its own, and the file waits. */
async function takeIn(
  library: NotesSyncLibrary,
  steps: readonly SyncStep[],
  digestTitles: ReadonlyMap<string, string>,
): Promise<Done[]> {
  const requests = steps.flatMap((step) => (step.kind === 'take-in' ? [{ paper: step.paper, take: step.take }] : []));
  const results = requests.length === 0 ? [] : await library.takeIn(requests);
  let next = 0;
  return steps.map((step): Done => {
    if (step.kind !== 'take-in') return { step, entry: entryOf(step) };
    const result = results[next++];
    if (result === undefined || !result.ok) {
      const reason = result?.ok === false ? result.reason : 'it was not taken in';
      return { step: { kind: 'skip', paper: step.paper, path: step.path, reason }, entry: null };
    }
    const paper = sha256(syncedState(result.paper, digestTitles));
    return { step, entry: { path: step.path, file: step.file, paper, content: step.content } };
  });
}

/** The text of `file` now; null when it is gone. */
async function textNow(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return null;
    throw error;
  }
}

/** Writes over `file` only if it still holds what hashes to `expected`, checked just before the rename. */
async function writeOver(file: string, text: string, expected: string, what: string): Promise<void> {
  await writeFileAtomically(file, text, {
    fs: {
      ...nodeFs,
      rename: async (from, to) => {
        const now = await textNow(to);
        if (now === null) throw new LeftAlone(`${what} was deleted during the sync; left as it is`);
        if (sha256(now) !== expected)
          throw new LeftAlone(`${what} changed during the sync; it is synced at the next sync`);
        await nodeFs.rename(from, to);
      },
    },
  });
}

async function writeNew(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeNewFileAtomically(file, text).catch((error: unknown) => {
    if (isErrorCode(error, 'EEXIST'))
      throw new LeftAlone('a file appeared at its name during the sync; it is written at the next sync');
    throw error;
  });
}

async function writeStep(folder: string, done: Done, hooks: SyncHooks | undefined): Promise<Done> {
  const { step } = done;
  const target = (path: string): string => inFolder(folder, path);
  try {
    switch (step.kind) {
      case 'write':
        await writeNew(target(step.path), step.text);
        break;
      case 'rewrite':
        await hooks?.beforeWrite?.(step.path);
        await writeOver(target(step.path), step.text, step.expected, 'it');
        break;
      case 'conflict': {
        const { copy } = step;
        if (copy === null) break;
        if (copy.replaces === null) await writeNew(target(copy.path), copy.text);
        else await writeOver(target(copy.path), copy.text, copy.replaces, `its conflict copy ${copy.path}`);
        break;
      }
      default:
        break;
    }
  } catch (error) {
    if (step.kind === 'skip') throw error;
    const reason =
      error instanceof LeftAlone ? error.message : userFileError(error, target(step.path))?.message.replace(/\.$/, '');
    if (reason === undefined) throw error;
    return { step: { kind: 'skip', paper: step.paper, path: step.path, reason }, entry: null };
  }
  return done;
}
