import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINEAR_WORK_MS, timed } from '../../tests/timing.js';
import { FIELD_TOO_LONG, looksLikeBibtex, MAX_EXPANDED_FIELD_LENGTH, parseBibtex, splitNames } from './bibtex.js';
import { NameCache } from './name-cache.js';

const REFS = readFileSync(new URL('./fixtures/refs.bib', import.meta.url), 'utf8');
const ctx = { fileName: '/home/ada/papers/refs.bib', now: '2025-03-11T08:00:00.000Z' };

describe('a BibTeX file', () => {
  const digest = parseBibtex(REFS, ctx);

  it('is named after the file and has no date', () => {
    expect(digest).toMatchObject({ format: 'bibtex', title: 'BibTeX: refs.bib', date: null });
  });

  it('imports every readable entry and reports the others', () => {
    expect(digest.papers.map((paper) => paper.title)).toEqual([
      'PFGM++: Unlocking the Potential of Physics-Inspired Generative Models',
      'Quantum Schrödinger Bridges — A Survey of Français and Škoda Methods',
      'Attention Is All You Need',
      'The TeXbook',
    ]);
    expect(digest.skipped).toEqual([
      { where: 'entry 4 (@article{missingtitle})', reason: 'it has no title' },
      { where: 'entry 5 (@article{truncated2022})', reason: 'the value of "title" has no closing }' },
    ]);
  });

  it('reads an arXiv eprint, Last-First names, keywords and URLs in the abstract', () => {
    expect(digest.papers[0]).toEqual({
      title: 'PFGM++: Unlocking the Potential of Physics-Inspired Generative Models',
      abstract:
        'We introduce a new family of physics-inspired generative models termed PFGM++. ' +
        'Code is at https://github.com/Newbeeer/pfgmpp.',
      authors: ['Yilun Xu', 'Ziming Liu', 'Yonglong Tian', 'Shangyuan Tong', 'Max Tegmark', 'Tommi Jaakkola'],
      arxivId: '2302.04265',
      doi: null,
      year: 2023,
      links: ['https://arxiv.org/abs/2302.04265', 'https://github.com/Newbeeer/pfgmpp'],
      categories: ['generative models', 'diffusion', 'physics'],
      facts: {
        type: 'article',
        venue: 'International Conference on Machine Learning, 2023',
        month: 7,
        primaryCategory: 'cs.LG',
      },
    });
  });

  it('decodes TeX in quoted values and keeps math and paragraphs in the abstract', () => {
    expect(digest.papers[1]).toEqual({
      title: 'Quantum Schrödinger Bridges — A Survey of Français and Škoda Methods',
      abstract:
        'We bridge $\\mathcal{O}(n^2)$ gaps in theory & practice.\n\nA second paragraph, with Straße and ångström.',
      authors: ['Erwin Schrödinger', 'Jürgen Müller', 'José García', 'Søren Østergaard'],
      arxivId: null,
      doi: '10.5555/1234.5678',
      year: 2021,
      links: ['https://doi.org/10.5555/1234.5678', 'https://example.org/paper.pdf'],
      categories: [],
      facts: { type: 'inproceedings', venue: 'Advances in Neural Information Processing Systems' },
    });
  });

  it('finds the arXiv id in a journal field and drops "others"', () => {
    expect(digest.papers[2]).toMatchObject({
      arxivId: '1706.03762',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Google Brain'],
      year: 2017,
      links: ['https://arxiv.org/abs/1706.03762'],
    });
  });

  it('keeps a ~ inside a URL', () => {
    expect(digest.papers[3]?.links).toEqual(['https://www-cs-faculty.stanford.edu/~knuth/abcde.html']);
  });

  it('is recognised', () => {
    expect(looksLikeBibtex(REFS)).toBe(true);
    expect(looksLikeBibtex('Write to ada@example.org {soon}, thanks')).toBe(false);
  });
});

