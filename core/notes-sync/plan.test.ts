import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { paper } from '../../tests/builders.js';
import type { Paper } from '../model.js';
import { readNoteFile, renderNoteFile, syncedContent, syncedState } from './note-file.js';
import { obsidianTag } from './obsidian-tags.js';
import { planNotesSync, type FolderFile, type NotesSyncInput, type SyncStep } from './plan.js';
import { EMPTY_FOLDER_RECORD, parseSyncRecord, syncRecordJson, type SyncedFile } from './sync-record.js';
import { DEFAULT_TEMPLATE, fileBaseName, templateFrom } from './template.js';

const hash = (text: string): string => createHash('sha256').update(text).digest('hex');
const titles = new Map<string, string>();

const noted = paper('p1', { title: 'Graph Nets', note: 'A note.', tags: ['gnn'] });

function plan(
  papers: readonly Paper[],
  files: readonly FolderFile[],
  record: [string, SyncedFile][] = [],
  more: Partial<NotesSyncInput> = {},
): SyncStep[] {
  return planNotesSync({
    papers,
    digestTitles: titles,
    folder: { files, unread: [], names: files.map((file) => file.path) },
    record: { ...EMPTY_FOLDER_RECORD, papers: new Map(record) },
    template: DEFAULT_TEMPLATE,
    scope: { kind: 'default' },
    restore: false,
    hash,
    ...more,
  });
}

const synced = (of: Paper, path: string, text = renderNoteFile(of, DEFAULT_TEMPLATE, titles)): SyncedFile => ({
  path,
  file: hash(text),
  paper: hash(syncedState(of, titles)),
  content: hash(syncedContent(of)),
});

describe('tags for Obsidian', () => {
  it('keeps letters, digits, _, - and /, makes the rest a hyphen, and never leaves digits alone', () => {
    expect(['ml', 'c++', 'q&a', 'ideas/later', '#todo', '2024', 'état'].map(obsidianTag)).toEqual([
      'ml',
      'c-',
      'q-a',
      'ideas/later',
      'todo',
      '_2024',
      'état',
    ]);
  });
});

describe('the template', () => {
  it('names files and keys as the user says, and refuses what would break the sync', () => {
    const template = templateFrom({
      fileName: '{year} {author} - {title}',
      keys: { authors: 'author', digests: null },
    });
    expect(fileBaseName(paper('x', { title: 'On Graphs', year: 2024, authors: ['Ada Lovelace'] }), template)).toBe(
      '2024 Lovelace - On Graphs',
    );
    const text = renderNoteFile(paper('x', { authors: ['Ada Lovelace'] }), template, titles);
    expect(text).toContain('author:\n  - "Ada Lovelace"');
    expect(text).not.toContain('digests');
    expect(() => templateFrom({ fileName: '{name}' })).toThrow(/\{name\}/);
    expect(() => templateFrom({ fileName: 'notes' })).toThrow(/placeholder/);
    expect(() => templateFrom({ keys: { title: 'shelfmark' } })).toThrow(/key for title/);
    expect(() => templateFrom({ keys: { title: 'name', authors: 'name' } })).toThrow(/two fields/);
  });
});

describe('reading a file', () => {
  it('tells a paper’s file from the user’s own, and says what is wrong with a broken one', () => {
    expect(readNoteFile('# Just a note\n', DEFAULT_TEMPLATE)).toEqual({ kind: 'other' });
    expect(readNoteFile('---\ntags: [a]\n---\nMine.', DEFAULT_TEMPLATE)).toEqual({ kind: 'other' });
    expect(readNoteFile('---\nshelfmark-conflict: "p1"\n---\n', DEFAULT_TEMPLATE)).toEqual({ kind: 'other' });
    expect(readNoteFile('---\nshelfmark: p1\ntags: "ml, #new"\n---\n\nBody', DEFAULT_TEMPLATE)).toEqual({
      kind: 'paper',
      content: { id: 'p1', note: 'Body', tags: ['ml', 'new'], status: null },
    });
    expect(readNoteFile('---\nshelfmark: p1\nstatus: Read\n---\n', DEFAULT_TEMPLATE)).toMatchObject({
      content: { status: 'read' },
    });
    expect(readNoteFile('---\nshelfmark: p1\nshelfmark: p2\n---\n', DEFAULT_TEMPLATE)).toMatchObject({
      kind: 'broken',
      reason: expect.stringContaining('unique') as string,
    });
    expect(readNoteFile('---\nshelfmark: p1\ntags: [a, "b,c"]\n---\n', DEFAULT_TEMPLATE)).toMatchObject({
      kind: 'broken',
      reason: expect.stringContaining('comma') as string,
    });
  });

  it('reads back exactly the note it wrote, whatever it holds', () => {
    for (const note of [
      '',
      '\n\nStarts with blank lines',
      '---\nlooks like front matter\n---\n',
      'Ends without a newline',
    ]) {
      const text = renderNoteFile({ ...noted, note }, DEFAULT_TEMPLATE, titles);
      expect(readNoteFile(text, DEFAULT_TEMPLATE)).toMatchObject({ kind: 'paper', content: { note } });
    }
  });
});

