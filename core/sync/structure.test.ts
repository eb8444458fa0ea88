/**
 * What takes papers out of a synced catalogue (catalogue-structure.ts): merging two papers, undoing it, removing
 * papers (a restore), each made on one device while the other went on without it, then both exchanged.
 */

import { describe, expect, it } from 'vitest';

import { encodeChangeLine, encodeStateDocument } from './device-documents.js';
import { canonicalLibrary } from './library.js';
import { parseLog, parseStateText } from './parse-device-files.js';
import { exchange, paper, TestDevice } from './simulation/test-device.js';
import { stateOfOps } from './ops.js';
import type { ParsedDigest } from '../import/types.js';
import type { ParsedPaper } from '../model.js';
import { mergePapers } from '../paper-merge.js';

const T0 = Date.UTC(2025, 2, 11, 9);
const MINUTE = 60_000;

function digest(title: string, ...papers: ParsedPaper[]): ParsedDigest {
  return { format: 'bibtex', title, date: '2025-03-11', papers, skipped: [] };
}

const PREPRINT = paper('Graph networks', { arxivId: '2401.00001', links: ['https://arxiv.org/abs/2401.00001'] });
const PUBLISHED = paper('Graph neural networks, the journal version', { doi: '10.1000/gnn', abstract: 'Longer.' });
const OTHER = paper('Sparse attention');

/** A laptop and a desktop with the same three papers: [preprint, published, other]. */
function twoDevices(): { laptop: TestDevice; desktop: TestDevice; ids: readonly string[] } {
  const laptop = new TestDevice('laptop0001', T0);
  const desktop = new TestDevice('desktop002', T0);
  const ids = laptop.import(digest('Reading group', PREPRINT, PUBLISHED, OTHER));
  exchange(laptop, desktop);
  laptop.now += MINUTE;
  desktop.now += MINUTE;
  return { laptop, desktop, ids };
}

function expectSameLibrary(a: TestDevice, b: TestDevice): void {
  expect(canonicalLibrary(a.library)).toBe(canonicalLibrary(b.library));
}

function ids(device: TestDevice): string[] {
  return device.library.catalogue.papers.map((paper) => paper.id);
}

describe('merging two papers on one device', () => {
  it('gives the catalogue core/paper-merge gives, on both devices, with what the other did meanwhile', () => {
    const {
      laptop,
      desktop,
      ids: [preprint = '', published = '', other = ''],
    } = twoDevices();
    laptop.tag(preprint, 'gnn');
    exchange(laptop, desktop);
    laptop.merge(published, preprint);
    expect(ids(laptop)).toEqual([published, other]);

    // The desktop, not having seen the merge, tags both papers and imports a digest that lists the merged one.
    desktop.tag(preprint, 'survey');
    desktop.tag(published, 'journal');
    desktop.import(digest('Weekly', PREPRINT, paper('Transformers')));
    const expected = mergePapers(desktop.library, published, preprint, new Date(T0).toISOString()).catalogue;

    exchange(laptop, desktop);
    expectSameLibrary(laptop, desktop);
    expect(laptop.library.catalogue).toEqual(expected);
    const kept = laptop.state(published);
    expect(new Set(kept?.tags)).toEqual(new Set(['gnn', 'survey', 'journal']));
    expect(laptop.library.catalogue.papers.find((record) => record.id === published)?.aliases).toContain(preprint);
    // The merged paper's own state stays under its id, as paper-merge leaves it.
    expect(laptop.state(preprint)?.tags).toEqual(['gnn', 'survey']);
  });

  it('is undone on the other device, and both go back to the two papers', () => {
    const {
      laptop,
      desktop,
      ids: [preprint = '', published = ''],
    } = twoDevices();
    laptop.note(preprint, 'Read section 3.');
    exchange(laptop, desktop);
    const before = desktop.library.catalogue;
    const merge = laptop.merge(published, preprint);
    expect(laptop.state(published)?.note).toContain('Read section 3.');
    exchange(laptop, desktop);
    expect(ids(desktop)).not.toContain(preprint);

    desktop.now += MINUTE;
    desktop.unmerge(merge.undo);
    expect(desktop.library.catalogue).toEqual(before);
    exchange(laptop, desktop);
    expectSameLibrary(laptop, desktop);
    expect(laptop.library.catalogue).toEqual(before);
    expect(laptop.state(preprint)?.note).toBe('Read section 3.');
    // Undone twice, or on both devices at once: the same.
    laptop.now += MINUTE;
    expect(() => {
      laptop.unmerge(merge.undo);
    }).toThrow(/no merge to undo/);
  });

  it('takes back on undo all it gave the kept paper, though a digest listing that paper came meanwhile', () => {
    const {
      laptop,
      desktop,
      ids: [preprint = '', published = ''],
    } = twoDevices();
    const before = laptop.library.catalogue.papers.find((record) => record.id === published);
    const merge = laptop.merge(published, preprint);
    laptop.import(digest('Weekly', PUBLISHED, paper('Transformers')));
    const imported = [...laptop.replica.imports.values()].at(-1);
    const record = imported?.papers.find((entry) => entry.id === published);
    // Its record as the imports made it, with the new digest: not the merge's aliases, nor the preprint's fields.
    expect(record?.aliases).toBeUndefined();
    expect(record?.links).toEqual(before?.links);
    laptop.now += MINUTE;
    laptop.unmerge(merge.undo);
    exchange(laptop, desktop);
    const after = desktop.library.catalogue.papers.find((entry) => entry.id === published);
    expect(after).toEqual({ ...before, digests: [...(before?.digests ?? []), expect.any(String)] });
    expectSameLibrary(laptop, desktop);
  });

  it('merges again after an undo, and a concurrent undo and merge on two devices converge', () => {
    const {
      laptop,
      desktop,
      ids: [preprint = '', published = ''],
    } = twoDevices();
    const first = laptop.merge(published, preprint);
    laptop.now += MINUTE;
    laptop.unmerge(first.undo);
    laptop.now += MINUTE;
    laptop.merge(published, preprint);
    exchange(laptop, desktop);
    expect(ids(desktop)).not.toContain(preprint);
    expectSameLibrary(laptop, desktop);
  });

  it('keeps a merged paper out when its import is read again, in any order', () => {
    const {
      laptop,
      desktop,
      ids: [preprint = '', published = ''],
    } = twoDevices();
    laptop.merge(published, preprint);
    desktop.import(digest('Again', PREPRINT));
    exchange(laptop, desktop);
    exchange(laptop, desktop);
    expect(ids(laptop)).not.toContain(preprint);
    expectSameLibrary(laptop, desktop);
  });

  it('writes a merge as a line an older Shelfmark skips, saying so, and reads the rest of the line', () => {
    const {
      laptop,
      ids: [preprint = '', published = ''],
    } = twoDevices();
    laptop.tag(preprint, 'gnn');
    laptop.merge(published, preprint);
    const log = [...laptop.files].find(([path]) => path.endsWith('.jsonl'))?.[1] ?? '';
    const mergeLine = log.split('\n').find((line) => line.includes('"kind":"merge"')) ?? '';
    expect(mergeLine).not.toBe('');
    // As a reader that knows no merges sees it: the kind replaced by one it does not know.
    const older = parseLog(`${mergeLine.replace('"kind":"merge"', '"kind":"merge-of-the-future"')}\n`);
    expect(older.problems).toEqual([{ line: 1, problem: expect.stringMatching(/^change 1: /) as unknown }]);
    expect(older.ops.length).toBeGreaterThan(0);
    // And this one reads it back whole.
    expect(parseLog(`${mergeLine}\n`).problems).toEqual([]);
  });
});

