import { describe, expect, it } from 'vitest';
import { paper as testPaper } from '../../tests/builders.js';
import { parseBibtex } from '../import/bibtex.js';
import type { Paper } from '../model.js';
import { bibtexEntries } from './bibtex.js';
import { markdownDocument, markdownFolder } from './markdown.js';

function paper(title: string, abstract = ''): Paper {
  return testPaper('p', { title, abstract, authors: ['Mei Tanaka'], year: 2025 });
}

const options = { abstracts: true, digestTitles: new Map<string, string>() };

const heading = (title: string): string | undefined =>
  markdownDocument([paper(title)], options)
    .split('\n')
    .find((line) => line.startsWith('## '));

describe('Markdown export of math', () => {
  it('writes the math of a title as $…$, as written, for Obsidian to render', () => {
    // Escaped, `\nabla` would read `\` `nabla` and `L_2` an emphasis.
    expect(heading('$\\nabla^2$DFT: a_b *not bold* L$^2$M and $L_2$ Norm')).toBe(
      '## $\\nabla^2$DFT: a\\_b \\*not bold\\* L$^2$M and $L_2$ Norm',
    );
    expect(heading('Bounds in $\\mathcal{O}(n \\log n)$ [sic]')).toBe(
      '## Bounds in $\\mathcal{O}(n \\log n)$ \\[sic\\]',
    );
  });

  it('writes a dollar sign that is no math as \\$, so that nothing renders as math that is not', () => {
    expect(heading('From $5 to $10 a day')).toBe('## From \\$5 to \\$10 a day');
    expect(heading('For \\$5 we get $\\alpha$')).toBe('## For \\$5 we get $\\alpha$');
  });

  it('writes the math of an abstract as written, in the document and in a file of its own', () => {
    const abstract = 'We learn $\\nabla^2 \\phi$ fields with $x_{i}^{2}$ terms.';
    expect(markdownDocument([paper('T', abstract)], options)).toContain(`\n> ${abstract}\n`);
    const [file] = markdownFolder([paper('$\\nabla^2$DFT', abstract)], options);
    expect(file?.content).toContain('title: "$\\\\nabla^2$DFT"');
    expect(file?.content).toContain(`\n> ${abstract}\n`);
  });
});

describe('BibTeX export of math', () => {
  const title = '$\\nabla^2$DFT: 100% of $\\mathcal{O}(n)$ for \\$5';

  it('writes the math of a title as TeX, and the rest escaped', () => {
    expect(bibtexEntries([paper(title)])).toContain('title = {{$\\nabla^2$DFT: 100\\% of $\\mathcal{O}(n)$ for \\$5}}');
  });

  it('reads back as the same title', () => {
    const bib = bibtexEntries([paper(title)]);
    const [read] = parseBibtex(bib, { fileName: 'export.bib', now: '2025-03-13T08:00:00.000Z' }).papers;
    expect(read?.title).toBe(title);
  });

  it('writes math whose braces do not balance as text, so that the field ends where it should', () => {
    expect(bibtexEntries([paper('A $\\{x$ set')])).toContain('title = {{A \\$\\textbackslash{}\\{x\\$ set}}');
  });
});
