/** A large digest file parsed, merged and stored, through the same service call the app and CLI make. */

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LibraryService } from '../app/library-service.js';
import { bundledSampleDigest } from '../app/resources.js';
import { REPO_ROOT } from '../tests/e2e/harness.js';
import { dblpBibtex, hfDailyJson, type SyntheticLibrary } from './generate.js';
import { percentile, time } from './measure.js';

export interface ImportFigures {
  readonly metric: 'import';
  readonly papers: number;
  readonly per_s: number;
  readonly ms: number;
  readonly bytes: number;
}

/**
 * The median of a few imports, each into a new, empty library, after one that is not counted: the first imports
 * of a process also load the parsers and compile them, which the throughput of an import is not.
 */
export async function measureImport(library: SyntheticLibrary, runs = 3): Promise<ImportFigures> {
  const bytes = new TextEncoder().encode(hfDailyJson(library.catalogue.papers));
  const papers = library.catalogue.papers.length;
  const samples: number[] = [];
  for (let run = -1; run < runs; run++) {
    const directory = await mkdtemp(join(tmpdir(), 'shelfmark-bench-import-'));
    try {
      // Its app-data folder (the device, its journal of imports) in the benchmark's folder, never the user's.
      const service = new LibraryService(join(directory, 'library.json'), {
        sampleDigest: bundledSampleDigest(),
        appData: join(directory, 'app-data'),
      });
      let added = 0;
      const ms = await time(async () => {
        added = (await service.importFiles([{ name: 'daily_papers.json', bytes }])).added;
      });
      if (run >= 0) samples.push(ms);
      await service.close();
      if (added !== papers) throw new Error(`import added ${added} papers, not ${papers}`);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }
  const ms = percentile(samples, 50);
  return { metric: 'import', papers, per_s: Math.round(papers / (ms / 1000)), ms, bytes: bytes.length };
}

export interface CliImportFigures {
  readonly metric: 'import-bibtex';
  readonly papers: number;
  readonly files: number;
  readonly mb: number;
  /** The whole `shelfmark import` command into an empty library: entries per second, wall time, peak resident. */
  readonly per_s: number;
  readonly ms: number;
  readonly cpu_ms: number | null;
  readonly rss_mb: number | null;
  /**
   * The same command again, into the library the first one made (everything is already there), once the day's
   * backup is made.
   */
  readonly again_per_s: number;
  readonly again_ms: number;
  readonly again_cpu_ms: number | null;
  readonly again_rss_mb: number | null;
}

/** Peak resident memory and CPU time of a command, when the machine has GNU time (`apt-get install time`). */
const GNU_TIME = '/usr/bin/time';

interface CliRun {
  readonly ms: number;
  /** User and system CPU time: on a shared machine, steadier than the wall time. */
  readonly cpuMs: number | null;
  readonly rssMb: number | null;
}

/** Runs the built CLI (`bin/shelfmark.js`) as a user runs it. */
async function runCli(directory: string, args: readonly string[]): Promise<CliRun> {
  const cli = [process.execPath, join(REPO_ROOT, 'bin', 'shelfmark.js'), ...args];
  const timeFile = join(directory, 'time.txt');
  const withTime = existsSync(GNU_TIME);
  const [command = '', ...rest] = withTime ? [GNU_TIME, '-f', '%M %U %S', '-o', timeFile, ...cli] : cli;
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    // The app-data folder the command line finds by XDG_CONFIG_HOME: in the benchmark's folder, never the user's.
    const env = { ...process.env, XDG_CONFIG_HOME: join(directory, 'config') };
    const child = spawn(command, rest, { cwd: directory, env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`shelfmark ${args.join(' ')} exited with ${String(code)}`);
  if (!withTime) return { ms, cpuMs: null, rssMb: null };
  const [kb = Number.NaN, user = Number.NaN, system = Number.NaN] =
    (await readFile(timeFile, 'utf8')).trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
  return { ms, cpuMs: (user + system) * 1000, rssMb: kb / 1024 };
}

/**
 * A DBLP-like BibTeX bibliography (bench/generate.ts) imported by the whole `shelfmark import` command, as a user
 * runs it, into an empty library and then again into the library it made (after a run that makes the day's
 * backup). `files` > 1: the venues' @string macros in a file of their own, given first, and the entries split
 * evenly over the others (a digest may be at most MAX_DIGEST_BYTES, and 100,000 entries of DBLP's size are over
 * 170 MB).
 */
export async function measureCliImport(papers: number, files: number): Promise<CliImportFigures> {
  const directory = await mkdtemp(join(tmpdir(), 'shelfmark-bench-bibtex-'));
  try {
    const bibliography = dblpBibtex();
    const names: string[] = [];
    let bytes = 0;
    const write = async (name: string, text: string): Promise<void> => {
      await writeFile(join(directory, name), text);
      bytes += Buffer.byteLength(text);
      names.push(name);
    };
    if (files === 1) await write('dblp.bib', bibliography.strings + bibliography.entries(0, papers));
    else {
      await write('strings.bib', bibliography.strings);
      const per = Math.ceil(papers / files);
      for (let from = 0; from < papers; from += per) {
        await write(`dblp-${String(names.length)}.bib`, bibliography.entries(from, Math.min(papers, from + per)));
      }
    }
    const args = ['--db', join(directory, 'library', 'library.json'), 'import', ...names];
    const first = await runCli(directory, args);
    // The first change of a day also backs the library up (gzipped, ~1 s at 10,000 papers): not what is measured.
    await runCli(directory, args);
    const again = await runCli(directory, args);
    const mb = (value: number | null): number | null => (value === null ? null : Math.round(value));
    return {
      metric: 'import-bibtex',
      papers,
      files: names.length,
      mb: Math.round(bytes / 1024 / 1024),
      per_s: Math.round(papers / (first.ms / 1000)),
      ms: first.ms,
      cpu_ms: first.cpuMs,
      rss_mb: mb(first.rssMb),
      again_per_s: Math.round(papers / (again.ms / 1000)),
      again_ms: again.ms,
      again_cpu_ms: again.cpuMs,
      again_rss_mb: mb(again.rssMb),
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
