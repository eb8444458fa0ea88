import { z } from 'zod';
import { describe, expect, it } from 'vitest';

import { FIELD_CAPS } from '../../core/import/field-caps.js';
import { FACT_NAMES } from '../../core/paper-facts.js';
import { CATALOGUE_COLUMNS } from '../../core/outline.js';
import {
  CATALOGUE_FORMAT,
  decode,
  isExactlyDigest,
  isExactlyPaper,
  OUTLINE_FIELD_CHECKS,
  PAPER_FIELD_CHECKS,
  paperSchema,
  STATE_FORMAT,
  type Decoded,
  type FileFormat,
} from './schema.js';

interface Shelf {
  readonly schemaVersion: number;
  readonly name: string;
  readonly tags: readonly string[];
}

// A made-up history: v0 called the name "title", v1 had no tags.
const SHELF_FORMAT: FileFormat<Shelf> = {
  name: 'a shelf',
  version: 2,
  schema: z.object({ schemaVersion: z.literal(2), name: z.string(), tags: z.array(z.string()) }),
  migrations: {
    0: ({ title, ...rest }) => ({ ...rest, name: title }),
    1: (data) => ({ ...data, tags: [] }),
  },
};

// toMatchObject does not test strings against a RegExp, so problems are checked with toMatch.
function problem(decoded: Decoded<unknown>): string {
  return decoded.ok ? '(decoded fine)' : `${decoded.newer ? 'newer: ' : 'corrupt: '}${decoded.problem}`;
}

