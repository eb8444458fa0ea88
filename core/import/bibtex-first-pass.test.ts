import { describe, expect, it } from 'vitest';

import { definitionsIn } from './bibtex.js';
import { BibtexFirstPassWindows, type BibtexFirstPass } from './bibtex-first-pass.js';
import { readBibtexBlocks } from './bibtex-reader.js';
import type { ByteSearch } from './byte-search.js';
import { parseDigestFiles } from './index.js';

/** The first pass over a whole file given as one window; null when the file is to be decoded and read as text. */
function bibtexFirstPass(
  bytes: Uint8Array,
  fileName: string,
  search: ByteSearch,
  onProgress: (done: number) => void,
): BibtexFirstPass | null {
  const pass = new BibtexFirstPassWindows(fileName, search);
  if (!pass.start(bytes) || pass.window(bytes, 0, true, onProgress) === null) return null;
  const { definitions, entries } = pass.found();
  return { definitions, entries };
}

/** The searches the shell gives, in plain JavaScript; counting the files they are asked to tell UTF-8 of. */
function searchCounting(): ByteSearch & { readonly judged: () => number } {
  let judged = 0;
  return {
    isUtf8: (bytes) => {
      judged++;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return true;
      } catch {
        return false;
      }
    },
    indexOf: (bytes, byte, from) => bytes.indexOf(byte, from),
    judged: () => judged,
  };
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** BibTeX whose bytes are their text as is: macros, entries and "@" where no entry starts. */
const PLAIN: Readonly<Record<string, string>> = {
  'everything.bib': [
    '@string{a = {A}}',
    '@article{k1, title={T1 @ home}, journal=a}',
    '  @misc(k2, title = "x")',
    '@comment{hi @ there}',
    '@preamble{"\\x"}',
    '% ada@example.org',
    '@book{k3,',
    ' title={Ünïcödé 日本}, author={Zoë}}',
    '@STRING{b = "é" # a}',
    '@string{broken = }',
    '@string(c = {C})',
    '',
  ].join('\n'),
  'mail-first.bib': 'Contact: ada@example.org, ünï@example.org\n\n@article{k, title={t}}\n@string{m = {M}}\n',
  'line-separator.bib': 'x\u2028@article{k, title={t}}\n@article{j, title={u}}\n',
  'one-line.bib': '@article{a, title={x}} @article{b, title={y}}\n@string{m = {M}}\n@string{n = {N}} @string{o = m}\n',
  'macro-after-unicode.bib': '\n\n@article{a,\n title={é\n}} @string{s = {S}}\n\t @string{t = {T}}\n',
  'broken.bib': '@article{k, title={t}\n@article{j, title={u}}\n@string{late = {L}}',
  'tabs.bib': '\t @article{k, title={t}}\n \t@InProceedings {j, title={u}}\n@Preamble(p)\n@Comment(c)\n',
};

describe('bibtexFirstPass', () => {
  it.each(Object.entries(PLAIN))('finds in the bytes of %s the macros and entries its text has', (name, text) => {
    const found = bibtexFirstPass(utf8(text), name, searchCounting(), () => undefined);
    const blocks = readBibtexBlocks(text, { countEntriesOnly: true });
    expect(found).toEqual({
      definitions: definitionsIn(blocks),
      entries: blocks.filter((block) => block.kind === 'entry').length,
    });
  });

  it.each([
    ['not a .bib file', 'refs.txt', '@article{k, title={t}}\n'],
    ['a first entry that does not look like BibTeX', 'a.bib', '@article{k\n, title={t}}\n'],
    ['a first entry further on that does not look like BibTeX', 'a.bib', '% refs\n@article{k\n, title={t}}\n'],
    ['no entry', 'a.bib', 'ada@example.org\n'],
    ['JSON', 'a.bib', ' [{"title": "@article{k, t}"}]'],
    ['a BOM', 'a.bib', '\uFEFF@article{k, title={t}}\n'],
    ['Windows line endings', 'a.bib', '@article{k, title={t}}\r\n'],
    ['a NUL', 'a.bib', '@article{k, title={t\0}}\n'],
    ['blank space but ASCII first', 'a.bib', '\u00a0{"a": 1}\n@article{k, title={t}}\n'],
  ])('leaves a file with %s to be decoded', (_, name, text) => {
    expect(bibtexFirstPass(utf8(text), name, searchCounting(), () => undefined)).toBeNull();
  });
});

describe('parseDigestFiles with searches in bytes', () => {
  it('imports what it imports without them, bad files included, in the same words', () => {
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array(Array.from('@article{k, title={t}}', (ch) => ch.charCodeAt(0))).buffer),
    ]);
    const lateNul = utf8(`@article{k, title={t}}\n%${' '.repeat(70_000)}\0\n`);
    const invalid = new Uint8Array([...utf8('@article{k, title={t'), 0xff, ...utf8('}}\n')]);
    const files = [
      { name: 'macros.bib', bytes: utf8('@string{first = {First}}\n') },
      ...Object.entries(PLAIN).map(([name, text]) => ({ name, bytes: utf8(text) })),
      { name: 'uses.bib', bytes: utf8('@article{u, title={x}, journal = first # " " # m # a}\n') },
      { name: 'invalid.bib', bytes: invalid },
      { name: 'utf16.bib', bytes: utf16 },
      { name: 'late-nul.bib', bytes: lateNul },
      { name: 'bom.bib', bytes: utf8('\uFEFF@article{b, title={t}}\n') },
      { name: 'crlf.bib', bytes: utf8('@article{c, title={t}}\r\n@string{crlf = {C}}\r\n') },
      { name: 'empty.bib', bytes: new Uint8Array() },
      { name: 'blank.bib', bytes: utf8(' \n\t\n') },
      { name: 'json.bib', bytes: utf8('[1, 2]') },
      { name: 'macros-only.bib', bytes: utf8('@string{unused = {U}}\n') },
      { name: 'not-bibtex.bib', bytes: utf8('% refs\n@article{k\n, title={t}}\n') },
      { name: 'refs.txt', bytes: utf8('@article{t, title={t}, journal = first}\n') },
    ];
    const now = '2025-03-11T08:00:00.000Z';
    const search = searchCounting();
    const progress: number[] = [];
    const withSearch = parseDigestFiles(files, now, (done) => progress.push(done), search);
    expect(withSearch).toEqual(parseDigestFiles(files, now));
    expect(search.judged()).toBeGreaterThan(Object.keys(PLAIN).length);
    expect(withSearch.filter((outcome) => !outcome.ok).length).toBeGreaterThan(5);
    expect(progress.every((done, index) => index === 0 || done >= (progress[index - 1] ?? 0))).toBe(true);
  });
});
