import type { DigestFile, ImportReport } from '../../../core/api.js';
import { terminalLine } from '../../../core/terminal-text.js';
import { isUnreadFile, readImportFile, unreadReason } from '../../read-import-file.js';
import type { Command } from '../command.js';
import { formatImportReport } from '../format.js';
import { importProgressBar } from '../progress-bar.js';

async function readDigestFile(path: string): Promise<DigestFile | { readonly name: string; readonly error: string }> {
  const read = await readImportFile(path);
  return isUnreadFile(read) ? { name: path, error: unreadReason(read) } : { name: path, bytes: read };
}

export const importCommand: Command = {
  name: 'import',
  usage: 'FILE...',
  summary: 'Import digests: Hugging Face Daily Papers (text or JSON), arXiv emails, BibTeX, Shelfmark backups',
  args: [1, Infinity],
  examples: ['shelfmark import daily-papers-mar-11.txt', 'shelfmark import refs.bib arxiv-cs-lg.eml'],
  async run({ service, args, io, print }) {
    const read = await Promise.all(args.map(readDigestFile));
    const unreadable = read.filter((file) => 'error' in file);
    const files = read.filter((file): file is DigestFile => 'bytes' in file);
    const bar = io.stderrIsTerminal === true ? importProgressBar(io.stderr) : null;
    let report: ImportReport = { files: [], added: 0, merged: 0 };
    try {
      if (files.length > 0) report = await service.importFiles(files, bar === null ? {} : { onProgress: bar.update });
    } finally {
      bar?.done();
    }
    const failures = [
      ...unreadable.map((file) => ({ file: file.name, error: file.error })),
      ...report.files.flatMap((result) => (result.ok ? [] : [{ file: result.file, error: result.error }])),
    ];
    for (const failure of failures)
      io.stderr(`shelfmark: ${terminalLine(failure.file)}: ${terminalLine(failure.error)}\n`);
    print(
      {
        ...report,
        files: [...report.files, ...unreadable.map((file) => ({ file: file.name, ok: false, error: file.error }))],
      },
      () => formatImportReport(report),
    );
    const imported = report.files.some((result) => result.ok);
    if (!imported) io.stderr('shelfmark: nothing was imported; the library is unchanged.\n');
    return imported ? 0 : 1;
  },
};
