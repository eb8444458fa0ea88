import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Catalogue, CataloguePaper, Digest, ReadingState } from '../../core/model.js';
import { LibraryFileError } from './errors.js';
import { libraryPaths } from './library-paths.js';
import { COMPACT_AFTER_LINES, openLegacyLibraryStore } from './legacy-library-store.js';
import type { LibraryStore } from './library-store.js';
import { outlineOfLibraryCatalogue, readOutlineFile } from './outline-file.js';
import { stampOf } from './file-stamp.js';
import { CATALOGUE_FORMAT, STATE_FORMAT } from './schema.js';

function paper(n: number): CataloguePaper {
  return {
    id: `2503.${String(n).padStart(5, '0')}`,
    title: `Paper ${n}`,
    abstract: `About ${n}.`,
    authors: ['A. Author', 'B. Author'],
    arxivId: `2503.${String(n).padStart(5, '0')}`,
    doi: null,
    year: 2025,
    links: [`https://arxiv.org/abs/2503.${String(n).padStart(5, '0')}`],
    categories: ['cs.LG'],
    digests: ['hf-2025-03-11'],
    addedAt: '2025-03-11T09:00:00.000Z',
  };
}

function catalogueOf(count: number): Catalogue {
  const papers = Array.from({ length: count }, (_, n) => paper(n));
  const digest: Digest = {
    id: 'hf-2025-03-11',
    format: 'hf-daily-text',
    title: 'Hugging Face Daily Papers, Mar 11',
    date: '2025-03-11',
    source: 'hf-daily-papers-mar-11.txt',
    importedAt: '2025-03-11T09:00:00.000Z',
    paperIds: papers.map((p) => p.id),
  };
  return { papers, digests: [digest] };
}

function state(note: string, status: ReadingState['status'] = 'reading'): ReadingState {
  return {
    status,
    tags: ['to-discuss'],
    note,
    readAt: status === 'read' ? '2025-03-12T10:00:00.000Z' : null,
    updatedAt: '2025-03-12T10:00:00.000Z',
  };
}

let directory: string;
let file: string;
const stores: LibraryStore[] = [];

function open(catalogue = file): Promise<LibraryStore> {
  const store = openLegacyLibraryStore(catalogue);
  stores.push(store);
  return Promise.resolve(store);
}

/** Every file under the directory and its bytes. */
async function contents(root = directory): Promise<Record<string, Buffer>> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  const files: Record<string, Buffer> = {};
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(root, full)] = entry.isFile() ? await fs.readFile(full) : Buffer.alloc(0);
  }
  return files;
}

beforeEach(async () => {
  directory = await fs.mkdtemp(path.join(os.tmpdir(), 'shelfmark-store-'));
  file = path.join(directory, 'library.json');
});

afterEach(async () => {
  await Promise.allSettled(stores.splice(0).map((store) => store.close()));
  await fs.rm(directory, { recursive: true, force: true });
});

describe('a new library', () => {
  it('is empty, and opening and reading it creates nothing, not even its directory', async () => {
    const nested = path.join(directory, 'config', 'Shelfmark', 'library.json');
    const store = await open(nested);
    expect(await store.read()).toEqual({ catalogue: { papers: [], digests: [] }, states: {} });
    expect(await store.transact(() => ({ result: 'nothing' }))).toBe('nothing');
    expect(await store.transact(() => ({ states: {}, result: 'still nothing' }))).toBe('still nothing');
    await store.close();
    expect(await fs.readdir(directory)).toEqual([]);
  });

  it('creates its directory on the first write', async () => {
    const nested = path.join(directory, 'config', 'Shelfmark', 'library.json');
    const store = await open(nested);
    await store.transact(() => ({ catalogue: catalogueOf(2), result: undefined }));
    expect((await fs.readdir(path.dirname(nested))).sort()).toEqual(['library.json', 'library.outline.json']);
  });

  it('writes nothing when the change throws, and passes the error on', async () => {
    const store = await open();
    await expect(
      store.transact(() => {
        throw new Error('import failed');
      }),
    ).rejects.toThrow('import failed');
    expect(await fs.readdir(directory)).toEqual([]);
    // The store carries on.
    await store.transact(() => ({ states: { a: state('x') }, result: undefined }));
    expect((await store.read()).states).toEqual({ a: state('x') });
  });

  it('refuses to write what it could not read back, and writes nothing', async () => {
    const store = await open();
    const broken = { ...state('x'), status: 'archived' } as unknown as ReadingState;
    await expect(
      store.transact(() => ({ catalogue: catalogueOf(1), states: { a: broken }, result: undefined })),
    ).rejects.toThrow(/reading state to save for "a" is not valid: status/);
    expect(await fs.readdir(directory)).toEqual([]);
  });
});

