/** Views over a library: filtering, tag counts, digest progress and reading statistics. Pure. */

import type { LibrarySnapshot } from './import/types.js';
import { sameTag } from './reading.js';
import { isSnoozed, triageStatusOf, type TriageStatus } from './triage.js';
import {
  readingStateOf,
  withReadingState,
  type Digest,
  type Paper,
  type ReadingStateMap,
  type ReadingStatus,
} from './model.js';

export interface PaperFilter {
  /** The view: a reading status, or 'snoozed' (then 'unread' leaves out the papers snoozed). */
  readonly status?: TriageStatus | undefined;
  readonly tag?: string | undefined;
  readonly digest?: string | undefined;
}

export function papersOf(library: LibrarySnapshot): Paper[] {
  return library.catalogue.papers.map((paper) => withReadingState(paper, readingStateOf(library.states, paper.id)));
}

/** `today`: the user's day, which tells a snooze still to end from one come back (null: snoozes are not looked at). */
export function matchesFilter(paper: Paper, filter: PaperFilter, today: string | null = null): boolean {
  if (filter.status !== undefined && triageStatusOf(paper, today) !== filter.status) return false;
  const { tag, digest } = filter;
  if (tag !== undefined && !paper.tags.some((candidate) => sameTag(candidate, tag))) return false;
  if (digest !== undefined && !paper.digests.includes(digest)) return false;
  return true;
}

export interface TagCount {
  readonly tag: string;
  readonly count: number;
}

/** Every tag in use, most used first, then by name. */
export function tagCounts(papers: readonly Paper[]): TagCount[] {
  const counts = new Map<string, TagCount>();
  for (const paper of papers) {
    for (const tag of paper.tags) {
      const key = tag.toLocaleLowerCase();
      const seen = counts.get(key);
      counts.set(key, { tag: seen?.tag ?? tag, count: (seen?.count ?? 0) + 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

export type StatusCounts = Readonly<Record<ReadingStatus, number>>;

function statusCounts(papers: readonly Pick<Paper, 'status'>[]): StatusCounts {
  const counts: Record<ReadingStatus, number> = { unread: 0, reading: 0, read: 0, dismissed: 0 };
  for (const paper of papers) counts[paper.status] += 1;
  return counts;
}

export interface DigestProgress {
  readonly id: string;
  readonly title: string;
  readonly format: Digest['format'];
  readonly date: string | null;
  readonly source: string;
  readonly importedAt: string;
  readonly total: number;
  readonly counts: StatusCounts;
}

/** Each digest with how much of it has been read, newest first. */
export function digestProgress(digests: readonly Digest[], states: ReadingStateMap): DigestProgress[] {
  return digests
    .map(({ id, title, format, date, source, importedAt, paperIds }) => ({
      id,
      title,
      format,
      date,
      source,
      importedAt,
      total: paperIds.length,
      counts: statusCounts(
        paperIds.map((paperId) => ({ status: readingStateOf(states, paperId)?.status ?? 'unread' })),
      ),
    }))
    .sort((a, b) => (b.date ?? b.importedAt).localeCompare(a.date ?? a.importedAt) || a.title.localeCompare(b.title));
}

/** The ISO-8601 week of a date, as "2026-W48". */
export function isoWeek(isoDate: string): string {
  const date = new Date(isoDate);
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export interface LibraryStats {
  readonly total: number;
  readonly counts: StatusCounts;
  /** Unread papers snoozed until a day still to come (counted among the unread too). */
  readonly snoozed: number;
  readonly tagged: number;
  readonly withNotes: number;
  readonly digests: number;
  /** Papers marked read per ISO week, oldest first; weeks with none are left out. */
  readonly readPerWeek: readonly { readonly week: string; readonly count: number }[];
}

/** `today`: the user's day, on which snoozes end (null: none is counted as snoozed). */
export function libraryStats(library: LibrarySnapshot, today: string | null = null): LibraryStats {
  const papers = papersOf(library);
  const perWeek = new Map<string, number>();
  for (const paper of papers) {
    if (paper.status === 'read' && paper.readAt !== null) {
      const week = isoWeek(paper.readAt);
      perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
    }
  }
  return {
    total: papers.length,
    counts: statusCounts(papers),
    snoozed: papers.filter((paper) => isSnoozed(paper, today)).length,
    tagged: papers.filter((paper) => paper.tags.length > 0).length,
    withNotes: papers.filter((paper) => paper.note.trim() !== '').length,
    digests: library.catalogue.digests.length,
    readPerWeek: [...perWeek.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, count]) => ({ week, count })),
  };
}
