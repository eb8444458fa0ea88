/**
 * What a sync of notes with a folder does, worked out from three things for each paper: the paper now, its file
 * now (found by its `shelfmark:` key, wherever in the folder it is), and what the last sync recorded of both.
 *
 * - only the paper changed: its file is written again (keys the user added to its front matter kept);
 * - only the file changed: its note, and its `tags` and `status` if edited there, become the paper's;
 * - both changed, differently: a conflict. Neither side is overwritten; a copy beside the file,
 *   `NAME.shelfmark-conflict.md`, holds Shelfmark's version. Once the user deletes the copy, the file is taken in
 *   (unless the paper changed again); once both sides say the same, the conflict is over;
 * - neither changed: nothing is touched.
 *
 * A file the user deleted is not written again (unless `restore`); a file whose front matter is broken, or a paper
 * two files claim, is left alone and said why. Files without a `shelfmark:` key are never read as papers' files.
 */

import { fileNameKey, placeFiles } from '../export/file-names.js';
import { FOLDER_FILE_EXTENSION } from '../export/markdown.js';
import type { Paper, ReadingStatus } from '../model.js';
import { matchesFilter } from '../query.js';
import {
  readNoteFile,
  renderNoteFile,
  rewriteNoteFile,
  syncedContent,
  syncedState,
  type DigestTitles,
  type NoteFileContent,
} from './note-file.js';
import { tagKey } from './obsidian-tags.js';
import type { FolderRecord, SyncedFile } from './sync-record.js';
import { CONFLICT_KEY, fileBaseName, type NotesSyncTemplate } from './template.js';

/** Which papers a sync writes files for. */
export type NotesSyncScope =
  /** Those with a note, a tag or a status other than unread, and those synced with the folder before. */
  | { readonly kind: 'default' }
  | { readonly kind: 'all' }
  /** Those with this status and this tag, only. */
  | { readonly kind: 'filter'; readonly status?: ReadingStatus | undefined; readonly tag?: string | undefined };

/** A Markdown file of the folder, read whole while it did not change. */
export interface FolderFile {
  /** Relative to the folder, `/` between names. */
  readonly path: string;
  readonly text: string;
}

/** A Markdown file that could not be read whole: it kept changing, or it is too large or not UTF-8 text. */
export interface UnreadFile {
  readonly path: string;
  /** Changing: it may be any paper's file. Unreadable: no file Shelfmark wrote, unless the record says it is. */
  readonly kind: 'changing' | 'unreadable';
  readonly reason: string;
}

export interface FolderContents {
  readonly files: readonly FolderFile[];
  readonly unread: readonly UnreadFile[];
  /** Every file and folder in it (hidden folders left out, as they are not looked into): names not to take. */
  readonly names: readonly string[];
}

export interface NotesSyncInput {
  readonly papers: readonly Paper[];
  readonly digestTitles: DigestTitles;
  readonly folder: FolderContents;
  readonly record: FolderRecord;
  readonly template: NotesSyncTemplate;
  readonly scope: NotesSyncScope;
  /** Write again the files of papers the user deleted from the folder. */
  readonly restore: boolean;
  /** A hash of text (SHA-256 in hex): pure, supplied by the shell. */
  readonly hash: (text: string) => string;
}

/** What of a file becomes the paper's: each part null or empty when the file left it as the paper has it. */
export interface TakeIn {
  readonly note: string | null;
  readonly addTags: readonly string[];
  readonly removeTags: readonly string[];
  readonly status: ReadingStatus | null;
}

