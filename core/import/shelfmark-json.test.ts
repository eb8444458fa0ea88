import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_NOTE_LENGTH } from '../reading.js';
import { parseShelfmarkJson } from './shelfmark-json.js';
import { DigestError } from './types.js';

const LIBRARY = readFileSync(new URL('./fixtures/library.shelfmark.json', import.meta.url), 'utf8');
const ctx = { fileName: 'library.shelfmark.json', now: '2025-03-13T08:00:00.000Z' };

type Json = Record<string, unknown> & { papers: Record<string, unknown>[]; digests: Record<string, unknown>[] };
const library = (): Json => JSON.parse(LIBRARY) as Json;

function messageFor(value: unknown): string {
  try {
    parseShelfmarkJson(JSON.stringify(value), ctx);
  } catch (error) {
    if (error instanceof DigestError) return error.message;
    throw error;
  }
  throw new Error('parseShelfmarkJson did not throw');
}

describe('a Shelfmark library export', () => {
  const snapshot = parseShelfmarkJson(LIBRARY, ctx);

  it('gives the catalogue: papers without their reading state, and digests', () => {
    expect(snapshot.catalogue.papers.map((paper) => paper.id)).toEqual([
      '2302.04265',
      'title-001a2b3c4d5e6f',
      '1706.03762',
    ]);
    expect(snapshot.catalogue.papers[0]).toEqual({
      id: '2302.04265',
      title: 'PFGM++: Unlocking the Potential of Physics-Inspired Generative Models',
      abstract: 'We introduce a new family of physics-inspired generative models termed PFGM++.',
      authors: ['Yilun Xu', 'Ziming Liu'],
      arxivId: '2302.04265',
      doi: null,
      year: 2023,
      links: ['https://arxiv.org/abs/2302.04265', 'https://github.com/Newbeeer/pfgmpp'],
      categories: ['cs.LG'],
      digests: ['d-hf-2025-03-11', 'd-bib'],
      addedAt: '2025-03-11T08:00:00.000Z',
    });
    expect(snapshot.catalogue.digests.map((digest) => [digest.id, digest.format, digest.date])).toEqual([
      ['d-hf-2025-03-11', 'hf-daily-text', '2025-03-11'],
      ['d-bib', 'bibtex', null],
    ]);
  });

  it('gives reading states only for papers the user touched, with times in UTC', () => {
    expect(snapshot.states).toEqual({
      '2302.04265': {
        status: 'read',
        tags: ['diffusion', 'to-cite'],
        note: 'Compare with EDM.',
        readAt: '2025-03-12T21:15:00.000Z',
        updatedAt: '2025-03-12T21:15:00.000Z',
      },
      '1706.03762': { status: 'reading', tags: [], note: '', readAt: null, updatedAt: '2025-03-12T07:30:00.000Z' },
    });
  });
});

describe('what an export may carry', () => {
  const parse = (value: unknown) => parseShelfmarkJson(JSON.stringify(value), ctx);

  it('keeps a dismissal and a snooze, and refuses a snooze that is not a day', () => {
    const value = library();
    value.papers[0] = { ...value.papers[0], status: 'dismissed', readAt: null };
    value.papers[2] = { ...value.papers[2], status: 'unread', snoozedUntil: '2025-03-20' };
    const { states } = parse(value);
    expect(states['2302.04265']?.status).toBe('dismissed');
    expect(states['1706.03762']).toMatchObject({ status: 'unread', snoozedUntil: '2025-03-20' });
    value.papers[2] = { ...value.papers[2], snoozedUntil: 'soon' };
    expect(messageFor(value)).toBe(
      'it is not a valid Shelfmark library export: papers[2].snoozedUntil must be a date such as 2025-03-11',
    );
  });

  it('keeps only http(s) links, trimmed', () => {
    const value = library();
    value.papers[0] = {
      ...value.papers[0],
      links: [
        'javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        ' https://example.org/ok ',
        'https://exa mple.org/space',
        'vbscript:msgbox(1)',
        'http://',
        'HTTP://example.org/upper',
      ],
    };
    expect(parse(value).catalogue.papers[0]?.links).toEqual(['https://example.org/ok', 'HTTP://example.org/upper']);
  });

  it('stores tags as Shelfmark does, and refuses one it would refuse, naming it', () => {
    const spaced = library();
    spaced.papers[0] = { ...spaced.papers[0], tags: ['  to read ', 'ok'] };
    expect(parse(spaced).states['2302.04265']?.tags).toEqual(['to-read', 'ok']);
    const cases: [unknown[], string][] = [
      [['ok', ''], 'papers[0].tags[1] is not a tag Shelfmark accepts (a tag cannot be empty)'],
      [
        ['a,b'],
        'papers[0].tags[0] is not a tag Shelfmark accepts (the tag "a,b" has a comma or a control character; tags cannot)',
      ],
      [
        ['\u202eevil'],
        'papers[0].tags[0] is not a tag Shelfmark accepts (the tag "\\u202eevil" has a comma or a control character; tags cannot)',
      ],
      [
        ['x'.repeat(1000)],
        'papers[0].tags[0] is not a tag Shelfmark accepts (a tag can be at most 64 characters long)',
      ],
    ];
    for (const [tags, problem] of cases) {
      const value = library();
      value.papers[0] = { ...value.papers[0], tags };
      expect(messageFor(value)).toBe(`it is not a valid Shelfmark library export: ${problem}`);
    }
  });

  it('refuses a note longer than Shelfmark keeps', () => {
    const value = library();
    value.papers[0] = { ...value.papers[0], note: 'n'.repeat(MAX_NOTE_LENGTH + 1) };
    expect(messageFor(value)).toBe(
      'it is not a valid Shelfmark library export: papers[0].note must be at most 1,000,000 characters long',
    );
    value.papers[0] = { ...value.papers[0], note: 'n'.repeat(MAX_NOTE_LENGTH) };
    expect(parse(value).states['2302.04265']?.note).toHaveLength(MAX_NOTE_LENGTH);
  });

  it('keeps the ids merged into a paper, and refuses one that is another paper’s id', () => {
    const value = library();
    value.papers[0] = { ...value.papers[0], aliases: ['title-0123456789abcd'] };
    expect(parse(value).catalogue.papers[0]?.aliases).toEqual(['title-0123456789abcd']);
    expect(parse(library()).catalogue.papers[0]).not.toHaveProperty('aliases');
    value.papers[0] = { ...value.papers[0], aliases: ['1706.03762'] };
    expect(messageFor(value)).toBe(
      'it is not a valid Shelfmark library export: papers[0].aliases[0] is the id of a paper in the file',
    );
  });

  it('keeps what the sources said of a paper, and says what is wrong with a fact', () => {
    const facts = { type: 'inproceedings', venue: 'ICML', pages: '1–9', editors: ['Ada'], month: 7, hfUpvotes: 4 };
    const value = library();
    value.papers[0] = { ...value.papers[0], facts };
    expect(parse(value).catalogue.papers[0]?.facts).toEqual(facts);
    expect(parse(library()).catalogue.papers[0]).not.toHaveProperty('facts');
    value.papers[0] = { ...value.papers[0], facts: { ...facts, month: 13 } };
    expect(messageFor(value)).toBe(
      'it is not a valid Shelfmark library export: papers[0].facts.month must be a month, 1 to 12',
    );
    value.papers[0] = { ...value.papers[0], facts: { published: 'March 2020' } };
    expect(messageFor(value)).toBe(
      'it is not a valid Shelfmark library export: papers[0].facts.published must be a date such as 2025-03-11 or 2025-03',
    );
  });

  it('keeps the state of papers with ids such as "__proto__"', () => {
    const value = library();
    const ids = ['__proto__', 'constructor', 'hasOwnProperty'];
    value.digests.forEach((digest) => (digest['paperIds'] = []));
    value.papers.forEach((paper, index) => {
      Object.assign(paper, { id: ids[index], digests: [], note: `Note of ${ids[index]}` });
      paper['updatedAt'] = '2025-03-12T21:15:00.000Z';
    });
    const { catalogue, states } = parse(value);
    expect(catalogue.papers.map((paper) => paper.id)).toEqual(ids);
    expect(Object.getPrototypeOf(states)).toBeNull();
    expect(ids.map((id) => Object.hasOwn(states, id) && states[id]?.note)).toEqual(ids.map((id) => `Note of ${id}`));
  });
});

