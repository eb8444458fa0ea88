import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../core/api.js';
import type { PossibleDuplicates } from '../../core/duplicates.js';
import type { Paper } from '../../core/model.js';
import type { PaperMerge } from '../../core/paper-merge.js';
import { CliHarness, SAMPLE } from '../../tests/cli-harness.js';

let cli: CliHarness;

beforeEach(async () => {
  cli = await CliHarness.create();
});

afterEach(async () => {
  await cli.remove();
});

/**
 * A bibliography in the shape of a real one: two different works called "Working memory", two called
 * "Interference", and one preprint entered twice (the second time with its arXiv id).
 */
const REFS = `@book{baddeley1986working,
  title     = {Working memory},
  author    = {Baddeley, Alan D.},
  publisher = {Clarendon Press},
  address   = {Oxford},
  year      = {1986}
}

@incollection{baddeley1974working,
  title     = {Working Memory},
  author    = {Baddeley, Alan D. and Hitch, Graham},
  booktitle = {Psychology of Learning and Motivation},
  volume    = {8},
  pages     = {47--89},
  publisher = {Academic Press},
  year      = {1974},
  doi       = {10.1016/S0079-7421(08)60452-1}
}

@article{healey2014interference,
  title   = {Interference},
  author  = {Healey, M. Karl},
  journal = {Encyclopedia of Memory},
  year    = {2014}
}

@incollection{kane1995interference,
  title     = {Interference},
  author    = {Kane, Michael J. and Hasher, Lynn},
  booktitle = {Interference and Inhibition in Cognition},
  year      = {1995}
}

@misc{kapelko2025cyclic,
  title  = {Cyclic Ablation: Testing Concept Localization against Functional Regeneration in {AI}},
  author = {Kapelko, Eduard},
  year   = {2025}
}

@misc{kapelko2025cyclicArxiv,
  title         = {Cyclic ablation: testing concept localization against functional regeneration in AI},
  author        = {Eduard Kapelko},
  year          = {2025},
  eprint        = {2509.25220},
  archivePrefix = {arXiv}
}
`;

async function importRefs(): Promise<string> {
  const file = join(cli.directory, 'refs.bib');
  await writeFile(file, REFS);
  return file;
}

const byTitle = (papers: readonly Paper[], title: string, year: number): Paper => {
  const paper = papers.find((one) => one.title.toLowerCase() === title.toLowerCase() && one.year === year);
  if (paper === undefined) throw new Error(`no ${title} (${year})`);
  return paper;
};