describe('decode', () => {
  it('upgrades old data through every migration in turn', () => {
    expect(decode({ schemaVersion: 0, title: 'To read' }, SHELF_FORMAT)).toEqual({
      ok: true,
      value: { schemaVersion: 2, name: 'To read', tags: [] },
    });
    expect(decode({ schemaVersion: 1, name: 'To read' }, SHELF_FORMAT)).toEqual({
      ok: true,
      value: { schemaVersion: 2, name: 'To read', tags: [] },
    });
  });

  it('leaves current data as it is', () => {
    const current = { schemaVersion: 2, name: 'To read', tags: ['ml'] };
    expect(decode(current, SHELF_FORMAT)).toEqual({ ok: true, value: current });
  });

  it('refuses data from a newer version', () => {
    expect(problem(decode({ schemaVersion: 3, name: 'To read' }, SHELF_FORMAT))).toMatch(
      /^newer: it was written by a newer version of Shelfmark \(schema version 3; this version reads up to 2\)$/,
    );
  });

  it('calls data corrupt when it has no usable version, a version with no migration, or the wrong shape', () => {
    expect(problem(decode([], SHELF_FORMAT))).toBe('corrupt: it is not a shelf (expected a JSON object)');
    expect(problem(decode({ name: 'x' }, SHELF_FORMAT))).toBe(
      'corrupt: it is not a shelf (it has no valid schemaVersion)',
    );
    expect(problem(decode({ schemaVersion: 1.5, name: 'x' }, SHELF_FORMAT))).toMatch(
      /^corrupt: .*no valid schemaVersion/,
    );
    expect(problem(decode({ schemaVersion: 0 }, { ...SHELF_FORMAT, migrations: {} }))).toBe(
      'corrupt: its schema version 0 is not one Shelfmark has ever written',
    );
    expect(problem(decode({ schemaVersion: 2, name: 7, tags: [] }, SHELF_FORMAT))).toMatch(
      /^corrupt: it is not a shelf \(name: .*expected string/,
    );
  });

  it('knows the real formats', () => {
    expect(decode({ schemaVersion: 1, papers: [], digests: [] }, CATALOGUE_FORMAT).ok).toBe(true);
    expect(problem(decode({ schemaVersion: 1, papers: [{ id: 'x' }], digests: [] }, CATALOGUE_FORMAT))).toMatch(
      /^corrupt: it is not a Shelfmark catalogue \(papers\[0\]\.title: .* \(and \d+ more problems\)\)$/,
    );
    const state = {
      status: 'read',
      tags: [],
      note: '',
      readAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    expect(decode({ schemaVersion: 1, states: { a: state } }, STATE_FORMAT).ok).toBe(true);
    expect(problem(decode({ schemaVersion: 1, states: { a: { ...state, status: 'done' } } }, STATE_FORMAT))).toMatch(
      /^corrupt: .*states\.a\.status/,
    );
  });

  it('opens a catalogue with fields longer than an import keeps now (core/import/field-caps.ts), as it is', () => {
    // Written before imports cut fields to size: the library must still open, and nothing in it change.
    const paper = {
      id: 'huge',
      title: 'T'.repeat(FIELD_CAPS.title * 500),
      abstract: 'A'.repeat(FIELD_CAPS.abstract * 2),
      authors: Array.from({ length: FIELD_CAPS.authors + 1 }, (_, i) => `Author ${i}`.padEnd(FIELD_CAPS.author + 1)),
      arxivId: 'x'.repeat(FIELD_CAPS.arxivId + 1),
      doi: `10.1000/${'9'.repeat(FIELD_CAPS.doi)}`,
      year: 2020,
      links: Array.from({ length: FIELD_CAPS.links + 1 }, (_, i) => `https://example.org/${i}`),
      categories: Array.from({ length: FIELD_CAPS.categories + 1 }, () => 'c'.repeat(FIELD_CAPS.category + 1)),
      digests: ['d'],
      addedAt: '2025-01-01T00:00:00.000Z',
    };
    const digest = {
      id: 'd',
      format: 'bibtex',
      title: 'D'.repeat(FIELD_CAPS.digestTitle + 1),
      date: null,
      source: 'old.bib',
      importedAt: '2025-01-01T00:00:00.000Z',
      paperIds: ['huge'],
    };
    const catalogue = { schemaVersion: 1, papers: [paper], digests: [digest] };
    expect(decode(catalogue, CATALOGUE_FORMAT)).toEqual({
      ok: true,
      value: { ...catalogue, schemaVersion: CATALOGUE_FORMAT.version },
    });
    for (const name of CATALOGUE_COLUMNS) expect([name, OUTLINE_FIELD_CHECKS[name](paper[name])]).toEqual([name, true]);
  });
});

describe('the outline field checks', () => {
  it('accept exactly what the paper schema accepts, field by field', () => {
    const samples: unknown[] = [
      '',
      'x',
      null,
      undefined,
      0,
      2024,
      1.5,
      NaN,
      Infinity,
      true,
      [],
      ['a'],
      ['a', 1],
      [null],
      {},
    ];
    for (const name of CATALOGUE_COLUMNS) {
      for (const sample of samples) {
        const expected = paperSchema.shape[name].safeParse(sample).success;
        expect([name, sample, OUTLINE_FIELD_CHECKS[name](sample)]).toEqual([name, sample, expected]);
      }
    }
  });
});

describe('the exact checks of papers and digests', () => {
  const paper = {
    id: '2401.00001',
    title: 'T',
    abstract: '',
    authors: ['Ada'],
    arxivId: '2401.00001',
    doi: null,
    year: 2024,
    links: [],
    categories: ['cs.LG'],
    digests: ['d'],
    addedAt: '2026-01-01T00:00:00.000Z',
  };
  const digest = {
    id: 'd',
    format: 'bibtex',
    title: 'BibTeX: refs.bib',
    date: null,
    source: 'refs.bib',
    importedAt: '2026-01-01T00:00:00.000Z',
    paperIds: ['2401.00001'],
  };
  const samples: unknown[] = [
    '',
    'x',
    'bibtex',
    'pdf',
    null,
    undefined,
    0,
    2024,
    1.5,
    NaN,
    true,
    [],
    ['a'],
    ['a', 1],
    {},
  ];

  it('accept exactly what the schemas accept, field by field, and nothing with a field more or less', () => {
    for (const [name, check] of Object.entries(PAPER_FIELD_CHECKS)) {
      for (const sample of samples) {
        const expected = paperSchema.safeParse({ ...paper, [name]: sample }).success;
        expect([name, sample, check(sample), isExactlyPaper({ ...paper, [name]: sample })]).toEqual([
          name,
          sample,
          expected,
          expected,
        ]);
      }
    }
    for (const name of Object.keys(digest)) {
      for (const sample of samples) {
        const expected = CATALOGUE_FORMAT.schema.safeParse({
          schemaVersion: CATALOGUE_FORMAT.version,
          papers: [],
          digests: [{ ...digest, [name]: sample }],
        }).success;
        expect([name, sample, isExactlyDigest({ ...digest, [name]: sample })]).toEqual([name, sample, expected]);
      }
    }
    expect(isExactlyPaper(paper)).toBe(true);
    expect(isExactlyDigest(digest)).toBe(true);
    expect(isExactlyPaper({ ...paper, status: 'read' })).toBe(false);
    expect(isExactlyPaper(Object.fromEntries(Object.entries(paper).filter(([key]) => key !== 'doi')))).toBe(false);
  });

  it("accept exactly what the schema accepts of a paper's facts, fact by fact", () => {
    const facts = { type: 'article', venue: 'Nat.', editors: ['Ada'], month: 12, published: '2020-12', hfUpvotes: 3 };
    const factSamples: unknown[] = [
      ...samples,
      12,
      13,
      -1,
      '2020-12',
      '2020-12-06',
      '2020-13',
      '2020-12-32',
      '2020',
      '20201206',
    ];
    expect(isExactlyPaper({ ...paper, facts })).toBe(true);
    for (const name of FACT_NAMES) {
      for (const sample of factSamples) {
        const candidate = { ...paper, facts: { ...facts, [name]: sample } };
        const expected = paperSchema.safeParse(candidate).success;
        expect([name, sample, isExactlyPaper(candidate)]).toEqual([name, sample, expected]);
      }
    }
    expect(isExactlyPaper({ ...paper, facts: { ...facts, unknown: 1 } })).toBe(false);
    expect(decode({ schemaVersion: 3, papers: [{ ...paper, facts }], digests: [] }, CATALOGUE_FORMAT)).toMatchObject({
      ok: true,
    });
  });

  it('let a catalogue read as it is, or as zod gives it back when it has fields more', () => {
    const file = { schemaVersion: CATALOGUE_FORMAT.version, papers: [paper], digests: [digest] };
    const read = decode(file, CATALOGUE_FORMAT);
    expect(read.ok && read.value).toBe(file);
    const withMore = {
      schemaVersion: CATALOGUE_FORMAT.version,
      papers: [{ ...paper, status: 'read' }],
      digests: [digest],
    };
    expect(decode(withMore, CATALOGUE_FORMAT)).toEqual({ ok: true, value: file });
  });
});
