import { resolve } from 'node:path';
import { describeFolderExport, type FolderExportReport } from '../../../core/export/folder-report.js';
import {
  EXPORT_FORMATS,
  isCitationFormat,
  type ExportFormat,
  type ExportRequest,
} from '../../../core/export/request.js';
import { writeExportFile, writeExportFolder } from '../../export-files.js';
import { userFileError } from '../../store/index.js';
import type { Command } from '../command.js';
import { UsageError } from '../usage-error.js';
import { plural } from '../format.js';
import { viewArg } from '../options.js';

const isExportFormat = (value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value);

export const exportCommand: Command = {
  name: 'export',
  usage: `--out PATH [--format ${EXPORT_FORMATS.join('|')}] [--status S] [--tag T] [--digest D] [--query Q] [--all] [--abstracts] [--force]`,
  summary:
    'Export notes to Markdown (a .md document, or a folder of files), the library to JSON, or citations as BibTeX, CSL-JSON or RIS',
  options: ['out', 'format', 'status', 'tag', 'digest', 'query', 'all', 'abstracts', 'force'],
  args: [0, 0],
  examples: [
    'shelfmark export --out notes.md --tag to-present',
    'shelfmark export --format bibtex --out reading.bib',
    'shelfmark export --format csl-json --tag to-cite --out to-cite.json',
    'shelfmark export --format ris --status read --out read.ris',
    'shelfmark export --format json --out shelfmark-backup.json',
  ],
  async run({ service, values, print }) {
    const out = values.out;
    if (out === undefined) throw new UsageError('export needs --out PATH.');
    const exportFormat = values.format ?? 'md';
    if (!isExportFormat(exportFormat))
      throw new UsageError(`"${exportFormat}" is not an export format: use ${EXPORT_FORMATS.join(', ')}.`);
    const filtered = [values.status, values.tag, values.digest, values.query, values.all, values.abstracts].some(
      (value) => value !== undefined,
    );
    if (exportFormat === 'json' && filtered) {
      throw new UsageError(
        'a JSON export is a backup of the whole library: it takes no filters, --all or --abstracts.',
      );
    }
    const layout = exportFormat === 'md' && !out.toLowerCase().endsWith('.md') ? 'folder' : 'document';
    const request: ExportRequest = {
      format: exportFormat,
      layout,
      abstracts: values.abstracts === true,
      selection: {
        status: viewArg(values.status),
        tag: values.tag,
        digest: values.digest,
        query: values.query,
        all: isCitationFormat(exportFormat) || values.all === true,
      },
    };
    const output = await service.renderExport(request);
    const force = values.force === true;
    let report: FolderExportReport | undefined;
    try {
      if (output.kind === 'folder') report = await writeExportFolder(out, output.files, force);
      else await writeExportFile(out, output.content, force);
    } catch (error) {
      // Named as the user named it, not by the temp file beside it that the disk refused.
      throw userFileError(error, out) ?? error;
    }
    // What a folder export replaced and left, naming the files (the user's own names among them).
    const done = report === undefined ? '' : describeFolderExport(report);
    print(
      { out: resolve(out), format: exportFormat, layout, papers: output.papers, ...report },
      () =>
        `Exported ${plural(output.papers, 'paper')} to ${out}${output.kind === 'folder' ? ` (${plural(output.files.length, 'file')})` : ''}${done === '' ? '' : `. ${done}`}\n`,
    );
    return 0;
  },
};