describe('BibTeX syntax', () => {
  const parse = (text: string) => parseBibtex(text, { fileName: 'x.bib', now: '2025-03-11T08:00:00.000Z' });

  it('expands @string and month macros joined with #', () => {
    const digest = parse('@string{pre = "Deep "}\n@article(k, title = pre # {Learning} # " in " # mar, year = 1999)');
    expect(digest.papers.map((paper) => [paper.title, paper.year])).toEqual([['Deep Learning in March', 1999]]);
  });

  it('reads braces nested in quotes and quotes nested in braces', () => {
    const digest = parse('@misc{k, title = "A {"}quoted{"} {B{r}a}ces" , author = {O\'Neil, Jr., Tip}}');
    expect(digest.papers[0]).toMatchObject({ title: 'A "quoted" Braces', authors: ["Tip O'Neil Jr."] });
  });

  it('takes the arXiv id from an arXiv DOI or URL and the year from a date', () => {
    const digest = parse(
      '@misc{a, title={A}, doi={10.48550/arXiv.2310.01234}, date={2023-10-02}}\n' +
        '@misc{b, title={B}, url={https://arxiv.org/abs/2311.05678v3}}\n' +
        '@misc{c, title={C}, eprint={hep-th/9901001}, eprinttype={arxiv}}\n' +
        '@misc{d, title={D}, eprint={12345}, archivePrefix={PubMed}}',
    );
    expect(digest.papers.map((paper) => [paper.arxivId, paper.year])).toEqual([
      ['2310.01234', 2023],
      ['2311.05678', 2023],
      ['hep-th/9901001', 1999],
      [null, null],
    ]);
  });

  it('skips an entry missing its closing brace but reads the next one', () => {
    const digest = parse('@article{a, title = {First}, year = 2020\n@article{b, title = {Second}}');
    expect(digest.papers.map((paper) => paper.title)).toEqual(['Second']);
    expect(digest.skipped).toEqual([{ where: 'entry 1 (@article{a})', reason: 'it ends before its closing }' }]);
  });

  it('reports a broken field and a broken @string with where they are', () => {
    const digest = parse('\n@string{oops}\n@article{x, title {No equals}}\n@article{y, title = {Fine}}');
    expect(digest.skipped).toEqual([
      { where: '@string at line 2', reason: 'the field "oops" has no "="' },
      { where: 'entry 1 (@article{x})', reason: 'the field "title" has no "="' },
    ]);
    expect(digest.papers.map((paper) => paper.title)).toEqual(['Fine']);
  });
});

describe('BibTeX as real bibliographies write it', () => {
  const parse = (text: string) => parseBibtex(text, { fileName: 'x.bib', now: '2025-03-11T08:00:00.000Z' });

  it('uses a macro defined after the entries that use it', () => {
    const digest = parse('@article{k, title = deep # {Learning}, year = 2015}\n@string{deep = "Deep "}');
    expect(digest.papers.map((paper) => paper.title)).toEqual(['Deep Learning']);
  });

  it('keeps what # builds: an arXiv id after a macro', () => {
    const digest = parse(
      '@string{arxiv = "arXiv preprint arXiv:"}\n@article{k, title = {Iterated Racing}, journal = arxiv # {1603.08785}}',
    );
    expect(digest.papers[0]).toMatchObject({ arxivId: '1603.08785', year: 2016 });
  });

  it('has the months and the journals of the standard styles predefined', () => {
    const digest = parse(
      '@article{a, title = {Letters to the } # cacm, month = dec, year = 1974}\n' +
        '@article{b, title = "Notes of " # Jan # " and " # jacm}',
    );
    expect(digest.papers.map((paper) => paper.title)).toEqual([
      'Letters to the Communications of the ACM',
      'Notes of January and Journal of the ACM',
    ]);
    expect(digest.skipped).toEqual([]);
  });

  it('never pastes an undefined macro into the text: the entry is skipped and the macro named', () => {
    const digest = parse(
      '@article{a, author = Stuetzle # " and " # Hoos, title = {MAX-MIN Ant System}}\n' +
        '@article{b, author = {Ada Lovelace}, title = {Notes}, publisher = unknownpress}\n' +
        '@string{self = self # "x"}\n@article{c, title = self}',
    );
    expect(digest.papers.map((paper) => [paper.title, paper.authors])).toEqual([['Notes', ['Ada Lovelace']]]);
    expect(digest.skipped).toEqual([
      {
        where: '2 entries (@article{a}, @article{c})',
        reason: 'they use undefined macros Stuetzle, Hoos, self — import the file that defines them alongside',
      },
    ]);
  });

  it('names one entry and one undefined macro as such', () => {
    const digest = parse('@article{a, author = Hoos, title = {T}}\n@article{b, title = {Fine}}');
    expect(digest.skipped).toEqual([
      {
        where: 'entry 1 (@article{a})',
        reason: 'it uses the undefined macro Hoos — import the file that defines it alongside',
      },
    ]);
  });

  it('takes what an entry lacks from the one it cross-references, which is not a paper itself', () => {
    const digest = parse(
      '@inproceedings{paper, title = {A Paper}, author = {Ada Lovelace}, crossref = {Conf2019}}\n' +
        '@inproceedings{other, title = {Another}, year = 2018, crossref = {conf2019}, doi = {10.1000/other}}\n' +
        '@proceedings{conf2019, title = {Proceedings of the Conference}, year = 2019, doi = {10.1000/volume},\n' +
        '  editor = {Grace Hopper}, author = {The Editors}}',
    );
    expect(digest.papers.map(({ title, authors, year, doi }) => ({ title, authors, year, doi }))).toEqual([
      { title: 'A Paper', authors: ['Ada Lovelace'], year: 2019, doi: null },
      { title: 'Another', authors: ['The Editors'], year: 2018, doi: '10.1000/other' },
    ]);
    expect(digest.skipped).toEqual([
      {
        where: 'entry 3 (@proceedings{conf2019})',
        reason: 'it is the volume other entries cross-reference, not a paper',
      },
    ]);
  });

  it('reads entries without a key, and passes over comments in and outside @comment', () => {
    const digest = parse(
      '% Exported 2024-05-01. Write to ada@example.org {with questions}.\n' +
        '@comment{ @article{commented, title = {Not This}} }\n' +
        '@Comment{jabref-meta: databaseType:bibtex;}\n' +
        '@article{title = {No Key}, year = 2020}\n' +
        '@article{, title = {Empty Key}}\n' +
        'Text between entries is a comment too.\n' +
        '@misc{k, title = {Kept}}',
    );
    expect(digest.papers.map((paper) => paper.title)).toEqual(['No Key', 'Empty Key', 'Kept']);
    expect(digest.skipped).toEqual([]);
  });
});

