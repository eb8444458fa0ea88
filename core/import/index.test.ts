import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DigestError,
  MAX_DIGEST_BYTES,
  parseDigestFile,
  parseDigestText,
  UNRECOGNISED_FORMAT_MESSAGE,
} from './index.js';
import type { ParseContext, ParsedDigest, ParsedFile } from './types.js';

const SAMPLE = readFileSync(new URL('../../seeds/hf-daily-papers-mar-11.txt', import.meta.url));
const fixture = (name: string): Uint8Array => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const ctx = (fileName: string): ParseContext => ({ fileName, now: '2025-03-12T08:00:00.000Z' });
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function digestOf(file: ParsedFile): ParsedDigest {
  if (file.kind !== 'digest') throw new Error(`expected a digest, got ${file.kind}`);
  return file.digest;
}

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DigestError) return error.message;
    throw error;
  }
  throw new Error('it did not throw');
}

describe('parseDigestFile', () => {
  it('reads every supported format from bytes', () => {
    const read = (name: string) => parseDigestFile(fixture(name), ctx(name));
    expect(digestOf(parseDigestFile(SAMPLE, ctx('hf-daily-papers-mar-11.txt'))).papers).toHaveLength(32);
    expect(digestOf(read('hf-daily-papers.json'))).toMatchObject({ format: 'hf-daily-json', date: '2025-03-11' });
    expect(digestOf(read('arxiv-listing.txt')).papers).toHaveLength(5);
    expect(digestOf(read('refs.bib')).papers).toHaveLength(4);
    const library = read('library.shelfmark.json');
    expect(library.kind).toBe('library');
    if (library.kind === 'library') expect(library.library.catalogue.papers).toHaveLength(3);
  });

  it('reads the sample the same with a BOM, CRLF line endings and trailing spaces', () => {
    const plain = digestOf(parseDigestFile(SAMPLE, ctx('mar-11.txt')));
    const untidy = `\uFEFF${SAMPLE.toString('utf8').replace(/\n/g, '  \r\n')}`;
    const reread = digestOf(parseDigestFile(utf8(untidy), ctx('mar-11.txt')));
    expect(reread).toEqual(plain);
    expect(reread.papers[0]?.abstract.includes('\r')).toBe(false);
  });

  it('refuses files that are not text, with the reason', () => {
    expect(failure(() => parseDigestFile(new Uint8Array(), ctx('a.txt')))).toBe('the file is empty');
    expect(failure(() => parseDigestFile(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), ctx('a.pdf')))).toBe(
      'it looks like a binary file, not a digest',
    );
    expect(failure(() => parseDigestFile(new Uint8Array([0x61, 0xe9, 0x62]), ctx('a.bib')))).toBe(
      'it is not valid UTF-8 text (byte 1 is 0xE9); save it as UTF-8 and import it again',
    );
    expect(failure(() => parseDigestFile(new Uint8Array(MAX_DIGEST_BYTES + 1), ctx('a.txt')))).toBe(
      'the file is 32.0 MB, over the 32 MB limit for a digest',
    );
  });

  it('refuses an unknown format, listing the ones it reads', () => {
    const message = failure(() => parseDigestFile(utf8('Dear Ada,\n\nsome papers for you.\n'), ctx('note.txt')));
    expect(message).toBe(
      "Shelfmark does not recognise this format; it reads Hugging Face Daily Papers (page text or JSON), arXiv listing emails, BibTeX and Shelfmark's own JSON export",
    );
    expect(message).toBe(UNRECOGNISED_FORMAT_MESSAGE);
  });

  it('refuses a file in a known format with no papers, saying why when it can', () => {
    expect(failure(() => parseDigestText('@article{x,\n  author = {Nobody}\n}\n', ctx('x.bib')))).toBe(
      'it looks like a BibTeX file but contains no papers; skipped entry 1 (@article{x}): it has no title',
    );
    expect(failure(() => parseDigestText('[{"paper": {"id": "2503.00001"}}]', ctx('x.json')))).toBe(
      'it looks like Hugging Face Daily Papers JSON but contains no papers; skipped item 1 (2503.00001): it has no title',
    );
    expect(
      failure(() => parseDigestText('\\\\\narXiv:2403.00001\nDate: Mon, 4 Mar 2024\n\nAuthors: X\n', ctx('m.txt'))),
    ).toBe(
      'it looks like an arXiv listing email but contains no papers; skipped line 2 (arXiv:2403.00001): the entry has no Title: line',
    );
    expect(
      failure(() => parseDigestText('new\n\nGet trending papers in your email inbox!\n\nMar 11\n', ctx('p.txt'))),
    ).toBe('it looks like a Hugging Face Daily Papers page but contains no papers');
    expect(
      failure(() =>
        parseDigestText('{"format": "shelfmark-library", "version": 1, "digests": [], "papers": []}', ctx('b.json')),
      ),
    ).toBe('it looks like a Shelfmark library export but contains no papers');
  });

  it('passes a parser’s own refusal through', () => {
    expect(failure(() => parseDigestText('{"format": "shelfmark-library", "version": 3}', ctx('b.json')))).toBe(
      'it was made by a newer version of Shelfmark (library format 3; this one reads format 1): update Shelfmark to import it',
    );
  });
});

