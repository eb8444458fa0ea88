/** Paste: what the app's paste preview and its Import button call. */

import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliHarness, SAMPLE } from '../tests/cli-harness.js';
import { LibraryService } from './library-service.js';
import { bundledSampleDigest } from './resources.js';

let cli: CliHarness;
let service: LibraryService;

beforeEach(async () => {
  cli = await CliHarness.create();
  service = new LibraryService(cli.db, {
    sampleDigest: bundledSampleDigest(),
    now: () => new Date('2026-03-12T09:00:00.000Z'),
  });
});

afterEach(async () => {
  await service.close();
  await cli.remove();
});

const BIBTEX = `@article{xu2023pfgm,
  title = {{PFGM}++: Unlocking the Potential of Physics-Inspired Generative Models},
  author = {Xu, Yilun and Liu, Ziming},
  year = {2023},
}
@article{broken,
  author = {Nobody}
}
`;

describe('previewImport', () => {
  it('says what an import would do, paper by paper, and stores nothing', async () => {
    await service.importText(BIBTEX, 'refs.bib');
    const before = await cli.files();
    const page = await readFile(SAMPLE, 'utf8');

    const preview = await service.previewImport(page);
    expect(preview).toMatchObject({
      name: 'Pasted text',
      format: 'hf-daily-text',
      formatName: 'a Hugging Face Daily Papers page',
      title: 'Hugging Face Daily Papers, Mar 11',
      summary: '32 papers: 31 new, 1 already in your library',
      added: 31,
      merged: 1,
    });
    expect(preview.papers).toHaveLength(32);
    expect(preview.papers[0]).toEqual({
      title: 'Pard: Permutation-Invariant Autoregressive Diffusion for Graph Generation',
      authors: [],
      arxivId: null,
      existing: null,
    });
    const pfgm = preview.papers.find((paper) => paper.existing !== null);
    expect(pfgm).toMatchObject({ authors: ['Yilun Xu', 'Ziming Liu'] });
    expect(preview.skipped).toEqual([]);
    expect(await cli.files()).toEqual(before);

    const report = await service.importText(page, 'Pasted text');
    expect(report).toMatchObject({ added: 31, merged: 1 });
    expect((await service.getLibrary()).digests.map((digest) => digest.title)).toEqual([
      'BibTeX: refs.bib',
      'Hugging Face Daily Papers, Mar 11',
    ]);
  });

  it('lists every block it will skip, with the reason', async () => {
    const preview = await service.previewImport(BIBTEX, 'clipboard');
    expect(preview).toMatchObject({ format: 'bibtex', summary: '1 paper: new', added: 1, merged: 0 });
    expect(preview.skipped).toEqual([
      { where: expect.stringContaining('broken') as string, reason: 'it has no title' },
    ]);
  });

  it('refuses text it cannot read, in words', async () => {
    await expect(service.previewImport('Dear colleagues, the meeting moves to Tuesday.')).rejects.toThrow(
      /does not recognise this format/,
    );
    expect([...(await cli.files()).keys()]).toEqual([]);
  });
});