describe('a damaged export', () => {
  it('names the first bad path', () => {
    const bad = library();
    bad.papers[2] = { ...bad.papers[2], status: 'done' };
    expect(messageFor(bad)).toBe(
      'it is not a valid Shelfmark library export: papers[2].status must be unread, reading, read or dismissed',
    );
  });

  it('says which field is missing or of the wrong type', () => {
    const missing = library();
    delete missing.papers[0]?.['title'];
    expect(messageFor(missing)).toBe('it is not a valid Shelfmark library export: papers[0].title is missing');
    const wrong = library();
    wrong.digests[1] = { ...wrong.digests[1], date: '11/03/2025' };
    expect(messageFor(wrong)).toBe(
      'it is not a valid Shelfmark library export: digests[1].date must be a date such as 2025-03-11, or null',
    );
    const tags = library();
    tags.papers[0] = { ...tags.papers[0], tags: ['ok', 7] };
    expect(messageFor(tags)).toBe('it is not a valid Shelfmark library export: papers[0].tags[1] must be a string');
  });

  it('refuses ids that repeat or point nowhere', () => {
    const repeated = library();
    repeated.papers[2] = { ...repeated.papers[2], id: '2302.04265' };
    expect(messageFor(repeated)).toBe(
      'it is not a valid Shelfmark library export: papers[2].id repeats papers[0].id ("2302.04265")',
    );
    const dangling = library();
    dangling.digests[0] = { ...dangling.digests[0], paperIds: ['2302.04265', 'nowhere'] };
    expect(messageFor(dangling)).toBe(
      'it is not a valid Shelfmark library export: digests[0].paperIds[1] names no paper in the file',
    );
  });

  it('quotes a repeated id as one clean, short line', () => {
    const repeated = library();
    const id = `a\nb\u001b[31m${'c'.repeat(100)}`;
    repeated.papers[0] = { ...repeated.papers[0], id, digests: [] };
    repeated.papers[1] = { ...repeated.papers[0] };
    repeated.digests.forEach((digest) => (digest['paperIds'] = []));
    expect(messageFor(repeated)).toBe(
      `it is not a valid Shelfmark library export: papers[1].id repeats papers[0].id ("a\\x0ab\\x1b[31m${'c'.repeat(52)}…")`,
    );
  });

  it('refuses an export from a newer Shelfmark', () => {
    expect(messageFor({ ...library(), version: 2 })).toBe(
      'it was made by a newer version of Shelfmark (library format 2; this one reads format 1): update Shelfmark to import it',
    );
  });

  it('refuses garbage', () => {
    expect(messageFor({ format: 'shelfmark-library', version: 1, papers: 'lots' })).toBe(
      'it is not a valid Shelfmark library export: digests is missing',
    );
    expect(messageFor({ format: 'something-else' })).toBe(
      'it is JSON, but not a Shelfmark library export (it has no "format": "shelfmark-library")',
    );
    expect(() => parseShelfmarkJson('{"format": "shelfmark-library",', ctx)).toThrow(/^it is not valid JSON \(/);
  });
});
