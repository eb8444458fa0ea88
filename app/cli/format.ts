/**
 * Human-readable output of the command line. Pure: data in, text out. The library holds what digests said: every
 * field is made terminal-safe (core/terminal-text.ts), one-line fields with their line breaks escaped too.
 */

import type { BackupSummary, FileImportResult, ImportReport } from '../../core/api.js';
import type { SkippedBlock } from '../../core/import/types.js';
import type { Paper } from '../../core/model.js';
import { categoriesPrimaryFirst, publishedDate, volumeAndPages } from '../../core/paper-facts.js';
import type { DigestProgress, LibraryStats, TagCount } from '../../core/query.js';
import { terminalLine, terminalText } from '../../core/terminal-text.js';
import { hasReturned, isSnoozed, triageStatusOf, type TriageStatus } from '../../core/triage.js';

export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

const STATUS_MARK: Readonly<Record<TriageStatus, string>> = {
  unread: '•',
  reading: '◐',
  read: '✓',
  snoozed: '◷',
  dismissed: '✗',
};

/** The mark a paper's line starts with: its view on `today` (a snoozed paper's is the clock). */
export function statusMark(paper: Paper, today: string): string {
  return STATUS_MARK[triageStatusOf(paper, today)];
}

/** What a paper's line ends with about a snooze: until when, or that it has come back; '' for none. */
function snoozeNote(paper: Paper, today: string): string {
  if (isSnoozed(paper, today)) return `  (snoozed until ${paper.snoozedUntil ?? ''})`;
  return hasReturned(paper, today) ? '  (back from a snooze)' : '';
}

/** A paper's tags on one line. */
const tagList = (tags: readonly string[]): string => tags.map(terminalLine).join(', ');

/**
 * Each paper's line: its mark, its id (the ids padded to one width) and its title cut to 90 characters, then what
 * `end` adds.
 */
export function paperLines<P extends Paper>(
  papers: readonly P[],
  today: string,
  end: (paper: P) => string = () => '',
): string[] {
  const ids = papers.map((paper) => terminalLine(paper.id));
  const idWidth = Math.max(...ids.map((id) => id.length));
  return papers.map(
    (paper, index) =>
      `${statusMark(paper, today)} ${(ids[index] ?? '').padEnd(idWidth)}  ${terminalLine(truncate(paper.title, 90))}${end(paper)}`,
  );
}

export function formatPaperList(papers: readonly Paper[], today: string): string {
  if (papers.length === 0) return 'No papers match.\n';
  const lines = paperLines(
    papers,
    today,
    (paper) => `${paper.tags.length > 0 ? `  [${tagList(paper.tags)}]` : ''}${snoozeNote(paper, today)}`,
  );
  return `${lines.join('\n')}\n${plural(papers.length, 'paper')}\n`;
}

/** What the paper's sources said of it beyond the record's own fields (core/paper-facts.ts), as labelled values. */
function factFields(paper: Paper): [string, string][] {
  const { facts } = paper;
  const fields: [string, string][] = [];
  const add = (label: string, value: string | null | undefined): void => {
    if (value !== null && value !== undefined) fields.push([label, value]);
  };
  add('Type', facts?.type);
  add('Venue', facts?.venue);
  add('Journal ref', facts?.journalRef);
  add('Editors', facts?.editors?.join(', '));
  add('Series', facts?.series);
  add('In', volumeAndPages(facts));
  add('Publisher', facts?.publisher);
  add('Published', publishedDate(paper));
  if (paper.categories.length > 0) {
    const [first, ...rest] = categoriesPrimaryFirst(paper.categories, facts);
    const primary = facts?.primaryCategory === undefined ? '' : ' (primary)';
    add('Categories', [`${first ?? ''}${primary}`, ...rest].join(', '));
  }
  add('Comments', facts?.comment);
  if (facts?.hfUpvotes !== undefined || facts?.hfComments !== undefined) {
    const counts = [
      facts.hfUpvotes === undefined ? null : plural(facts.hfUpvotes, 'upvote'),
      facts.hfComments === undefined ? null : plural(facts.hfComments, 'comment'),
    ];
    add('Hugging Face', counts.filter((count) => count !== null).join(', '));
  }
  return fields;
}

export function formatPaper(paper: Paper, today: string): string {
  const field = (label: string, value: string): string =>
    `${`${label}:`.padEnd(Math.max(10, label.length + 2))}${terminalLine(value)}`;
  const lines = [
    terminalLine(paper.title),
    '',
    field('Id', paper.id),
    field('Status', paper.readAt !== null ? `${paper.status} (${paper.readAt.slice(0, 10)})` : paper.status),
  ];
  if (isSnoozed(paper, today)) lines.push(field('Snoozed', `until ${paper.snoozedUntil ?? ''}`));
  else if (hasReturned(paper, today)) lines.push(field('Snoozed', `until ${paper.snoozedUntil ?? ''}: back now`));
  if (paper.authors.length > 0) lines.push(field('Authors', paper.authors.join(', ')));
  for (const [label, value] of factFields(paper)) lines.push(field(label, value));
  if (paper.arxivId !== null) lines.push(field('arXiv', paper.arxivId));
  if (paper.doi !== null) lines.push(field('DOI', paper.doi));
  if (paper.year !== null) lines.push(field('Year', String(paper.year)));
  lines.push(field('Tags', paper.tags.length > 0 ? paper.tags.join(', ') : '(none)'));
  lines.push(field('Digests', paper.digests.join(', ')));
  lines.push(field('Added', paper.addedAt.slice(0, 10)));
  for (const link of paper.links) lines.push(field('Link', link));
  if (paper.abstract !== '') lines.push('', terminalText(paper.abstract));
  lines.push('', paper.note !== '' ? `Note:\n${terminalText(paper.note)}` : 'No note.');
  return `${lines.join('\n')}\n`;
}