describe('reading back', () => {
  it('gives a fresh store on the same path exactly what was written', async () => {
    const store = await open();
    const catalogue = catalogueOf(50);
    await store.transact(() => ({ catalogue, states: { [paper(1).id]: state('one', 'read') }, result: undefined }));
    await store.transact(() => ({ states: { [paper(2).id]: state('two') }, result: undefined }));
    const written = await store.read();

    const fresh = await open();
    expect(await fresh.read()).toEqual(written);
    expect(written).toEqual({
      catalogue,
      states: { [paper(1).id]: state('one', 'read'), [paper(2).id]: state('two') },
    });
  });

  it('keeps state changes through the journal alone, without close', async () => {
    const store = await open();
    await store.transact(() => ({ catalogue: catalogueOf(3), result: undefined }));
    for (let n = 0; n < 3; n++) {
      await store.transact((library) => ({
        states: { [paper(n).id]: state(`note ${n}`) },
        result: library.states[paper(n).id],
      }));
    }
    const { stateSnapshot, writeAheadLog: journal } = libraryPaths(file);
    await expect(fs.access(stateSnapshot)).rejects.toThrow();
    expect((await fs.readFile(journal, 'utf8')).trim().split('\n')).toHaveLength(3);

    const fresh = await open();
    expect((await fresh.read()).states).toEqual({
      [paper(0).id]: state('note 0'),
      [paper(1).id]: state('note 1'),
      [paper(2).id]: state('note 2'),
    });
  });

  it('compacts: the snapshot holds everything and the journal is replaced by an empty file', async () => {
    const store = await open();
    await store.transact(() => ({ catalogue: catalogueOf(3), states: { [paper(0).id]: state('a') }, result: null }));
    await store.transact(() => ({ states: { [paper(0).id]: state('b'), [paper(1).id]: state('c') }, result: null }));
    const written = await store.read();
    const { stateSnapshot, writeAheadLog: journal } = libraryPaths(file);
    const journalBefore = await fs.stat(journal);
    await store.compact();

    expect((await fs.stat(journal)).size).toBe(0);
    expect((await fs.stat(journal)).ino).not.toBe(journalBefore.ino);
    expect(JSON.parse(await fs.readFile(stateSnapshot, 'utf8'))).toEqual({
      schemaVersion: STATE_FORMAT.version,
      states: written.states,
    });
    expect(await (await open()).read()).toEqual(written);
    await store.close();
    await expect(store.read()).rejects.toThrow(/closed/);
  });

  it('compacts once the journal is long, before the next change', async () => {
    const { stateSnapshot, writeAheadLog: journal } = libraryPaths(file);
    const lines = Array.from(
      { length: COMPACT_AFTER_LINES },
      (_, n) => `${JSON.stringify({ schemaVersion: 1, states: { [`p${n}`]: state(String(n)) } })}\n`,
    );
    await fs.writeFile(journal, lines.join(''));
    const store = await open();
    await store.transact(() => ({ states: { last: state('last') }, result: null }));

    expect((await fs.readFile(journal, 'utf8')).trim().split('\n')).toHaveLength(1);
    const snapshot = JSON.parse(await fs.readFile(stateSnapshot, 'utf8')) as { states: Record<string, unknown> };
    expect(Object.keys(snapshot.states)).toHaveLength(COMPACT_AFTER_LINES);
    expect(Object.keys((await (await open()).read()).states)).toHaveLength(COMPACT_AFTER_LINES + 1);
  });

  it('replays a journal left behind by a crash during compaction without harm', async () => {
    const store = await open();
    await store.transact(() => ({ states: { a: state('1') }, result: null }));
    await store.transact(() => ({ states: { a: state('2'), b: state('3') }, result: null }));
    const { writeAheadLog: journal } = libraryPaths(file);
    const leftOver = await fs.readFile(journal);
    await store.close();
    await fs.writeFile(journal, leftOver); // as if the crash came after the snapshot and before the journal was emptied
    expect((await (await open()).read()).states).toEqual({ a: state('2'), b: state('3') });
  });

  it('ignores a torn last journal line, and later changes go on cleanly after it', async () => {
    const store = await open();
    await store.transact(() => ({ states: { a: state('kept') }, result: null }));
    const { writeAheadLog: journal } = libraryPaths(file);
    await fs.appendFile(journal, '{"schemaVersion":1,"states":{"b":{"status":"re');

    const fresh = await open();
    expect((await fresh.read()).states).toEqual({ a: state('kept') });
    await fresh.transact(() => ({ states: { c: state('after') }, result: null }));
    expect((await (await open()).read()).states).toEqual({ a: state('kept'), c: state('after') });
    expect(await fs.readFile(journal, 'utf8')).not.toContain('"re{');
  });
});

