import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const SAMPLE = readFileSync(new URL('../../seeds/hf-daily-papers-mar-11.txt', import.meta.url), 'utf8');

describe('detectFormat', () => {
  it('recognises each format by its content, whatever the file is called', () => {
    expect(detectFormat(SAMPLE, 'download')).toBe('hf-daily-text');
    expect(detectFormat(fixture('hf-daily-papers.json'), 'download')).toBe('hf-daily-json');
    expect(detectFormat(fixture('arxiv-listing.txt'), 'download')).toBe('arxiv-email');
    expect(detectFormat(fixture('refs.bib'), 'download.txt')).toBe('bibtex');
    expect(detectFormat(fixture('library.shelfmark.json'), 'backup.txt')).toBe('shelfmark-json');
  });

  it('sends damaged but recognisable JSON to its parser, to be told what is wrong', () => {
    expect(detectFormat('{ "format": "shelfmark-library", "version": 1, ', 'x.json')).toBe('shelfmark-json');
    expect(detectFormat('[{ "paper": { "id": "2503.00001", ', 'x.json')).toBe('hf-daily-json');
  });

  it('uses the extension only to break a tie', () => {
    const both = `${fixture('arxiv-listing.txt')}\n@article{extra,\n  title = {Extra}\n}\n`;
    expect(detectFormat(both, 'mail.txt')).toBe('arxiv-email');
    expect(detectFormat(both, 'refs.BIB')).toBe('bibtex');
    expect(detectFormat('Just a note about papers.\n', 'refs.bib')).toBeNull();
  });

  it('expects no format of an extension named like a member of Object.prototype', () => {
    // FORMATS_BY_EXTENSION.constructor is Object: "refs.constructor" threw TypeError.
    for (const extension of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(detectFormat(fixture('refs.bib'), `refs.${extension}`)).toBe('bibtex');
    }
  });

  it('recognises nothing else', () => {
    expect(detectFormat('Dear Ada,\n\nHere are some papers you might like.\n', 'mail.txt')).toBeNull();
    expect(detectFormat('{"name": "shelfmark", "version": "0.1.0"}', 'package.json')).toBeNull();
    expect(detectFormat('[]', 'empty.json')).toBeNull();
    expect(detectFormat('title,author\nA,B\n', 'papers.csv')).toBeNull();
  });
});