describe('hostile BibTeX', () => {
  const parse = (text: string) => parseBibtex(text, { fileName: 'x.bib', now: '2025-03-11T08:00:00.000Z' });
  // Each case below once took minutes or ran out of memory (the bound: tests/timing.ts).
  const parseTimed = (text: string) => {
    let digest = parse('');
    const ms = timed(() => (digest = parse(text)));
    return { digest, ms };
  };

  it('skips an entry whose @string macros double up to 268 million characters, without expanding them', () => {
    let source = '@string{s0 = "xxxxxxxx"}\n';
    for (let i = 1; i <= 25; i++) source += `@string{s${i} = s${i - 1} # s${i - 1}}\n`;
    source += '@article{k, title = s25}\n@article{fine, title = {Fine}, note = s17}\n';
    // It used to build the title (minutes of work) and then run out of memory.
    const { digest, ms } = parseTimed(source);
    expect(ms).toBeLessThan(LINEAR_WORK_MS);
    expect(digest.papers.map((paper) => paper.title)).toEqual(['Fine']);
    // s17 is 8 × 2^17 characters: 1 MiB, the most a field may have.
    expect(8 * 2 ** 17).toBe(MAX_EXPANDED_FIELD_LENGTH);
    expect(digest.skipped).toContainEqual({ where: '@string at line 19', reason: FIELD_TOO_LONG });
    expect(digest.skipped).toContainEqual({ where: 'entry 1 (@article{k})', reason: FIELD_TOO_LONG });
    expect(FIELD_TOO_LONG).toBe('a field is too long after expanding @string macros');
  });

  it('limits how much text macros expand to in a whole file, as many fields of a long one add up', () => {
    const macro = `@string{long = {${'y'.repeat(1024 * 1024)}}}\n`;
    const entries = Array.from({ length: 40 }, (_, i) => `@misc{k${i}, title = {T${i}}, note = long}\n`).join('');
    const digest = parse(macro + entries);
    expect(digest.papers).toHaveLength(16);
    expect(digest.skipped[0]).toEqual({
      where: 'entry 17 (@misc{k16})',
      reason: 'its @string macros expand to more than 16 MB of text in all',
    });
  });

  it('keeps a long field written out in the file, and reads on after a field too long', () => {
    const long = 'word '.repeat(300_000);
    const digest = parse(
      `@string{s = {${long}}}\n@misc{a, title = {A}, abstract = {${long}}}\n@misc{b, title = {B}, abstract = s # s} @misc{c, title = {C}}\n`,
    );
    expect(digest.papers.map((paper) => paper.title)).toEqual(['A', 'C']);
    expect(digest.skipped).toEqual([{ where: 'entry 2 (@misc{b})', reason: FIELD_TOO_LONG }]);
  });

  it('reads 200,000 entries or @strings on one line', () => {
    // Blocks were passed on as arguments (a RangeError), and each @string counted the lines before it again.
    const entries = parse('@misc{k}'.repeat(200_000));
    expect(entries.skipped).toHaveLength(200_000);
    const { digest: strings, ms } = parseTimed(`${'@string{a = {T}}'.repeat(200_000)}\n@misc{k, title = a}`);
    expect(ms).toBeLessThan(LINEAR_WORK_MS);
    expect(strings.papers.map((paper) => paper.title)).toEqual(['T']);
  });

  it('decodes a title of 10,000 nested accents, and finds the URL before 200,000 closing brackets', () => {
    const { digest, ms } = parseTimed(
      `@misc{k, title = {${'\\"{'.repeat(10_000)}o${'}'.repeat(10_000)}}, url = {https://example.org/${']'.repeat(200_000)}}}`,
    );
    expect(ms).toBeLessThan(LINEAR_WORK_MS);
    expect(digest.papers[0]).toMatchObject({
      title: `o${'\u0308'.repeat(10_000)}`.normalize('NFC'),
      links: ['https://example.org/'],
    });
  });

  it('quotes keys, types and field names in messages as one clean, short line', () => {
    const digest = parse(
      `@article{key\u001b[31m,\n  title = \n}\n@misc{${'k'.repeat(10_000)}, title {T}}\n@misc{k, ti\u202etle {T}}\n`,
    );
    expect(digest.skipped).toEqual([
      { where: 'entry 1 (@article{key\\x1b[31m})', reason: 'the field "title" has no value' },
      { where: `entry 2 (@misc{${'k'.repeat(60)}…})`, reason: 'the field "title" has no "="' },
      { where: 'entry 3 (@misc{k})', reason: 'the field "ti\\u202etle" has no "="' },
    ]);
  });
});

