/**
 * A Hugging Face day of 32 papers (tests/fixtures/hf-daily-papers-2025-03-11.json) in browser mode, for the tests of
 * ranking: the papers of graphs a reader keeps and those of statistics they dismiss, found by title, and the API to
 * decide on them with.
 */

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { LibraryApi } from '../../core/api.js';
import { TOKEN_HEADER } from '../../core/web-token.js';
import { httpApi } from '../../renderer/api/http-transport.js';
import { afterAll, beforeAll } from 'vitest';
import { openLibrary, startE2eRig, type E2eRig, type Library } from './harness.js';

const DAY = fileURLToPath(new URL('../fixtures/hf-daily-papers-2025-03-11.json', import.meta.url));

/** Filed under "graphs" and read: what the reader keeps. */
export const GRAPH_PAPERS = [
  /^Pard/,
  /Commutative Monoids/,
  /Score-based Generative Modeling of Graphs/,
  /Homogeneous Graph/,
  /^Subgraph/,
];
/** Dismissed: not for this reader. */
export const STATISTICS_PAPERS = [
  /Slepian/,
  /One-connection/,
  /Partial Correlations/,
  /Gaussian Processes/,
  /Accuracy on the Curve/,
];

/** The browser, and a library holding the day, with its server's API: set once the tests of the file begin. */
export interface HfDay {
  rig: E2eRig;
  library: Library;
  api: LibraryApi;
}

/**
 * Starts Chromium and a library holding the day before the tests of the describe block that calls it, and stops
 * them after; `prefix` names the test's folders.
 */
export function hfDayRig(prefix: string): HfDay {
  const day = {} as HfDay;
  beforeAll(async () => {
    day.rig = await startE2eRig(prefix);
    day.library = await openLibrary(day.rig.rendererDir);
    day.api = httpApi({
      baseUrl: new URL(day.library.server.url).origin,
      headers: { [TOKEN_HEADER]: day.library.server.token },
    });
    await day.api.importFiles([{ name: 'mar-11.json', bytes: new Uint8Array(await readFile(DAY)) }]);
  }, 120_000);
  afterAll(async () => {
    await day.library.close();
    await day.rig.close();
  });
  return day;
}

/** The ids of the papers with these titles, in that order. */
export async function idsOf(api: LibraryApi, titles: readonly RegExp[]): Promise<string[]> {
  const { papers } = await api.getLibrary();
  return titles.map((title) => {
    const found = papers.find((paper) => title.test(paper.title));
    if (found === undefined) throw new Error(`no paper titled ${String(title)}`);
    return found.id;
  });
}
