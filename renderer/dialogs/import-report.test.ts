import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../core/api.js';
import { Controller } from '../controller/controller.js';
import { ControllerContext } from '../kit/context.js';
import { ImportReportDialog } from './ImportReportDialog.js';

/** The dialog reads nothing of the controller while it renders on the server: one never constructed is enough. */
const controller = Object.create(Controller.prototype) as Controller;

/** The dialog's text, tags dropped. */
function textOf(report: ImportReport): string {
  const html = renderToStaticMarkup(
    createElement(
      ControllerContext.Provider,
      { value: controller },
      createElement(ImportReportDialog, { report, onClose: () => undefined }),
    ),
  );
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/&quot;/g, '"')
    .trim();
}

const bookId = 'title-0dd7e9c0181022';
const REPORT: ImportReport = {
  added: 5,
  merged: 2,
  files: [
    {
      file: 'refs.bib',
      ok: true,
      kind: 'digest',
      warnings: [],
      notes: [],
      summary: {
        digest: { id: 'bib-1', title: 'BibTeX: refs' },
        added: [],
        merged: [
          { id: bookId, title: 'Working memory' },
          { id: '2509.25220', title: 'Cyclic Ablation' },
        ],
        mergedInFile: [{ id: '2509.25220', title: 'Cyclic Ablation' }],
        skipped: [],
      },
    },
  ],
};

describe('the import report', () => {
  it('counts the merges within each file apart from those with the library, and names them', () => {
    const text = textOf(REPORT);
    expect(text).toContain(
      '5 new papers added · 1 entry merged with papers in the same file · 2 merged with papers already in your library',
    );
    expect(text).toContain('1 entry merged in the file 2 merged with your library');
    expect(text).toContain('Entries merged with papers in the same file Cyclic Ablation 2509.25220');
    expect(text).toContain(`Merged with papers already in your library Working memory ${bookId} Cyclic Ablation`);
  });

  it('says nothing of merges within files when there were none', () => {
    const file = REPORT.files[0];
    if (file === undefined || !file.ok || file.kind !== 'digest') throw new Error('a digest result');
    const text = textOf({ ...REPORT, files: [{ ...file, summary: { ...file.summary, mergedInFile: [] } }] });
    expect(text).not.toContain('same file');
    expect(text).toContain('5 new papers added · 2 merged with papers already in your library');
  });

  it('offers the papers of the digest it brought in, one offer per digest when there are several', () => {
    expect(textOf(REPORT)).toContain('Show these 2 papers Done');
    const file = REPORT.files[0];
    if (file === undefined || !file.ok || file.kind !== 'digest') throw new Error('a digest result');
    const other = { ...file, file: 'more.bib', summary: { ...file.summary, digest: { id: 'bib-2', title: 'More' } } };
    const twoFiles = textOf({
      ...REPORT,
      files: [
        file,
        { ...other, summary: { ...other.summary, merged: [other.summary.merged[0] ?? { id: 'x', title: 'x' }] } },
      ],
    });
    expect(twoFiles).toContain('Show these 2 papers');
    expect(twoFiles).toContain('Show this paper');
    expect(twoFiles).toMatch(/Show this paper Done$/);
    const nothing = textOf({ ...REPORT, files: [{ ...file, summary: { ...file.summary, merged: [] } }] });
    expect(nothing).not.toContain('Show');
  });
});
