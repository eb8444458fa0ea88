import { describe, expect, it } from 'vitest';
import { paper } from '../../tests/builders.js';
import { parseManifest, manifestJson } from './folder-manifest.js';
import { planFolderExport, type NameInFolder } from './folder-plan.js';
import { describeFolderExport } from './folder-report.js';
import { markdownFolder, withoutOwnerKey } from './markdown.js';

const options = { abstracts: false, digestTitles: new Map<string, string>() };

describe('a folder export beside files already there', () => {
  const papers = [
    paper('p1', { title: 'Attention', note: 'one' }),
    paper('p2', { title: 'Diffusion', note: 'two' }),
    paper('p3', { title: 'Graphs', note: 'three' }),
  ];
  const files = markdownFolder(papers, options);
  const plan = (folder: NameInFolder[]) => planFolderExport(files, folder);

  it('writes every file new into an empty folder', () => {
    const { files: planned, report } = plan([]);
    expect(planned.map((file) => [file.name, file.replaces])).toEqual([
      ['Attention.md', null],
      ['Diffusion.md', null],
      ['Graphs.md', null],
    ]);
    expect(report).toEqual({ written: 3, replaced: [], kept: [], left: [] });
    expect(describeFolderExport(report)).toBe('');
  });

  it('never writes over a name that is not its own paper’s, whatever its case or normalization', () => {
    const { files: planned, report } = plan([
      { name: 'ATTENTION.md', owner: null },
      { name: 'Diffusion.md', owner: 'p3' },
      { name: 'own.txt', owner: null },
    ]);
    expect(planned.map((file) => [file.name, file.replaces])).toEqual([
      ['Attention (2).md', null],
      ['Diffusion (2).md', null],
      ['Graphs.md', null],
    ]);
    expect(report.kept).toEqual([{ name: 'ATTENTION.md', instead: 'Attention (2).md' }]);
    expect(report.left).toEqual(['Diffusion.md']);
    expect(describeFolderExport(report)).toBe(
      'Left 1 file of yours as it was: ATTENTION.md (wrote Attention (2).md instead). Left 1 file from an earlier export that this one did not replace: Diffusion.md.',
    );
  });

  it('writes over its own paper’s file, spelt as the folder has it', () => {
    const { files: planned, report } = plan([
      { name: 'attention.md', owner: 'p1' },
      { name: 'Diffusion.md', owner: 'p2' },
    ]);
    expect(planned.map((file) => [file.name, file.replaces])).toEqual([
      ['attention.md', 'attention.md'],
      ['Diffusion.md', 'Diffusion.md'],
      ['Graphs.md', null],
    ]);
    expect(describeFolderExport(report)).toBe('Replaced 2 files from an earlier export: attention.md, Diffusion.md.');
  });

  it('keeps the name a paper’s file already has, so that names stay put', () => {
    const { files: planned, report } = plan([{ name: 'Attention (2).md', owner: 'p1' }]);
    expect(planned[0]).toMatchObject({ name: 'Attention (2).md', replaces: 'Attention (2).md' });
    expect(report.left).toEqual([]);
  });

  it('lists many names of its own files briefly, and every file of the user’s', () => {
    const report = {
      written: 30,
      replaced: Array.from({ length: 12 }, (_, i) => `P${i}.md`),
      kept: [{ name: 'mine.md', instead: 'mine (2).md' }],
      left: [],
    };
    expect(describeFolderExport(report, 2)).toBe(
      'Replaced 12 files from an earlier export: P0.md, P1.md and 10 more. Left 1 file of yours as it was: mine.md (wrote mine (2).md instead).',
    );
  });
});

describe('what marks a file as Shelfmark’s', () => {
  it('writes the paper’s id in the front matter, and knows a file exported before that key', () => {
    const [file] = markdownFolder([paper('2401.00001', { title: 'T', note: 'n' })], options);
    const content = file?.content ?? '';
    expect(content).toContain('\nshelfmark: "2401.00001"\n---\n');
    expect(withoutOwnerKey(content)).toBe(content.replace('shelfmark: "2401.00001"\n', ''));
    expect(withoutOwnerKey('---\ntitle: x\n---\n\nshelfmark: not front matter')).toBe(
      '---\ntitle: x\n---\n\nshelfmark: not front matter',
    );
  });

  it('reads back the manifest it writes, and refuses one it did not', () => {
    const manifest = new Map([['Cafe\u0301.md', { paper: 'p', sha256: ['a'.repeat(64)] }]]);
    expect(parseManifest(manifestJson(manifest))).toEqual(new Map([['Café.md', manifest.get('Cafe\u0301.md')]]));
    expect(parseManifest('{"files": {}}')).toBeNull();
    expect(parseManifest('not json')).toBeNull();
    expect(
      parseManifest('{"format":"shelfmark-export","version":1,"files":{"a.md":{"paper":"p","sha256":["x"]}}}'),
    ).toBeNull();
  });
});
