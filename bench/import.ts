/** A large digest file parsed, merged and stored, through the same service call the app and CLI make. */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LibraryService } from '../app/library-service.js';
import { bundledSampleDigest } from '../app/resources.js';
import { hfDailyJson, type SyntheticLibrary } from './generate.js';
import { time } from './measure.js';

export interface ImportFigures {
  readonly metric: 'import';
  readonly papers: number;
  readonly per_s: number;
  readonly ms: number;
  readonly bytes: number;
}

export async function measureImport(library: SyntheticLibrary): Promise<ImportFigures> {
  const directory = await mkdtemp(join(tmpdir(), 'shelfmark-bench-import-'));
  try {
    const bytes = new TextEncoder().encode(hfDailyJson(library.catalogue.papers));
    const service = new LibraryService(join(directory, 'library.json'), { sampleDigest: bundledSampleDigest() });
    let added = 0;
    const ms = await time(async () => {
      added = (await service.importFiles([{ name: 'daily_papers.json', bytes }])).added;
    });
    await service.close();
    if (added !== library.catalogue.papers.length)
      throw new Error(`import added ${added} papers, not ${library.catalogue.papers.length}`);
    return { metric: 'import', papers: added, per_s: Math.round(added / (ms / 1000)), ms, bytes: bytes.length };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
