/**
 * `library.json` as git leaves it when two computers each made the derived catalogue again after their imports: the
 * merge stops with conflict markers in it. Opening the library settles it (a read is enough); a file with markers
 * whose sides are not caches is never taken for one.
 */

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { isConflictedCache } from './derived-catalogue.js';
import { carry, digest, importDigest, restart, startComputer } from './synced-test-rig.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'shelfmark-git-cache-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Both sides of a text as git writes a conflict over the whole file. */
const conflicted = (ours: string, theirs: string) =>
  `<<<<<<< HEAD\n${ours.trimEnd()}\n=======\n${theirs.trimEnd()}\n>>>>>>> origin/main\n`;

describe('a library.json git left with conflict markers', () => {
  it('is made again when the library is opened, and the library is both computers’ imports', async () => {
    const laptop = await startComputer(root, 'laptop');
    const desktop = await startComputer(root, 'desktop');
    await importDigest(laptop.store, digest('Reading group', ['graphs', 'proteins']));
    await importDigest(desktop.store, digest('Daily', ['diffusion', 'retrieval']));
    const ours = await readFile(join(laptop.folder, 'library.json'), 'utf8');
    const theirs = await readFile(join(desktop.folder, 'library.json'), 'utf8');
    await carry(desktop, laptop, null);
    await writeFile(join(laptop.folder, 'library.json'), conflicted(ours, theirs));
    expect(await isConflictedCache(join(laptop.folder, 'library.json'))).toBe(true);

    await restart(laptop);
    const library = await laptop.store.read();
    expect(library.catalogue.papers.map((paper) => paper.title).sort()).toEqual([
      'On diffusion',
      'On graphs',
      'On proteins',
      'On retrieval',
    ]);
    const settled = await readFile(join(laptop.folder, 'library.json'), 'utf8');
    expect(settled).not.toContain('<<<<<<<');
    expect(await isConflictedCache(join(laptop.folder, 'library.json'))).toBe(false);
  });

  it('is not a cache when a side is not one (a file of the user’s, or a library written before devices)', async () => {
    const file = join(root, 'library.json');
    await writeFile(file, conflicted('{"digests":[],"papers":[]}', '{"schemaVersion":3,"papers":[],"digests":[]}'));
    expect(await isConflictedCache(file)).toBe(false);
  });
});