describe('the lock', () => {
  it('is taken over from a process that died holding it', async () => {
    const { lock } = libraryPaths(file);
    await fs.mkdir(lock);
    const longAgo = new Date(Date.now() - 5 * 60_000);
    await fs.utimes(lock, longAgo, longAgo);
    const store = await open();
    await store.transact(() => ({ states: { a: state('1') }, result: null }));
    expect((await fs.readdir(directory)).sort()).toEqual(['library.state.log']);
  });

  it('is waited for while another process holds it', async () => {
    const { lock } = libraryPaths(file);
    const store = await open();
    await fs.mkdir(lock);
    let done = false;
    const change = store.transact(() => ({ states: { a: state('1') }, result: null })).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(done).toBe(false);
    await fs.rmdir(lock);
    await change;
    expect((await store.read()).states).toEqual({ a: state('1') });
  });
});

describe('files it cannot use', () => {
  const cases = [
    {
      name: 'catalogue',
      target: (p: ReturnType<typeof libraryPaths>) => p.catalogue,
      bytes: '{"schemaVersion":1,"papers":[',
    },
    {
      name: 'catalogue of the wrong shape',
      target: (p: ReturnType<typeof libraryPaths>) => p.catalogue,
      bytes: '{"schemaVersion":1,"papers":{},"digests":[]}',
    },
    { name: 'snapshot', target: (p: ReturnType<typeof libraryPaths>) => p.stateSnapshot, bytes: 'not json' },
    {
      name: 'journal line',
      target: (p: ReturnType<typeof libraryPaths>) => p.writeAheadLog,
      bytes: 'garbage\n{"schemaVersion":1,"states":{}}\n',
    },
  ];

  it.each(cases)(
    'a corrupt $name: reading, writing and compacting all throw, and no file changes',
    async ({ target, bytes }) => {
      const store = await open();
      await store.transact(() => ({ catalogue: catalogueOf(2), states: { a: state('1') }, result: null }));
      await store.close();
      const writer = await open();
      await writer.transact(() => ({ states: { a: state('2') }, result: null })); // so that compact() has a journal to fold in
      const paths = libraryPaths(file);
      await fs.writeFile(target(paths), bytes);
      const before = await contents();

      const error: unknown = await openLegacyLibraryStore(file)
        .read()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LibraryFileError);
      expect(error).toMatchObject({ file: target(paths) });
      expect((error as Error).message).toContain(target(paths));
      expect((error as Error).message).toContain('Restore a backup');

      await expect(writer.read()).rejects.toBeInstanceOf(LibraryFileError);
      await expect(writer.readOutline()).rejects.toBeInstanceOf(LibraryFileError);
      await expect(
        writer.transact(() => ({ catalogue: catalogueOf(5), states: { b: state('2') }, result: null })),
      ).rejects.toBeInstanceOf(LibraryFileError);
      await expect(writer.compact()).rejects.toBeInstanceOf(LibraryFileError);
      expect(await contents()).toEqual(before);
    },
  );

  it('refuses a catalogue written by a newer version, and leaves it be', async () => {
    await fs.writeFile(
      file,
      JSON.stringify({ schemaVersion: CATALOGUE_FORMAT.version + 1, papers: [], digests: [], shelves: [] }),
    );
    const before = await contents();
    await expect(openLegacyLibraryStore(file).read()).rejects.toThrow(
      /library\.json: it was written by a newer version of Shelfmark/,
    );
    expect(await contents()).toEqual(before);
  });
});

