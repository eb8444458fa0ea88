/**
 * An import into a library with no import yet, its papers kept on disk (shelved), against the same import made the
 * usual way: the same report, and the same bytes in every file of the library and of its app-data.
 */

import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DigestFile } from '../../core/api.js';
import { nodeByteSearch } from '../byte-search.js';
import { paperIdFor } from '../../core/identity.js';
import { LibraryService, sourceOf } from '../library-service.js';
import { shelveImport } from './shelved-import.js';
import { bundledSampleDigest } from '../resources.js';

const FIXTURES = new URL('../../core/import/fixtures/', import.meta.url).pathname;
const NOW = new Date('2026-12-07T10:00:00.000Z');

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'shelfmark-shelved-'));
});
afterEach(() => rm(directory, { recursive: true, force: true }));

/** Every file under `folder`, by its path there, with its bytes; app-data's library folder named by the library. */
async function filesIn(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const visit = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await visit(path);
      else
        files.set(
          relative(folder, path).replace(/libraries\/[0-9a-f]+\//, 'libraries/LIBRARY/'),
          await readFile(path, 'latin1'),
        );
    }
  };
  await visit(folder);
  return files;
}

/** A step of a library's making: an import of files, or something else done to it; each by a process of its own. */
type Step = readonly DigestFile[] | ((service: LibraryService, appData: string) => Promise<unknown>);

/**
 * Makes a new library by `steps`, importing shelved or not, with one device and one clock: each import's report,
 * and the files.
 */
async function imported(name: string, steps: readonly Step[], shelvedImports: boolean) {
  const appData = join(directory, name, 'app-data');
  const library = join(directory, name, 'library');
  await mkdir(appData, { recursive: true });
  // One device for both: its id names the files.
  const device = join(directory, 'device.json');
  await copyFile(device, join(appData, 'device.json')).catch(() => undefined);
  const reports: unknown[] = [];
  const onShelf: boolean[] = [];
  for (const step of steps) {
    const service = new LibraryService(join(library, 'library.json'), {
      sampleDigest: bundledSampleDigest(),
      now: () => NOW,
      appData,
      shelvedImports,
    });
    const shelved = spyOnShelving(service);
    try {
      reports.push(typeof step === 'function' ? await step(service, appData) : await service.importFiles(step));
    } finally {
      await service.close();
    }
    if (typeof step !== 'function') onShelf.push(shelved());
  }
  await copyFile(join(appData, 'device.json'), device).catch(() => undefined);
  // The first frame is saved at close from the library in memory, which a shelved import does not keep.
  const appDataFiles = await filesIn(appData);
  appDataFiles.delete('libraries/LIBRARY/first-frame.json');
  // The outline names the stamp (inode, size, time) of the library.json it was made from: another file's here.
  const outline = 'libraries/LIBRARY/library.outline.json';
  const text = appDataFiles.get(outline);
  if (text !== undefined) {
    const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as { catalogue: { size?: unknown } };
    expect(typeof header.catalogue.size).toBe('number');
    appDataFiles.set(outline, JSON.stringify({ ...header, catalogue: null }) + text.slice(text.indexOf('\n')));
  }
  return { reports, onShelf, library: await filesIn(library), appData: appDataFiles };
}

/** Tells, once the service has imported, whether its last import was shelved (else made the usual way). */
function spyOnShelving(service: LibraryService): () => boolean {
  let shelved = false;
  const real = service['importShelved'].bind(service) as (...args: unknown[]) => Promise<unknown>;
  Object.assign(service, {
    importShelved: async (...args: unknown[]) => {
      const made = await real(...args);
      shelved = made !== null;
      return made;
    },
  });
  return () => shelved;
}

/** Whether shelveImport makes the import of `files` (else the service makes it the usual way). */
async function shelves(files: readonly DigestFile[]): Promise<boolean> {
  const shelved = await shelveImport(files.map(sourceOf), {
    now: NOW.toISOString(),
    search: nodeByteSearch,
    onProgress: () => undefined,
    checkCancelled: () => undefined,
  });
  shelved?.shelf.close();
  return shelved !== null;
}

