import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { paper as testPaper } from '../../tests/builders.js';
import type { Paper } from '../model.js';
import { bibtexEntries } from './bibtex.js';
import { safeBaseName, uniqueFileNames } from './file-names.js';
import { markdownDocument, markdownFolder } from './markdown.js';
import { demoteHeadings } from './markdown-text.js';

function paper(fields: Partial<Paper> & Pick<Paper, 'id' | 'title'>): Paper {
  return testPaper(fields.id, {
    abstract: 'An abstract.',
    authors: ['Ada Lovelace', 'Alan Turing'],
    digests: ['hf-2026-03-11-abc'],
    addedAt: '2026-11-27T10:00:00.000Z',
    ...fields,
  });
}

const options = {
  abstracts: false,
  digestTitles: new Map([['hf-2026-03-11-abc', 'Hugging Face Daily Papers, Mar 11']]),
};

function splitFrontMatter(content: string): { data: unknown; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n\n/.exec(content);
  if (match === null) throw new Error(`no front matter in ${content}`);
  return { data: parseYaml(match[1] ?? ''), body: content.slice(match[0].length) };
}

describe('Markdown folder export', () => {
  it.each([
    ['a title: with a colon', ['tag:colon']],
    ['"Quoted" and \'single\' quotes', ['quote"d']],
    ['# Not a comment, and a #hash', ['#hash', 'c#']],
    ['Ünïcödé — 量子コンピュータ 🧪', ['日本語', 'émigré']],
    ['- starts like a list: [and] {braces} & *stars* | pipes > gt', ['yes', 'no', 'null', '1.5']],
    ['Line\\break and back\\slash\ttab', ['~']],
  ])('writes front matter a YAML parser reads back exactly: %s', (title, tags) => {
    const read = paper({
      id: '2302.04265',
      title,
      arxivId: '2302.04265',
      links: ['https://arxiv.org/abs/2302.04265', 'https://github.com/x/y'],
      tags,
      status: 'read',
      readAt: '2026-11-20T08:30:00.000Z',
      note: 'n',
    });
    const [file] = markdownFolder([read], options);
    const { data } = splitFrontMatter(file?.content ?? '');
    expect(data).toEqual({
      title,
      authors: ['Ada Lovelace', 'Alan Turing'],
      arxiv: '2302.04265',
      url: 'https://arxiv.org/abs/2302.04265',
      tags,
      status: 'read',
      read: '2026-11-20',
      digests: ['Hugging Face Daily Papers, Mar 11'],
      shelfmark: '2302.04265',
    });
  });

  it('keeps the note byte for byte, whatever it holds', () => {
    const note = [
      '---',
      'title: not front matter',
      '---',
      '',
      '# A heading',
      '',
      '```ts',
      'const x = `template ${literal}`;',
      '```',
      '',
      '<script>alert(1)</script> <b>html</b>',
      '',
      'Setext',
      '------',
      '\ttrailing spaces   ',
      '',
    ].join('\n');
    const [file] = markdownFolder([paper({ id: 'p', title: 'T', note })], options);
    const { body, data } = splitFrontMatter(file?.content ?? '');
    expect(body).toBe(note);
    expect(data).toMatchObject({ title: 'T', arxiv: null, url: null, read: null, tags: [] });
  });

  it('adds the abstract before the note when asked', () => {
    const [file] = markdownFolder([paper({ id: 'p', title: 'T', abstract: 'Two\nlines.', note: 'Mine.' })], {
      ...options,
      abstracts: true,
    });
    expect(splitFrontMatter(file?.content ?? '').body).toBe('> Two\n> lines.\n\nMine.');
  });

  it('names files safely and uniquely', () => {
    const names = uniqueFileNames(
      [
        { title: 'A/B: C?', fallback: 'x' },
        { title: 'a/b: c?', fallback: 'y' },
        { title: 'CON', fallback: 'z' },
        { title: '?!...', fallback: 'hep-th/9901001' },
        { title: 'x'.repeat(300), fallback: 'w' },
        { title: '量子コンピュータによる機械学習の新しい手法について', fallback: 'v' },
        { title: ' .hidden. ', fallback: 'u' },
      ],
      '.md',
    );
    expect(names.slice(0, 4)).toEqual(['A B C.md', 'a b c (2).md', 'CON_.md', 'hep-th 9901001.md']);
    expect(new TextEncoder().encode(names[4]).length).toBeLessThanOrEqual(123);
    expect(names[5]).toBe('量子コンピュータによる機械学習の新しい手法について.md');
    expect(names[6]).toBe('hidden.md');
    for (const name of names) {
      // eslint-disable-next-line no-control-regex -- control characters are what this test looks for
      expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
      expect(name).not.toMatch(/[. ]\.md$/);
    }
    expect(safeBaseName('nul.txt', 'f')).toBe('nul.txt_');
    expect(safeBaseName('LPT1', 'f')).toBe('LPT1_');
  });
});

