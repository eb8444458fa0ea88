/**
 * A library written before papers could be merged (catalogue schema version 1, as Shelfmark 0.x on main writes it)
 * opens as it is, and nothing in it is lost when it is next written.
 */

import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../core/model.js';
import { useLibraryFolder } from '../../tests/library-folder.js';

const { path, open } = useLibraryFolder('shelfmark-v1-', '2026-03-11T12:00:00.000Z');

const DIGEST = {
  id: 'bib-8f2c1a9e',
  format: 'bibtex',
  title: 'BibTeX: refs',
  date: null,
  source: 'refs.bib',
  importedAt: '2025-11-02T08:00:00.000Z',
  paperIds: ['title-0dd7e9c0181022', '2509.25220', 'title-1f87a7125770c8'],
};

const PAPERS = [
  {
    id: 'title-0dd7e9c0181022',
    title: 'Working memory',
    abstract: '',
    authors: ['Alan D. Baddeley'],
    arxivId: null,
    doi: null,
    year: 1986,
    links: [],
    categories: [],
    digests: [DIGEST.id],
    addedAt: '2025-11-02T08:00:00.000Z',
  },
  {
    id: '2509.25220',
    title: 'Cyclic Ablation: Testing Concept Localization against Functional Regeneration in AI',
    abstract: 'Safety and controllability are critical for large language models.',
    authors: ['Eduard Kapelko'],
    arxivId: '2509.25220',
    doi: null,
    year: 2025,
    links: ['https://arxiv.org/abs/2509.25220'],
    categories: ['cs.CL', 'cs.LG'],
    digests: [DIGEST.id],
    addedAt: '2025-11-02T08:00:00.000Z',
  },
  {
    id: 'title-1f87a7125770c8',
    title: 'Interference',
    abstract: '',
    authors: ['M. Karl Healey'],
    arxivId: null,
    doi: '10.1016/b978-0-12-809324-5.21020-1',
    year: 2014,
    links: ['https://doi.org/10.1016/b978-0-12-809324-5.21020-1'],
    categories: [],
    digests: [DIGEST.id],
    addedAt: '2025-11-02T08:00:00.000Z',
  },
];

const STATES = {
  'title-0dd7e9c0181022': {
    status: 'read',
    tags: ['memory'],
    note: '# Working memory\n\nThree parts.',
    readAt: '2025-11-03T09:00:00.000Z',
    updatedAt: '2025-11-03T09:00:00.000Z',
  },
};

const LOGGED = {
  '2509.25220': {
    status: 'reading',
    tags: ['interp'],
    note: 'Half way.',
    readAt: null,
    updatedAt: '2025-11-04T09:00:00.000Z',
  },
};

/** The library's files exactly as the version before merging wrote them. */
async function writeVersion1Library(): Promise<void> {
  await writeFile(path('library.json'), JSON.stringify({ schemaVersion: 1, papers: PAPERS, digests: [DIGEST] }));
  await writeFile(path('library.state.json'), JSON.stringify({ schemaVersion: 1, states: STATES }));
  await writeFile(path('library.state.log'), `${JSON.stringify({ schemaVersion: 1, states: LOGGED })}\n`);
}

const asPapers = (papers: readonly Paper[]) =>
  papers.map(({ id, title, abstract, authors, arxivId, doi, year, links, categories, digests, addedAt, note }) => ({
    id,
    title,
    abstract,
    authors,
    arxivId,
    doi,
    year,
    links,
    categories,
    digests,
    addedAt,
    note,
  }));

describe('a version 1 library', () => {
  it('opens as it is', async () => {
    await writeVersion1Library();
    const service = open();
    const outline = await service.getLibraryOutline();
    expect(outline.papers.id).toEqual(PAPERS.map((paper) => paper.id));
    expect(outline.papers.status).toEqual(['read', 'reading', 'unread']);
    const { papers, digests } = await service.getLibrary();
    expect(asPapers(papers)).toEqual(
      PAPERS.map((paper) => ({ ...paper, note: { ...STATES, ...LOGGED }[paper.id]?.note ?? '' })),
    );
    expect(digests).toEqual([expect.objectContaining({ id: DIGEST.id, total: 3 })]);
    // Opening it made it a synced folder's, the files as they were kept in a backup.
    expect(JSON.parse(await readFile(path('library.json'), 'utf8'))).toMatchObject({ schemaVersion: 4 });
    expect(await service.listBackups()).toHaveLength(1);
  });

  it('keeps everything when it is next written, as a synced folder', async () => {
    await writeVersion1Library();
    const before = await open().getLibrary();
    const service = open();
    const bib = '@book{c14, title = {Working memory}, author = {Cowan, Nelson}, year = {2014}}\n';
    const report = await service.importFiles([{ name: 'more.bib', bytes: new TextEncoder().encode(bib) }]);
    expect(report).toMatchObject({ added: 1, merged: 0 });
    await service.setNote('2509.25220', 'Finished.');

    const file = JSON.parse(await readFile(path('library.json'), 'utf8')) as {
      schemaVersion: number;
      papers: unknown[];
    };
    expect(file.schemaVersion).toBe(4);
    expect(file.papers.slice(0, 3)).toEqual(PAPERS);
    const after = await open().getLibrary();
    expect(after.papers.slice(0, 3).map(({ note, updatedAt: _, ...paper }) => ({ ...paper, note }))).toEqual(
      before.papers.map(({ note, updatedAt: _, ...paper }) => ({
        ...paper,
        note: paper.id === '2509.25220' ? 'Finished.' : note,
      })),
    );
    // The new "Working memory" is another work: kept apart, with an id of its own.
    expect(after.papers[3]).toMatchObject({ title: 'Working memory', year: 2014 });
    expect(after.papers[3]?.id).not.toBe('title-0dd7e9c0181022');
  });
});