async function expectSame(files: readonly DigestFile[], onShelf = true): Promise<void> {
  expect(await shelves(files)).toBe(onShelf);
  await expectSameLibraries([files], onShelf);
}

/** `steps` made shelved and the usual way: the same reports and files; each import shelved, or as `onShelf` says. */
async function expectSameLibraries(
  steps: readonly Step[],
  onShelf: boolean | readonly boolean[] = true,
): Promise<void> {
  const usual = await imported('usual', steps, false);
  const shelved = await imported('shelved', steps, true);
  expect(shelved.onShelf).toEqual(typeof onShelf === 'boolean' ? shelved.onShelf.map(() => onShelf) : onShelf);
  expect(shelved.reports).toEqual(usual.reports);
  expect([...shelved.library.keys()].sort()).toEqual([...usual.library.keys()].sort());
  for (const [path, bytes] of usual.library) expect(shelved.library.get(path), path).toBe(bytes);
  expect([...shelved.appData.keys()].sort()).toEqual([...usual.appData.keys()].sort());
  for (const [path, bytes] of usual.appData) expect(shelved.appData.get(path), path).toBe(bytes);
}

const fixture = async (name: string): Promise<DigestFile> => ({
  name,
  bytes: await readFile(join(FIXTURES, name)),
});

/** A BibTeX entry of a large generated file; `abstract` filled in when given. */
const entry = (index: number, abstract = '', url = false): string =>
  `@article{k${index},\n  title = {Paper ${index % 3000} on {Ünïcödé} things},\n` +
  `  author = {Ada Lovelace and Zoë ${index % 3000}},\n  journal = jn,\n` +
  (index % 7 === 0 ? `  doi = {10.1000/p${index % 3000}},\n` : '') +
  (abstract === '' ? '' : `  abstract = {${abstract}},\n`) +
  (url ? `  url = {https://example.org/papers/${String(index % 3000)}},\n` : '') +
  `  year = ${1900 + (index % 120)}\n}\n`;

/** Over one window of 4 MB: its later entries are works it had (fill them in), or same titles of other years. */
function largeBibtex(filledIn = false): DigestFile {
  const entries = Array.from({ length: 9000 }, (_, index) =>
    entry(index, index >= 3000 ? `${'Words of an abstract. '.repeat(30)}${String(index % 3000)}` : '', filledIn),
  );
  const text = `@string{jn = {Journal}}\n${entries.join('')}`;
  return { name: 'large.bib', bytes: new TextEncoder().encode(text) };
}

