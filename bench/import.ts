/** A large digest file parsed, merged and stored, through the same service call the app and CLI make. */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LibraryService } from '../app/library-service.js';
import { bundledSampleDigest } from '../app/resources.js';
import { hfDailyJson, type SyntheticLibrary } from './generate.js';
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
      const service = new LibraryService(join(directory, 'library.json'), { sampleDigest: bundledSampleDigest() });
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
