import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from './bibtex.js';
import { parseDigestFiles, type ParsedInput } from './index.js';
import type { ParsedDigest } from './types.js';

/** A bibliography kept in four files, as research groups keep theirs: authors and journals as @string macros. */
const SPLIT = ['articles.bib', 'authors.bib', 'journals.bib', 'abbrev.bib'] as const;
const file = (name: string) => ({
  name,
  bytes: readFileSync(new URL(`./fixtures/split-bibliography/${name}`, import.meta.url)),
});
const parse = (names: readonly string[]) => parseDigestFiles(names.map(file), '2025-03-11T08:00:00.000Z');

function digestOf(outcomes: readonly ParsedInput[], name: string): ParsedDigest {
  const outcome = outcomes.find((candidate) => candidate.file === name);
  if (outcome?.ok !== true || outcome.parsed.kind !== 'digest') throw new Error(`${name} gave no digest`);
  return outcome.parsed.digest;
}

const ARTICLES = [
  { title: 'MAX-MIN Ant System', authors: ['Thomas Stützle', 'Holger H. Hoos'], arxivId: null, year: 2000 },
  {
    title: 'Simulated Annealing Cooling Schedules for the School Timetabling Problem',
    authors: ['David Abramson', 'Mohan Krishnamoorthy', 'Graham Mills'],
    arxivId: null,
    year: 1996,
  },
  {
    title: 'The irace package: Iterated Racing for Automatic Algorithm Configuration',
    authors: ['Manuel López-Ibáñez', 'Jérémie Dubois-Lacoste', 'Thomas Stützle'],
    arxivId: '1603.08785',
    year: 2016,
  },
  { title: 'Ant Colony Optimization', authors: ['Marco Dorigo', 'Thomas Stützle'], arxivId: null, year: 2004 },
  {
    title: 'Sequential Model-Based Optimization for General Algorithm Configuration',
    authors: ['Frank Hutter', 'Holger H. Hoos', 'Kevin Leyton-Brown'],
    arxivId: null,
    year: 2011,
  },
];

describe('the BibTeX files of one import', () => {
  it.each([
    ['entries first', SPLIT],
    ['entries last', [...SPLIT].reverse()],
    ['entries between', ['journals.bib', 'articles.bib', 'abbrev.bib', 'authors.bib']],
  ])('share their @string macros, whatever their order (%s)', (_, names) => {
    const outcomes = parse(names);
    const articles = digestOf(outcomes, 'articles.bib');
    expect(articles.papers.map(({ title, authors, arxivId, year }) => ({ title, authors, arxivId, year }))).toEqual(
      ARTICLES,
    );
    expect(articles.skipped).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.file !== 'articles.bib')).toEqual(
      expect.arrayContaining([
        { file: 'authors.bib', ok: true, parsed: { kind: 'macros', macros: 6, usedBy: ['articles.bib'] } },
        { file: 'abbrev.bib', ok: true, parsed: { kind: 'macros', macros: 3, usedBy: ['articles.bib'] } },
        // Its macros are used by those of abbrev.bib.
        { file: 'journals.bib', ok: true, parsed: { kind: 'macros', macros: 3, usedBy: ['abbrev.bib'] } },
      ]),
    );
  });

  it('skip the entries that use macros no file defines, and name the macros, most used first', () => {
    const outcomes = parse(['articles.bib', 'journals.bib', 'abbrev.bib']);
    expect(digestOf(outcomes, 'articles.bib')).toMatchObject({
      papers: [{ title: 'Sequential Model-Based Optimization for General Algorithm Configuration' }],
      skipped: [
        {
          where: '4 entries (@article{StuHoo2000mmas}, @article{AbrAmoMil1996ejor}, @misc{LopDubStu2016irace}, …)',
          reason:
            'they use undefined macros Stuetzle, Hoos, Abramson_D, Amoorthy, LopezIbanez, Dorigo — import the file that defines them alongside',
        },
      ],
    });
  });

  it('say why a file of macros alone imports nothing when no other file uses them', () => {
    expect(parse(['authors.bib'])).toEqual([
      {
        file: 'authors.bib',
        ok: false,
        error: '6 macros, no entries: import it together with the BibTeX files that use them',
      },
    ]);
    const [authors, other] = parse(['authors.bib', 'other.bib']);
    expect(authors).toEqual({
      file: 'authors.bib',
      ok: false,
      error: '6 macros, no entries: no other file of this import uses them',
    });
    expect(other).toMatchObject({ ok: true, parsed: { kind: 'digest', digest: { skipped: [] } } });
  });

  it('are read each on its own otherwise: a broken file or another format does not stop the others', () => {
    const outcomes = parseDigestFiles(
      [
        { name: 'empty.bib', bytes: new Uint8Array() },
        file('articles.bib'),
        { name: 'notes.txt', bytes: new TextEncoder().encode('nothing to see') },
        file('authors.bib'),
        file('journals.bib'),
        file('abbrev.bib'),
      ],
      '2025-03-11T08:00:00.000Z',
    );
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.parsed.kind : outcome.error))).toEqual([
      'the file is empty',
      'digest',
      expect.stringContaining('does not recognise this format'),
      'macros',
      'macros',
      'macros',
    ]);
    expect(digestOf(outcomes, 'articles.bib').papers).toHaveLength(5);
  });

  it('report how far their two passes have got, each file counting twice, ending with all done', () => {
    const files = SPLIT.map(file);
    const reports: [number, number][] = [];
    parseDigestFiles(files, '2025-03-11T08:00:00.000Z', (done, total) => reports.push([done, total]));
    const total = 2 * files.reduce((sum, { bytes }) => sum + bytes.length, 0);
    expect(reports.at(-1)).toEqual([total, total]);
    expect(reports.every(([done], index) => index === 0 || done >= (reports[index - 1]?.[0] ?? 0))).toBe(true);
  });

  it('are read entry by entry as each file of an import is, and as a whole from a crossref on: the same papers', () => {
    const text =
      '@string{conf = {Proceedings of the Conference}}\n' +
      '@inproceedings{first, title = {First}, author = {Ada Lovelace and Grace Hopper}, booktitle = conf}\n' +
      '@inproceedings{paper, title = {A Paper}, author = {Ada Lovelace}, crossref = {Conf2019}}\n' +
      '@proceedings{conf2019, title = conf, year = 2019, author = {The Editors}}\n' +
      '@article{broken, title = {Broken}\n' +
      '@article{last, title = {Last}, author = {Lovelace, Ada}}\n';
    const alone = parseBibtex(text, { fileName: 'refs.bib', now: '2025-03-11T08:00:00.000Z' });
    const [outcome] = parseDigestFiles(
      [{ name: 'refs.bib', bytes: new TextEncoder().encode(text) }],
      '2025-03-11T08:00:00.000Z',
    );
    expect(outcome).toEqual({ file: 'refs.bib', ok: true, parsed: { kind: 'digest', digest: alone, warnings: [] } });
    expect(alone.papers.map((paper) => [paper.title, paper.year])).toEqual([
      ['First', null],
      ['A Paper', 2019],
      ['Last', null],
    ]);
    expect(alone.skipped.map((block) => block.where)).toEqual([
      'entry 3 (@proceedings{conf2019})',
      'entry 4 (@article{broken})',
    ]);
  });
});