/** "  skipped entry 3 (@article{x}): it has no title", one line of the file's own text made safe. */
function blockLine(verb: string, block: SkippedBlock): string {
  return `  ${verb} ${terminalLine(block.where)}: ${terminalLine(block.reason)}`;
}

/** "3 entries merged with papers in the same file, 12 merged with papers already in your library". */
function mergeCounts(inFile: number, inLibrary: number): string {
  const sameFile = inFile > 0 ? `${plural(inFile, 'entry', 'entries')} merged with papers in the same file, ` : '';
  return `${sameFile}${inLibrary.toLocaleString('en')} merged with papers already in your library`;
}

function formatFileResult(result: FileImportResult): string[] {
  if (!result.ok) return [];
  if (result.kind === 'macros') {
    return [
      `${terminalLine(result.file)}: ${plural(result.macros, 'macro')}, no entries — used by ${result.usedBy.map(terminalLine).join(', ')}`,
    ];
  }
  const warnings = result.warnings.map((warning) => blockLine('warning:', warning));
  if (result.kind === 'library') {
    const { added, merged, mergedInFile, statesTaken } = result.summary;
    return [
      `${terminalLine(result.file)}: Shelfmark library — ${plural(added.length, 'paper')} added, ${mergeCounts(mergedInFile.length, merged.length)}, ${plural(statesTaken, 'reading state')} taken`,
      ...warnings,
    ];
  }
  const { digest, added, merged, mergedInFile, skipped } = result.summary;
  return [
    `${terminalLine(result.file)}: ${terminalLine(digest.title)} (${terminalLine(digest.id)}) — ${plural(added.length, 'paper')} added, ${mergeCounts(mergedInFile.length, merged.length)}`,
    ...skipped.map((block) => blockLine('skipped', block)),
    ...warnings,
    ...result.notes.map((note) => `  note: ${terminalLine(note)}`),
  ];
}

/** What an import did, for stdout. Files that failed are reported on stderr by the caller. */
export function formatImportReport(report: ImportReport): string {
  const lines = report.files.flatMap(formatFileResult);
  const imported = report.files.filter((file) => file.ok).length;
  if (imported > 1) {
    const inFile = report.files.reduce(
      (sum, file) => sum + (file.ok && file.kind !== 'macros' ? file.summary.mergedInFile.length : 0),
      0,
    );
    lines.push(`In all: ${plural(report.added, 'paper')} added, ${mergeCounts(inFile, report.merged)}.`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** What `tag` and `untag` print: the paper's tags as they are now. */
export function formatPaperTags(id: string, paper: Paper | undefined): string {
  const tags = paper === undefined || paper.tags.length === 0 ? '(no tags)' : tagList(paper.tags);
  return `${terminalLine(paper?.id ?? id)}: ${tags}\n`;
}

export function formatTags(tags: readonly TagCount[]): string {
  if (tags.length === 0) return 'No tags yet. Add one with: shelfmark tag ID TAG\n';
  const width = Math.max(...tags.map(({ count }) => String(count).length));
  return `${tags.map(({ tag, count }) => `${String(count).padStart(width)}  ${terminalLine(tag)}`).join('\n')}\n`;
}

function progressBar(done: number, total: number, width = 20): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

export function formatDigests(digests: readonly DigestProgress[]): string {
  if (digests.length === 0) return 'No digests yet. Import one with: shelfmark import FILE\n';
  const ids = digests.map((digest) => terminalLine(digest.id));
  const idWidth = Math.max(...ids.map((id) => id.length));
  const lines = digests.map((digest, index) => {
    const read = digest.counts.read;
    const percent = digest.total === 0 ? 0 : Math.round((read / digest.total) * 100);
    return `${(ids[index] ?? '').padEnd(idWidth)}  ${progressBar(read, digest.total)} ${`${read}/${digest.total}`.padStart(9)} read (${percent}%)  ${terminalLine(digest.title)}`;
  });
  return `${lines.join('\n')}\n`;
}

export function formatStats(stats: LibraryStats): string {
  const { counts } = stats;
  const lines = [
    `${plural(stats.total, 'paper')} from ${plural(stats.digests, 'digest')}`,
    `  unread     ${counts.unread.toLocaleString('en')}${stats.snoozed > 0 ? ` (${stats.snoozed.toLocaleString('en')} of them snoozed)` : ''}`,
    `  reading    ${counts.reading.toLocaleString('en')}`,
    `  read       ${counts.read.toLocaleString('en')}`,
    `  dismissed  ${counts.dismissed.toLocaleString('en')}`,
    `${plural(stats.tagged, 'paper')} tagged, ${plural(stats.withNotes, 'paper')} with notes`,
  ];
  if (stats.readPerWeek.length > 0) {
    const most = Math.max(...stats.readPerWeek.map(({ count }) => count));
    lines.push('', 'Read per week:');
    for (const { week, count } of stats.readPerWeek) {
      lines.push(`  ${week}  ${'█'.repeat(Math.max(1, Math.round((count / most) * 30)))} ${count}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function formatBackups(backups: readonly BackupSummary[]): string {
  if (backups.length === 0) return 'No backups yet: Shelfmark makes one a day, before the day’s first change.\n';
  const lines = backups.map((backup) => {
    const size = `${(backup.bytes / 1024 / 1024).toFixed(1)} MB`.padStart(9);
    const when = `${backup.createdAt.slice(0, 16).replace('T', ' ')} UTC`;
    return `${terminalLine(backup.name)}  ${when}  ${size}${backup.reason === 'before-restore' ? '  (taken before a restore)' : ''}`;
  });
  return `${lines.join('\n')}\nRestore one with: shelfmark restore NAME\n`;
}
