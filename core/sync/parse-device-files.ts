/**
 * Reading a device's files as a sync tool may leave them: a log whose last line is half-written (it waits until
 * whole), lines twice over (changes are joined: twice is once), git's conflict markers (every side's lines are
 * changes: all are read), a line damaged or of a newer Shelfmark (skipped, said, the rest read), a document
 * half-written (nothing read from it yet) or with git's markers (each side read). Pure: texts in, data out.
 */

import type { ImportOp } from './catalogue-fold.js';
import {
  checkChangeLine,
  checkImportDocument,
  checkStateDocument,
  type Checked,
  type DeviceSnapshot,
} from './device-documents.js';
import { conflictSides, isConflictMarker } from './git-conflicts.js';
import type { SyncOp } from './ops.js';

export interface FileProblem {
  /** The line of a log; null for a document as a whole. */
  readonly line: number | null;
  readonly problem: string;
}

export interface ParsedLog {
  readonly ops: readonly SyncOp[];
  readonly problems: readonly FileProblem[];
  /** The last line has no newline: still being written (a sync in progress, a crash); it is read once whole. */
  readonly partial: boolean;
}

function parseJson(
  text: string,
): { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly problem: string } {
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

export function parseLog(text: string): ParsedLog {
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  const ops: SyncOp[] = [];
  const problems: FileProblem[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || isConflictMarker(line)) return;
    const number = index + 1;
    const json = parseJson(line);
    if (!json.ok) {
      problems.push({ line: number, problem: `not a whole change (${json.problem})` });
      return;
    }
    const checked = checkChangeLine(json.json);
    if (!checked.ok) {
      problems.push({ line: number, problem: checked.problem });
      return;
    }
    ops.push(...checked.value.ops);
    for (const problem of checked.value.problems) problems.push({ line: number, problem });
  });
  return { ops, problems, partial: last.trim() !== '' };
}

export interface ParsedDocument<T> {
  /** One per version the text holds: one, or each side of a git conflict; none when it cannot be read yet. */
  readonly versions: readonly T[];
  readonly problems: readonly FileProblem[];
}

function parseDocument<T>(text: string, check: (json: unknown) => Checked<T>): ParsedDocument<T> {
  const whole = parseJson(text);
  const texts = whole.ok ? null : conflictSides(text);
  if (!whole.ok && texts === null) {
    return { versions: [], problems: [{ line: null, problem: `not whole yet, or damaged (${whole.problem})` }] };
  }
  const versions: T[] = [];
  const problems: FileProblem[] = [];
  for (const json of whole.ok
    ? [whole.json]
    : (texts ?? []).map(parseJson).flatMap((side) => (side.ok ? [side.json] : []))) {
    const checked = check(json);
    if (checked.ok) versions.push(checked.value);
    else problems.push({ line: null, problem: checked.problem });
  }
  if (versions.length === 0 && problems.length === 0)
    problems.push({ line: null, problem: 'no side of its git conflict can be read' });
  return { versions, problems };
}

export function parseStateText(text: string): ParsedDocument<DeviceSnapshot> {
  return parseDocument(text, checkStateDocument);
}

export function parseImportText(text: string): ParsedDocument<ImportOp> {
  return parseDocument(text, checkImportDocument);
}