export type SyncStep =
  /** A new file (or one the user deleted, written again with `restore`): written only where nothing is. */
  | {
      readonly kind: 'write';
      readonly paper: Paper;
      readonly path: string;
      readonly text: string;
      readonly restored: boolean;
      readonly entry: SyncedFile;
    }
  /** The paper's file written again: only while it still holds what it held when read (`expected`, a hash). */
  | {
      readonly kind: 'rewrite';
      readonly paper: Paper;
      readonly path: string;
      readonly text: string;
      readonly expected: string;
      readonly entry: SyncedFile;
    }
  /** The file's edits become the paper's: only while the paper is still as it was when planned. */
  | {
      readonly kind: 'take-in';
      readonly paper: Paper;
      readonly path: string;
      readonly take: TakeIn;
      /** The hash of the file's text taken in. */
      readonly file: string;
      /** The hash of what it says of note, tags and status (note-file.ts, syncedContent). */
      readonly content: string;
    }
  /** Both changed: the copy to write (null when the one written before stays as it is), nothing else. */
  | {
      readonly kind: 'conflict';
      readonly paper: Paper;
      readonly path: string;
      readonly copy: {
        readonly path: string;
        readonly text: string;
        /** The hash of the copy written before, which this one replaces; null for a new copy. */
        readonly replaces: string | null;
      } | null;
      /** The copy's path. */
      readonly copyPath: string;
      readonly entry: SyncedFile;
    }
  /** Nothing to write; the record only is brought up to date (a file moved, found again) when `entry` is given. */
  | {
      readonly kind: 'keep';
      readonly paper: Paper;
      readonly path: string;
      readonly movedFrom: string | null;
      readonly entry: SyncedFile | null;
    }
  /** Left alone, and why: deleted by the user, broken front matter, claimed by two files, changing while read. */
  | { readonly kind: 'skip'; readonly paper: Paper | null; readonly path: string | null; readonly reason: string };

/** A paper's file found in the folder. */
type Candidate =
  | { readonly path: string; readonly text: string; readonly kind: 'paper'; readonly content: NoteFileContent }
  | { readonly path: string; readonly text: string; readonly kind: 'broken'; readonly reason: string };

const CONFLICT_SUFFIX = '.shelfmark-conflict';

const hasSomething = (paper: Paper): boolean =>
  paper.note.trim() !== '' || paper.tags.length > 0 || paper.status !== 'unread';

function inScope(paper: Paper, scope: NotesSyncScope): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'default') return hasSomething(paper);
  return matchesFilter(paper, { status: scope.status, tag: scope.tag });
}

const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);
const nameOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** What of the file differs from the paper; null when the file says what the paper has. */
function takeInOf(paper: Paper, content: NoteFileContent): TakeIn | null {
  const note = content.note === paper.note ? null : content.note;
  const addTags: string[] = [];
  const removeTags: string[] = [];
  if (content.tags !== null) {
    const inFile = new Set(content.tags.map(tagKey));
    const onPaper = new Set(paper.tags.map(tagKey));
    removeTags.push(...paper.tags.filter((tag) => !inFile.has(tagKey(tag))));
    for (const tag of content.tags) {
      if (!onPaper.has(tagKey(tag)) && !addTags.some((added) => tagKey(added) === tagKey(tag))) addTags.push(tag);
    }
  }
  const status = content.status === null || content.status === paper.status ? null : content.status;
  return note === null && addTags.length === 0 && removeTags.length === 0 && status === null
    ? null
    : { note, addTags, removeTags, status };
}