describe('splitNames', () => {
  it('splits on "and" outside braces and puts first names first', () => {
    expect(splitNames('{Barnes and Noble} and de la Fuente, Ana and Ada   Lovelace AND Turing, A. M.')).toEqual([
      'Barnes and Noble',
      'Ana de la Fuente',
      'Ada Lovelace',
      'A. M. Turing',
    ]);
  });

  it('reads braces, "and" inside them, TeX, "others" and names across lines the same from one cache', () => {
    const cache = new NameCache();
    const field =
      'Schr{\\"o}dinger, Erwin and\n    {The {ATLAS} and {CMS} Collaborations}\tand  G{\\"{o}}del,\n Kurt and others';
    const expected = ['Erwin Schrödinger', 'The ATLAS and CMS Collaborations', 'Kurt Gödel'];
    expect(splitNames(field, cache)).toEqual(expected);
    // Again, now from the cache, and with the names written elsewhere in the field.
    expect(splitNames(`  ${field}  `, cache)).toEqual(expected);
    expect(splitNames('OTHERS and Kurt Gödel and and Gödel, Kurt', cache)).toEqual(['Kurt Gödel', 'Kurt Gödel']);
    expect(splitNames('{Unbalanced and} Name} and Ada', cache)).toEqual(['Unbalanced and Name and Ada']);
    expect(splitNames('Andrew Anderson and AND', cache)).toEqual(['Andrew Anderson']);
  });

  it('reads a name written one space apart as it reads it written with tabs', () => {
    // Tabs take the long way (every word split out and joined again), single spaces a short one.
    const pieces = [
      'Ada',
      'de',
      'la',
      'others',
      'OTHERS',
      'and',
      'Jr.',
      ',',
      ' ',
      ' ',
      ' ',
      '  ',
      '{',
      '}',
      '{\\"o}',
      'G{\\"{o}}del',
      '$x$',
      'é',
      'o\u0308',
    ];
    let seed = 5;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let index = 0; index < 5000; index++) {
      const field = Array.from(
        { length: Math.floor(next() * 16) },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join('');
      expect([field, splitNames(field)]).toEqual([field, splitNames(field.replaceAll(' ', '\t'))]);
    }
  });
});