describe('a shelved import', () => {
  it('writes what the usual way writes: macros in a file of their own, several formats in one import', async () => {
    const split = await readdir(join(FIXTURES, 'split-bibliography'));
    await expectSame([
      ...(await Promise.all(split.sort().map((name) => fixture(join('split-bibliography', name))))),
      await fixture('hf-daily-papers.json'),
      await fixture('math-titles.bib'),
      await fixture('arxiv-listing-citations.eml'),
    ]);
  });

  it('writes what the usual way writes: a file over several windows, filled in as it goes, imported twice in one go', async () => {
    const large = largeBibtex();
    expect(large.bytes.length).toBeGreaterThan(4 * 1024 * 1024);
    // The same file again, as it was (nothing changes), a day given (another digest), with every abstract (the
    // same digest: papers that list it filled in).
    await expectSame([
      large,
      await fixture('refs.bib'),
      large,
      { ...large, name: 'again.bib', date: '2026-12-01' },
      largeBibtex(true),
    ]);
  });

  it('leaves to the usual way an import it would not make the same (two works with one DOI), which is made so', async () => {
    const doi = (title: string, rest: string) =>
      `@article{${title.replace(/\W/g, '')},\n  title = {${title}},\n${rest}}\n`;
    // The third entry is the first work (its arXiv id) and gives it the second's DOI: a fold of the records the
    // merge makes finds the second the first by that DOI.
    const arxiv = '  eprint = {2401.00001},\n  archiveprefix = {arXiv},\n';
    const text =
      doi('A first work', `  year = 2001,\n${arxiv}`) +
      doi('Another work', '  year = 2002,\n  doi = {10.1145/3292500.3330701}\n') +
      doi('A first work', `  year = 2001,\n${arxiv}  doi = {10.1145/3292500.3330701}\n`);
    await expectSame([{ name: 'same-doi.bib', bytes: new TextEncoder().encode(text) }], false);
    // Onto a library that has the first work, the fold of the record is made and found to differ: the usual way.
    for (const made of ['usual', 'shelved']) await rm(join(directory, made), { recursive: true });
    const first = doi('A first work', `  year = 2001,\n${arxiv}`);
    const encoded = (name: string, bib: string): DigestFile => ({ name, bytes: new TextEncoder().encode(bib) });
    await expectSameLibraries(
      [[encoded('first.bib', first)], [encoded('same-doi.bib', text.slice(first.length))]],
      [true, false],
    );
  });

  it('leaves to the usual way an import whose shelf cannot be made (its folder gone)', async () => {
    const files = [await fixture('refs.bib')];
    const options = { now: NOW.toISOString(), search: nodeByteSearch, onProgress: () => undefined };
    const gone = join(directory, 'gone');
    expect(
      await shelveImport(files.map(sourceOf), { ...options, checkCancelled: () => undefined, directory: gone }),
    ).toBe(null);
  });

  it('leaves a library that the next change and the next process read as the usual way', async () => {
    const large = largeBibtex();
    const appData = join(directory, 'app-data');
    const db = join(directory, 'library', 'library.json');
    const open = () => new LibraryService(db, { sampleDigest: bundledSampleDigest(), appData });
    const first = open();
    const report = await first.importFiles([large]);
    const listed = await first.listPapers({});
    expect(listed).toHaveLength(report.added);
    const [paper] = listed;
    await first.addTags([paper?.id ?? ''], ['kept']);
    await first.close();
    const second = open();
    try {
      const again = await second.listPapers({});
      expect(again.map((each) => each.id)).toEqual(listed.map((each) => each.id));
      expect(again.find((each) => each.id === paper?.id)?.tags).toEqual(['kept']);
    } finally {
      await second.close();
    }
  });
});

/** Whether the import of `files` into the library at `db` is merged onto its cache (else the usual way makes it). */
async function shelvesOnto(db: string, appData: string, files: readonly DigestFile[]): Promise<boolean> {
  const service = new LibraryService(db, { sampleDigest: bundledSampleDigest(), now: () => NOW, appData });
  const shelved = spyOnShelving(service);
  try {
    await service.importFiles(files);
  } finally {
    await service.close();
  }
  return shelved();
}

