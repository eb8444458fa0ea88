/** What a sync of notes with a folder did (or, in a dry run, would do): as data for the API, and in words. */

import type { SyncStep } from './plan.js';

/** A paper's file: the paper's id and title, and the file's path in the folder. */
interface PaperFile {
  readonly paper: string;
  readonly title: string;
  readonly file: string;
}

type TakenPart = 'note' | 'tags' | 'status';

export interface NotesSyncReport {
  /** The folder, as an absolute path. */
  readonly folder: string;
  /** Nothing was changed: the report says what a sync would do. */
  readonly dryRun: boolean;
  /** New files; `restored`: one the user had deleted, written again as asked. */
  readonly written: readonly (PaperFile & { readonly restored: boolean })[];
  /** Files written again because the paper changed. */
  readonly updated: readonly PaperFile[];
  /** Files whose edits became the paper's, and which parts. */
  readonly takenIn: readonly (PaperFile & { readonly parts: readonly TakenPart[] })[];
  /** Papers and files both changed: neither was overwritten; `copy` holds Shelfmark's version. */
  readonly conflicts: readonly (PaperFile & { readonly copy: string })[];
  /** Left alone, with why; a file without a paper (a paper not in the library) or a paper without a file. */
  readonly skipped: readonly {
    readonly paper: string | null;
    readonly title: string | null;
    readonly file: string | null;
    readonly reason: string;
  }[];
  /** Files the user renamed or moved, found again by their `shelfmark:` key. */
  readonly moved: readonly (PaperFile & { readonly from: string })[];
  /** Papers whose files needed nothing. */
  readonly untouched: number;
}

export function notesSyncReport(folder: string, steps: readonly SyncStep[], dryRun: boolean): NotesSyncReport {
  const report = {
    folder,
    dryRun,
    written: [] as (PaperFile & { restored: boolean })[],
    updated: [] as PaperFile[],
    takenIn: [] as (PaperFile & { parts: TakenPart[] })[],
    conflicts: [] as (PaperFile & { copy: string })[],
    skipped: [] as NotesSyncReport['skipped'][number][],
    moved: [] as (PaperFile & { from: string })[],
    untouched: 0,
  };
  for (const step of steps) {
    if (step.kind === 'skip') {
      report.skipped.push({
        paper: step.paper?.id ?? null,
        title: step.paper?.title ?? null,
        file: step.path,
        reason: step.reason,
      });
      continue;
    }
    const file: PaperFile = { paper: step.paper.id, title: step.paper.title, file: step.path };
    switch (step.kind) {
      case 'write':
        report.written.push({ ...file, restored: step.restored });
        break;
      case 'rewrite':
        report.updated.push(file);
        break;
      case 'take-in': {
        const { note, addTags, removeTags, status } = step.take;
        const parts: TakenPart[] = [];
        if (note !== null) parts.push('note');
        if (addTags.length + removeTags.length > 0) parts.push('tags');
        if (status !== null) parts.push('status');
        report.takenIn.push({ ...file, parts });
        break;
      }
      case 'conflict':
        report.conflicts.push({ ...file, copy: step.copyPath });
        break;
      case 'keep':
        report.untouched += 1;
        if (step.movedFrom !== null) report.moved.push({ ...file, from: step.movedFrom });
        break;
    }
  }
  return report;
}

const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function listed(names: readonly string[], limit: number): string {
  const shown = names.slice(0, limit).join(', ');
  return names.length > limit ? `${shown} and ${(names.length - limit).toLocaleString('en')} more` : shown;
}

/** One line a part of the sync that did something, naming the files; conflicts and skips one a line, each with its why. */
export function describeNotesSync(report: NotesSyncReport, limit = 20): string[] {
  const lines: string[] = [];
  const { written, updated, takenIn, conflicts, skipped, moved } = report;
  /** "Wrote 2 new files: a.md, b.md." (or, in a dry run, "Would write …"), when there are any. */
  const say = (done: string, dryRun: string, files: readonly string[], noun: string, all = false): void => {
    if (files.length === 0) return;
    const names = all ? files.join(', ') : listed(files, limit);
    lines.push(`${report.dryRun ? dryRun : done} ${count(files.length, noun)}: ${names}.`);
  };
  say(
    'Wrote',
    'Would write',
    written.filter((f) => !f.restored).map((f) => f.file),
    'new file',
  );
  say(
    'Wrote again',
    'Would write again',
    written.filter((f) => f.restored).map((f) => f.file),
    'deleted file',
  );
  say(
    'Updated',
    'Would update',
    updated.map((f) => f.file),
    'file',
    false,
  );
  const taken = takenIn.map((f) => `${f.file} (${f.parts.join(', ')})`);
  say('Took in edits from', 'Would take in edits from', taken, 'file', true);
  say(
    'Followed',
    'Would follow',
    moved.map((f) => `${f.from} → ${f.file}`),
    'renamed or moved file',
  );
  for (const conflict of conflicts) {
    lines.push(
      `Conflict: ${conflict.file} and the library both changed; neither was overwritten, and Shelfmark’s version is in ${conflict.copy}.`,
    );
  }
  for (const skip of skipped)
    lines.push(`Skipped ${skip.file ?? `“${skip.title ?? skip.paper ?? ''}”`}: ${skip.reason}.`);
  if (report.untouched > 0) lines.push(`${count(report.untouched, 'file')} needed nothing.`);
  if (lines.length === 0) {
    lines.push(
      'Nothing to sync: no paper was chosen (by default, those with a note, a tag or a status other than unread).',
    );
  }
  return lines;
}