describe('what a DBLP bibliography says of each paper', () => {
  const DBLP = readFileSync(new URL('./fixtures/dblp.bib', import.meta.url), 'utf8');
  const digest = parseBibtex(DBLP, { fileName: 'dblp.bib', now: '2026-12-07T08:00:00.000Z' });
  const factsOf = (title: string) => digest.papers.find((paper) => paper.title.startsWith(title))?.facts;

  it('keeps the entry type, the venue (a @string macro too), pages, publisher, editors and month', () => {
    expect(factsOf('Denoising Diffusion')).toEqual({
      type: 'inproceedings',
      venue:
        'Advances in Neural Information Processing Systems 33: Annual Conference on Neural Information Processing ' +
        'Systems 2020, NeurIPS 2020, December 6-12, 2020, virtual',
      pages: '6840–6851',
      publisher: 'Curran Associates, Inc.',
      editors: ['Hugo Larochelle', "Marc'Aurelio Ranzato", 'Raia Hadsell', 'Maria-Florina Balcan', 'Hsuan-Tien Lin'],
      month: 12,
    });
    expect(factsOf('Mastering the game of Go')).toEqual({
      type: 'article',
      venue: 'Nat.',
      volume: '529',
      number: '7587',
      pages: '484–489',
      month: 1,
    });
  });

  it('takes a series, a school or an institution as what they are, and editors from the volume cross-referenced', () => {
    expect(factsOf('Practical Recommendations')).toEqual({
      type: 'incollection',
      venue: 'Neural Networks: Tricks of the Trade - Second Edition',
      series: 'Lecture Notes in Computer Science',
      volume: '7700',
      pages: '437–478',
      publisher: 'Springer',
      editors: ['Grégoire Montavon', 'Genevieve B. Orr', 'Klaus-Robert Müller'],
    });
    expect(factsOf('Training Recurrent')).toEqual({ type: 'phdthesis', publisher: 'University of Toronto, Canada' });
    expect(factsOf('Structured Programming')).toMatchObject({
      type: 'techreport',
      number: 'STAN-CS-74-416',
      publisher: 'Stanford University',
    });
    expect(factsOf('Adam')).toMatchObject({ type: 'inproceedings', editors: ['Yoshua Bengio', 'Yann LeCun'] });
  });

  it("keeps arXiv's primary class, and a biblatex date as the day published", () => {
    const parsed = parseBibtex(
      '@misc{a, title = {A}, eprint = {2006.11239}, archivePrefix = {arXiv}, primaryClass = {cs.LG}, year = 2020}\n' +
        '@online{b, title = {B}, date = {2024-02-29}, month = {2}, journaltitle = {TMLR}}\n' +
        '@article{c, title = {C}, primaryClass = {cs.LG}, month = {13}, year = 2020}\n',
      ctx,
    );
    expect(parsed.papers.map((paper) => paper.facts)).toEqual([
      { type: 'misc', primaryCategory: 'cs.LG' },
      { type: 'online', venue: 'TMLR', month: 2, published: '2024-02-29' },
      { type: 'article' },
    ]);
  });

  it('reads the month however it is written', () => {
    const written = [
      'jan',
      'Feb',
      '{March}',
      '"apr"',
      '{May.}',
      '{06}',
      '7',
      '{ 8 }',
      '{sept}',
      '{Oct.}',
      '{11}',
      '{december}',
    ];
    const parsed = parseBibtex(
      [...written, '{13}', '{0}', '{Ma}', '{}']
        .map((month, index) => `@misc{m${index}, title = {T}, month = ${month}}`)
        .join('\n'),
      ctx,
    );
    expect(parsed.papers.map((paper) => paper.facts?.month ?? null)).toEqual([
      ...written.map((_, index) => index + 1),
      ...[null, null, null, null],
    ]);
  });

  it('imports an entry whose venue or publisher uses an undefined macro, without them, and says so', () => {
    const parsed = parseBibtex(
      '@incollection{b, author = {Ada Lovelace}, title = {Notes}, booktitle = ae, publisher = unknownpress, volume = 3}\n',
      ctx,
    );
    expect(parsed.papers.map((paper) => [paper.title, paper.facts])).toEqual([
      ['Notes', { type: 'incollection', volume: '3' }],
    ]);
    expect(parsed.notes).toEqual([
      'entry 1 (@incollection{b}): its venue, publisher or other details use undefined macros ae, unknownpress, so ' +
        'those were left out — import the file that defines them alongside to have them',
    ]);
  });
});
