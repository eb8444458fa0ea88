/** `shelfmark`: the library from the command line. `run` takes its world as arguments, so tests call it in-process. */

import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { DigestFile } from '../../core/api.js';
import { DigestError } from '../../core/import/types.js';
import { MAX_DIGEST_BYTES } from '../../core/import/decode.js';
import { escapeCharacter } from '../../core/import/text.js';
import { isReadingStatus, READING_STATUSES } from '../../core/model.js';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { describeFolderExport } from '../../core/export/folder-report.js';
import { EXPORT_FORMATS, type ExportFormat, type ExportRequest } from '../../core/export/request.js';
import { writeExportFile, writeExportFolder } from '../export-files.js';
import { LibraryService } from '../library-service.js';
import { resolveLibraryPath } from '../library-location.js';
import { bundledSampleDigest } from '../resources.js';
import { LibraryFileError } from '../store/index.js';
import * as format from './format.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly env: NodeJS.ProcessEnv;
}

/** A mistake in how the command was called: exit 2 and a pointer to --help. */
class UsageError extends Error {}

// ---------------------------------------------------------------- output a terminal cannot be tricked by

/**
 * What must not reach a terminal as it is: C0 and C1 control characters (escape sequences start with them),
 * line and paragraph separators, and the bidi overrides and isolates that reorder the text around them.
 * Messages quote the user's files (an entry key, a paper id), and the library holds what files said.
 */
const TERMINAL_UNSAFE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** One line of a message, with every unsafe character (line breaks included) shown as an escape. */
function terminalLine(text: string): string {
  return text.replace(TERMINAL_UNSAFE, escapeCharacter);
}

/** Multi-line output: line breaks (CRLF as LF) and tabs stay, every other unsafe character is escaped. */
function terminalText(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(TERMINAL_UNSAFE, (ch) => (ch === '\n' || ch === '\t' ? ch : escapeCharacter(ch)));
}

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  status: { type: 'string' },
  tag: { type: 'string' },
  digest: { type: 'string' },
  file: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  query: { type: 'string' },
  all: { type: 'boolean' },
  abstracts: { type: 'boolean' },
  force: { type: 'boolean' },
} as const;

const COMMAND_OPTIONS = [
  'status',
  'tag',
  'digest',
  'file',
  'format',
  'out',
  'query',
  'all',
  'abstracts',
  'force',
] as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

interface Context {
  readonly service: LibraryService;
  readonly args: readonly string[];
  readonly values: Values;
  readonly io: CliIo;
  /** Prints `data` as JSON with --json, else the human text. */
  readonly print: (data: unknown, human: () => string) => void;
}

interface Command {
  readonly usage: string;
  readonly summary: string;
  readonly options?: readonly (keyof typeof OPTIONS)[];
  readonly args: readonly [min: number, max: number];
  readonly run: (context: Context) => Promise<number>;
}

