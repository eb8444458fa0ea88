/** Files that ship with Shelfmark, found relative to this module so they resolve from source, dist and a packaged app. */

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLE_DIGEST_NAME = 'hf-daily-papers-mar-11.txt';

function findUpwards(relative: string): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(directory, relative);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`Shelfmark is missing its bundled file ${relative}.`);
    directory = parent;
  }
}

export function bundledSampleDigest(): string {
  return findUpwards(join('seeds', SAMPLE_DIGEST_NAME));
}