describe('what it hands out', () => {
  it('never changes a snapshot once read() has returned it', async () => {
    const store = await open();
    await store.transact(() => ({ catalogue: catalogueOf(2), states: { a: state('1') }, result: null }));
    const before = await store.read();
    expect(Object.isFrozen(before)).toBe(true);
    expect(Object.isFrozen(before.states)).toBe(true);
    expect(await store.read()).toBe(before); // nothing changed: the same snapshot, not a rebuilt one

    await store.transact(() => ({ states: { a: state('2'), b: state('3') }, result: null }));
    expect(before.states).toEqual({ a: state('1') });
    expect((await store.read()).states).toEqual({ a: state('2'), b: state('3') });
  });

  it('lets the change read the states like a plain object, but not keep them', async () => {
    const store = await open();
    await store.transact(() => ({ states: { a: state('1'), b: state('2') }, result: null }));
    const kept = await store.transact((library) => {
      expect(library.states['a']).toEqual(state('1'));
      expect('b' in library.states).toBe(true);
      expect(library.states['missing']).toBeUndefined();
      expect(Object.keys(library.states)).toEqual(['a', 'b']);
      expect({ ...library.states }).toEqual({ a: state('1'), b: state('2') });
      expect(JSON.parse(JSON.stringify(library.states))).toEqual({ a: state('1'), b: state('2') });
      expect(() => {
        (library.states as Record<string, ReadingState>)['c'] = state('3');
      }).toThrow(TypeError);
      return { result: { states: library.states } };
    });
    expect(() => kept.states['a']).toThrow(TypeError);
  });

  it('sees what another store on the same library wrote', async () => {
    const one = await open();
    const two = await open();
    await one.transact(() => ({ catalogue: catalogueOf(3), result: null }));
    await two.transact(() => ({ states: { [paper(0).id]: state('from two') }, result: null }));
    expect(await one.read()).toEqual({ catalogue: catalogueOf(3), states: { [paper(0).id]: state('from two') } });
    await one.compact(); // two must notice the snapshot and the new journal
    await two.transact(() => ({ states: { [paper(1).id]: state('again') }, result: null }));
    expect((await two.read()).states).toEqual({ [paper(0).id]: state('from two'), [paper(1).id]: state('again') });
  });

  it('runs one process’s transactions one at a time, in order', async () => {
    const store = await open();
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        store.transact((library) => {
          order.push(n);
          const count = Number(library.states['counter']?.note ?? '0');
          return { states: { counter: state(String(count + 1)) }, result: null };
        }),
      ),
    );
    expect(order).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect((await store.read()).states['counter']?.note).toBe('20');
  });
});