describe('Markdown document export', () => {
  it('gives each paper a section and demotes the headings of its note', () => {
    const document = markdownDocument(
      [
        paper({
          id: '2302.04265',
          title: 'PFGM++: Unlocking *Physics*',
          arxivId: '2302.04265',
          links: ['https://arxiv.org/abs/2302.04265', 'https://github.com/x/y'],
          tags: ['generative'],
          status: 'read',
          readAt: '2026-11-20T08:30:00.000Z',
          note: '# Summary\n\nIt works.\n\n```\n# not a heading\n```\n',
        }),
      ],
      options,
    );
    expect(document).toBe(
      [
        '# Reading notes',
        '',
        '1 paper, exported from Shelfmark.',
        '',
        '## PFGM++: Unlocking \\*Physics\\*',
        '',
        '- **Authors:** Ada Lovelace, Alan Turing',
        '- **arXiv:** [2302.04265](https://arxiv.org/abs/2302.04265)',
        '- **Links:** <https://github.com/x/y>',
        '- **Tags:** #generative',
        '- **Status:** read (2026-11-20)',
        '- **Digests:** Hugging Face Daily Papers, Mar 11',
        '',
        '### Summary',
        '',
        'It works.',
        '',
        '```',
        '# not a heading',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('demotes ATX and setext headings, caps at level 6, and leaves breaks alone', () => {
    expect(demoteHeadings('Title\n=====\n\nSub\n---\n\n---\n\n##### Deep', 2)).toBe(
      '### Title\n\n#### Sub\n\n---\n\n###### Deep',
    );
  });

  it('is deterministic', () => {
    const papers = [paper({ id: 'a', title: 'A', note: 'x' }), paper({ id: 'b', title: 'B', note: 'y' })];
    expect(markdownDocument(papers, options)).toBe(markdownDocument(papers, options));
  });
});

describe('BibTeX export', () => {
  it('writes arXiv papers as entries with eprint and url, escaping specials', () => {
    const bib = bibtexEntries([
      paper({
        id: '2302.04265',
        title: 'PFGM++: 100% of {Physics} & More',
        authors: ['Yilun Xu', 'Ziming Liu'],
        arxivId: '2302.04265',
        categories: ['cs.LG'],
        links: ['https://arxiv.org/abs/2302.04265'],
        tags: ['generative'],
      }),
      paper({ id: 'p2', title: 'PFGM++ again', authors: ['Yilun Xu'], arxivId: '2302.00001' }),
    ]);
    expect(bib).toBe(
      [
        '@misc{xu2023pfgm,',
        '  title = {{PFGM++: 100\\% of \\{Physics\\} \\& More}},',
        '  author = {Yilun Xu and Ziming Liu},',
        '  year = {2023},',
        '  eprint = {2302.04265},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.LG},',
        '  url = {https://arxiv.org/abs/2302.04265},',
        '  keywords = {generative}',
        '}',
        '',
        '@misc{xu2023pfgm2,',
        '  title = {{PFGM++ again}},',
        '  author = {Yilun Xu},',
        '  year = {2023},',
        '  eprint = {2302.00001},',
        '  archivePrefix = {arXiv},',
        '  url = {https://arxiv.org/abs/2302.00001}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes an imported entry as what it is: its type, venue, editors, volume, pages, publisher and month', () => {
    const bib = bibtexEntries([
      paper({
        id: 'ddpm',
        title: 'Denoising Diffusion Probabilistic Models',
        authors: ['Jonathan Ho'],
        year: 2020,
        doi: '10.5555/3495724',
        links: [],
        facts: {
          type: 'inproceedings',
          venue: 'Advances in Neural Information Processing Systems 33',
          editors: ['Hugo Larochelle', "Marc'Aurelio Ranzato"],
          volume: '33',
          number: '2',
          pages: '6840–6851',
          publisher: 'Curran Associates, Inc. & Co',
          month: 12,
        },
      }),
      paper({
        id: 'tr',
        title: 'Structured Programming',
        authors: ['Donald E. Knuth'],
        year: 1974,
        links: [],
        facts: { type: 'techreport', number: 'STAN-CS-74-416', publisher: 'Stanford University' },
      }),
      paper({
        id: 'odd',
        title: 'Odd',
        authors: ['Ada Lovelace'],
        links: [],
        facts: { type: 'article{x', venue: 'Nat.' },
      }),
    ]);
    expect(bib).toBe(
      [
        '@inproceedings{ho2020denoising,',
        '  title = {{Denoising Diffusion Probabilistic Models}},',
        '  author = {Jonathan Ho},',
        '  booktitle = {Advances in Neural Information Processing Systems 33},',
        "  editor = {Hugo Larochelle and Marc'Aurelio Ranzato},",
        '  volume = {33},',
        '  number = {2},',
        '  pages = {6840--6851},',
        '  publisher = {Curran Associates, Inc. \\& Co},',
        '  year = {2020},',
        '  month = dec,',
        '  doi = {10.5555/3495724}',
        '}',
        '',
        '@techreport{knuth1974structured,',
        '  title = {{Structured Programming}},',
        '  author = {Donald E. Knuth},',
        '  number = {STAN-CS-74-416},',
        '  institution = {Stanford University},',
        '  year = {1974}',
        '}',
        '',
        // A type Shelfmark could not write as one is written as a paper of no particular type.
        '@misc{lovelaceodd,',
        '  title = {{Odd}},',
        '  author = {Ada Lovelace},',
        '  journal = {Nat.}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it("writes a paper known only from arXiv as arXiv's own BibTeX does, its primary class the primary category", () => {
    const bib = bibtexEntries([
      paper({
        id: '2410.03060',
        title: 'T',
        authors: ['Ada Lovelace'],
        arxivId: '2410.03060',
        categories: ['cs.AI', 'cs.LG'],
        links: [],
        facts: { primaryCategory: 'cs.LG', published: '2024-10-03', journalRef: 'Phys. Rev. D 76 (2024)' },
      }),
    ]);
    expect(bib).toBe(
      [
        '@misc{lovelace2024t,',
        '  title = {{T}},',
        '  author = {Ada Lovelace},',
        '  year = {2024},',
        '  eprint = {2410.03060},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.LG},',
        '  url = {https://arxiv.org/abs/2410.03060}',
        '}',
        '',
      ].join('\n'),
    );
  });
});