describe('shelfmark import of different works with one title', () => {
  it('keeps them apart, joins the same work twice, and says so', async () => {
    const file = await importRefs();
    const result = await cli.run(['import', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      / — 5 papers added, 1 entry merged with papers in the same file, 0 merged with papers already in your library\n$/,
    );
    const papers = await cli.json<Paper[]>(['list']);
    expect(papers.map(({ title, authors, year }) => [title, authors.join(', '), year])).toEqual([
      ['Working memory', 'Alan D. Baddeley', 1986],
      ['Working Memory', 'Alan D. Baddeley, Graham Hitch', 1974],
      ['Interference', 'M. Karl Healey', 2014],
      ['Interference', 'Michael J. Kane, Lynn Hasher', 1995],
      ['Cyclic Ablation: Testing Concept Localization against Functional Regeneration in AI', 'Eduard Kapelko', 2025],
    ]);
    expect(papers[4]?.arxivId).toBe('2509.25220');

    const again = await cli.json<ImportReport>(['import', file]);
    expect(again).toMatchObject({ added: 0, merged: 5 });
    const [summary] = again.files;
    expect(summary?.ok && summary.kind !== 'macros' && summary.summary.mergedInFile).toEqual([
      { id: papers[4]?.id, title: papers[4]?.title },
    ]);
    expect(await cli.json<Paper[]>(['list'])).toHaveLength(5);
  });
});

describe('shelfmark duplicates', () => {
  it('lists the titles papers share, and why they were kept apart', async () => {
    await cli.run(['import', await importRefs()]);
    const papers = await cli.json<Paper[]>(['list']);
    const book = byTitle(papers, 'Working memory', 1986);
    const chapter = byTitle(papers, 'Working memory', 1974);
    const listed = await cli.run(['duplicates']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe(
      [
        '2 titles shared by papers that were kept apart:',
        '',
        '"Working memory"',
        `  ${book.id}  Alan D. Baddeley · 1986`,
        `  ${chapter.id}  Alan D. Baddeley, Graham Hitch · 1974 · DOI 10.1016/S0079-7421(08)60452-1`,
        '  kept apart: years 1986 and 1974',
        '',
        '"Interference"',
        `  ${byTitle(papers, 'Interference', 2014).id}  M. Karl Healey · 2014`,
        `  ${byTitle(papers, 'Interference', 1995).id}  Michael J. Kane, Lynn Hasher · 1995`,
        '  kept apart: years 2014 and 1995; no author in common (Healey and Kane, Hasher)',
        '',
        'Merge two with: shelfmark merge KEEP-ID OTHER-ID',
        '',
      ].join('\n'),
    );
    const groups = await cli.json<PossibleDuplicates[]>(['duplicates']);
    expect(groups.map((group) => group.papers.length)).toEqual([2, 2]);
  });

  it('says when there are none', async () => {
    await cli.run(['import', SAMPLE]);
    expect(await cli.run(['duplicates'])).toEqual({
      code: 0,
      stdout: 'No possible duplicates: no two papers share a title.\n',
      stderr: '',
    });
  });
});

describe('shelfmark merge', () => {
  it('merges two papers: notes, tags, status, digests, and the merged id names the kept paper', async () => {
    await cli.run(['import', await importRefs()]);
    const papers = await cli.json<Paper[]>(['list']);
    const book = byTitle(papers, 'Working memory', 1986);
    const chapter = byTitle(papers, 'Working memory', 1974);
    await cli.json(['note', book.id, 'Read chapter 2 first.']);
    await cli.json(['tag', book.id, 'memory']);
    await cli.json(['status', chapter.id, 'read']);
    await cli.json(['tag', chapter.id, 'classic']);
    await cli.json(['note', chapter.id, 'The model with a phonological loop.']);

    const merged = await cli.run(['merge', book.id, chapter.id]);
    expect(merged).toEqual({
      code: 0,
      stdout:
        `Merged ${chapter.id} into ${book.id}: Working memory\n` +
        `Its note, tags, status and digests are with ${book.id}, and ${chapter.id} names it from now on.\n`,
      stderr: '',
    });
    const kept = await cli.json<Paper>(['show', chapter.id]);
    expect(kept).toMatchObject({
      id: book.id,
      status: 'read',
      tags: ['memory', 'classic'],
      note: `Read chapter 2 first.\n\n---\n\nThe note of ${chapter.id} ("Working Memory"), merged into this paper:\n\nThe model with a phonological loop.`,
      doi: '10.1016/S0079-7421(08)60452-1',
      authors: ['Alan D. Baddeley', 'Graham Hitch'],
    });
    expect(await cli.json<Paper[]>(['list'])).toHaveLength(4);
    expect((await cli.json<PossibleDuplicates[]>(['duplicates'])).map((group) => group.title)).toEqual([
      'Interference',
    ]);
    // The merged id still works wherever an id is taken.
    expect((await cli.json<Paper>(['status', chapter.id, 'reading'])).id).toBe(book.id);
    // Importing the file again does not bring the merged paper back.
    const again = await cli.run(['import', join(cli.directory, 'refs.bib')]);
    expect(again.stdout).toContain(' — 0 papers added, 2 entries merged with papers in the same file, 4 merged');
    expect(await cli.json<Paper[]>(['list'])).toHaveLength(4);
  });

  it('refuses one paper twice, and ids it does not know', async () => {
    await cli.run(['import', await importRefs()]);
    const [first] = await cli.json<Paper[]>(['list']);
    const id = first?.id ?? '';
    expect(await cli.run(['merge', id, id])).toEqual({
      code: 4,
      stdout: '',
      stderr: `shelfmark: "${id}" and "${id}" are the same paper (${id}).\n`,
    });
    expect((await cli.run(['merge', id, 'title-nothing'])).stderr).toBe(
      'shelfmark: No paper has the id "title-nothing".\n',
    );
    expect((await cli.run(['merge', id])).code).toBe(2);
  });

  it('prints what undoes it with --json', async () => {
    await cli.run(['import', await importRefs()]);
    const papers = await cli.json<Paper[]>(['list']);
    const book = byTitle(papers, 'Working memory', 1986);
    const chapter = byTitle(papers, 'Working memory', 1974);
    const merged = await cli.json<PaperMerge>(['merge', book.id, chapter.id]);
    expect(merged.paper.id).toBe(book.id);
    expect(merged.undo.merged.record).toEqual(expect.objectContaining({ id: chapter.id, year: 1974 }));
  });
});
