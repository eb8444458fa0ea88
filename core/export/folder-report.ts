/** What a folder export did, as data for the API and as sentences for the user. */

export interface FolderExportReport {
  /** Files written, new and replaced. */
  readonly written: number;
  /** Files from an earlier export written over with this one's. */
  readonly replaced: readonly string[];
  /** The user's files at a name the export would have used, left as they are, and the name used instead. */
  readonly kept: readonly { readonly name: string; readonly instead: string }[];
  /** Shelfmark's files of an earlier export this one did not write over (papers not in it, or retitled), left as they are. */
  readonly left: readonly string[];
}

const files = (count: number): string => `${count.toLocaleString('en')} ${count === 1 ? 'file' : 'files'}`;

function names(list: readonly string[], limit: number): string {
  const shown = list.slice(0, limit).join(', ');
  return list.length > limit ? `${shown} and ${(list.length - limit).toLocaleString('en')} more` : shown;
}

/**
 * What a folder export replaced and left, in sentences; empty when it only wrote new files. Names of Shelfmark's
 * own files are listed up to `limit`; the user's files it kept are all named, since each explains a " (2)".
 */
export function describeFolderExport(report: FolderExportReport, limit = 10): string {
  const sentences: string[] = [];
  if (report.replaced.length > 0) {
    sentences.push(
      `Replaced ${files(report.replaced.length)} from an earlier export: ${names(report.replaced, limit)}.`,
    );
  }
  if (report.kept.length > 0) {
    const kept = report.kept.map(({ name, instead }) => `${name} (wrote ${instead} instead)`);
    sentences.push(
      `Left ${files(report.kept.length)} of yours as ${report.kept.length === 1 ? 'it was' : 'they were'}: ${kept.join(', ')}.`,
    );
  }
  if (report.left.length > 0) {
    sentences.push(
      `Left ${files(report.left.length)} from an earlier export that this one did not replace: ${names(report.left, limit)}.`,
    );
  }
  return sentences.join(' ');
}
