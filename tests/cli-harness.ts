/** Runs the command line in-process against a library in a fresh temp folder. */

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { run, type CliIo } from '../app/cli/main.js';

export const SAMPLE = new URL('../seeds/hf-daily-papers-mar-11.txt', import.meta.url).pathname;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** What a run is given besides its command line: standard input, and the world a test chooses. */
export type RunOptions = { readonly db?: string; readonly stdin?: string } & Partial<
  Pick<CliIo, 'env' | 'network' | 'interrupts' | 'stderrIsTerminal' | 'now'>
>;

export class CliHarness {
  private constructor(
    readonly directory: string,
    readonly db: string,
  ) {}

  static async create(): Promise<CliHarness> {
    const directory = await mkdtemp(join(tmpdir(), 'shelfmark-cli-'));
    return new CliHarness(directory, join(directory, 'library.json'));
  }

  remove(): Promise<void> {
    return rm(this.directory, { recursive: true, force: true });
  }

  async run(argv: readonly string[], options: RunOptions = {}): Promise<CliResult> {
    let stdout = '';
    let stderr = '';
    const { db, stdin, env, ...world } = options;
    const code = await run(['--db', db ?? this.db, ...argv], {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      readStdin: () => Promise.resolve(stdin ?? ''),
      // The test file's own app-data folder (tests/own-app-data.ts), unless the test gives one (another computer).
      env: { XDG_CONFIG_HOME: process.env['XDG_CONFIG_HOME'], ...env },
      ...world,
    });
    return { code, stdout, stderr };
  }

  /** Runs with --json and expects success. */
  async json<T>(argv: readonly string[], options: RunOptions = {}): Promise<T> {
    const result = await this.run([...argv, '--json'], options);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as T;
  }

  /** Every file below the folder, by path, as bytes. */
  async files(): Promise<Map<string, Buffer>> {
    const entries = await readdir(this.directory, { recursive: true, withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
    return new Map(await Promise.all(files.map(async (file) => [file, await readFile(file)] as const)));
  }
}