describe('the plan', () => {
  it('with no record, refreshes a file that agrees with the paper and sets apart one that does not', () => {
    const agrees = renderNoteFile(noted, DEFAULT_TEMPLATE, titles).replace('"Graph Nets"', '"Old title"');
    expect(plan([noted], [{ path: 'a.md', text: agrees }])).toMatchObject([{ kind: 'rewrite', path: 'a.md' }]);
    const differs = agrees.replace('A note.', 'Another note.');
    expect(plan([noted], [{ path: 'a.md', text: differs }])).toMatchObject([
      { kind: 'conflict', path: 'a.md', copyPath: 'a.shelfmark-conflict.md' },
    ]);
  });

  it('leaves a paper two files claim, and a file naming a paper not in the library', () => {
    const text = renderNoteFile(noted, DEFAULT_TEMPLATE, titles);
    expect(
      plan(
        [noted],
        [
          { path: 'a.md', text },
          { path: 'b/a.md', text },
        ],
      ),
    ).toMatchObject([
      { kind: 'skip', paper: { id: 'p1' }, reason: expect.stringContaining('2 files name this paper') as string },
    ]);
    expect(plan([], [{ path: 'a.md', text }])).toMatchObject([{ kind: 'skip', paper: null, path: 'a.md' }]);
  });

  it('finds a merged paper’s file by the id it had', () => {
    const kept = { ...noted, id: 'kept', aliases: ['p1'] };
    const text = renderNoteFile(noted, DEFAULT_TEMPLATE, titles).replace('A note.', 'Edited.');
    expect(plan([kept], [{ path: 'a.md', text }], [['kept', synced(noted, 'a.md')]])).toMatchObject([
      { kind: 'take-in', paper: { id: 'kept' }, take: { note: 'Edited.' } },
    ]);
  });

  it('ends a conflict once both sides say the same', () => {
    const text = renderNoteFile(noted, DEFAULT_TEMPLATE, titles);
    const entry = { ...synced(noted, 'a.md', 'older'), conflict: { path: 'a.shelfmark-conflict.md', hash: hash('x') } };
    const files = [
      { path: 'a.md', text },
      { path: 'a.shelfmark-conflict.md', text: 'x' },
    ];
    expect(plan([noted], files, [['p1', entry]])).toMatchObject([
      { kind: 'keep', entry: { path: 'a.md', file: hash(text) } },
    ]);
  });

  it('gives a new file no name a file written again has taken', () => {
    const deleted = paper('p1', { title: 'X', note: 'Mine.' });
    const fresh = paper('p2', { title: 'X', note: 'Also.' });
    const steps = plan([deleted, fresh], [], [['p1', synced(deleted, 'X.md')]], { restore: true });
    expect(steps.map((step) => (step.kind === 'write' ? step.path : step.kind))).toEqual(['X.md', 'X (2).md']);
  });

  it('does not take a missing file for deleted while another file was changing', () => {
    const steps = planNotesSync({
      papers: [noted],
      digestTitles: titles,
      folder: {
        files: [],
        unread: [{ path: 'moved.md', kind: 'changing', reason: 'it kept changing' }],
        names: ['moved.md'],
      },
      record: { ...EMPTY_FOLDER_RECORD, papers: new Map([['p1', synced(noted, 'a.md')]]) },
      template: DEFAULT_TEMPLATE,
      scope: { kind: 'default' },
      restore: true,
      hash,
    });
    expect(steps.map((step) => step.kind)).toEqual(['skip', 'skip']);
    expect(steps.some((step) => step.kind === 'write')).toBe(false);
  });
});

describe('the record', () => {
  it('reads back what it writes, ids such as __proto__ included', () => {
    const record = {
      settings: { folder: '/home/u/Vault', onChange: true },
      folders: new Map([
        ['/home/u/Vault', { template: DEFAULT_TEMPLATE, papers: new Map([['__proto__', synced(noted, 'a.md')]]) }],
      ]),
    };
    const text = syncRecordJson(record);
    expect(syncRecordJson(parseSyncRecord(text) ?? { settings: record.settings, folders: new Map() })).toBe(text);
    expect(parseSyncRecord('{"format":"something else"}')).toBeNull();
  });
});