describe('parseDigestText', () => {
  it('normalises line endings itself and refuses blank text', () => {
    const abstract = 'An abstract long enough to be taken for one, ending like a sentence. '.repeat(4).trim();
    const digest = digestOf(parseDigestText(`Mar 11\r\n\r\nA Title\r\n\r\n${abstract}\r\n`, ctx('p.txt')));
    expect(digest.papers.map((paper) => [paper.title, paper.abstract])).toEqual([['A Title', abstract]]);
    expect(failure(() => parseDigestText(' \n ', ctx('p.txt')))).toBe('the file is empty');
  });
});

describe('damaged or unknown JSON', () => {
  const EXPECTED =
    'Shelfmark reads Hugging Face Daily Papers JSON (a list of entries, each with a “paper” object, as ' +
    'huggingface.co/api/daily_papers gives it) and Shelfmark’s own JSON export';

  it('a list of Python repr() strings says what it found and what it expected', () => {
    const message = failure(() => parseDigestFile(fixture('hf-daily-papers-python-repr.json'), ctx('2025-03-03.json')));
    expect(message).toBe(
      'it is JSON, but a list of 3 strings, not of paper objects: they are Python dictionaries printed as text ' +
        "(repr or str), such as “{'paper': {'id': '2502.21321', 'authors'…”; save the entries as JSON " +
        `(json.dump) instead; ${EXPECTED}`,
    );
  });

  it('a wrapper whose data list holds valid entries is read, and dated by its date', () => {
    const digest = digestOf(parseDigestFile(fixture('hf-daily-papers-wrapper.json'), ctx('hf.json')));
    expect(digest).toMatchObject({ format: 'hf-daily-json', date: '2025-03-03' });
    expect(digest.papers).toHaveLength(3);
    const papers = digestOf(
      parseDigestText(JSON.stringify({ count: 1, papers: [{ paper: { title: 'P' } }] }), ctx('x')),
    );
    expect(papers.papers.map((paper) => paper.title)).toEqual(['P']);
  });

  it('any other JSON is described by its top-level shape', () => {
    const message = (value: unknown): string => failure(() => parseDigestText(JSON.stringify(value), ctx('x.json')));
    expect(message({ status: 'error', date: '2025-03-03', count: 2, data: ["{'paper': {'id': '1'}}", '{}'] })).toBe(
      'it is JSON, but an object with the keys status, date, count, data; its “data” is a list of 2 strings, not of ' +
        "paper objects: they are Python dictionaries printed as text (repr or str), such as “{'paper': {'id': '1'}}”; " +
        `save the entries as JSON (json.dump) instead; ${EXPECTED}`,
    );
    expect(message([JSON.stringify({ paper: { id: '1' } })])).toBe(
      'it is JSON, but a list of 1 string, not of paper objects: each string holds JSON text, so the list was ' +
        `encoded as JSON twice; save the entries themselves; ${EXPECTED}`,
    );
    expect(message([{ id: '2503.00001', title: 'T', summary: 'S' }, 'x', 3])).toBe(
      'it is JSON, but a list of 1 object, 1 string and 1 number, none with a “paper” object in it ' +
        `(the first object’s keys: id, title, summary); ${EXPECTED}`,
    );
    expect(message({ name: 'shelfmark', version: '0.1.0' })).toBe(
      `it is JSON, but an object with the keys name, version, and no list in it; ${EXPECTED}`,
    );
    expect(message([])).toBe(`it is JSON, but an empty list; ${EXPECTED}`);
  });

  it('text that starts like JSON but is not says where it stops being JSON', () => {
    expect(failure(() => parseDigestText('[{"title": "cut off', ctx('x.json')))).toMatch(
      /^it starts like JSON but is not valid JSON \(.+\); Shelfmark reads Hugging Face Daily Papers JSON/,
    );
  });
});
