import { describe, expect, it } from 'vitest';

import type { ParsedPaper } from '../model.js';
import type { ByteSearch } from './byte-search.js';
import { firstInvalidUtf8Offset } from './decode.js';
import { bytesWanted, ImportFiles, parseDigestFiles, type DigestInput, type ParsedInput } from './index.js';

/** The searches the shell gives, in plain JavaScript. */
const SEARCH: ByteSearch = {
  isUtf8: (bytes) => firstInvalidUtf8Offset(bytes) === null,
  indexOf: (bytes, byte, from) => bytes.indexOf(byte, from),
};

const NOW = '2025-03-11T08:00:00.000Z';
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** An entry whose title and abstract are long: longer than the small windows below. */
function entry(key: number, extra = ''): string {
  return [
    `@article{k${key},`,
    `  author = {Zo{\\"e} M{\\"u}ller and Jos{\\'e} Garc{\\'i}a and 李 小龙},`,
    `  title = "A study {of} \\"quoted\\" things, number ${key}",`,
    `  journal = jn,`,
    `  abstract = {${'Ünïcödé 日本語 😀 text. '.repeat(8)}`,
    `    over lines},`,
    `  year = ${2000 + key}${extra}`,
    '}',
    '',
  ].join('\n');
}

/** A bibliography with macros, a @string longer than the windows, broken blocks and "@" in text, in any window. */
const BIBLIOGRAPHY = [
  '% A bibliography: ada@example.org\n\n',
  '@string{jn = "Journal of ' + 'Long Names '.repeat(20) + '"}\n',
  entry(1),
  entry(2, ',\n  note = {at @ home}'),
  '@string{late = {Late}}\n',
  '@comment{a comment @ here}\n',
  entry(3, ',\n  publisher = late # " Press"'),
  '@string{broken = }\n',
  entry(4, ',\n  series = undefinedmacro'),
  '@article{noTitle, year = 2001}\n',
  '@article{cut, title = {Cut short}\n',
  entry(5, `,\n  keywords = {${'k, '.repeat(600)}}`),
  '@string{broken2 = }\n',
  entry(6),
].join('');

/** The outcomes read whole (without the searches in bytes) and in windows of every size in `sizes`. */
function inWindows(files: readonly DigestInput[], sizes: readonly number[]): void {
  const whole = parseDigestFiles(files, NOW);
  for (const size of sizes) expect(parseDigestFiles(files, NOW, undefined, SEARCH, size), `${size}`).toEqual(whole);
}

/** The windows the second pass over each file asks for, and the papers handed over, file by file. */
function secondPass(
  files: readonly DigestInput[],
  windowBytes: number,
): {
  readonly reads: readonly number[];
  readonly batches: readonly (readonly ParsedPaper[])[][];
  readonly outcomes: readonly ParsedInput[];
} {
  const parse = new ImportFiles(files, NOW, undefined, SEARCH, { windowBytes, handsOverPapers: true });
  const give = (pass: ReturnType<ImportFiles['parse']>, bytes: Uint8Array): number => {
    let reads = 0;
    for (let wanted = pass.wanted; wanted !== null; wanted = pass.wanted, reads++) {
      pass.take(bytesWanted(bytes, wanted));
    }
    return reads;
  };
  files.forEach((file, index) => give(parse.readFirst(index), file.bytes));
  const batches: (readonly ParsedPaper[])[][] = files.map(() => []);
  const reads = files.map((file, index) =>
    give(
      parse.parse(index, (papers) => batches[index]?.push(papers)),
      file.bytes,
    ),
  );
  return { reads, batches, outcomes: parse.outcomes() };
}

