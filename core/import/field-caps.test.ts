import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cutText, ELLIPSIS, FIELD_CAPS } from './field-caps.js';
import { parseDigestText } from './index.js';
import type { ParseContext, ParsedDigest, ParsedFile } from './types.js';

const ctx = (fileName: string): ParseContext => ({ fileName, now: '2025-03-12T08:00:00.000Z' });
const MEGABYTE = 1024 * 1024;

function digestOf(file: ParsedFile): ParsedDigest {
  if (file.kind !== 'digest') throw new Error(`expected a digest, got ${file.kind}`);
  return file.digest;
}

/** A title of `length` characters that reads as one: words, no full stop at the end. */
function longTitle(length: number): string {
  return 'A study of '.padEnd(length, 'lorem ipsum ').trimEnd().padEnd(length, 'x');
}

describe('cutText', () => {
  it('keeps text within the cap as it is, and cuts longer text to the cap with an ellipsis', () => {
    expect(cutText('short', 10)).toBe('short');
    expect(cutText('0123456789', 10)).toBe('0123456789');
    expect(cutText('0123456789A', 10)).toBe(`012345678${ELLIPSIS}`);
    expect(cutText('word word word', 11)).toBe(`word word${ELLIPSIS}`);
  });

  it('never cuts a surrogate pair in half', () => {
    const cut = cutText('ab😀😀😀', 4);
    expect(cut).toBe(`ab${ELLIPSIS}`);
    expect(encodeURIComponent(cut)).toBe('ab%E2%80%A6'); // throws on a lone surrogate
  });
});