describe('a shelved import onto a library with papers', () => {
  it('writes what the usual way writes: the same files again (nothing), new papers, papers filled in, other files', async () => {
    const large = largeBibtex();
    const split = await readdir(join(FIXTURES, 'split-bibliography'));
    await expectSameLibraries([
      [large],
      [large],
      [await fixture('refs.bib'), await fixture('hf-daily-papers.json')],
      [{ ...large, name: 'again.bib', date: '2026-12-01' }],
      [largeBibtex(true), await fixture('math-titles.bib')],
      [...(await Promise.all(split.sort().map((name) => fixture(join('split-bibliography', name)))))],
      [await fixture('arxiv-listing-citations.eml'), largeBibtex(true)],
    ]);
  });

  it('writes what the usual way writes onto a library with reading states, tags and notes', async () => {
    const large = largeBibtex();
    await expectSameLibraries([
      [await fixture('refs.bib')],
      async (service) => {
        const [first, second] = await service.listPapers({});
        await service.setStatus([first?.id ?? ''], 'read');
        await service.addTags([second?.id ?? ''], ['kept']);
        await service.setNote(first?.id ?? '', 'A note.');
      },
      [large, await fixture('hf-daily-papers.json')],
      // Without the outline saved with the cache (papers indexed from their texts, their outline made from them).
      async (_service, appData) => {
        const [library] = await readdir(join(appData, 'libraries'));
        await rm(join(appData, 'libraries', library ?? '', 'library.outline.json'));
      },
      [largeBibtex(true)],
      [await fixture('arxiv-listing-citations.eml')],
    ]);
  });

  it('leaves to the usual way a library.json damaged among its papers, which it makes again', async () => {
    const cut = async (service: LibraryService) => {
      const { size } = await stat(service.paths.catalogue);
      await truncate(service.paths.catalogue, Math.floor(size * 0.7));
    };
    await expectSameLibraries(
      [[largeBibtex()], cut, [await fixture('refs.bib')], [largeBibtex(true)]],
      [true, false, true],
    );
  });

  it('writes what the usual way writes onto a library with a digest redated; leaves one with papers merged to it', async () => {
    await expectSameLibraries(
      [
        [await fixture('refs.bib')],
        async (service) => {
          const [digest] = await service.digests();
          await service.setDigestDate(digest?.id ?? '', '2026-11-30');
        },
        [await fixture('hf-daily-papers.json'), largeBibtex()],
        [largeBibtex(true)],
        async (service) => {
          const [kept, merged] = await service.listPapers({});
          await service.mergePapers(kept?.id ?? '', merged?.id ?? '');
        },
        [await fixture('math-titles.bib')],
      ],
      [true, true, true, false],
    );
  });

  it('leaves a library that the next process reads as the usual way would', async () => {
    const appData = join(directory, 'app-data');
    const db = join(directory, 'library', 'library.json');
    const open = () => new LibraryService(db, { sampleDigest: bundledSampleDigest(), now: () => NOW, appData });
    const first = open();
    await first.importFiles([await fixture('refs.bib')]);
    const before = await first.listPapers({});
    await first.addTags([before[0]?.id ?? ''], ['kept']);
    await first.close();
    expect(await shelvesOnto(db, appData, [largeBibtex()])).toBe(true);
    const second = open();
    try {
      const after = await second.listPapers({});
      expect(after.length).toBeGreaterThan(before.length);
      expect(after.find((each) => each.id === before[0]?.id)?.tags).toEqual(['kept']);
      await second.addTags([after.at(-1)?.id ?? ''], ['new']);
      expect((await second.listPapers({ tag: 'new' })).map((paper) => paper.id)).toEqual([after.at(-1)?.id]);
    } finally {
      await second.close();
    }
  });

  it('writes what the usual way writes onto a library of many outline lines, and with papers that have aliases', async () => {
    // Over two lines of the outline's columns (OUTLINE_PAPERS_PER_LINE): lines copied from the saved outline, one
    // made again where a paper was filled in, the line the stored papers end, and lines of new papers after.
    const many = (from: number, to: number, abstract: string): DigestFile => {
      const entries = Array.from(
        { length: to - from },
        (_, at) =>
          `@article{m${String(from + at)},\n  title = {Work number ${String(from + at)}},\n` +
          `  author = {Ada Lovelace},\n  year = 2020${abstract === '' ? '' : `,\n  abstract = {${abstract}}`}\n}\n`,
      );
      return { name: `many-${String(from)}.bib`, bytes: new TextEncoder().encode(entries.join('')) };
    };
    // A paper whose alias is the id a new entry's title gives: that entry is another paper, not one of that id.
    const library = JSON.parse(await readFile(join(FIXTURES, 'library.shelfmark.json'), 'utf8')) as {
      papers: { aliases?: string[] }[];
    };
    const aliased = 'A title the library knows as an alias';
    const [first] = library.papers;
    if (first !== undefined) first.aliases = [paperIdFor({ arxivId: null, title: aliased })];
    const backup = { name: 'backup.shelfmark.json', bytes: new TextEncoder().encode(JSON.stringify(library)) };
    const alias = {
      name: 'alias.bib',
      bytes: new TextEncoder().encode(
        `@article{a,\n  title = {${aliased}},\n  author = {Zoë Other},\n  year = 2021\n}\n`,
      ),
    };
    await expectSameLibraries(
      [[many(0, 7000, '')], [backup], [many(6500, 12_000, 'Filled in.')], [alias], [many(0, 7000, '')]],
      [true, false, true, true, true],
    );
  });
});
