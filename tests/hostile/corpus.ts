/**
 * A corpus of hostile digest files, generated in code (nothing big is committed): empty and blank files, binary
 * data, truncated copies of every valid format, files past the size limit, one huge line, deeply nested JSON,
 * JSON of the wrong shape, broken Shelfmark exports, wrong encodings, HTML and script-laden text in every format,
 * broken BibTeX and arXiv emails, and inputs built to make a parser take quadratic time or deep recursion.
 *
 * Each input says what importing it must do through format detection (`parseDigestFile`, what the app and the
 * CLI call): be refused with a DigestError, or import, keeping the given titles exactly as written.
 */

import { readFileSync } from 'node:fs';
import { seededRandom } from '../random.js';

const FIXTURES = new URL('../../core/import/fixtures/', import.meta.url);
const SAMPLE_URL = new URL('../../seeds/hf-daily-papers-mar-11.txt', import.meta.url);
const MIB = 1024 * 1024;

export interface HostileInput {
  /** Unique, and safe as a folder name. */
  readonly name: string;
  /** The file's base name: parsers get it, and the CLI imports a file of that name. */
  readonly fileName: string;
  readonly bytes: () => Uint8Array;
  /** What importing it through format detection must do; 'either' when both are fine. */
  readonly detection: 'reject' | 'import' | 'either';
  /** For 'reject': what the message must say. */
  readonly message?: RegExp;
  /** For 'import': titles that must come out exactly as written. */
  readonly titles?: readonly string[];
  /** For 'import' of a library: the note the paper of each title must have in the library afterwards. */
  readonly notes?: Readonly<Record<string, string>>;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const sample = (): Uint8Array => new Uint8Array(readFileSync(SAMPLE_URL));
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function randomBytes(length: number, seed: number): Uint8Array {
  const next = seededRandom(seed);
  return Uint8Array.from({ length }, () => Math.floor(next() * 256));
}

function concat(...parts: readonly (Uint8Array | string)[]): Uint8Array {
  const arrays = parts.map((part) => (typeof part === 'string' ? utf8(part) : part));
  const out = new Uint8Array(arrays.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of arrays) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** `unit` repeated to exactly `length` bytes. */
function repeatTo(unit: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let at = 0; at < length; at += unit.length) out.set(unit.subarray(0, Math.min(unit.length, length - at)), at);
  return out;
}

function utf16(source: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const body = Buffer.from(bom ? `\uFEFF${source}` : source, 'utf16le');
  if (endian === 'be') body.swap16();
  return new Uint8Array(body);
}

/** Characters U+0000–U+00FF as single bytes; anything above would be lost, so callers keep to Latin-1. */
function latin1(source: string): Uint8Array {
  return new Uint8Array(Buffer.from(source, 'latin1'));
}

const WINDOWS_1252: Readonly<Record<string, number>> = {
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
  '…': 0x85,
  '€': 0x80,
};

function windows1252(source: string): Uint8Array {
  return Uint8Array.from(
    Array.from(source, (ch) => WINDOWS_1252[ch] ?? (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f)),
  );
}

// ---------------------------------------------------------------- valid files, to damage or to fill with script

const LONG =
  'We study the problem at length, with experiments on many benchmarks and a careful ablation of every design choice, and we find that the method generalises beyond the settings it was trained on, which we analyse in detail.';

/** Titles that are valid text and must be kept exactly, however they look. */
export const HOSTILE_TITLES = {
  script: '<script>alert(1)</script> Scaling Laws for Everything',
  img: '<img src=x onerror=alert(1)> Graph Networks Revisited',
  javascript: 'javascript:alert(document.cookie)',
  rtl: 'Reversed \u202Egnp.exe\u202C Title Trick',
  zeroWidth: 'Zero\u200Bwidth\u200C\u200D\u2060 Joiners in a Title',
} as const;

const TITLES = Object.values(HOSTILE_TITLES);

/**
 * TeX math that would link, load, name, style or nest deep if a renderer obeyed it: valid text, kept exactly as
 * written (the app shows such a formula as written, and renders none of it).
 */
const HOSTILE_MATH_TITLES = [
  'Click $\\href{javascript:alert(1)}{here}$ Now',
  'Visit $\\url{javascript:alert(2)}$ Today',
  'Styled $\\htmlClass{pwned}{x}$ and $\\htmlStyle{background:url(https://example.com/x)}{y}$ Math',
  'A $\\includegraphics{https://example.com/i.png}$ Figure with $\\htmlId{root}{z}$',
  `Deep $${'\\underbrace{'.repeat(140)}x${'}'.repeat(140)}$ Braces`,
];
const HOSTILE_ABSTRACT = `${LONG} It contains <script>alert("abstract")</script>, <img src=x onerror=alert(2)>, <a href="javascript:alert(3)">a link</a>, [markdown](javascript:alert(4)), javascript:alert(5), data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg== and vbscript:msgbox(7); the only real link is https://example.org/ok.`;

function hfText(titles: readonly string[], abstract: string): string {
  const papers = titles.map((title) => `${title}\n\n${abstract}\n`).join('\n');
  return `Daily Papers\n\nbyAK and the research community\n\nMar 11\n\n${papers}`;
}

function hfJson(titles: readonly string[]): string {
  return JSON.stringify(
    titles.map((title, index) => ({
      paper: {
        id: index === 0 ? 'javascript:alert(1)' : `2503.0760${index}`,
        title,
        summary: HOSTILE_ABSTRACT,
        authors: [{ name: '<script>alert("author")</script>' }, { name: 'javascript:alert(1)' }],
        publishedAt: '2025-03-10T17:59:58.000Z',
        githubRepo: 'javascript:alert(document.domain)',
        projectPage: 'data:text/html,<script>alert(1)</script>',
      },
      publishedAt: '2025-03-11T00:00:00.000Z',
      title,
    })),
    null,
    2,
  );
}

function arxivEmail(
  entries: readonly string[],
  header = 'Subject: cs daily Subj-class mailing\nDate: Tue, 5 Mar 2024 00:45:12 -0500\n',
): string {
  const separator = '-'.repeat(78);
  return `From: no-reply@arxiv.org\n${header}\n${separator}\n${entries.map((entry) => `\\\\\n${entry}${separator}\n`).join('')}`;
}

function arxivEntry(id: string, fields: string, abstract = `  ${LONG}`): string {
  return `arXiv:${id}\nDate: Mon, 4 Mar 2024 12:00:01 GMT   (1024kb,D)\n\n${fields}\\\\\n${abstract}\n\\\\ ( https://arxiv.org/abs/${id} ,  1024kb)\n`;
}

function hostileArxiv(): string {
  return arxivEmail(
    TITLES.map((title, index) =>
      arxivEntry(
        `2403.0123${index}`,
        `Title: ${title}\nAuthors: <script>alert("author")</script> and javascript:alert(1)\nCategories: cs.LG\nComments: see javascript:alert(1) and <img src=x onerror=alert(1)>\nDOI: javascript:alert(1)\n`,
        `  ${HOSTILE_ABSTRACT}`,
      ),
    ),
  );
}

function bibEntry(key: string, fields: Readonly<Record<string, string>>): string {
  return `@article{${key},\n${Object.entries(fields)
    .map(([name, value]) => `  ${name} = {${value}},`)
    .join('\n')}\n}\n`;
}

function hostileBibtex(titles: readonly string[] = TITLES): string {
  return titles
    .map((title, index) =>
      bibEntry(`key${index}`, {
        title,
        author: '<img src=x onerror=alert(1)> and javascript:alert(1)',
        url: 'javascript:alert(1)',
        howpublished: '\\url{javascript:alert(2)}',
        doi: 'javascript:alert(3)',
        abstract: HOSTILE_ABSTRACT,
        year: '2024',
      }),
    )
    .join('\n');
}

type Library = {
  format: string;
  version: number;
  digests: Record<string, unknown>[];
  papers: Record<string, unknown>[];
};

function library(): Library {
  return JSON.parse(text(fixture('library.shelfmark.json'))) as Library;
}

function mutatedLibrary(change: (library: Library) => void): string {
  const value = library();
  change(value);
  return JSON.stringify(value, null, 2);
}

function firstPaper(value: Library): Record<string, unknown> {
  const paper = value.papers[0];
  if (paper === undefined) throw new Error('the fixture has no papers');
  return paper;
}

/** A Shelfmark export whose papers carry the hostile titles, script in notes and tags, and javascript: links. */
function hostileLibrary(): string {
  return mutatedLibrary((value) => {
    value.papers.forEach((paper, index) => {
      paper['title'] = TITLES[index] ?? paper['title'];
      paper['note'] = '<script>alert("note")</script> [x](javascript:alert(1))';
      paper['links'] = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', ' https://example.org/ok'];
    });
  });
}

/** The offset of the first byte of the first multi-byte UTF-8 sequence (its lead byte). */
function firstMultiByte(bytes: Uint8Array): number | null {
  const at = bytes.findIndex((byte) => byte >= 0xc0);
  return at < 0 ? null : at;
}

// ---------------------------------------------------------------- the corpus

function* corpus(): Generator<HostileInput> {
  const reject = (name: string, fileName: string, bytes: () => Uint8Array, message?: RegExp): HostileInput => ({
    name,
    fileName,
    bytes,
    detection: 'reject',
    ...(message === undefined ? {} : { message }),
  });
  const either = (name: string, fileName: string, bytes: () => Uint8Array): HostileInput => ({
    name,
    fileName,
    bytes,
    detection: 'either',
  });
  const imports = (
    name: string,
    fileName: string,
    bytes: () => Uint8Array,
    titles: readonly string[] = [],
    notes?: Readonly<Record<string, string>>,
  ): HostileInput => ({
    name,
    fileName,
    bytes,
    detection: 'import',
    titles,
    ...(notes === undefined ? {} : { notes }),
  });

  // Empty and blank.
  for (const extension of ['txt', 'json', 'bib', 'eml', 'md', '']) {
    yield reject(
      `empty-${extension || 'no-extension'}`,
      `empty${extension ? `.${extension}` : ''}`,
      () => new Uint8Array(0),
      /empty/,
    );
  }
  const blanks: Record<string, string> = {
    spaces: '     ',
    'line-breaks': '\n\n\r\n\r\n\n',
    'tabs-and-breaks': ' \t\n\t \r\n \t',
    'bom-only': '\uFEFF',
    'bom-and-blank': '\uFEFF  \n\n',
    'unicode-spaces': '\u00A0\u2003\u3000\u2028\u2029\n',
  };
  for (const [name, blank] of Object.entries(blanks))
    yield reject(`blank-${name}`, 'blank.txt', () => utf8(blank), /empty/);
  yield reject('zero-width-only', 'zero-width.txt', () => utf8('\u200B\u200C\u200D\u2060\n'.repeat(20)));

  // Binary.
  yield reject('binary-random-1k', 'random.txt', () => randomBytes(1024, 1), /binary|UTF-8/);
  yield reject('binary-random-64k', 'random.bib', () => randomBytes(65536, 2), /binary|UTF-8/);
  yield reject(
    'binary-random-high-bytes',
    'random.json',
    () => randomBytes(4096, 3).map((byte) => byte | 0x80),
    /binary|UTF-8/,
  );
  yield reject(
    'binary-png',
    'picture.png',
    () => concat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2048, 4)),
    /binary|UTF-8/,
  );
  yield reject(
    'binary-png-named-txt',
    'digest.txt',
    () =>
      concat(
        Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        utf8('IHDR'),
        randomBytes(512, 5),
      ),
    /binary|UTF-8/,
  );
  yield reject('binary-zip', 'papers.zip', () => concat(utf8('PK\u0003\u0004'), randomBytes(2048, 6)), /binary|UTF-8/);
  yield reject(
    'binary-zip-named-json',
    'export.json',
    () => concat(utf8('PK\u0003\u0004\u0014\u0000\u0000\u0000'), utf8('library.json'), randomBytes(512, 7)),
    /binary|UTF-8/,
  );
  yield reject(
    'binary-gzip',
    'library.json.gz',
    () => concat(Uint8Array.from([0x1f, 0x8b, 0x08, 0x00]), randomBytes(1024, 8)),
    /binary|UTF-8/,
  );
  yield reject(
    'binary-pdf',
    'paper.pdf',
    () =>
      concat(
        '%PDF-1.7\n%',
        Uint8Array.from([0xe2, 0xe3, 0xcf, 0xd3]),
        '\n1 0 obj\n<< /Type /Catalog >>\nstream\n',
        randomBytes(2048, 9),
      ),
    /binary|UTF-8/,
  );
  yield reject(
    'binary-elf',
    'shelfmark',
    () => concat(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), randomBytes(1024, 10)),
    /binary|UTF-8/,
  );
  yield reject('nuls-only', 'nuls.txt', () => new Uint8Array(1024), /binary/);
  yield reject('one-nul', 'nul.txt', () => new Uint8Array(1), /binary/);
  yield reject(
    'sample-with-one-nul',
    'hf-daily-papers.txt',
    () => {
      const bytes = sample();
      bytes[5000] = 0;
      return bytes;
    },
    /binary/,
  );
  yield reject(
    'control-characters',
    'controls.txt',
    () => utf8('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000E\u000F'.repeat(100)),
    /binary/,
  );

  // Truncated copies of every valid format, at several offsets and in the middle of a UTF-8 sequence.
  const valid: readonly [string, string, () => Uint8Array][] = [
    ['arxiv', 'arxiv-listing.txt', () => fixture('arxiv-listing.txt')],
    ['hf-json', 'hf-daily-papers.json', () => fixture('hf-daily-papers.json')],
    ['library', 'library.shelfmark.json', () => fixture('library.shelfmark.json')],
    ['bibtex', 'refs.bib', () => fixture('refs.bib')],
    ['sample', 'hf-daily-papers-mar-11.txt', sample],
    [
      'sample-unicode',
      'hf-daily-papers-mar-11.txt',
      () => utf8(text(sample()).replace('Pard: Permutation', 'Pård 📚: Permutation')),
    ],
  ];
  for (const [name, fileName, bytes] of valid) {
    const length = bytes().length;
    const cuts = new Set([
      1,
      2,
      7,
      64,
      300,
      Math.floor(length / 4),
      Math.floor(length / 2),
      Math.floor((length * 3) / 4),
      length - 1,
    ]);
    for (const cut of [...cuts].filter((cut) => cut > 0 && cut < length).sort((a, b) => a - b)) {
      yield either(`truncated-${name}-at-${cut}`, fileName, () => bytes().subarray(0, cut));
    }
    const multiByte = firstMultiByte(bytes());
    if (multiByte !== null) {
      yield reject(`truncated-${name}-mid-utf8`, fileName, () => bytes().subarray(0, multiByte + 1), /UTF-8/);
      // The same damage inside the file: a lead byte whose sequence was cut out.
      yield reject(
        `${name}-broken-utf8-inside`,
        fileName,
        () => concat(bytes().subarray(0, multiByte + 1), bytes().subarray(multiByte + 2)),
        /UTF-8/,
      );
    }
  }

  // Size.
  yield reject('50-mb', 'huge.txt', () => repeatTo(sample(), 50 * MIB), /limit|large/);
  yield reject('32-mb-and-1-byte', 'huge.bib', () => repeatTo(fixture('refs.bib'), 32 * MIB + 1), /limit|large/);
  yield either('20-mb-one-line', 'one-line.txt', () => repeatTo(utf8('lorem ipsum dolor sit amet, '), 20 * MIB));
  yield either('20-mb-one-line-json', 'one-line.json', () => concat('["', repeatTo(utf8('a'), 20 * MIB), '"]'));
  yield either('hf-text-1-mb-abstract', 'hf.txt', () =>
    utf8(hfText(['A Paper With a Very Long Abstract'], `${LONG} ${'word '.repeat(200_000)}end.`)),
  );

  // Deeply nested JSON.
  const DEEP = 100_000;
  yield reject('json-array-100k-deep', 'deep.json', () => utf8(`${'['.repeat(DEEP)}${']'.repeat(DEEP)}`));
  yield reject('json-object-100k-deep', 'deep.json', () => utf8(`${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`));
  yield reject('json-array-100k-deep-unclosed', 'deep.json', () => utf8('['.repeat(DEEP)));
  yield reject('json-paper-100k-deep', 'deep.json', () =>
    utf8(`[{"paper":${'{"paper":'.repeat(DEEP)}{}${'}'.repeat(DEEP)}}]`),
  );
  yield either('hf-json-authors-100k-deep', 'deep.json', () =>
    utf8(`[{"paper":{"id":"2503.07604","title":"Deep Authors","authors":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}}]`),
  );
  yield reject('library-tags-100k-deep', 'deep.json', () =>
    utf8(
      mutatedLibrary((value) => (firstPaper(value)['tags'] = 'DEEP')).replace(
        '"DEEP"',
        `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`,
      ),
    ),
  );
  yield reject('library-format-in-100k-deep-object', 'deep.json', () =>
    utf8(`${'{"format":"shelfmark-library","a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`),
  );

  // JSON of the wrong shape.
  const shapes: Record<string, string> = {
    number: '42',
    'negative-exponent': '-1e-400',
    'huge-number': '1e309',
    string: '"a string"',
    null: 'null',
    true: 'true',
    'empty-array': '[]',
    'empty-object': '{}',
    'array-of-nulls': '[null, null, null]',
    'array-of-numbers': '[1, 2, 3]',
    'array-of-arrays': '[[], [[]], [[[]]]]',
    'paper-null': '[{"paper": null}]',
    'paper-string': '[{"paper": "2503.07604"}]',
    'paper-empty': '[{"paper": {}}]',
    'paper-title-number': '[{"paper": {"title": 42}}]',
    'paper-title-blank': '[{"paper": {"title": "   \\n\\t "}}]',
    'paper-title-array': '[{"paper": {"title": ["a", "b"]}}]',
    'papers-not-a-list': '{"papers": "nope"}',
    'papers-object-of-papers': '{"papers": {"0": {"paper": {"title": "T"}}}}',
    'format-number': '{"format": 1}',
    'format-other': '{"format": "zotero-library", "papers": []}',
    'damaged-with-paper-key': '[{"paper": {"title": "T", "summary": "unterminated',
    'damaged-with-format-key': '{"format": "shelfmark-library", "version": 1, "papers": [',
    'trailing-comma': '[{"paper": {"title": "T"}},]',
    comments: '// a comment\n[{"paper": {"title": "T"}}]',
    'single-quotes': "[{'paper': {'title': 'T'}}]",
    nan: '[{"paper": {"title": "T", "upvotes": NaN}}]',
  };
  for (const [name, json] of Object.entries(shapes)) yield reject(`json-${name}`, 'digest.json', () => utf8(json));
  yield either('hf-json-odd-fields', 'digest.json', () =>
    utf8(
      JSON.stringify([
        {
          paper: {
            id: { x: 1 },
            title: 'Odd Fields',
            summary: ['x'],
            authors: 'Ada',
            publishedAt: '2025-02-30T00:00:00Z',
            githubRepo: 42,
            projectPage: null,
          },
        },
        null,
        7,
        'x',
        { paper: { title: '' } },
      ]),
    ),
  );
  yield either('hf-json-prototype-keys', 'digest.json', () =>
    utf8(
      '[{"paper": {"title": "Prototype Keys", "__proto__": {"title": "polluted"}, "constructor": {"prototype": {"polluted": true}}}, "__proto__": []}]',
    ),
  );

  // Shelfmark exports with bad fields: each must be refused, naming the field.
  const bad: Record<string, [(value: Library) => void, RegExp]> = {
    'version-2': [(value) => (value.version = 2), /newer version/],
    'version-string': [(value) => ((value as Record<string, unknown>)['version'] = '1'), /version/],
    'version-missing': [(value) => delete (value as Partial<Library>).version, /version/],
    'papers-missing': [(value) => delete (value as Partial<Library>).papers, /papers/],
    'papers-null': [(value) => ((value as Record<string, unknown>)['papers'] = null), /papers/],
    'digests-string': [(value) => ((value as Record<string, unknown>)['digests'] = 'x'), /digests/],
    'status-done': [(value) => (firstPaper(value)['status'] = 'done'), /papers\[0\]\.status/],
    'tags-numbers': [(value) => (firstPaper(value)['tags'] = [1, 2]), /papers\[0\]\.tags/],
    'note-null': [(value) => (firstPaper(value)['note'] = null), /papers\[0\]\.note/],
    'note-object': [(value) => (firstPaper(value)['note'] = { text: 'x' }), /papers\[0\]\.note/],
    'read-at-yesterday': [(value) => (firstPaper(value)['readAt'] = 'yesterday'), /papers\[0\]\.readAt/],
    'updated-at-feb-30': [
      (value) => (firstPaper(value)['updatedAt'] = '2025-02-30T10:00:00.000Z'),
      /papers\[0\]\.updatedAt/,
    ],
    'added-at-number': [(value) => (firstPaper(value)['addedAt'] = 1741683600000), /papers\[0\]\.addedAt/],
    'year-fraction': [(value) => (firstPaper(value)['year'] = 2023.5), /papers\[0\]\.year/],
    'year-string': [(value) => (firstPaper(value)['year'] = '2023'), /papers\[0\]\.year/],
    'id-empty': [(value) => (firstPaper(value)['id'] = ''), /papers\[0\]\.id/],
    'id-number': [(value) => (firstPaper(value)['id'] = 7), /papers\[0\]\.id/],
    'title-missing': [(value) => delete firstPaper(value)['title'], /papers\[0\]\.title/],
    'links-string': [(value) => (firstPaper(value)['links'] = 'https://example.org'), /papers\[0\]\.links/],
    'paper-null': [(value) => (value.papers[0] = null as unknown as Record<string, unknown>), /papers\[0\]/],
    'duplicate-ids': [(value) => (value.papers[1] = { ...firstPaper(value) }), /repeats/],
    'duplicate-id-with-line-break': [
      (value) => {
        firstPaper(value)['id'] = 'a\nb\u001b[31m';
        value.papers[1] = { ...firstPaper(value) };
        value.digests.forEach((digest) => (digest['paperIds'] = []));
        value.papers.forEach((paper) => (paper['digests'] = []));
      },
      /repeats/,
    ],
    'digest-names-no-paper': [
      (value) => (value.digests[0] = { ...value.digests[0], paperIds: ['nope'] }),
      /names no paper/,
    ],
    'paper-names-no-digest': [(value) => (firstPaper(value)['digests'] = ['nope']), /names no digest/],
    'digest-format-unknown': [
      (value) => (value.digests[0] = { ...value.digests[0], format: 'rss' }),
      /digests\[0\]\.format/,
    ],
    'digest-date-bad': [
      (value) => (value.digests[0] = { ...value.digests[0], date: '2025-13-01' }),
      /digests\[0\]\.date/,
    ],
    'no-papers': [
      (value) => {
        value.papers = [];
        value.digests = [];
      },
      /no papers/,
    ],
  };
  for (const [name, [change, message]] of Object.entries(bad)) {
    yield reject(`library-${name}`, 'library.json', () => utf8(mutatedLibrary(change)), message);
  }
  yield reject(
    'library-truncated-json-with-line-breaks',
    'library.json',
    () =>
      utf8(
        text(fixture('library.shelfmark.json')).replace(
          '"papers": [',
          '"papers": [\n\u001b[2J\u001b]0;owned\u0007 oops,\n',
        ),
      ),
    /not valid JSON/,
  );
  yield either('library-odd-but-valid', 'library.json', () =>
    utf8(
      mutatedLibrary((value) => {
        const paper = firstPaper(value);
        paper['addedAt'] = '2025-03-11T08:00:00+14:00';
        paper['updatedAt'] = '9999-12-31T23:59:59.999-23:59';
        paper['year'] = -1e15;
        paper['title'] = 'Nul\u0000 and \uFFFF and a lone surrogate \uD800 in a title';
      }),
    ),
  );
  yield imports(
    'library-prototype-ids',
    'library.json',
    () =>
      utf8(
        mutatedLibrary((value) => {
          const ids = ['__proto__', 'constructor', 'hasOwnProperty'];
          value.papers.forEach((paper, index) => {
            const old = paper['id'];
            paper['id'] = ids[index];
            paper['arxivId'] = null;
            paper['title'] = `Prototype Id ${ids[index]}`;
            paper['note'] = `Note of ${ids[index]}`;
            paper['status'] = 'reading';
            paper['readAt'] = null;
            paper['updatedAt'] = '2025-03-12T21:15:00.000Z';
            value.digests.forEach(
              (digest) =>
                (digest['paperIds'] = (digest['paperIds'] as string[]).map((id) => (id === old ? ids[index] : id))),
            );
          });
        }),
      ),
    ['Prototype Id __proto__', 'Prototype Id constructor', 'Prototype Id hasOwnProperty'],
    {
      'Prototype Id __proto__': 'Note of __proto__',
      'Prototype Id constructor': 'Note of constructor',
      'Prototype Id hasOwnProperty': 'Note of hasOwnProperty',
    },
  );
  yield either('library-bad-tags', 'library.json', () =>
    utf8(
      mutatedLibrary((value) => (firstPaper(value)['tags'] = ['', 'a,b', 'tab\there', '\u202Eevil', 'x'.repeat(1000)])),
    ),
  );

  // Wrong encodings.
  const sampleText = text(sample());
  const accented = sampleText.replace(
    'Pard: Permutation-Invariant',
    'Pard: Permutation-Invariante Générative Modèle à Noël',
  );
  for (const [name, source, fileName] of [
    ['sample', sampleText, 'hf.txt'],
    ['bibtex', text(fixture('refs.bib')), 'refs.bib'],
    ['library', text(fixture('library.shelfmark.json')), 'library.json'],
  ] as const) {
    yield reject(`utf16le-bom-${name}`, fileName, () => utf16(source, 'le', true), /UTF-16/);
    yield reject(`utf16be-bom-${name}`, fileName, () => utf16(source, 'be', true), /UTF-16/);
    yield reject(`utf16le-no-bom-${name}`, fileName, () => utf16(source, 'le', false), /UTF-16|binary/);
    yield reject(`utf16be-no-bom-${name}`, fileName, () => utf16(source, 'be', false), /UTF-16|binary/);
  }
  yield reject('latin1-accents', 'hf.txt', () => latin1(accented), /UTF-8/);
  yield reject(
    'latin1-bibtex',
    'refs.bib',
    () => latin1(text(fixture('refs.bib')).replace('Survey of', 'Survey of Français Schrödinger')),
    /UTF-8/,
  );
  yield reject(
    'windows-1252-smart-quotes',
    'hf.txt',
    () =>
      windows1252(
        sampleText.replace('Pard: Permutation-Invariant', '“Pard”: Permutation–Invariant ‘Diffusion’ — 10 €…'),
      ),
    /UTF-8/,
  );
  yield reject(
    'utf8-overlong-slash',
    'hf.txt',
    () => concat(sample().subarray(0, 100), Uint8Array.from([0xc0, 0xaf]), sample().subarray(100)),
    /UTF-8/,
  );
  yield reject(
    'utf8-encoded-surrogate',
    'hf.txt',
    () => concat(sample().subarray(0, 100), Uint8Array.from([0xed, 0xa0, 0x80]), sample().subarray(100)),
    /UTF-8/,
  );
  yield reject(
    'utf8-above-u10ffff',
    'hf.txt',
    () => concat(sample().subarray(0, 100), Uint8Array.from([0xf4, 0x90, 0x80, 0x80]), sample().subarray(100)),
    /UTF-8/,
  );
  yield imports('utf8-bom-sample', 'hf.txt', () => concat(Uint8Array.from([0xef, 0xbb, 0xbf]), sample()));
  yield imports('crlf-sample', 'hf.txt', () => utf8(sampleText.replace(/\n/g, '\r\n')));
  yield imports('cr-only-sample', 'hf.txt', () => utf8(sampleText.replace(/\n/g, '\r')));

  // HTML pages, named as every format.
  const html = `<!DOCTYPE html>\n<html><head><title>Daily Papers - Hugging Face</title>\n<script>alert(document.cookie)</script>\n<meta http-equiv="refresh" content="0;url=javascript:alert(1)">\n</head>\n<body onload="alert(1)">\n<h1>Daily Papers</h1>\n<p>byAK and the research community</p>\n<article><h3><a href="javascript:alert(1)">${HOSTILE_TITLES.script}</a></h3><p>${HOSTILE_ABSTRACT}</p></article>\n<iframe src="javascript:alert(1)"></iframe>\n</body></html>\n`;
  for (const fileName of ['page.html', 'page.txt', 'page.json', 'page.bib', 'page.eml'])
    yield either(`html-${fileName}`, fileName, () => utf8(html));
  yield either('html-svg', 'image.svg', () =>
    utf8('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'),
  );

  // Script-laden text, in every format: valid text, to be kept exactly, with no link that is not http(s).
  yield imports('script-hf-text', 'hf-daily-papers.txt', () => utf8(hfText(TITLES, HOSTILE_ABSTRACT)), TITLES);
  yield imports('script-hf-json', 'daily_papers.json', () => utf8(hfJson(TITLES)), TITLES);
  yield imports('script-arxiv-email', 'arxiv.eml', () => utf8(hostileArxiv()), TITLES);
  yield imports('script-bibtex', 'refs.bib', () => utf8(hostileBibtex()), TITLES);
  yield imports('script-library', 'library.json', () => utf8(hostileLibrary()), TITLES.slice(0, 3));
  yield imports('math-bibtex', 'math.bib', () => utf8(hostileBibtex(HOSTILE_MATH_TITLES)), HOSTILE_MATH_TITLES);
  yield imports('math-hf-json', 'daily_papers.json', () => utf8(hfJson(HOSTILE_MATH_TITLES)), HOSTILE_MATH_TITLES);

  // BibTeX, broken.
  const bibtex: Record<string, string> = {
    'unclosed-entry': '@article{key,\n  title = {Never Closed},\n  year = 2024,\n',
    'unclosed-value': '@article{key,\n  title = {Never {closed},\n  year = 2024\n}\n',
    'extra-closing-braces': '@article{key,\n  title = {Too Many}}}},\n  year = 2024\n}\n}}}}\n',
    'unclosed-quote': '@article{key,\n  title = "Never closed,\n  year = 2024\n}\n',
    'no-equals': '@article{key,\n  title {No Equals}\n}\n',
    'no-key': '@article{,\n  title = {No Key}\n}\n',
    'only-at-signs': '@'.repeat(100_000),
    'at-brace-soup': '@a{'.repeat(50_000),
    'comment-unclosed': `@comment{${'x'.repeat(100_000)}\n@article{k, title = {After the Comment}}\n`,
    'preamble-unclosed': '@preamble{ "\\newcommand"\n@article{k, title = {After the Preamble}}\n',
    'string-unclosed': '@string{ x = {never\n@article{k, title = x}\n',
    'undefined-macro': '@article{k, title = undefinedmacro # " and " # alsoundefined}\n',
    'paren-entry-unclosed': '@article(key,\n  title = {Paren}\n',
    'key-10k': `@article{${'k'.repeat(10_000)},\n  title = {Long Key}\n}\n`,
    'escape-in-key': '@article{key\u001b[31m,\n  title = \n}\n',
    'braces-10k-deep-title': `@article{k,\n  title = {${'{'.repeat(10_000)}Deep Braces${'}'.repeat(10_000)}}\n}\n`,
    'braces-10k-deep-unbalanced': `@article{k,\n  title = {${'{'.repeat(10_000)}Deep Braces${'}'.repeat(9_999)}\n}\n`,
    'braces-10k-deep-author': `@article{k,\n  title = {Deep Author},\n  author = {${'{'.repeat(10_000)}Ada${'}'.repeat(10_000)} and Bob}\n}\n`,
    'field-1mb': `@article{k,\n  title = {A One-Megabyte Abstract},\n  abstract = {${'lorem ipsum '.repeat(90_000)}}\n}\n`,
    'field-1mb-backslashes': `@article{k,\n  title = {Backslashes},\n  abstract = {${'\\'.repeat(MIB)}}\n}\n`,
    'field-1mb-dollars': `@article{k,\n  title = {Dollars},\n  abstract = {${'$\\$'.repeat(300_000)}}\n}\n`,
    'field-1mb-accents': `@article{k,\n  title = {Accents},\n  abstract = {${'\\"o\\\'{e}\\c{c}'.repeat(80_000)}}\n}\n`,
    'field-1mb-unclosed': `@article{k,\n  title = {Unclosed Megabyte},\n  abstract = {${'x'.repeat(MIB)}\n}\n`,
    'title-1mb': `@article{k,\n  title = {${'word '.repeat(200_000)}}\n}\n`,
    '20k-entries': Array.from({ length: 20_000 }, (_, i) => `@misc{k${i}, title = {Paper ${i}}}\n`).join(''),
    '20k-entries-no-title': Array.from({ length: 20_000 }, (_, i) => `@misc{k${i}, note = {no title}}\n`).join(''),
    'url-brackets': '@misc{k, title = {Brackets}, url = {https://example.org/a[b]}}\n',
  };
  for (const [name, source] of Object.entries(bibtex)) yield either(`bibtex-${name}`, 'refs.bib', () => utf8(source));

  // arXiv listing emails with fields missing.
  const entry = (fields: string, abstract?: string): string => arxivEntry('2403.01234', fields, abstract);
  const arxiv: Record<string, string> = {
    'no-title': arxivEmail([entry('Authors: Ada Lovelace\nCategories: cs.LG\n')]),
    'empty-title': arxivEmail([entry('Title:\nAuthors: Ada Lovelace\n')]),
    'no-authors': arxivEmail([entry('Title: No Authors Here\n')]),
    'no-abstract': arxivEmail([
      `arXiv:2403.01234\nTitle: No Abstract\nAuthors: Ada\n\\\\ ( https://arxiv.org/abs/2403.01234 ,  1kb)\n`,
    ]),
    'no-backslashes': `arXiv:2403.01234\nTitle: No Backslashes\nAuthors: Ada\n${'-'.repeat(78)}\n`,
    'no-separators': `\\\\\narXiv:2403.01234\nTitle: First\n\\\\\narXiv:2403.01235\nTitle: Second\n\\\\\n`,
    'header-only': `From: no-reply@arxiv.org\nSubject: cs daily\n${'-'.repeat(78)}\n\\\\\n`,
    'id-only': arxivEmail(['arXiv:2403.01234\n']),
    'garbage-ids': arxivEmail([
      entry('Title: Garbage Id\n').replace('arXiv:2403.01234', 'arXiv:../../etc/passwd'),
      entry('Title: Script Id\n').replace('arXiv:2403.01234', 'arXiv:<script>alert(1)</script>'),
    ]),
    'bad-dates': arxivEmail(
      [entry('Title: Bad Dates\n').replace('Mon, 4 Mar 2024', 'Mon, 31 Feb 2024')],
      'Date: 99 Foo 99999\nreceived from nowhere to 45 Abc 2024\n',
    ),
    'title-without-colon-space': arxivEmail([entry('Title:NoSpace\nAuthors:Ada\n')]),
    'authors-1m-spaces': arxivEmail([entry(`Title: Spaced Authors\nAuthors: Ada${' '.repeat(MIB)}Lovelace\n`)]),
    'authors-100k': arxivEmail([
      entry(`Title: Many Authors\nAuthors: ${Array.from({ length: 100_000 }, (_, i) => `Author ${i}`).join(', ')}\n`),
    ]),
    'abstract-1mb': arxivEmail([entry('Title: Long Abstract\n', `  ${'lorem ipsum '.repeat(90_000)}`)]),
    '20k-entries': arxivEmail(
      Array.from({ length: 20_000 }, (_, i) =>
        arxivEntry(`2403.${String(10000 + i)}`, `Title: Paper ${i}\n`, '  Short.'),
      ),
    ),
  };
  for (const [name, source] of Object.entries(arxiv)) yield either(`arxiv-${name}`, 'arxiv.txt', () => utf8(source));
  yield reject(
    'arxiv-all-untitled',
    'arxiv.txt',
    () => utf8(arxivEmail([entry('Authors: A\n'), entry('Authors: B\n')])),
    /no Title/,
  );

  // Built to make a parser slow: a URL followed by a long run of closing brackets, a long "received from" header.
  yield either('redos-url-closing-parens-hf-text', 'hf.txt', () =>
    utf8(hfText(['Parens After a Link'], `${LONG} See http://example.org/${')'.repeat(200_000)}`)),
  );
  yield either('redos-url-closing-brackets-bibtex', 'refs.bib', () =>
    utf8(bibEntry('k', { title: 'Brackets After a Link', url: `https://example.org/${']'.repeat(200_000)}` })),
  );
  yield either('redos-url-dots-hf-text', 'hf.txt', () =>
    utf8(hfText(['Dots After a Link'], `${LONG} See http://example.org/${'.'.repeat(MIB)}`)),
  );
  yield either('redos-received-from-header', 'arxiv.txt', () =>
    utf8(arxivEmail([entry('Title: Slow Header\n')], `Subject: x\n${'received from '.repeat(200_000)}\n`)),
  );
  yield either('redos-many-urls', 'hf.txt', () =>
    utf8(hfText(['Many Links'], `${LONG} ${'http://a.b/ '.repeat(100_000)}end.`)),
  );
  yield either('redos-date-like-lines', 'hf.txt', () => utf8('Mon Mar 11th\n'.repeat(100_000)));
  yield either('redos-title-like-lines', 'hf.txt', () => utf8(`Mar 11\n\n${'A Title\n'.repeat(200_000)}`));
  yield either('tex-accents-10k-deep-bibtex', 'refs.bib', () =>
    utf8(bibEntry('k', { title: `${'\\"{'.repeat(10_000)}o${'}'.repeat(10_000)}` })),
  );
  yield either('tex-accents-10k-deep-arxiv', 'arxiv.txt', () =>
    utf8(arxivEmail([entry(`Title: ${'\\"{'.repeat(10_000)}o${'}'.repeat(10_000)}\n`)])),
  );
  yield either('bibtex-macro-doubling-bomb', 'refs.bib', () => {
    let source = '@string{s0 = "xxxxxxxx"}\n';
    for (let i = 1; i <= 25; i++) source += `@string{s${i} = s${i - 1} # s${i - 1}}\n`;
    return utf8(`${source}@article{k, title = s25}\n`);
  });
  // Macros are expanded in any order, so a chain of them is followed without recursion.
  yield either('bibtex-macro-chain-200k', 'refs.bib', () => {
    const chain = Array.from({ length: 200_000 }, (_, i) => `@string{m${i + 1} = m${i} # "x"}`).join('\n');
    return utf8(`@article{k, title = m200000}\n${chain}\n@string{m0 = {T}}\n`);
  });
  yield either('bibtex-macro-cycle', 'refs.bib', () =>
    utf8('@string{a = b # "x"}\n@string{b = c}\n@string{c = a}\n@article{k, title = a}\n'),
  );
}

/** Every input once, in a stable order. */
export function hostileCorpus(): readonly HostileInput[] {
  const inputs = [...corpus()];
  const names = new Set<string>();
  for (const input of inputs) {
    if (names.has(input.name)) throw new Error(`two hostile inputs are named ${input.name}`);
    names.add(input.name);
  }
  return inputs;
}