describe('a BibTeX file read in windows', () => {
  const files = [{ name: 'refs.bib', bytes: utf8(BIBLIOGRAPHY) }];

  it('gives what the file read whole gives, wherever the windows end', () => {
    // Every size from one byte up: windows end inside strings, inside characters of several bytes (were they
    // cut anywhere but where a line starts), and entries are longer than windows.
    inWindows(files, [...Array.from({ length: 64 }, (_, index) => index + 1), 97, 256, 1000, 4096]);
    const [outcome] = parseDigestFiles(files, NOW);
    const digest = outcome?.ok === true && outcome.parsed.kind === 'digest' ? outcome.parsed.digest : null;
    expect(digest?.papers).toHaveLength(6);
    expect(digest?.skipped.map((block) => block.where)).toEqual(
      expect.arrayContaining(['@string at line 32', '@string at line 53']),
    );
  });

  it('is read a window at a time, and its papers handed over as they are made', () => {
    const { reads, batches, outcomes } = secondPass(files, 600);
    expect(reads[0]).toBeGreaterThan(3);
    const handed = batches[0]?.flat() ?? [];
    expect(batches[0]?.filter((batch) => batch.length > 0).length).toBeGreaterThan(2);
    const [whole] = parseDigestFiles(files, NOW);
    const [outcome] = outcomes;
    if (whole?.ok !== true || whole.parsed.kind !== 'digest' || outcome?.ok !== true) throw new Error('no digest');
    expect(handed).toEqual(whole.parsed.digest.papers);
    expect(outcome.parsed).toEqual({ ...whole.parsed, digest: { ...whole.parsed.digest, papers: [] } });
  });

  it('shares its macros with the other files, defined in any window of any of them', () => {
    const macros = {
      name: 'macros.bib',
      bytes: utf8(`% Macros\n${'@string{pad = {P}}\n'.repeat(30)}@string{jn = {J}}\n`),
    };
    const uses = { name: 'uses.bib', bytes: utf8(`${entry(7)}${entry(8, ',\n  publisher = late')}`) };
    inWindows([macros, files[0] ?? macros, uses], [1, 7, 50, 333]);
    inWindows([uses, macros], [1, 7, 50]);
  });

  it('reads whole a file with a crossref, whose parent may come in a later window', () => {
    const parent = '@proceedings{conf, title = {Proceedings of Conf}, publisher = {ACM}, year = 2020}\n';
    const child = '@inproceedings{paper, title = {A paper}, crossref = {conf}}\n';
    const text = `${entry(1)}${child}${entry(2)}${parent}`;
    inWindows([{ name: 'cross.bib', bytes: utf8(text) }], [1, 40, 300]);
    inWindows([{ name: 'cross.bib', bytes: utf8(text.replace('crossref', 'CrossRef')) }], [40]);
    // Papers handed over as they are made: the first pass looks for the crossref, and the second reads the file whole.
    const files = [
      { name: 'a.bib', bytes: utf8(entry(9)) },
      { name: 'cross.bib', bytes: utf8(text) },
    ];
    const { reads, batches, outcomes } = secondPass(files, 40);
    expect(reads[1]).toBe(1);
    const whole = parseDigestFiles(files, NOW)[1];
    if (whole?.ok !== true || whole.parsed.kind !== 'digest') throw new Error('no digest');
    expect(batches[1]).toEqual([whole.parsed.digest.papers]);
    expect(outcomes[1]).toEqual({
      ...whole,
      parsed: { ...whole.parsed, digest: { ...whole.parsed.digest, papers: [] } },
    });
  });

  it('reads whole, with the same messages, a file that is not plain UTF-8 further on than its first window', () => {
    const late = (bytes: readonly number[]): Uint8Array =>
      new Uint8Array([...utf8(`${entry(1)}${entry(2)}`), ...bytes, ...utf8(`\n${entry(3)}`)]);
    inWindows(
      [
        { name: 'crlf.bib', bytes: utf8(`${entry(1)}${entry(2)}@string{x = }\n${entry(3)}`.replace(/\n/g, '\r\n')) },
        { name: 'late-crlf.bib', bytes: utf8(`${entry(1)}${entry(2)}${entry(3).replace(/\n/g, '\r\n')}`) },
        { name: 'late-cr.bib', bytes: late([0x25, 0x0d]) },
        { name: 'late-nul.bib', bytes: late([0x25, 0x00]) },
        { name: 'late-invalid.bib', bytes: late([0x25, 0xc3, 0x28]) },
        { name: 'late-bom.bib', bytes: late([0xef, 0xbb, 0xbf]) },
      ],
      [1, 30, 500],
    );
  });

  it('counts the lines of windows after a file’s first for the @string blocks it warns of', () => {
    const text = `@string{jn = {J}}\n${entry(1)}${entry(2)}@string{broken = }\n${entry(3)}@string{x = {X}} @string{y = }\n`;
    const [outcome] = parseDigestFiles([{ name: 'lines.bib', bytes: utf8(text) }], NOW, undefined, SEARCH, 100);
    const skipped = outcome?.ok === true && outcome.parsed.kind === 'digest' ? outcome.parsed.digest.skipped : [];
    expect(skipped.map((block) => block.where)).toEqual(['@string at line 18', '@string at line 27']);
  });
});
