import { readFile, stat } from 'node:fs/promises';
import type { DigestFile } from '../../../core/api.js';
import { MAX_DIGEST_BYTES } from '../../../core/import/decode.js';
import { terminalLine } from '../../../core/terminal-text.js';
import type { Command } from '../command.js';
import { formatImportReport } from '../format.js';
import { dayArg } from '../options.js';

async function readDigestFile(path: string): Promise<DigestFile | { readonly name: string; readonly error: string }> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { name: path, error: 'it is a folder, not a file' };
    if (info.size > MAX_DIGEST_BYTES) {
      const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
      return {
        name: path,
        error: `the file is too large (${mb(info.size)} MB; the limit is ${mb(MAX_DIGEST_BYTES)} MB)`,
      };
    }
    return { name: path, bytes: new Uint8Array(await readFile(path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { name: path, error: 'no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { name: path, error: 'permission denied' };
    throw error;
  }
}

export const importCommand: Command = {
  name: 'import',
  usage: 'FILE... [--date YYYY-MM-DD]',
  summary: 'Import digests: Hugging Face Daily Papers (text or JSON), arXiv emails, BibTeX, Shelfmark backups',
  options: ['date'],
  args: [1, Infinity],
  examples: [
    'shelfmark import daily-papers-mar-11.txt',
    'shelfmark import refs.bib arxiv-cs-lg.eml',
    'shelfmark import --date 2025-03-03 daily_papers.json',
  ],
  async run({ service, args, values, io, print }) {
    const date = dayArg(values.date);
    const read = await Promise.all(args.map(readDigestFile));
    const unreadable = read.filter((file) => 'error' in file);
    const files = read
      .filter((file): file is DigestFile => 'bytes' in file)
      .map((file) => (date === undefined ? file : { ...file, date }));
    const report = files.length > 0 ? await service.importFiles(files) : { files: [], added: 0, merged: 0 };
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