describe('the outline', () => {
  /** A paper with a long, two-line abstract, links and categories: everything an outline leaves out. */
  function wordyPaper(n: number): CataloguePaper {
    return { ...paper(n), abstract: `${'First line, long. '.repeat(20)}\nSecond line.` };
  }
  const wordy: Catalogue = { ...catalogueOf(0), papers: [wordyPaper(1), wordyPaper(2)] };
  const outlined = outlineOfLibraryCatalogue(wordy);

  const pinnedTime = 1_750_000_000; // whole seconds: exactly what utimes sets and stat reads back
  const outlineFile = (): string => libraryPaths(file).outline;

  /** Spoils the catalogue's bytes but keeps its stamp (inode, size and pinned mtime): only an outline can be read. */
  async function spoilCatalogueKeepingItsStamp(): Promise<void> {
    await fs.writeFile(file, ' '.repeat((await fs.stat(file)).size));
    await fs.utimes(file, pinnedTime, pinnedTime);
  }

  it('is saved beside the catalogue on import', async () => {
    const store = await open();
    await store.transact(() => ({ catalogue: wordy, states: { [paper(1).id]: state('one') }, result: null }));
    expect(outlined.papers.abstract[0]).toBe('First line, long. '.repeat(20).slice(0, 160));
    expect(outlined.papers.title).toEqual(wordy.papers.map((each) => each.title));
    const stamp = await stampOf(file);
    expect(stamp && (await readOutlineFile(outlineFile(), stamp))).toEqual(outlined);
    expect(await store.readOutline()).toEqual({ outline: outlined, states: { [paper(1).id]: state('one') } });
  });

  it('reads back a library of many thousand papers, each column over several lines', async () => {
    const large = catalogueOf(12_345);
    const store = await open();
    await store.transact(() => ({ catalogue: large, result: null }));
    const stamp = await stampOf(file);
    const outline = stamp && (await readOutlineFile(outlineFile(), stamp));
    expect(outline).toEqual(outlineOfLibraryCatalogue(large));
    expect(outline?.papers.id.at(-1)).toBe(paper(12_344).id);
  });

  it('is read from its file while that names the catalogue on disk, without reading the catalogue', async () => {
    const store = await open();
    await store.transact(() => ({ catalogue: wordy, states: { [paper(1).id]: state('one') }, result: null }));
    await fs.utimes(file, pinnedTime, pinnedTime); // the outline saved on import is stale now…
    expect((await (await open()).readOutline()).outline).toEqual(outlined); // …and is made again

    await spoilCatalogueKeepingItsStamp();
    const fresh = await open();
    await expect(fresh.read()).rejects.toThrow(LibraryFileError);
    expect(await fresh.readOutline()).toEqual({ outline: outlined, states: { [paper(1).id]: state('one') } });
  });

  it('brings in reading states another process changed since', async () => {
    const store = await open();
    await store.transact(() => ({ catalogue: wordy, result: null }));
    const reader = await open();
    expect((await reader.readOutline()).states).toEqual({});
    await store.transact(() => ({ states: { [paper(2).id]: state('two') }, result: null }));
    expect(await reader.readOutline()).toEqual({ outline: outlined, states: { [paper(2).id]: state('two') } });
  });

  it('is made again from the catalogue when it is stale, unreadable, of another version or missing', async () => {
    const store = await open();
    await store.transact(() => ({ catalogue: catalogueOf(2), result: null }));
    const stale = await fs.readFile(outlineFile());
    await store.transact(() => ({ catalogue: wordy, result: null }));
    await fs.utimes(file, pinnedTime, pinnedTime);
    const catalogueBytes = await fs.readFile(file);
    await (await open()).readOutline(); // saves the outline of the catalogue as pinned
    const good = (await fs.readFile(outlineFile())).toString();
    expect(good.split('\n')).toHaveLength(1 + 9 + 3 + 1); // a header, a line per column (the facts' last), a newline
    const lines = good.split('\n');
    const withLine = (index: number, line: string): string => lines.with(index, line).join('\n');
    // What Shelfmark wrote before the outline had the facts' columns: version 2, the catalogue's 9 columns.
    const version2 = [...lines.slice(0, 10), ''].join('\n').replace('"schemaVersion":3', '"schemaVersion":2');
    for (const spoil of [
      () => fs.writeFile(outlineFile(), stale), // another catalogue's
      () => fs.writeFile(outlineFile(), '{"schemaVersion": 2, "papers": ['),
      () => fs.writeFile(outlineFile(), good.replace('"schemaVersion":3', '"schemaVersion":4')),
      () => fs.writeFile(outlineFile(), version2), // an older Shelfmark's, without the facts
      () => fs.writeFile(outlineFile(), withLine(12, '[-1,null]')), // upvotes that are no count
      () => fs.writeFile(outlineFile(), good.slice(0, -20)), // cut short
      () => fs.writeFile(outlineFile(), withLine(2, '["Paper 1",2]')), // a title that is not text
      () => fs.writeFile(outlineFile(), withLine(2, '["Paper 1"]')), // a column short of a paper
      () => fs.writeFile(outlineFile(), lines.filter((_, index) => index !== 9).join('\n')), // a column missing
      () => fs.rm(outlineFile()),
    ]) {
      await spoil();
      expect((await (await open()).readOutline()).outline).toEqual(outlined);
      // …and saved again: the next start reads only the outline.
      await spoilCatalogueKeepingItsStamp();
      expect((await (await open()).readOutline()).outline).toEqual(outlined);
      await fs.writeFile(file, catalogueBytes);
      await fs.utimes(file, pinnedTime, pinnedTime);
    }
  });
});
