import { describe, expect, it } from 'vitest';
import { paper } from '../../tests/builders.js';
import type { LibrarySnapshot } from '../import/types.js';
import type { Paper } from '../model.js';
import { citationKeys } from './citation-key.js';
import { renderExport, type ExportFormat } from './index.js';

const keyOf = (fields: Partial<Paper>): string | undefined => citationKeys([paper('p', fields)])[0];

describe('citation keys', () => {
  it('are the first author’s family name, the year and the first significant title word, in lower-case ASCII', () => {
    expect(keyOf({ authors: ['Yilun Xu', 'Ziming Liu'], year: 2023, title: 'PFGM++: Unlocking the Potential' })).toBe(
      'xu2023pfgm',
    );
    expect(keyOf({ authors: ['Erwin Schrödinger'], year: 1926, title: 'The Wave Equation' })).toBe(
      'schrodinger1926wave',
    );
    expect(keyOf({ authors: [], year: null, title: 'On the $\\nabla^2$ Operator' })).toBe('nabla2');
    expect(keyOf({ authors: ['小明 王'], year: 2021, title: '量子' })).toBe('2021');
    expect(keyOf({ authors: [], year: null, title: '量子' })).toBe('paper');
  });

  it('take the family name, not a suffix, a given name written after it, or a letter lost to ASCII', () => {
    // Each was the last word of the name before: "jr", "d", "stergaard", "fontaine".
    expect(keyOf({ authors: ["Tip O'Neil Jr."], year: 2020, title: 'Politics' })).toBe('oneil2020politics');
    expect(keyOf({ authors: ['Baddeley, Alan D.'], year: 1974, title: 'Working Memory' })).toBe('baddeley1974working');
    expect(keyOf({ authors: ['Søren Østergaard'], year: 2019, title: 'Æther' })).toBe('ostergaard2019aether');
    expect(keyOf({ authors: ['Jean de La Fontaine'], year: 1668, title: 'Fables' })).toBe('lafontaine1668fables');
    expect(keyOf({ authors: ['Ludwig van Beethoven'], year: 1808, title: 'Symphony' })).toBe('beethoven1808symphony');
  });

  it('take the year of an arXiv id when the paper gives none, old-style ids too', () => {
    expect(keyOf({ authors: ['Yilun Xu'], year: null, arxivId: '2302.04265', title: 'PFGM++' })).toBe('xu2023pfgm');
    expect(keyOf({ authors: ['Juan Maldacena'], year: null, arxivId: 'hep-th/9711200', title: 'Large N' })).toBe(
      'maldacena1997large',
    );
  });

  it('tell apart papers whose keys would be the same by their order in the library', () => {
    const papers = [
      paper('a', { authors: ['Yilun Xu'], year: 2023, title: 'PFGM++' }),
      paper('b', { authors: ['Yilun Xu'], year: 2023, title: 'PFGM++ again' }),
      paper('c', { authors: ['Yilun Xu'], year: 2023, title: 'PFGM2' }),
      paper('d', { authors: ['Yilun Xu'], year: 2023, title: 'PFGM++ once more' }),
    ];
    expect(citationKeys(papers)).toEqual(['xu2023pfgm', 'xu2023pfgm2', 'xu2023pfgm22', 'xu2023pfgm3']);
    // Keyed over the library, a paper has its key whatever else an export holds, and in whatever order.
    const [a, b, c, d] = papers as [Paper, Paper, Paper, Paper];
    expect(citationKeys([d, b], papers)).toEqual(['xu2023pfgm3', 'xu2023pfgm2']);
    expect(citationKeys([c], papers)).toEqual(['xu2023pfgm22']);
    expect(citationKeys([a], papers)).toEqual(['xu2023pfgm']);
  });
});

describe('citation keys in the exports', () => {
  const papers = [
    paper('a', { authors: ['Yilun Xu'], year: 2023, title: 'PFGM++', arxivId: '2302.04265' }),
    paper('b', { authors: ['Yilun Xu'], year: 2023, title: 'PFGM++ again', arxivId: '2302.00001' }),
    paper('c', { authors: ['Alan D. Baddeley'], year: 1974, title: 'Working Memory', doi: '10.1016/x' }),
  ];
  const library: LibrarySnapshot = { catalogue: { papers, digests: [] }, states: {} };
  const exported = (format: ExportFormat, ids?: string[]): string => {
    const output = renderExport(library, {
      format,
      layout: 'document',
      abstracts: false,
      selection: { all: true, ...(ids === undefined ? {} : { ids }) },
    });
    if (output.kind !== 'document') throw new Error('a citation export gave a folder');
    return output.content;
  };
  const keysIn = (format: ExportFormat, ids?: string[]): string[] => {
    const content = exported(format, ids);
    if (format === 'bibtex') return Array.from(content.matchAll(/^@\w+\{([^,]+),$/gm), (match) => match[1] ?? '');
    if (format === 'ris') return Array.from(content.matchAll(/^ID {2}- (.+)\r$/gm), (match) => match[1] ?? '');
    return (JSON.parse(content) as { id: string; 'citation-key': string }[]).flatMap((entry) =>
      entry.id === entry['citation-key'] ? [entry.id] : [],
    );
  };

  it.each(['bibtex', 'csl-json', 'ris'] as const)('are the same in %s as in the others', (format) => {
    expect(keysIn(format)).toEqual(['xu2023pfgm', 'xu2023pfgm2', 'baddeley1974working']);
  });

  it.each(['bibtex', 'csl-json', 'ris'] as const)('are the same in %s whatever else the export holds', (format) => {
    expect(keysIn(format, ['b'])).toEqual(['xu2023pfgm2']);
    expect(keysIn(format, ['c', 'b'])).toEqual(['baddeley1974working', 'xu2023pfgm2']);
  });
});