describe('every format is cut to the field caps where it is parsed', () => {
  it('BibTeX: a title of a megabyte, a long author, and too many authors', () => {
    const title = longTitle(MEGABYTE);
    const authors = ['Ada Lovelace', 'B'.repeat(1_500), ...Array.from({ length: 6_000 }, (_, i) => `Author ${i}`)];
    const file = parseDigestText(
      `@article{huge2024,\n  title = {${title}},\n  author = {${authors.join(' and ')}},\n  year = {2024},\n}\n\n` +
        '@article{fine2024,\n  title = {A fine paper},\n  author = {Grace Hopper},\n}\n',
      ctx('huge.bib'),
    );
    const [huge, fine] = digestOf(file).papers;
    expect(huge?.title).toHaveLength(FIELD_CAPS.title);
    expect(huge?.title.startsWith('A study of lorem ipsum')).toBe(true);
    expect(huge?.title.endsWith(ELLIPSIS)).toBe(true);
    expect(huge?.authors).toHaveLength(FIELD_CAPS.authors);
    expect(huge?.authors.slice(0, 3)).toEqual(['Ada Lovelace', `${'B'.repeat(999)}${ELLIPSIS}`, 'Author 0']);
    expect(huge?.authors.at(-1)).toBe(ELLIPSIS);
    expect(fine).toMatchObject({ title: 'A fine paper', authors: ['Grace Hopper'] });
    expect(file.warnings).toEqual([
      {
        where: 'paper 1 (“A study of lorem ipsum lorem ipsum lorem…”)',
        reason: 'title cut from 1,048,576 to 2,000 characters',
      },
      {
        where: 'paper 1 (“A study of lorem ipsum lorem ipsum lorem…”)',
        reason: '1 author cut to 1,000 characters (the longest had 1,500)',
      },
      {
        where: 'paper 1 (“A study of lorem ipsum lorem ipsum lorem…”)',
        reason: 'authors cut from 6,002 to the first 4,999 and “…”',
      },
    ]);
  });

  it('BibTeX: a venue and an editor too long, and too many editors', () => {
    const editors = ['E'.repeat(2_500), ...Array.from({ length: 1_200 }, (_, i) => `Editor ${i}`)];
    const file = parseDigestText(
      `@inproceedings{k, title = {T}, booktitle = {${'Proceedings '.repeat(300)}}, editor = {${editors.join(' and ')}}}\n`,
      ctx('long.bib'),
    );
    const [paper] = digestOf(file).papers;
    expect(paper?.facts?.venue).toHaveLength(FIELD_CAPS.fact);
    expect(paper?.facts?.editors).toHaveLength(FIELD_CAPS.editors);
    expect(paper?.facts?.editors?.[0]).toBe(`${'E'.repeat(FIELD_CAPS.fact - 1)}${ELLIPSIS}`);
    expect(file.warnings.map((warning) => warning.reason)).toEqual([
      'venue cut from 3,599 to 2,000 characters',
      '1 editor cut to 2,000 characters (the longest had 2,500)',
      'editors cut from 1,201 to the first 999 and “…”',
    ]);
  });

  it('Hugging Face JSON: the paper named by its arXiv id; title and abstract cut, and too many links', () => {
    const urls = Array.from({ length: 300 }, (_, i) => `https://example.org/${i}`);
    const summary = `${'An abstract sentence. '.repeat(6_000)}See ${urls.join(' ')} for code.`;
    const file = parseDigestText(
      JSON.stringify([
        {
          paper: {
            id: '2503.07604',
            title: longTitle(3_000),
            summary,
            authors: [{ name: 'Yilun Xu' }],
            publishedAt: '2025-03-11T00:00:00.000Z',
          },
        },
      ]),
      ctx('daily.json'),
    );
    const [paper] = digestOf(file).papers;
    expect(paper?.title).toHaveLength(FIELD_CAPS.title);
    expect(paper?.abstract).toHaveLength(FIELD_CAPS.abstract);
    expect(paper?.links).toEqual(['https://arxiv.org/abs/2503.07604', ...urls.slice(0, 199)]);
    expect(paper?.authors).toEqual(['Yilun Xu']);
    expect(file.warnings.map((warning) => `${warning.where}: ${warning.reason}`)).toEqual([
      'paper 1 (arXiv:2503.07604): title cut from 3,000 to 2,000 characters',
      `paper 1 (arXiv:2503.07604): abstract cut from ${summary.length.toLocaleString('en')} to 100,000 characters`,
      'paper 1 (arXiv:2503.07604): links cut from 301 to 200',
    ]);
  });

  it('a Hugging Face page: an abstract too long', () => {
    const abstract = 'Graph generation has been dominated by autoregressive models. '.repeat(2_000);
    const file = parseDigestText(
      `Daily Papers\n\nMar 11\n\nPard: Permutation-Invariant Diffusion\n\n${abstract}\n\nA Second Paper\n\n${'Short abstract here. '.repeat(20)}\n`,
      ctx('page.txt'),
    );
    const digest = digestOf(file);
    expect(digest.format).toBe('hf-daily-text');
    expect(digest.papers.map((paper) => paper.abstract.length)).toEqual([FIELD_CAPS.abstract, 419]);
    expect(file.warnings).toEqual([
      {
        where: 'paper 1 (“Pard: Permutation-Invariant Diffusion”)',
        reason: `abstract cut from ${abstract.trim().length.toLocaleString('en')} to 100,000 characters`,
      },
    ]);
  });

  it('an arXiv listing email: too many categories, each too long, and a DOI no real one is as long as', () => {
    const categories = Array.from({ length: 600 }, (_, i) => `cs.${'X'.repeat(i === 0 ? 300 : 2)}${i}`);
    const doi = `10.1145/${'9'.repeat(2_000)}`;
    const text = [
      'From: no-reply@arxiv.org',
      'Subject: cs daily Subj-class mailing 2f1c 1',
      '------------------------------------------------------------------------------',
      '\\\\',
      'arXiv:2403.01234',
      'Date: Mon, 4 Mar 2024 12:00:01 GMT   (1024kb,D)',
      '',
      'Title: Equivariant Neural Networks',
      'Authors: Ana Lima',
      `Categories: ${categories.join(' ')}`,
      `DOI: ${doi}`,
      '\\\\',
      '  We study equivariant networks.',
      '\\\\ ( https://arxiv.org/abs/2403.01234 ,  1024kb)',
      '------------------------------------------------------------------------------',
    ].join('\n');
    const file = parseDigestText(text, ctx('listing.txt'));
    const [paper] = digestOf(file).papers;
    expect(paper?.categories).toHaveLength(FIELD_CAPS.categories);
    expect(paper?.categories[0]).toHaveLength(FIELD_CAPS.category);
    expect(paper?.doi).toBeNull();
    expect(file.warnings.map((warning) => warning.reason)).toEqual([
      '1 category cut to 200 characters (the longest had 304)',
      'categories cut from 600 to 500',
      'DOI dropped: 2,008 characters, over the 1,000 an identifier may have',
    ]);
    expect(file.warnings[0]?.where).toBe('paper 1 (arXiv:2403.01234)');
  });

  it("Shelfmark's own export: papers and digest names cut, reading states kept", () => {
    const library = JSON.parse(readFileSync(new URL('./fixtures/library.shelfmark.json', import.meta.url), 'utf8')) as {
      digests: { title: string }[];
      papers: { title: string; authors: string[]; arxivId: string | null }[];
    };
    const [firstDigest] = library.digests;
    const [first, second] = library.papers;
    if (firstDigest === undefined || first === undefined || second === undefined) throw new Error('fixture changed');
    firstDigest.title = 'D'.repeat(5_000);
    first.authors = ['E'.repeat(MEGABYTE)];
    second.title = longTitle(2_001);
    second.arxivId = `hep-th/${'1'.repeat(100)}`;
    const file = parseDigestText(JSON.stringify(library), ctx('backup.json'));
    if (file.kind !== 'library') throw new Error('expected a library');
    const { catalogue, states } = file.library;
    expect(catalogue.digests[0]?.title).toHaveLength(FIELD_CAPS.digestTitle);
    expect(catalogue.papers[0]?.authors[0]).toHaveLength(FIELD_CAPS.author);
    expect(catalogue.papers[1]?.title).toHaveLength(FIELD_CAPS.title);
    expect(catalogue.papers[1]?.arxivId).toBeNull();
    expect(catalogue.papers[1]?.id).toBe('title-001a2b3c4d5e6f');
    expect(states['2302.04265']?.note).toBe('Compare with EDM.');
    expect(file.warnings.map((warning) => `${warning.where}: ${warning.reason}`)).toEqual([
      'digest 1 (d-hf-2025-03-11): its name cut from 5,000 to 2,000 characters',
      'paper 1 (arXiv:2302.04265): 1 author cut to 1,000 characters (the longest had 1,048,576)',
      'paper 2 (“A study of lorem ipsum lorem ipsum lorem…”): title cut from 2,001 to 2,000 characters',
      'paper 2 (“A study of lorem ipsum lorem ipsum lorem…”): arXiv id dropped: 107 characters, over the 64 an identifier may have',
    ]);
  });

  it('gives a file within the caps back as the parser read it, with no warnings', () => {
    const text = '@article{a,\n  title = {Attention Is All You Need},\n  author = {Ashish Vaswani},\n}\n';
    const file = parseDigestText(text, ctx('refs.bib'));
    expect(file.warnings).toEqual([]);
    expect(digestOf(file).papers).toEqual([
      expect.objectContaining({ title: 'Attention Is All You Need', authors: ['Ashish Vaswani'] }),
    ]);
  });
});
