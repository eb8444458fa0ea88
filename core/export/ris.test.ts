import { describe, expect, it } from 'vitest';
import { paper } from '../../tests/builders.js';
import { risEntries } from './ris.js';

describe('RIS export', () => {
  it('writes an arXiv paper with the tags Zotero’s RIS import reads, one a line, CRLF', () => {
    const ris = risEntries([
      paper('p', {
        title: 'PFGM++: Unlocking the Potential',
        authors: ['Yilun Xu', 'Ludwig van Beethoven', "Tip O'Neil Jr.", 'OpenAI'],
        year: 2023,
        arxivId: '2302.04265',
        links: ['https://arxiv.org/abs/2302.04265'],
        abstract: 'We introduce PFGM++.\n\nA second\nparagraph.',
        tags: ['generative', 'to-cite'],
      }),
      paper('q', {
        title: 'Working Memory',
        authors: ['Alan D. Baddeley'],
        year: 1974,
        doi: '10.1016/x',
        abstract: '',
      }),
    ]);
    expect(ris).toBe(
      [
        'TY  - JOUR',
        'ID  - xu2023pfgm',
        'TI  - PFGM++: Unlocking the Potential',
        'AU  - Xu, Yilun',
        'AU  - van Beethoven, Ludwig',
        "AU  - O'Neil, Tip, Jr.",
        'AU  - OpenAI',
        'PY  - 2023',
        'AB  - We introduce PFGM++.',
        'A second paragraph.',
        'T2  - arXiv',
        'DB  - arXiv',
        'AN  - arXiv:2302.04265',
        'DO  - 10.48550/arXiv.2302.04265',
        'UR  - https://arxiv.org/abs/2302.04265',
        'KW  - generative',
        'KW  - to-cite',
        'ER  - ',
        '',
        'TY  - JOUR',
        'ID  - baddeley1974working',
        'TI  - Working Memory',
        'AU  - Baddeley, Alan D.',
        'PY  - 1974',
        'DO  - 10.1016/x',
        'ER  - ',
        '',
        '',
      ].join('\r\n'),
    );
  });

  it('keeps every value on its line: a title’s line breaks are spaces, and no paragraph reads as a tag', () => {
    const ris = risEntries([
      paper('p', {
        title: 'Bounds at \\$5:\n$\\epsilon$-Optimal\r\nER  - Search',
        abstract: 'First.\n\nAI - based methods, which\nZotero would take for a tag.\n\nLast.',
      }),
    ]);
    expect(ris).toContain('\r\nTI  - Bounds at $5: $\\epsilon$-Optimal ER - Search\r\n');
    expect(ris).toContain('\r\nAB  - First. AI - based methods, which Zotero would take for a tag.\r\nLast.\r\n');
  });

  it('is empty for no papers', () => {
    expect(risEntries([])).toBe('');
  });
});
