/** `npm run web`: browser mode from the command line. `runWebCommand` takes its world as arguments, for tests. */

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { DigestError } from '../../core/import/types.js';
import { appDataDirectory, resolveLibraryPath } from '../library-location.js';
import { bundledSampleDigest } from '../resources.js';
import { LibraryFileError } from '../store/errors.js';
import { startWebServer, type WebServer } from './server.js';
import { INDEX_FILE, MissingRendererError } from './static-files.js';

export interface WebCommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** The built renderer folder. */
  readonly rendererDir: string;
  /** Resolves when the user asks the server to stop (Ctrl+C). */
  readonly untilStopRequested: () => Promise<void>;
}

const RENDERER_DIR = join('dist', 'renderer');

/** dist/renderer of the checkout this module runs from, as source (app/http) or built (dist/app/http). */
export function defaultRendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let directory = here; ; directory = dirname(directory)) {
    const candidate = join(directory, RENDERER_DIR);
    if (existsSync(join(candidate, INDEX_FILE))) return candidate;
    if (dirname(directory) === directory) break;
  }
  // Not built: name where the build puts it, beside the app's package.json.
  for (let directory = here; ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json'))) return join(directory, RENDERER_DIR);
    if (dirname(directory) === directory) return join(process.cwd(), RENDERER_DIR);
  }
}

function webHelpText(): string {
  return [
    'Shelfmark in your browser: serves the app and your library on 127.0.0.1 until you press Ctrl+C.',
    '',
    'Usage: npm run web -- [--db PATH] [--port N]',
    '',
    'Options:',
    '  --db PATH   The library file (default: $SHELFMARK_DB, else the desktop app’s library.json)',
    '  --port N    The port to listen on (default: a free one)',
    '  -h, --help  Show this help',
    '',
    'The first line printed is the address to open. It carries a secret token that changes with every launch;',
    'only the browser tab that opened it can use the library.',
    '',
  ].join('\n');
}

class UsageError extends Error {}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65_535)) throw new UsageError(`--port takes a number from 0 to 65535, not "${value}".`);
  return port;
}

function parse(argv: readonly string[]): { db: string | undefined; port: number; help: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { db: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
  }
  return { db: values.db, port: parsePort(values.port), help: values.help === true };
}

function describeStartError(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `port ${port} is in use: choose another with --port, or leave --port out.`;
  if (code === 'EACCES') return `cannot listen on port ${port} (permission denied): choose another with --port.`;
  const message = error instanceof Error ? error.message : String(error);
  const known = [MissingRendererError, LibraryFileError, DigestError, InvalidInputError, NotFoundError];
  return known.some((kind) => error instanceof kind) ? message : `unexpected error: ${message}`;
}

/** Serves until stopped; the exit code: 0 after a clean stop, 1 when it could not start or stop, 2 for bad usage. */
export async function runWebCommand(argv: readonly string[], io: WebCommandIo): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`shelfmark: ${error.message}\nRun "npm run web -- --help" for usage.\n`);
    return 2;
  }
  if (options.help) {
    io.stdout(webHelpText());
    return 0;
  }

  const dbPath = resolveLibraryPath(options.db, io.env);
  let server: WebServer;
  try {
    server = await startWebServer({
      dbPath,
      appData: appDataDirectory(process.platform, io.env),
      port: options.port,
      rendererDir: io.rendererDir,
      sampleDigest: bundledSampleDigest(),
    });
  } catch (error) {
    io.stderr(`shelfmark: ${describeStartError(error, options.port)}\n`.replace(/\n(?!$)/g, ' '));
    return 1;
  }
  io.stdout(`${server.url}\n`);
  io.stderr(`Shelfmark is serving ${dbPath} in your browser: open the address above. Press Ctrl+C to stop.\n`);

  await io.untilStopRequested();
  try {
    await server.close();
    return 0;
  } catch (error) {
    io.stderr(
      `shelfmark: could not close the library cleanly: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}
