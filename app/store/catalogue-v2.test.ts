/**
 * A library written before papers had facts (catalogue schema version 2, as Shelfmark on main writes it) opens as
 * it is; its papers gain their facts when their digests are imported again, and nothing the user set changes.
 */

import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../core/import/bibtex.js';
import { digestIdFor } from '../../core/merge.js';
import type { Paper } from '../../core/model.js';
import { useLibraryFolder } from '../../tests/library-folder.js';

const { path, open } = useLibraryFolder('shelfmark-v2-', '2026-12-07T12:00:00.000Z');

const BIBTEX = `@string{nips = {Advances in Neural Information Processing Systems 33}}

@inproceedings{DBLP:conf/nips/HoJA20,
  author    = {Jonathan Ho and Ajay Jain and Pieter Abbeel},
  editor    = {Hugo Larochelle and Marc'Aurelio Ranzato},
  title     = {Denoising Diffusion Probabilistic Models},
  booktitle = nips,
  pages     = {6840--6851},
  publisher = {Curran Associates, Inc.},
  year      = {2020},
  month     = dec
}
`;

const HF = JSON.stringify([
  {
    paper: {
      id: '2509.25220',
      authors: [{ name: 'Eduard Kapelko' }],
      publishedAt: '2025-09-29T17:59:58.000Z',
      submittedOnDailyAt: '2025-09-30T01:00:00.000Z',
      title: 'Cyclic Ablation: Testing Concept Localization against Functional Regeneration in AI',
      summary: 'Safety and controllability are critical for large language models.',
      upvotes: 17,
    },
    numComments: 2,
  },
]);

const BIB_DIGEST = {
  id: digestIdFor(parseBibtex(BIBTEX, { fileName: 'neurips.bib', now: '2025-11-02T08:00:00.000Z' })),
  format: 'bibtex',
  title: 'BibTeX: neurips.bib',
  date: null,
  source: 'neurips.bib',
  importedAt: '2025-11-02T08:00:00.000Z',
  paperIds: ['title-4d9c6a1b0e2f37'],
};

const HF_DIGEST = {
  id: 'hf-2025-09-30-1a2b3c4d',
  format: 'hf-daily-json',
  title: 'Hugging Face Daily Papers, Sep 30, 2025',
  date: '2025-09-30',
  source: 'daily_papers.json',
  importedAt: '2025-11-02T08:00:00.000Z',
  paperIds: ['2509.25220'],
};

/** Papers exactly as main writes them today: no facts. */
const PAPERS = [
  {
    id: 'title-4d9c6a1b0e2f37',
    title: 'Denoising Diffusion Probabilistic Models',
    abstract: '',
    authors: ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'],
    arxivId: null,
    doi: null,
    year: 2020,
    links: [],
    categories: [],
    digests: [BIB_DIGEST.id],
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
    categories: [],
    digests: [HF_DIGEST.id],
    addedAt: '2025-11-02T08:00:00.000Z',
    aliases: ['title-0123456789abcd'],
  },
];

const STATES = {
  'title-4d9c6a1b0e2f37': {
    status: 'read',
    tags: ['diffusion'],
    note: 'The DDPM paper.',
    readAt: '2025-11-03T09:00:00.000Z',
    updatedAt: '2025-11-03T09:00:00.000Z',
  },
  '2509.25220': {
    status: 'reading',
    tags: ['interp'],
    note: 'Half way.',
    readAt: null,
    updatedAt: '2025-11-04T09:00:00.000Z',
  },
};

async function writeVersion2Library(): Promise<void> {
  await writeFile(
    path('library.json'),
    JSON.stringify({ schemaVersion: 2, papers: PAPERS, digests: [BIB_DIGEST, HF_DIGEST] }),
  );
  await writeFile(path('library.state.json'), JSON.stringify({ schemaVersion: 1, states: STATES }));
}

const asFile = (bytes: string, name: string) => ({ name, bytes: new TextEncoder().encode(bytes) });

/** A paper's reading state, as the user set it. */
const userState = ({ status, tags, note, readAt, updatedAt }: Paper) => ({ status, tags, note, readAt, updatedAt });

describe('a version 2 library', () => {
  it('opens as it is: every paper as main wrote it, with no facts', async () => {
    await writeVersion2Library();
    const service = open();
    const { papers } = await service.getLibrary();
    expect(papers.map(({ status: _s, tags: _t, note: _n, readAt: _r, updatedAt: _u, ...record }) => record)).toEqual(
      PAPERS,
    );
    expect(papers.map(userState)).toEqual(PAPERS.map((paper) => STATES[paper.id as keyof typeof STATES]));
    // Opening it made it a synced folder's, the files as they were kept in a backup.
    expect(JSON.parse(await readFile(path('library.json'), 'utf8'))).toMatchObject({ schemaVersion: 4 });
    expect(await service.listBackups()).toHaveLength(1);
  });

  it('gains the facts when its digests are imported again, and keeps every reading state', async () => {
    await writeVersion2Library();
    const service = open();
    const before = await service.getLibrary();
    const report = await service.importFiles([asFile(BIBTEX, 'neurips.bib'), asFile(HF, 'daily_papers.json')]);
    expect(report).toMatchObject({ added: 0, merged: 2 });

    const after = await open().getLibrary();
    expect(after.papers.map((paper) => paper.facts)).toEqual([
      {
        type: 'inproceedings',
        venue: 'Advances in Neural Information Processing Systems 33',
        pages: '6840–6851',
        publisher: 'Curran Associates, Inc.',
        editors: ['Hugo Larochelle', "Marc'Aurelio Ranzato"],
        month: 12,
      },
      { published: '2025-09-29', hfUpvotes: 17, hfComments: 2 },
    ]);
    expect(after.papers.map(userState)).toEqual(before.papers.map(userState));
    // Nothing else of the records changed.
    expect(after.papers.map(({ facts: _, digests: __, ...paper }) => paper)).toEqual(
      before.papers.map(({ digests: __, ...paper }) => paper),
    );

    const file = JSON.parse(await readFile(path('library.json'), 'utf8')) as {
      schemaVersion: number;
      papers: { facts?: unknown }[];
    };
    expect(file.schemaVersion).toBe(4);
    expect(file.papers.map(({ facts: _, ...paper }) => paper)).toEqual(
      PAPERS.map((paper, index) => ({ ...paper, digests: after.papers[index]?.digests })),
    );
  });

  it('takes upvotes as of the latest import, and a status changed in between stays', async () => {
    await writeVersion2Library();
    const service = open();
    await service.importFiles([asFile(HF, 'daily_papers.json')]);
    await service.setStatus(['2509.25220'], 'read');
    await service.importFiles([asFile(HF.replace('"upvotes":17', '"upvotes":64'), 'daily_papers.json')]);
    const paper = await open().getPaper('2509.25220');
    expect(paper.facts).toEqual({ published: '2025-09-29', hfUpvotes: 64, hfComments: 2 });
    expect(userState(paper)).toMatchObject({ status: 'read', tags: ['interp'], note: 'Half way.' });
  });
});
