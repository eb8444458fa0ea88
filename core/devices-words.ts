/**
 * What the command line and the app say of a synced library's devices and of a note's versions written apart
 * (ARCHITECTURE.md, "Many devices, one folder"), in one set of words. Pure.
 */

import type { LibraryFileProblem } from './api.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function count(amount: number, unit: string): string {
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** "3 hours", "20 minutes", "2 days": a clock's lead, rounded to its largest unit. */
export function durationWords(ms: number): string {
  if (ms >= DAY) return count(Math.round(ms / DAY), 'day');
  if (ms >= HOUR) return count(Math.round(ms / HOUR), 'hour');
  return count(Math.max(1, Math.round(ms / MINUTE)), 'minute');
}

/** "The clock of desktop is 3 hours ahead of this computer's; its changes are kept." */
export function clockAheadSentence(device: string, aheadMs: number): string {
  return `The clock of ${device} is ${durationWords(aheadMs)} ahead of this computer’s; its changes are kept.`;
}

/** "2 changes wait for the papers they are about to arrive from the computer that added them." */
export function waitingSentence(waiting: number): string {
  return waiting === 1
    ? '1 change waits for the paper it is about to arrive from the computer that added it.'
    : `${waiting} changes wait for the papers they are about to arrive from the computer that added them.`;
}

/** "devices/ab12…/ops.0.jsonl, line 3: not a whole change (…). Skipped; the rest is read." */
export function problemSentence(problem: LibraryFileProblem): string {
  const where = problem.line === null ? problem.file : `${problem.file}, line ${problem.line}`;
  const what =
    problem.line === null
      ? 'Not read yet: a sync tool may still be writing it, or it is damaged.'
      : 'That line is skipped; the rest of the file is read.';
  return `${where}: ${problem.reason}. ${what}`;
}

/** Between the texts of a note kept together ("keep both"). */
const KEPT_BOTH_SEPARATOR = '\n\n---\n\n';

/** The note with every other version's text below it, each under a separator: what "keep both" keeps. */
export function keptBoth(note: string, others: readonly string[]): string {
  const texts = [note, ...others].map((text) => text.trim()).filter((text) => text !== '');
  return texts.filter((text, index) => texts.indexOf(text) === index).join(KEPT_BOTH_SEPARATOR);
}
