/** Importing files read when the import needs them (the command line's way), rather than held from start to end. */

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliHarness } from '../tests/cli-harness.js';
import { LibraryService, type DigestFileSource } from './library-service.js';
import { bundledSampleDigest } from './resources.js';

const SPLIT = new URL('../core/import/fixtures/split-bibliography/', import.meta.url).pathname;

let cli: CliHarness;
beforeEach(async () => {
  cli = await CliHarness.create();
});
afterEach(() => cli.remove());

/** What `use` gives with a service over the library at `db`, closed after. */
async function withService<T>(db: string, use: (service: LibraryService) => Promise<T>): Promise<T> {
  const service = new LibraryService(db, { sampleDigest: bundledSampleDigest() });
  try {
    return await use(service);
  } finally {
    await service.close();
  }
}

/** The split bibliography's files, macros and entries apart, in the order a shell lists them. */
async function splitFiles(): Promise<{ readonly name: string; readonly bytes: Uint8Array }[]> {
  const names = (await readdir(SPLIT)).sort();
  return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(SPLIT, name)) })));
}

/** Sources of `files`, counting how often each is read; `answer` may answer a read in its place. */
function sources(
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  reads: Map<string, number>,
  answer: (name: string, read: number) => { readonly error: string } | null = () => null,
): DigestFileSource[] {
  return files.map(({ name, bytes }) => ({
    name,
    size: bytes.length,
    read: () => {
      const read = (reads.get(name) ?? 0) + 1;
      reads.set(name, read);
      return Promise.resolve(answer(name, read) ?? bytes);
    },
  }));
}

describe('importFileSources', () => {
  it('imports what importFiles imports, reading the first file once and each other file twice', async () => {
    const files = await splitFiles();
    expect(files.length).toBeGreaterThan(2);
    const held = await withService(join(cli.directory, 'held', 'library.json'), (service) =>
      service.importFiles(files),
    );
    const reads = new Map<string, number>();
    const lazy = await withService(cli.db, (service) => service.importFileSources(sources(files, reads)));
    expect(lazy).toEqual(held);
    expect(lazy.added).toBeGreaterThan(0);
    expect([...reads.values()]).toEqual([1, ...files.slice(1).map(() => 2)]);
  });

  it('reports a file that cannot be read again as not imported, and imports the others', async () => {
    const files = await splitFiles();
    const last = files.at(-1)?.name ?? '';
    // Changed after its first read: every read after says so, as the command line's reader does.
    const failing = sources(files, new Map(), (name, read) =>
      name === last && read >= 2 ? { error: 'it changed while it was being imported; import it again' } : null,
    );
    const report = await withService(cli.db, (service) => service.importFileSources(failing));
    expect(report.files.at(-1)).toEqual({
      file: last,
      ok: false,
      error: 'it changed while it was being imported; import it again',
    });
    expect(report.files.slice(0, -1).every((file) => file.ok)).toBe(true);
    expect(report.added).toBeGreaterThan(0);
  });

  it('reads a large BibTeX file a window at a time, in both passes, and imports what it imports read whole', async () => {
    const entry = (index: number): string =>
      `@article{k${index},\n  title = {Paper ${index} on {Ünïcödé} things},\n  author = {Ada Lovelace and Zoë ${index}},\n` +
      `  journal = jn,\n  abstract = {${'Words of an abstract. '.repeat(40)}},\n  year = ${1900 + (index % 120)}\n}\n`;
    const text = `@string{jn = {Journal}}\n${Array.from({ length: 6000 }, (_, index) => entry(index)).join('')}`;
    const files = [{ name: 'large.bib', bytes: new TextEncoder().encode(text) }];
    expect(files[0]?.bytes.length).toBeGreaterThan(5 * 1024 * 1024);
    // Read whole: text, as pasted.
    const whole = await withService(join(cli.directory, 'whole', 'library.json'), (service) =>
      service.importText(text, 'large.bib'),
    );
    const pieces: number[] = [];
    const windowed: DigestFileSource[] = files.map(({ name, bytes }) => ({
      name,
      size: bytes.length,
      read: (wanted) => {
        const piece = wanted.length === null ? bytes : bytes.subarray(wanted.from, wanted.from + wanted.length);
        pieces.push(piece.length);
        return Promise.resolve(piece);
      },
    }));
    const report = await withService(cli.db, (service) => service.importFileSources(windowed));
    expect(report).toEqual(whole);
    expect(report.added).toBe(6000);
    expect(pieces.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...pieces)).toBeLessThanOrEqual(4 * 1024 * 1024);
  });
});
