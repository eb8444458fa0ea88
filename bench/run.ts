/**
 * `npm run bench [-- --json] [-- --sizes 1000,10000]`: synthetic libraries of 1k, 10k and 100k papers; search,
 * persistence, import, start-up and ranking, each beside its baseline measured in the same run; ranking quality on
 * real arXiv listings (../shared/data, skipped when absent).
 */

import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../tests/e2e/harness.js';
import { generateLibrary } from './generate.js';
import { measureCliImport, measureImport } from './import.js';
import { round } from './measure.js';
import { measurePersist, measureSyncedPersist } from './persist.js';
import { listingsFolder, readListings } from './rank-data.js';
import { measureRankQuality } from './rank.js';
import { measureRankSpeed } from './rank-speed.js';
import { measureRankStall } from './rank-stall.js';
import { measureSearch } from './search.js';
import { measureStartup } from './startup.js';
import { withSyncedLibrary, type SyncedVariant } from './synced-library.js';
import { measureSyncedOpen } from './synced-open.js';
import { measureUi } from './ui.js';

type Figures = Readonly<Record<string, string | number | null>> & { readonly metric: string };

const { values } = parseArgs({
  options: { json: { type: 'boolean' }, sizes: { type: 'string' }, skip: { type: 'string' } },
});
const sizes = (values.sizes ?? '1000,10000,100000').split(',').map(Number);
const skip = new Set((values.skip ?? '').split(','));

/** A reader's figures as one flat row: precision at 10 of each ranker beside the base rate. */
function flatQuality(figures: ReturnType<typeof measureRankQuality>[number]): Figures {
  const row: Record<string, string | number> = {
    metric: figures.metric,
    reader: figures.reader,
    base_rate: figures.base_rate,
  };
  for (const [ranker, value] of Object.entries(figures.p_at_10)) row[`p10 ${ranker}`] = value;
  return row as Figures;
}

function rounded(figures: Figures): Figures {
  return Object.fromEntries(
    Object.entries(figures).map(([key, value]) => [
      key,
      typeof value === 'number'
        ? round(value, key.startsWith('recall') || key.startsWith('p10') || key === 'base_rate' ? 3 : 2)
        : value,
    ]),
  ) as Figures;
}

const results: Figures[] = [];
function report(measured: object): void {
  const shown = rounded(measured as Figures);
  results.push(shown);
  if (values.json === true) process.stdout.write(`${JSON.stringify(shown)}\n`);
  else process.stderr.write(`  ${JSON.stringify(shown)}\n`);
}

if (
  !existsSync(join(REPO_ROOT, 'dist', 'app', 'web.js')) ||
  !existsSync(join(REPO_ROOT, 'dist', 'renderer', 'index.html'))
) {
  process.stderr.write('The start-up benchmark runs the built app: run "npm run build" first.\n');
  process.exit(1);
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
if (values.json !== true) process.stderr.write(`Shelfmark benchmarks on ${machine}\n`);

// Import first, before the larger libraries below fill the heap: what is timed is Shelfmark's work, not the
// garbage collector's with the benchmark's own data.
if (!skip.has('import')) report(await measureImport(generateLibrary(10_000, 7)));
// The whole command, in processes of their own: a DBLP-sized file, and 100,000 entries with their macros apart.
if (!skip.has('import-bibtex')) {
  report(await measureCliImport(10_000, 1));
  report(await measureCliImport(100_000, 8));
}

// Ranking quality on real arXiv listings, beside arxiv-sanity-lite's method, listing order and random.
if (!skip.has('rank')) {
  const folder = listingsFolder(REPO_ROOT);
  if (folder === null)
    process.stderr.write('Ranking quality skipped: no ../shared/data/arxiv-listings/ beside the repository.\n');
  else for (const figures of measureRankQuality(readListings(folder))) report(flatQuality(figures));
}

for (const size of sizes) {
  const library = generateLibrary(size);
  if (!skip.has('rank')) report(measureRankSpeed(library));
  if (!skip.has('rank')) report(await measureRankStall(library));
  // Start-up first too: on two cores, a browser and a server starting should not share them with this process
  // collecting what the search baseline left behind.
  if (!skip.has('startup')) report(await measureStartup(library));
  if (!skip.has('ui') && size >= 10_000) report(await measureUi(library));
  if (!skip.has('search')) report(await measureSearch(library, size <= 10_000));
  if (!skip.has('persist')) report(await measurePersist(library));
  // The same over a synced library (app/sync/), of one device and of ten: start-up, the open alone, then changes.
  if (!skip.has('synced')) {
    for (const variant of ['one device', 'ten devices'] as const satisfies readonly SyncedVariant[]) {
      await withSyncedLibrary(library, variant, async (folder) => {
        if (!skip.has('startup')) report(await measureStartup(library, { folder, variant }));
        report(await measureSyncedOpen(library, folder, variant));
        if (!skip.has('persist')) report(await measureSyncedPersist(library, folder, variant));
      });
    }
  }
}

if (values.json !== true) {
  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const value = (figures: Figures, key: string): string =>
    figures[key] === undefined || figures[key] === null ? '—' : String(figures[key]);
  const lines = [
    '',
    row(['metric', 'papers', 'p50 ms', 'p95 ms', 'baseline p50 ms', '× faster', 'other']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---']),
  ];
  for (const figures of results) {
    const baseline = figures['baseline_p50_ms'];
    const p50 = figures['p50_ms'];
    const ratio =
      typeof baseline === 'number' && typeof p50 === 'number' && p50 > 0 ? `${round(baseline / p50, 1)}×` : '—';
    const other = Object.entries(figures)
      .filter(([key]) => !['metric', 'papers', 'p50_ms', 'p95_ms', 'baseline_p50_ms'].includes(key))
      .map(([key, entry]) => `${key} ${String(entry)}`)
      .join(', ');
    lines.push(
      row([
        figures.metric,
        value(figures, 'papers'),
        value(figures, 'p50_ms'),
        value(figures, 'p95_ms'),
        value(figures, 'baseline_p50_ms'),
        ratio,
        other,
      ]),
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