export function planNotesSync(input: NotesSyncInput): SyncStep[] {
  const { papers, digestTitles, folder, record, template, scope, restore, hash } = input;
  const steps: SyncStep[] = [];
  const present: ReadonlySet<string> = new Set(folder.names.map(fileNameKey));
  const taken = new Set(present);
  const textAt = new Map(folder.files.map((file) => [fileNameKey(file.path), file]));
  const unreadAt = new Map(folder.unread.map((file) => [fileNameKey(file.path), file]));
  const recordedAt = new Map([...record.papers].map(([id, entry]) => [fileNameKey(entry.path), id]));

  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const aliasOf = new Map<string, string>();
  for (const paper of papers)
    for (const alias of paper.aliases ?? []) if (!byId.has(alias)) aliasOf.set(alias, paper.id);

  // Every paper's files, by its key (a file at a recorded path with a key no one can read is that paper's).
  const found = new Map<string, Candidate[]>();
  for (const file of folder.files) {
    const reading = readNoteFile(file.text, template);
    if (reading.kind === 'other') continue;
    const owner =
      reading.kind === 'paper' ? reading.content.id : (reading.owner ?? recordedAt.get(fileNameKey(file.path)));
    const id = owner === undefined ? undefined : byId.has(owner) ? owner : aliasOf.get(owner);
    const candidate: Candidate =
      reading.kind === 'paper'
        ? { path: file.path, text: file.text, kind: 'paper', content: reading.content }
        : { path: file.path, text: file.text, kind: 'broken', reason: reading.reason };
    if (id === undefined) {
      const reason =
        reading.kind === 'broken'
          ? brokenReason(reading.reason)
          : 'it names a paper that is not in the library; left as it is';
      steps.push({ kind: 'skip', paper: null, path: file.path, reason });
      continue;
    }
    found.set(id, [...(found.get(id) ?? []), candidate]);
  }
  // Files that kept changing while read are said once; those at a paper's recorded path, with the paper.
  const changing = folder.unread.filter((file) => file.kind === 'changing' && !recordedAt.has(fileNameKey(file.path)));
  for (const file of changing) steps.push({ kind: 'skip', paper: null, path: file.path, reason: file.reason });

  /** A new copy's path beside `path`, or the copy the record names if it is still as Shelfmark wrote it. */
  const copyPathFor = (path: string, before: SyncedFile['conflict']): { path: string; replaces: string | null } => {
    const name = nameOf(path);
    const stem = name.toLowerCase().endsWith(FOLDER_FILE_EXTENSION)
      ? name.slice(0, -FOLDER_FILE_EXTENSION.length)
      : name;
    for (let copy = 1; ; copy += 1) {
      const candidate = `${folderOf(path)}${stem}${CONFLICT_SUFFIX}${copy === 1 ? '' : ` (${copy})`}${FOLDER_FILE_EXTENSION}`;
      const key = fileNameKey(candidate);
      if (before !== undefined && key === fileNameKey(before.path)) {
        const existing = textAt.get(key);
        if (existing !== undefined && hash(existing.text) === before.hash)
          return { path: existing.path, replaces: before.hash };
      }
      if (!taken.has(key)) {
        taken.add(key);
        return { path: candidate, replaces: null };
      }
    }
  };

  /** The record of a file of `text` at `path`, saying what `content` says of note, tags and status. */
  const entryFor = (
    paper: Paper,
    path: string,
    text: string,
    content: Pick<NoteFileContent, 'note' | 'tags' | 'status'> = paper,
  ): SyncedFile => ({
    path,
    file: hash(text),
    paper: hash(syncedState(paper, digestTitles)),
    content: hash(syncedContent(content)),
  });

  /** The paper's file made to show the paper: written again, or only recorded when it already does. */
  const refresh = (paper: Paper, file: Candidate, movedFrom: string | null): SyncStep => {
    const text = rewriteNoteFile(file.text, paper, template, digestTitles);
    const entry = entryFor(paper, file.path, text);
    if (text === file.text) return { kind: 'keep', paper, path: file.path, movedFrom, entry };
    return { kind: 'rewrite', paper, path: file.path, text, expected: hash(file.text), entry };
  };

  const conflict = (paper: Paper, file: Candidate & { kind: 'paper' }, before: SyncedFile['conflict']): SyncStep => {
    const text = renderNoteFile(paper, template, digestTitles, CONFLICT_KEY);
    const place = copyPathFor(file.path, before);
    const unchanged = place.replaces !== null && place.replaces === hash(text);
    return {
      kind: 'conflict',
      paper,
      path: file.path,
      copy: unchanged ? null : { path: place.path, text, replaces: place.replaces },
      copyPath: place.path,
      entry: {
        ...entryFor(paper, file.path, file.text, file.content),
        conflict: { path: place.path, hash: hash(text) },
      },
    };
  };

  const takeIn = (paper: Paper, file: Candidate & { kind: 'paper' }, movedFrom: string | null): SyncStep => {
    const take = takeInOf(paper, file.content);
    const entry = entryFor(paper, file.path, file.text, file.content);
    if (take === null) return { kind: 'keep', paper, path: file.path, movedFrom, entry };
    return { kind: 'take-in', paper, path: file.path, take, file: entry.file, content: entry.content };
  };

  const newFiles: Paper[] = [];
  for (const paper of papers) {
    const before = record.papers.get(paper.id);
    const candidates = found.get(paper.id) ?? [];
    const selected =
      scope.kind === 'filter'
        ? inScope(paper, scope)
        : inScope(paper, scope) || before !== undefined || candidates.length > 0;
    if (!selected) continue;

    const unread = before === undefined ? undefined : unreadAt.get(fileNameKey(before.path));
    if (unread !== undefined) {
      steps.push({ kind: 'skip', paper, path: unread.path, reason: unread.reason });
      continue;
    }
    const atRecorded =
      before === undefined ? undefined : candidates.find((file) => fileNameKey(file.path) === fileNameKey(before.path));
    const file = atRecorded ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (file === undefined && candidates.length > 1) {
      const names = candidates.map((candidate) => candidate.path).join(', ');
      steps.push({
        kind: 'skip',
        paper,
        path: null,
        reason: `${candidates.length} files name this paper (${names}); delete all but one`,
      });
      continue;
    }
    for (const other of candidates) {
      if (other === file) continue;
      steps.push({
        kind: 'skip',
        paper,
        path: other.path,
        reason: `it names the same paper as ${file?.path ?? ''}; left as it is`,
      });
    }

    if (file === undefined) {
      if (before === undefined) {
        if (inScope(paper, scope)) newFiles.push(paper);
      } else if (changing.length > 0) {
        // A file that kept changing may be this one, moved: not taken for deleted before it can be read.
        steps.push({
          kind: 'skip',
          paper,
          path: before.path,
          reason: 'its file was not found while other files were changing; it is looked for again at the next sync',
        });
      } else if (!restore) {
        steps.push({
          kind: 'skip',
          paper,
          path: before.path,
          reason: 'it was deleted from the folder, and is not written again (--restore writes it)',
        });
      } else if (!taken.has(fileNameKey(before.path))) {
        taken.add(fileNameKey(before.path));
        const text = renderNoteFile(paper, template, digestTitles);
        steps.push({
          kind: 'write',
          paper,
          path: before.path,
          text,
          restored: true,
          entry: entryFor(paper, before.path, text),
        });
      } else {
        newFiles.push(paper);
      }
      continue;
    }
    if (file.kind === 'broken') {
      steps.push({ kind: 'skip', paper, path: file.path, reason: brokenReason(file.reason) });
      continue;
    }

    const movedFrom = before !== undefined && before.path !== file.path ? before.path : null;
    const same = takeInOf(paper, file.content) === null;
    if (before === undefined) {
      // Never synced here (an export's file, or a record lost): with no base, only a file that agrees is refreshed.
      steps.push(same ? refresh(paper, file, null) : conflict(paper, file, undefined));
      continue;
    }
    const rewritten = hash(file.text) !== before.file;
    // Edited: what it says of note, tags or status changed, not only its formatting or its other keys.
    const fileChanged = rewritten && hash(syncedContent(file.content)) !== before.content;
    const paperChanged = hash(syncedState(paper, digestTitles)) !== before.paper;
    if (before.conflict !== undefined) {
      if (same) steps.push(refresh(paper, file, movedFrom));
      else if (present.has(fileNameKey(before.conflict.path))) {
        // Still in conflict; the copy follows the paper while it is as Shelfmark wrote it.
        steps.push(paperChanged ? conflict(paper, file, before.conflict) : stillInConflict(paper, file.path, before));
      } else if (paperChanged) steps.push(conflict(paper, file, undefined));
      else steps.push(takeIn(paper, file, movedFrom));
    } else if (!fileChanged && !paperChanged) {
      const entry = movedFrom !== null || rewritten ? { ...before, path: file.path, file: hash(file.text) } : null;
      steps.push({ kind: 'keep', paper, path: file.path, movedFrom, entry });
    } else if (!fileChanged || same) {
      steps.push(refresh(paper, file, movedFrom));
    } else if (!paperChanged) {
      steps.push(takeIn(paper, file, movedFrom));
    } else {
      steps.push(conflict(paper, file, undefined));
    }
  }

  // New files last, named so that none takes a name in the folder or another's.
  const rootNames = [...folder.names.filter((name) => !name.includes('/'))];
  for (const step of steps) {
    const claimed = step.kind === 'conflict' ? step.copyPath : step.kind === 'write' ? step.path : null;
    if (claimed !== null && !claimed.includes('/')) rootNames.push(claimed);
  }
  const placed = placeFiles(
    newFiles.map((paper) => ({ base: fileBaseName(paper, template), owner: paper.id })),
    FOLDER_FILE_EXTENSION,
    rootNames.map((name) => ({ name, owner: null })),
  );
  newFiles.forEach((paper, index) => {
    const path = placed[index]?.name ?? `${paper.id}${FOLDER_FILE_EXTENSION}`;
    const text = renderNoteFile(paper, template, digestTitles);
    const restored = record.papers.has(paper.id);
    steps.push({ kind: 'write', paper, path, text, restored, entry: entryFor(paper, path, text) });
  });
  return steps;
}

function stillInConflict(paper: Paper, path: string, before: SyncedFile): SyncStep {
  const copyPath = before.conflict?.path ?? '';
  return { kind: 'conflict', paper, path, copy: null, copyPath, entry: { ...before, path } };
}

const brokenReason = (reason: string): string => `its front matter cannot be read: ${reason}; left as it is`;
