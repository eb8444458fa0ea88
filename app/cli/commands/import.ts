import type { Stats } from 'node:fs';

import type { DigestFile, ImportReport } from '../../../core/api.js';
import { InvalidInputError } from '../../../core/errors.js';
import { MAX_DIGEST_BYTES } from '../../../core/import/decode.js';
import { CHANGED_WHILE_IMPORTED } from '../../../core/import/wanted-bytes.js';
import {
  checkImportFile,
  isUnreadFile,
  ImportFileReader,
  unreadReason,
  type UnreadFile,
} from '../../read-import-file.js';
import { sourceOf, type DigestFileSource } from '../../library-service.js';
import { FileSystemError } from '../../store/index.js';
import type { CliIo, Command } from '../command.js';
import { UsageError } from '../usage-error.js';
import { formatImportReport } from '../format.js';
import { dayArg } from '../options.js';
import { importProgressBar } from '../progress-bar.js';

/** A file given to import that could not be read: the sentence that says so names it. */
interface Unreadable {
  readonly name: string;
  readonly error: string;
  readonly kind: 'file-system' | 'invalid-input';
}

/** Why `path` was not read, in the command line's words, and of which kind of error. */
function unreadable(path: string, file: UnreadFile): Unreadable {
  switch (file.problem) {
    case 'missing':
      return {
        name: path,
        error: `There is no file or folder ${path}. Check the name and the folder.`,
        kind: 'file-system',
      };
    case 'permission':
      return {
        name: path,
        error: `Shelfmark may not read ${path} (permission denied). Check the file's permissions.`,
        kind: 'file-system',
      };
    case 'folder':
      return {
        name: path,
        error: `${path} is a folder, not a file: name the digest files in it.`,
        kind: 'file-system',
      };
    case 'failed':
      return { name: path, error: `${path}: ${unreadReason(file)}`, kind: 'file-system' };
    case 'not-regular':
    case 'too-large':
      return { name: path, error: `${path}: ${unreadReason(file)}`, kind: 'invalid-input' };
  }
}

/**
 * The file at `path`, looked at now and read when the import needs it (twice, as BibTeX files share their macros,
 * and a BibTeX file a window at a time), so that an import of many large files never holds more than one file's
 * bytes. Every read must find the same file.
 */
async function digestFileSource(
  path: string,
  date: string | undefined,
  reader: ImportFileReader,
): Promise<DigestFileSource | Unreadable> {
  const checked = await checkImportFile(path);
  if (isUnreadFile(checked)) return unreadable(path, checked);
  let first: Stats | null = null;
  return {
    name: path,
    size: checked.size,
    ...(date === undefined ? {} : { date }),
    read: async (wanted) => {
      const read = await reader.read(path, MAX_DIGEST_BYTES, wanted);
      if (isUnreadFile(read)) return { error: unreadReason(read) };
      const { stats } = read;
      if (
        first !== null &&
        !(first.ino === stats.ino && first.size === stats.size && first.mtimeMs === stats.mtimeMs)
      ) {
        return { error: CHANGED_WHILE_IMPORTED };
      }
      first = stats;
      return read.bytes;
    },
  };
}

/** What a digest read from standard input is called in the report. */
const STANDARD_INPUT = 'standard input';

async function readStandardInput(io: CliIo): Promise<DigestFile | Unreadable> {
  const bytes = io.readStdinBytes ? await io.readStdinBytes() : new TextEncoder().encode(await io.readStdin());
  if (bytes.length > MAX_DIGEST_BYTES) {
    return {
      name: STANDARD_INPUT,
      error: `${STANDARD_INPUT} is too large (the limit is ${MAX_DIGEST_BYTES / 1024 / 1024} MB)`,
      kind: 'invalid-input',
    };
  }
  return { name: STANDARD_INPUT, bytes };
}

const NOTHING_IMPORTED = 'nothing was imported; the library is unchanged.';

export const importCommand: Command = {
  name: 'import',
  usage: 'FILE... [--date YYYY-MM-DD]',
  summary:
    'Import digests (a FILE of - is standard input): Hugging Face Daily Papers (text or JSON), arXiv emails, BibTeX, Shelfmark backups',
  options: ['date'],
  args: [1, Infinity],
  needs: 'nothing',
  examples: [
    'shelfmark import daily-papers-mar-11.txt',
    'shelfmark import refs.bib arxiv-cs-lg.eml',
    'shelfmark import --date 2025-03-03 daily_papers.json',
    'shelfmark import -',
  ],
  // Exit 0 when any file was imported; else the exit code of the first file's failure.
  async run({ service, args, values, io, print, warn }) {
    const date = dayArg(values.date);
    if (args.filter((arg) => arg === '-').length > 1) throw new UsageError('import reads standard input (-) once.');
    // One buffer for every file: the import reads them one at a time, each used before the next is read.
    const reader = new ImportFileReader();
    const read = await Promise.all(
      args.map(async (arg) => {
        if (arg !== '-') return digestFileSource(arg, date, reader);
        const input = await readStandardInput(io);
        return 'bytes' in input ? sourceOf(date === undefined ? input : { ...input, date }) : input;
      }),
    );
    const unreadable = read.filter((file) => 'error' in file);
    const files = read.filter((file): file is DigestFileSource => 'read' in file);
    const bar = io.stderrIsTerminal === true ? importProgressBar(io.stderr) : null;
    let report: ImportReport = { files: [], added: 0, merged: 0 };
    try {
      if (files.length > 0)
        report = await service.importFileSources(files, bar === null ? {} : { onProgress: bar.update });
    } finally {
      bar?.done();
      await reader.close();
    }
    const failures = [
      ...unreadable.map(({ error, kind }) => ({ line: error, kind })),
      ...report.files.flatMap((result) =>
        result.ok ? [] : [{ line: `${result.file}: ${result.error}`, kind: 'invalid-input' as const }],
      ),
    ];
    for (const failure of failures) warn(failure.line);
    print(
      {
        ...report,
        files: [...report.files, ...unreadable.map((file) => ({ file: file.name, ok: false, error: file.error }))],
      },
      () => formatImportReport(report),
    );
    if (report.files.some((result) => result.ok)) return 0;
    throw failures[0]?.kind === 'file-system'
      ? new FileSystemError(NOTHING_IMPORTED, undefined)
      : new InvalidInputError(NOTHING_IMPORTED);
  },
};
