/**
 * An import through the synced store: its document written once (canonical, as encodeImportDocument writes it),
 * the journal's copy the same bytes, and library.json the cache of the fold of every import, byte for byte, though
 * its papers' texts are copied from the files they were written to before.
 */

import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { canonicalJson } from '../../core/sync/canonical-json.js';
import { foldImports, type ImportOp } from '../../core/sync/catalogue-fold.js';
import { encodeImportDocument } from '../../core/sync/device-documents.js';
import { parseImportText } from '../../core/sync/parse-device-files.js';
import { writeDerivedCatalogue } from './derived-catalogue.js';
import { digest, importDigest, mark, restart, startComputer } from './synced-test-rig.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'shelfmark-synced-import-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function filesIn(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.endsWith('.json')).map((name) => join(folder, name));
}

/** library.json as a device with exactly these imports makes it, folding them from scratch. */
async function cacheOf(imports: readonly ImportOp[]): Promise<string> {
  const file = join(root, `cache-${String(Math.random()).slice(2)}.json`);
  await writeDerivedCatalogue(file, foldImports(imports));
  return readFile(file, 'utf8');
}

describe('an import through the synced store', () => {
  it('writes its document once, keeps the same file in the journal, and library.json as a fold from scratch', async () => {
    const laptop = await startComputer(root, 'laptop');
    const [first = ''] = await importDigest(laptop.store, digest('Reading group', ['graphs', 'proteins', 'agents']));
    await mark(laptop.store, first, 'read');
    await importDigest(laptop.store, digest('Seminar', ['proteins', 'compilers', 'sparsity']));
    await importDigest(laptop.store, digest('Journal club', ['diffusion', 'graphs']));

    const [device = ''] = await readdir(join(laptop.folder, 'devices'));
    const documents = await filesIn(join(laptop.folder, 'devices', device, 'imports'));
    expect(documents).toHaveLength(3);
    const imports: ImportOp[] = [];
    const [library = ''] = await readdir(join(laptop.appData, 'libraries'));
    for (const file of documents) {
      const text = await readFile(file, 'utf8');
      const [op] = parseImportText(text).versions;
      if (op === undefined) throw new Error(`${file} does not read`);
      expect(text).toBe(encodeImportDocument(op));
      const kept = join(laptop.appData, 'libraries', library, 'imports', file.split('/').at(-1) ?? '');
      expect(await readFile(kept, 'utf8')).toBe(text);
      expect((await stat(kept)).ino).toBe((await stat(file)).ino);
      imports.push(op);
    }
    expect(await readFile(join(laptop.folder, 'library.json'), 'utf8')).toBe(await cacheOf(imports));

    const before = await laptop.store.read();
    await restart(laptop);
    expect(canonicalJson(await laptop.store.read())).toBe(canonicalJson(before));
    await importDigest(laptop.store, digest('Reading group', ['agents', 'retrieval']));
    const again = await filesIn(join(laptop.folder, 'devices', device, 'imports'));
    const all = await Promise.all(
      again.map(async (file) => parseImportText(await readFile(file, 'utf8')).versions[0] as ImportOp),
    );
    expect(await readFile(join(laptop.folder, 'library.json'), 'utf8')).toBe(await cacheOf(all));
    await laptop.store.close();
  });
});