describe('removing papers (a restore)', () => {
  it('takes them out on every device, from their digests too', () => {
    const {
      laptop,
      desktop,
      ids: [preprint = '', published = '', other = ''],
    } = twoDevices();
    laptop.remove(other);
    exchange(laptop, desktop);
    expect(ids(desktop)).toEqual([preprint, published]);
    expect(desktop.library.catalogue.digests.flatMap((entry) => entry.paperIds)).not.toContain(other);
    expectSameLibrary(laptop, desktop);
  });

  it('gives way to an import of the paper made after it, or without knowing of it', () => {
    const {
      laptop,
      desktop,
      ids: [, , other = ''],
    } = twoDevices();
    laptop.remove(other);
    // The desktop imports it again meanwhile: imports win.
    desktop.import(digest('Weekly', OTHER));
    exchange(laptop, desktop);
    expect(ids(laptop)).toContain(other);
    expectSameLibrary(laptop, desktop);

    // Removed again having seen that import: gone; imported again after: back.
    laptop.now += MINUTE;
    laptop.remove(other);
    exchange(laptop, desktop);
    expect(ids(desktop)).not.toContain(other);
    desktop.now += MINUTE;
    desktop.import(digest('Monthly', OTHER));
    exchange(laptop, desktop);
    expect(ids(laptop)).toContain(other);
    expectSameLibrary(laptop, desktop);
  });

  it('takes a kept paper with what was merged into it', () => {
    const {
      laptop,
      desktop,
      ids: [preprint = '', published = '', other = ''],
    } = twoDevices();
    laptop.merge(published, preprint);
    laptop.now += MINUTE;
    laptop.remove(published);
    exchange(laptop, desktop);
    expect(ids(desktop)).toEqual([other]);
    expectSameLibrary(laptop, desktop);
  });

  it('keeps merges and removals in a snapshot, and a snapshot without them reads as before', () => {
    const {
      laptop,
      ids: [preprint = '', published = '', other = ''],
    } = twoDevices();
    laptop.merge(published, preprint);
    laptop.remove(other);
    const state = laptop.replica.own;
    const text = encodeStateDocument(laptop.id, state, '0000000000000');
    const [read] = parseStateText(text).versions;
    expect(read?.state.merges?.size).toBe(1);
    expect(read?.state.removed?.size).toBe(state.removed?.size);
    const plain = encodeStateDocument(laptop.id, stateOfOps([]), '0000000000000');
    expect(plain).not.toMatch(/merges|removed/);
    expect(encodeChangeLine(laptop.id, [])).toBe(`{"device":"${laptop.id}","ops":[],"v":1}\n`);
  });

  it("restores a backup's states under the ids it had, though an import that arrived since gave a paper another", () => {
    const laptop = new TestDevice('laptop0001', T0);
    const desktop = new TestDevice('desktop002', T0 + MINUTE);
    laptop.import(digest('Early', paper('Graph networks')));
    const [id = ''] = desktop.import(digest('Later', paper('Graph networks', { arxivId: '2401.00001' })));
    desktop.tag(id, 'gnn');
    const backup = { catalogue: desktop.library.catalogue, states: desktop.library.states };
    // The laptop's import, made earlier, arrives: the paper is now known by its id.
    exchange(laptop, desktop);
    const [known = ''] = ids(desktop);
    expect(known).not.toBe(id);
    desktop.now += MINUTE;
    desktop.untag(known, 'gnn');
    desktop.transact(() => ({ ...backup, result: null }));
    expect(desktop.library.waiting).toBe(0);
    expect(desktop.state(known)?.tags).toEqual(['gnn']);
  });
});