const plural = (count: number, word: string): string =>
  `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;

const isExportFormat = (value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value);

function statusArg(value: string | undefined): (typeof READING_STATUSES)[number] | undefined {
  if (value === undefined) return undefined;
  if (!isReadingStatus(value)) throw new UsageError(`"${value}" is not a status: use ${READING_STATUSES.join(', ')}.`);
  return value;
}

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

const COMMANDS: Readonly<Record<string, Command>> = {
  import: {
    usage: 'import FILE...',
    summary: 'Import digests: Hugging Face Daily Papers (text or JSON), arXiv emails, BibTeX, Shelfmark backups',
    args: [1, Infinity],
    async run({ service, args, io, print }) {
      const read = await Promise.all(args.map(readDigestFile));
      const unreadable = read.filter((file) => 'error' in file);
      const files = read.filter((file): file is DigestFile => 'bytes' in file);
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
        // The report quotes the files' own text (where and why blocks were skipped), as messages do.
        () => terminalText(format.formatImportReport(report)),
      );
      const imported = report.files.some((result) => result.ok);
      if (!imported) io.stderr('shelfmark: nothing was imported; the library is unchanged.\n');
      return imported ? 0 : 1;
    },
  },
  list: {
    usage: 'list [--status S] [--tag T] [--digest D]',
    summary: 'List papers, optionally only those with a status, a tag or from a digest',
    options: ['status', 'tag', 'digest'],
    args: [0, 0],
    async run({ service, values, print }) {
      const papers = await service.listPapers({
        status: statusArg(values.status),
        tag: values.tag,
        digest: values.digest,
      });
      print(papers, () => format.formatPaperList(papers));
      return 0;
    },
  },
  show: {
    usage: 'show ID',
    summary: 'Show one paper: its record, reading state and note',
    args: [1, 1],
    async run({ service, args, print }) {
      const paper = await service.getPaper(args[0] ?? '');
      print(paper, () => format.formatPaper(paper));
      return 0;
    },
  },
  status: {
    usage: `status ID ${READING_STATUSES.join('|')}`,
    summary: 'Set a paper’s reading status',
    args: [2, 2],
    async run({ service, args, print }) {
      const [id = '', value] = args;
      const status = statusArg(value) ?? 'unread';
      const [paper] = await service.setStatus([id], status);
      print(paper, () => `${paper?.id ?? id}: ${status}\n`);
      return 0;
    },
  },
  tag: {
    usage: 'tag ID TAG...',
    summary: 'Add tags to a paper',
    args: [2, Infinity],
    async run({ service, args, print }) {
      const [id = '', ...tags] = args;
      const [paper] = await service.addTags([id], tags);
      print(paper, () => `${paper?.id ?? id}: ${paper?.tags.join(', ') || '(no tags)'}\n`);
      return 0;
    },
  },
  untag: {
    usage: 'untag ID TAG...',
    summary: 'Remove tags from a paper',
    args: [2, Infinity],
    async run({ service, args, print }) {
      const [id = '', ...tags] = args;
      const [paper] = await service.removeTags([id], tags);
      print(paper, () => `${paper?.id ?? id}: ${paper?.tags.join(', ') || '(no tags)'}\n`);
      return 0;
    },
  },
  note: {
    usage: 'note ID (TEXT | --file F | -)',
    summary: 'Replace a paper’s note with TEXT, a file’s contents, or standard input (-)',
    options: ['file'],
    args: [1, 2],
    async run({ service, args, values, io, print }) {
      const [id = '', text] = args;
      if ((text === undefined) === (values.file === undefined)) {
        throw new UsageError('note takes the note as TEXT, as --file F, or - for standard input: exactly one of them.');
      }
      const note =
        values.file !== undefined
          ? await readFile(values.file, 'utf8')
          : text === '-'
            ? await io.readStdin()
            : (text ?? '');
      const paper = await service.setNote(id, note);
      print(paper, () => `${paper.id}: note saved (${plural(note.length, 'character')})\n`);
      return 0;
    },
  },
  export: {
    usage:
      'export --out PATH [--format md|json|bibtex] [--status S] [--tag T] [--digest D] [--query Q] [--all] [--abstracts] [--force]',
    summary: 'Export notes to Markdown (a .md document, or a folder of files), the library to JSON, or BibTeX',
    options: ['format', 'out', 'status', 'tag', 'digest', 'query', 'all', 'abstracts', 'force'],
    args: [0, 0],
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
          status: statusArg(values.status),
          tag: values.tag,
          digest: values.digest,
          query: values.query,
          all: exportFormat === 'bibtex' || values.all === true,
        },
      };
      const output = await service.renderExport(request);
      const report =
        output.kind === 'folder' ? await writeExportFolder(out, output.files, values.force === true) : undefined;
      if (output.kind === 'document') await writeExportFile(out, output.content, values.force === true);
      // What a folder export replaced and left, naming the files (the user's own names among them).
      const done = report === undefined ? '' : terminalLine(describeFolderExport(report));
      print(
        { out: resolve(out), format: exportFormat, layout, papers: output.papers, ...report },
        () =>
          `Exported ${plural(output.papers, 'paper')} to ${out}${output.kind === 'folder' ? ` (${plural(output.files.length, 'file')})` : ''}${done === '' ? '' : `. ${done}`}\n`,
      );
      return 0;
    },
  },
  backups: {
    usage: 'backups',
    summary: 'List the library’s backups (one a day, the last 10 kept), newest first',
    args: [0, 0],
    async run({ service, print }) {
      const backups = await service.listBackups();
      print(backups, () => format.formatBackups(backups));
      return 0;
    },
  },
  restore: {
    usage: 'restore BACKUP',
    summary: 'Replace the library with a backup, after backing up the library as it is now',
    args: [1, 1],
    async run({ service, args, print }) {
      const name = args[0] ?? '';
      const safety = await service.restoreBackup(name);
      print(
        { restored: name, safety },
        () => `Restored ${name}.${safety === null ? '' : ` The library as it was is in the backup ${safety.name}.`}\n`,
      );
      return 0;
    },
  },
  tags: {
    usage: 'tags',
    summary: 'List tags with how many papers have each',
    args: [0, 0],
    async run({ service, print }) {
      const tags = await service.tags();
      print(tags, () => format.formatTags(tags));
      return 0;
    },
  },
  digests: {
    usage: 'digests',
    summary: 'List imported digests with how much of each is read',
    args: [0, 0],
    async run({ service, print }) {
      const digests = await service.digests();
      print(digests, () => format.formatDigests(digests));
      return 0;
    },
  },
  stats: {
    usage: 'stats',
    summary: 'Totals by status, and papers read per week',
    args: [0, 0],
    async run({ service, print }) {
      const stats = await service.stats();
      print(stats, () => format.formatStats(stats));
      return 0;
    },
  },
};

export function helpText(): string {
  const width = Math.max(...Object.values(COMMANDS).map((command) => command.usage.length));
  return [
    'Shelfmark — a reading list for research papers.',
    '',
    'Usage: shelfmark [--db PATH] [--json] COMMAND [ARGS]',
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    '  --db PATH   The library file (default: $SHELFMARK_DB, else the desktop app’s library.json)',
    '  --json      Print JSON instead of text',
    '  -h, --help  Show this help',
    '',
    'IDs are arXiv ids (2410.12345) or the ids `list` shows; an unambiguous prefix is enough.',
    '',
  ].join('\n');
}

function parse(argv: readonly string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let service: LibraryService | undefined;
  try {
    const { values, positionals } = parse(argv);
    const [name, ...args] = positionals;
    if (values.help === true || name === undefined || name === 'help') {
      io.stdout(helpText());
      return name === undefined && values.help !== true ? 2 : 0;
    }
    const command = COMMANDS[name];
    if (command === undefined) throw new UsageError(`"${name}" is not a command.`);
    const [min, max] = command.args;
    if (args.length < min || args.length > max) throw new UsageError(`usage: shelfmark ${command.usage}`);
    for (const option of COMMAND_OPTIONS) {
      if (values[option] !== undefined && !command.options?.includes(option)) {
        throw new UsageError(`${name} does not take --${option}.`);
      }
    }
    service = new LibraryService(resolveLibraryPath(values.db, io.env), {
      sampleDigest: bundledSampleDigest(),
    });
    const print = (data: unknown, human: () => string): void =>
      io.stdout(values.json === true ? `${JSON.stringify(data, null, 2)}\n` : human());
    return await command.run({ service, args, values, io, print });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`shelfmark: ${terminalLine(error.message)} (see "shelfmark --help")\n`);
      return 2;
    }
    const known = [LibraryFileError, DigestError, InvalidInputError, NotFoundError].some(
      (kind) => error instanceof kind,
    );
    const message = error instanceof Error ? error.message : String(error);
    // One line: a line break inside the message is a space, any other unsafe character an escape.
    const line = terminalLine(message.replace(/\r?\n/g, ' '));
    io.stderr(`shelfmark: ${known ? line : `unexpected error: ${line}`}\n`);
    return 1;
  } finally {
    await service?.close();
  }
}

/** The process entry point. */
export async function main(): Promise<void> {
  // `shelfmark list | head` closes the pipe early: that is the reader's choice, not an error to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const readStdin = async (): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  process.exitCode = await run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin,
    env: process.env,
  });
}
